"""The catalog lists the courses a viewer may see, with their size."""

import pytest

from courses.factories import course_tree

pytestmark = pytest.mark.django_db


def catalog(client):
    from courses.models import CourseIndexPage

    response = client.get(CourseIndexPage.objects.get().url)
    assert response.status_code == 200
    return response


def test_catalog_cards_count_each_course_s_live_lessons_and_hours(client):
    course_tree(title="Three lessons", lessons=[{"title": f"Lesson {n}", "duration_minutes": 60} for n in range(3)])
    course_tree(title="One lesson", lessons=[{"title": "b", "duration_minutes": 30}])
    courses = {course.title: course for course in catalog(client).context["courses"]}
    assert (courses["Three lessons"].lesson_count, courses["Three lessons"].total_minutes) == (3, 180)
    assert (courses["One lesson"].lesson_count, courses["One lesson"].total_minutes) == (1, 30)


@pytest.mark.parametrize(
    ("visibility", "guest_sees", "member_sees"),
    [("public", True, True), ("members_only", False, True), ("hidden", False, False), ("private", False, False)],
)
def test_catalog_lists_courses_by_visibility(client, learner, visibility, guest_sees, member_sees):
    course_tree(title="The course", visibility=visibility)
    assert ("The course" in catalog(client).content.decode()) is guest_sees
    client.force_login(learner)
    assert ("The course" in catalog(client).content.decode()) is member_sees


def test_students_see_their_private_course_in_the_catalog(client, make_student):
    course, _modules, _lessons = course_tree(title="Private course", visibility="private")
    client.force_login(make_student(course))
    assert "Private course" in catalog(client).content.decode()


def test_private_course_page_is_not_found_without_access(client, learner):
    course, _modules, [lesson] = course_tree(visibility="private", lessons=[{"title": "Secret"}])
    client.force_login(learner)
    assert client.get(course.url).status_code == 404
    assert client.get(lesson.url).status_code == 404


def test_hidden_course_is_reachable_by_its_address(client):
    course, _modules, _lessons = course_tree(title="Hidden course", visibility="hidden")
    assert client.get(course.url).status_code == 200


def test_course_page_shows_the_outline_with_access_badges(client):
    course, _modules, _lessons = course_tree(
        lessons=[{"title": "Free one", "access_level": "guest"}, {"title": "Members one", "access_level": "registered"}]
    )
    html = client.get(course.url).content.decode()
    assert "Free one" in html and "Members one" in html
    assert "2 lessons" in html
