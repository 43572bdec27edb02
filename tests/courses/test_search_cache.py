"""Search results are kept for viewers with the same facts (logged in or not, their courses, what is
still dripping for them): a search by one viewer never answers another's, and losing access shows at
once. Each test searches first as someone who may find more, then as someone who may not."""

import pytest
from django.urls import reverse

from access.services import revoke_course_access
from courses.factories import course_tree

ENROLLED_WORD = "capercaillie"
REGISTERED_WORD = "ptarmigan"

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    body = [
        {"type": "text", "value": {"audience": "registered", "text": f"<p>Members read of the {REGISTERED_WORD}.</p>"}},
        {"type": "text", "value": {"audience": "enrolled", "text": f"<p>Students study the {ENROLLED_WORD}.</p>"}},
    ]
    course, _modules, _lessons = course_tree(lessons=[{"title": "Grouse", "slug": "grouse", "body": body}])
    return course


def found(client, word):
    response = client.get(reverse("search"), {"query": word})
    assert response.status_code == 200
    return [lesson.slug for lesson in response.context["results"].lessons]


def test_a_registered_user_does_not_find_what_a_student_found_before(client, make_student, learner, course):
    client.force_login(make_student(course))
    assert found(client, ENROLLED_WORD) == ["grouse"]

    client.force_login(learner)

    assert found(client, ENROLLED_WORD) == []


def test_a_guest_does_not_find_what_a_registered_user_found_before(client, learner, course):
    client.force_login(learner)
    assert found(client, REGISTERED_WORD) == ["grouse"]
    client.logout()

    assert found(client, REGISTERED_WORD) == []


def test_a_revoked_student_no_longer_finds_enrolled_text(client, make_student, editor, course):
    student = make_student(course)
    client.force_login(student)
    assert found(client, ENROLLED_WORD) == ["grouse"]

    revoke_course_access(user=student, course=course, revoked_by=editor, reason="Refunded")

    assert found(client, ENROLLED_WORD) == []


def test_a_second_student_of_the_same_course_finds_the_same_lessons(client, make_student, course):
    client.force_login(make_student(course))
    assert found(client, ENROLLED_WORD) == ["grouse"]
    client.force_login(make_student(course))

    response = client.get(reverse("search"), {"query": ENROLLED_WORD})

    assert [lesson.slug for lesson in response.context["results"].lessons] == ["grouse"]
    assert "Students study" not in response.content.decode()  # the summary is shown, never the body
