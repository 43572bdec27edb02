"""Attempt limits hold when two requests arrive at once (PostgreSQL only: real concurrent connections)."""

import pytest
from django.db import connection

from access.factories import UserFactory
from quizzes.factories import lesson_quiz
from quizzes.models import QuizAttempt
from quizzes.services import QuizError, start_attempt, submit_attempt
from tests.concurrency import at_once

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent connections"),
    # serialized_rollback restores the rows Wagtail's migrations create (root page, locale, groups).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_simultaneous_submissions_of_one_attempt_score_it_once():
    quiz, lesson = lesson_quiz(max_attempts=1)
    user = UserFactory()
    attempt = start_attempt(user=user, quiz=quiz, lesson=lesson)
    results, errors = at_once(lambda: submit_attempt(attempt=attempt, user=user, answers={}))
    assert len(results) == 1
    assert [str(error) for error in errors] == ["This attempt was already submitted."]
    assert QuizAttempt.objects.filter(user=user, status="submitted").count() == 1


def test_two_simultaneous_starts_with_one_attempt_allowed_make_one_attempt():
    quiz, lesson = lesson_quiz(max_attempts=1)
    user = UserFactory()
    results, errors = at_once(lambda: start_attempt(user=user, quiz=quiz, lesson=lesson))
    assert errors == []
    assert len({attempt.pk for attempt in results}) == 1
    assert QuizAttempt.objects.filter(user=user).count() == 1


def test_the_last_attempt_cannot_be_taken_twice_at_once():
    quiz, lesson = lesson_quiz(max_attempts=2)
    user = UserFactory()
    submit_attempt(attempt=start_attempt(user=user, quiz=quiz, lesson=lesson), user=user, answers={})

    def start_and_submit():
        attempt = start_attempt(user=user, quiz=quiz, lesson=lesson)
        return submit_attempt(attempt=attempt, user=user, answers={})

    results, errors = at_once(start_and_submit)
    assert QuizAttempt.objects.filter(user=user).count() == 2
    assert len(results) == 1 and all(isinstance(error, QuizError) for error in errors)
