"""Deleting an account: the student's own records go, and what the school must keep stays, anonymised."""

import pytest
from django.contrib.auth import get_user_model

from access.factories import UserFactory
from access.models import AccessEvent, CourseAccess
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import CourseReview, LessonNote, UserProgress
from quizzes.factories import certify, lesson_quiz
from quizzes.models import Certificate, QuizAttempt
from quizzes.services import start_attempt
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    course, _modules, [lesson] = course_tree(title="Kept course", lessons=[{"title": "Kept lesson"}])
    return course, lesson


def delete(client, **data):
    return client.post("/account/delete/", {"current_password": PASSWORD, "confirm": "DELETE", **data})


def test_a_wrong_password_keeps_the_account(client, student):
    response = delete(client, current_password="not-my-password")
    assert "That is not your current password." in response.content.decode()
    assert get_user_model().objects.filter(pk=student.pk).exists()


def test_deleting_needs_the_word_delete_typed(client, student):
    response = delete(client, confirm="yes")
    assert "Type DELETE" in response.content.decode()
    assert get_user_model().objects.filter(pk=student.pk).exists()


def test_a_deleted_student_is_logged_out_and_their_own_records_are_gone(client, student, course):
    course, lesson = course
    grant_course_access(user=student, course=course)
    UserProgress.objects.create(user=student, lesson=lesson, status="completed", completed=True)
    LessonNote.objects.create(user=student, lesson=lesson, text="Private thoughts.")
    CourseReview.objects.create(user=student, course=course, rating=4)

    response = delete(client)

    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="nia").exists()
    assert not get_user_model().objects.filter(email="nia@example.com").exists()
    assert not UserProgress.objects.exists() and not LessonNote.objects.exists() and not CourseReview.objects.exists()
    assert client.get("/account/").status_code == 302  # logged out


def test_the_audit_trail_stays_on_a_nameless_tombstone_that_cannot_log_in(client, student, course):
    course, _lesson = course
    grant_course_access(user=student, course=course)

    delete(client)

    access = CourseAccess.objects.get()
    tombstone = access.user
    assert tombstone.username.startswith("deleted-")
    assert (tombstone.first_name, tombstone.last_name, tombstone.email) == ("", "", "")
    assert not tombstone.is_active and not tombstone.has_usable_password()
    assert access.status == CourseAccess.Status.REVOKED
    actions = list(AccessEvent.objects.filter(user=tombstone).order_by("created_at").values_list("action", flat=True))
    assert actions == ["grant", "revoke"]


def test_a_certificate_of_a_deleted_account_still_verifies_as_valid(client, student, course):
    course, _lesson = course
    certificate = certify(user=student, course=course)

    delete(client)
    client.logout()
    html = client.get(certificate.get_absolute_url()).content.decode()

    assert Certificate.objects.get().user.username.startswith("deleted-")
    assert "Valid." in html
    assert "has since been deleted" in html


def test_an_admin_account_is_not_deleted_from_the_student_page(client):
    admin = UserFactory(is_staff=True, password=PASSWORD)
    client.force_login(admin)

    response = delete(client)

    assert "Staff accounts are not deleted here" in response.content.decode()
    assert get_user_model().objects.filter(pk=admin.pk).exists()


def test_quiz_attempts_stay_for_the_schools_statistics(client, student):
    quiz, lesson = lesson_quiz()
    start_attempt(user=student, quiz=quiz, lesson=lesson)

    delete(client)

    attempt = QuizAttempt.objects.get()
    assert attempt.quiz == quiz
    assert attempt.user.username.startswith("deleted-")
