"""/account/data.json: everything the site holds about the student, and nothing about anyone else."""

import json

import pytest

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import CourseReview, LessonNote, UserProgress
from quizzes.factories import certify

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    course, _modules, [lesson] = course_tree(title="Exported course", lessons=[{"title": "Exported lesson"}])
    return course, lesson


def download(client, user):
    client.force_login(user)
    response = client.get("/account/data.json")
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_export_holds_the_students_records_of_every_kind(client, course):
    course, lesson = course
    student = UserFactory(first_name="Nia", last_name="Okafor", email="nia@example.com")
    grant_course_access(user=student, course=course)
    UserProgress.objects.create(user=student, lesson=lesson, status="completed", completed=True)
    LessonNote.objects.create(user=student, lesson=lesson, text="Remember the oracle problem.")
    CourseReview.objects.create(user=student, course=course, rating=5, text="Clear and kind.")
    certificate = certify(user=student, course=course)

    _response, data = download(client, student)

    assert data["profile"]["email"] == "nia@example.com"
    assert data["profile"]["last_name"] == "Okafor"
    assert [access["course"] for access in data["course_access"]] == ["Exported course"]
    assert data["access_history"][0]["action"] == "grant"
    assert data["progress"][0]["lesson"] == "Exported lesson" and data["progress"][0]["completed"] is True
    assert data["notes"][0]["text"] == "Remember the oracle problem."
    assert data["reviews"][0]["text"] == "Clear and kind."
    assert data["certificates"][0]["number"] == certificate.number
    assert set(data) >= {"quiz_attempts", "purchases", "favorite_courses", "cohorts"}


def test_the_export_is_a_private_download(client, course):
    response, _data = download(client, UserFactory())
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert "no-store" in response["Cache-Control"]


def test_the_export_holds_nothing_of_another_student(client, course):
    course, lesson = course
    other = UserFactory()
    LessonNote.objects.create(user=other, lesson=lesson, text="Somebody else's secret.")

    response, data = download(client, UserFactory())

    assert data["notes"] == []
    assert "secret" not in response.content.decode()


def test_the_export_needs_a_login(client):
    response = client.get("/account/data.json")
    assert response.status_code == 302
