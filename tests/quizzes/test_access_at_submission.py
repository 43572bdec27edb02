"""Access is checked again when an attempt is submitted, not only when it starts: a student whose
access ended mid-attempt gets a 403, a closed attempt without a score, and no certificate."""

from datetime import timedelta

import pytest
from django.utils import timezone

from access.factories import UserFactory
from access.models import CourseAccess
from access.services import change_access_expiry, grant_course_access, revoke_course_access
from courses.factories import course_tree
from courses.models import UserProgress
from quizzes.certificates import issue_certificate
from quizzes.factories import QuizFactory, certify, single_choice
from quizzes.models import Certificate, QuizAttempt
from quizzes.services import QuizAccessEnded

pytestmark = pytest.mark.django_db

EXPLANATION = "Because two and two make four."


@pytest.fixture
def exam_course():
    exam = QuizFactory(title="Final exam", questions=[single_choice(explanation=EXPLANATION)])
    course, _modules, lessons = course_tree(title="Testing 101", has_certificate=True, lessons=[{"title": "Only"}])
    course.final_exam = exam
    course.save_revision().publish()
    return course, lessons, exam


@pytest.fixture
def examinee(client, exam_course):
    """A student with access who completed the course and opened an exam attempt."""
    course, lessons, _exam = exam_course
    user = UserFactory()
    grant_course_access(user=user, course=course)
    for lesson in lessons:
        UserProgress.objects.create(user=user, lesson=lesson, completed=True, status="completed")
    client.force_login(user)
    client.post(course.url + "exam/", {"action": "start"})
    return user


@pytest.fixture
def quiz_under_way(client, make_student):
    """A student with access to an enrolled-only lesson who opened an attempt at its quiz; returns
    (quiz, course, lesson, student). Quiz fields are passed as `quiz_under_way(**fields)`."""

    def start(**quiz_fields):
        quiz = QuizFactory(**({"questions": [single_choice(explanation=EXPLANATION)]} | quiz_fields))
        course, _modules, (lesson,) = course_tree(lessons=[{"access_level": "enrolled", "quiz": quiz}])
        student = make_student(course)
        client.force_login(student)
        client.post(lesson.url + "quiz/", {"action": "start"})
        return quiz, course, lesson, student

    return start


def submit_right_answer(client, page_url, quiz):
    attempt = QuizAttempt.objects.get(status="in_progress")
    question = list(quiz.questions)[0]
    right = next(iter(question.block.correct_option_ids(question.value)))
    response = client.post(page_url, {"action": "submit", "attempt": attempt.pk, f"q-{question.id}": right})
    return response, QuizAttempt.objects.get(pk=attempt.pk), right


def test_an_exam_opened_before_revocation_cannot_be_submitted(client, exam_course, examinee):
    course, _lessons, exam = exam_course
    revoke_course_access(user=examinee, course=course, revoked_by=None, reason="Chargeback")
    response, attempt, right = submit_right_answer(client, course.url + "exam/", exam)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Access was revoked." in html and "closed without a score" in html
    assert EXPLANATION not in html and right not in html
    assert (attempt.status, attempt.score, attempt.passed) == ("closed", None, False)
    assert not Certificate.objects.exists()


def test_an_exam_opened_before_access_expired_cannot_be_submitted(client, exam_course, examinee):
    course, _lessons, exam = exam_course
    record = CourseAccess.objects.get(user=examinee)
    change_access_expiry(access=record, expires_at=timezone.now() + timedelta(seconds=1), changed_by=None)
    CourseAccess.objects.filter(pk=record.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response, attempt, _right = submit_right_answer(client, course.url + "exam/", exam)
    assert response.status_code == 403 and "Access expired" in response.content.decode()
    assert attempt.status == "closed" and not Certificate.objects.exists()


def test_an_exam_submitted_with_access_still_certifies(client, exam_course, examinee):
    course, _lessons, exam = exam_course
    response, attempt, _right = submit_right_answer(client, course.url + "exam/", exam)
    assert response.status_code == 302 and attempt.passed
    assert Certificate.objects.filter(user=examinee, course=course).exists()


def test_a_lesson_quiz_opened_before_revocation_cannot_be_submitted(client, quiz_under_way):
    quiz, course, lesson, student = quiz_under_way()
    revoke_course_access(user=student, course=course, revoked_by=None, reason="Left the company")
    response, attempt, _right = submit_right_answer(client, lesson.url + "quiz/", quiz)
    assert response.status_code == 403 and EXPLANATION not in response.content.decode()
    assert attempt.status == "closed" and attempt.results == {}


def test_a_quiz_in_a_course_made_private_cannot_be_submitted_by_an_outsider(client, learner):
    quiz = QuizFactory()
    course, _modules, (lesson,) = course_tree(lessons=[{"access_level": "registered", "quiz": quiz}])
    client.force_login(learner)
    client.post(lesson.url + "quiz/", {"action": "start"})
    course.visibility = course.Visibility.PRIVATE
    course.save_revision().publish()
    response, attempt, _right = submit_right_answer(client, lesson.url + "quiz/", quiz)
    assert response.status_code == 404
    assert attempt.status == "in_progress" and attempt.score is None


def test_a_closed_attempt_does_not_use_up_an_attempt(client, quiz_under_way):
    quiz, course, lesson, student = quiz_under_way(max_attempts=1)
    revoke_course_access(user=student, course=course, revoked_by=None, reason="Paused")
    submit_right_answer(client, lesson.url + "quiz/", quiz)
    grant_course_access(user=student, course=course)
    client.post(lesson.url + "quiz/", {"action": "start"})
    reopened = QuizAttempt.objects.get(status="in_progress")
    assert reopened.attempt_number == 2


def test_past_results_are_not_shown_after_access_ends(client, quiz_under_way):
    quiz, course, lesson, student = quiz_under_way()
    submit_right_answer(client, lesson.url + "quiz/", quiz)
    assert EXPLANATION in client.get(lesson.url + "quiz/attempts/1/").content.decode()
    revoke_course_access(user=student, course=course, revoked_by=None, reason="Refunded")
    response = client.get(lesson.url + "quiz/attempts/1/")
    assert response.status_code == 403 and EXPLANATION not in response.content.decode()


def test_a_certificate_is_never_issued_without_access():
    course, _modules, _lessons = course_tree(has_certificate=True)
    student = UserFactory()
    with pytest.raises(QuizAccessEnded, match="No access to this course."):
        issue_certificate(user=student, course=course)
    assert not Certificate.objects.exists()


def test_a_certificate_is_not_issued_after_revocation(make_student):
    course, _modules, _lessons = course_tree(has_certificate=True)
    student = make_student(course)
    revoke_course_access(user=student, course=course, revoked_by=None, reason="Refunded")
    with pytest.raises(QuizAccessEnded, match="Access was revoked."):
        issue_certificate(user=student, course=course)


def test_completing_the_last_lesson_without_access_issues_no_certificate(client, learner):
    course, _modules, (lesson,) = course_tree(has_certificate=True, lessons=[{"access_level": "guest"}])
    client.force_login(learner)
    response = client.post(lesson.url + "complete/")
    assert response.status_code == 302
    assert UserProgress.objects.filter(user=learner, lesson=lesson, completed=True).exists()
    assert not Certificate.objects.exists()


def test_completing_the_last_lesson_with_access_certifies(client, make_student):
    course, _modules, (lesson,) = course_tree(has_certificate=True, lessons=[{"access_level": "guest"}])
    student = make_student(course)
    client.force_login(student)
    client.post(lesson.url + "complete/")
    assert Certificate.objects.filter(user=student, course=course).exists()
    assert certify(user=student, course=course) == Certificate.objects.get()
