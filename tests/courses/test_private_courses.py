"""A private course does not exist for a viewer without access, on any channel: pages, the pages
API (listing, detail, find) and file downloads all answer as if there were nothing there."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from courses.factories import course_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_course():
    document = get_document_model()(title="Syllabus")
    document.file.save("syllabus.txt", ContentFile(b"week one"))
    resource = {"type": "resource", "value": {"audience": "guest", "title": "Syllabus", "document": document.pk}}
    course, modules, (lesson,) = course_tree(
        title="Secret Course",
        visibility="private",
        lessons=[{"title": "Secret Lesson", "access_level": "guest", "body": [resource]}],
    )
    modules[0].title = "Secret Module"
    modules[0].save_revision().publish()
    return course, modules[0], lesson, document


def listed_titles(client):
    response = client.get("/api/v2/pages/", {"limit": 50})
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture(params=["guest", "registered"])
def outsider(request, client, learner):
    if request.param == "registered":
        client.force_login(learner)
    return client


def test_pages_api_does_not_list_a_private_course_or_its_pages(outsider, private_course):
    public_course = course_tree(title="Open Course")[0]
    titles = listed_titles(outsider)
    assert public_course.title in titles
    assert not titles & {"Secret Course", "Secret Module", "Secret Lesson"}


def test_pages_api_detail_of_private_pages_is_not_found(outsider, private_course):
    course, module, lesson, _document = private_course
    for page in (course, module, lesson):
        assert outsider.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_pages_api_find_of_a_private_lesson_is_not_found(outsider, private_course):
    _course, _module, lesson, _document = private_course
    response = outsider.get("/api/v2/pages/find/", {"html_path": lesson.url})
    assert response.status_code == 404


def test_pages_api_cannot_list_the_children_of_a_private_course(outsider, private_course):
    course, _module, _lesson, _document = private_course
    response = outsider.get("/api/v2/pages/", {"child_of": course.pk})
    assert response.status_code in (400, 404)
    assert "Secret Module" not in response.content.decode()


def test_pages_api_lists_a_private_course_to_its_students(client, make_student, private_course):
    course, _module, lesson, _document = private_course
    client.force_login(make_student(course))
    assert {"Secret Course", "Secret Module", "Secret Lesson"} <= listed_titles(client)
    assert client.get(f"/api/v2/pages/{lesson.pk}/").status_code == 200


def test_private_course_downloads_are_not_found_for_outsiders(outsider, private_course):
    _course, _module, lesson, document = private_course
    response = outsider.get(reverse("lesson_resource", args=[lesson.pk, document.pk]))
    assert response.status_code == 404


def test_private_course_downloads_work_for_its_students(client, make_student, private_course):
    course, _module, lesson, document = private_course
    client.force_login(make_student(course))
    response = client.get(reverse("lesson_resource", args=[lesson.pk, document.pk]))
    assert response.status_code == 200
