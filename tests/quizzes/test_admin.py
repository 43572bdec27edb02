"""Editors author quizzes in the Wagtail admin, with drafts and previews that never leak to students."""

import pytest
from django.test import RequestFactory

from quizzes.factories import QuizFactory, single_choice
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db


def test_editors_see_quizzes_with_their_question_count(client, editor):
    QuizFactory(title="Boundaries check", questions=[single_choice(), single_choice()])
    client.force_login(editor)
    response = client.get("/admin/snippets/quizzes/quiz/")
    assert response.status_code == 200
    assert "Boundaries check" in response.content.decode()
    [row] = response.context["object_list"]
    assert row.question_count == 2


def test_editor_can_open_the_quiz_editor(client, editor):
    quiz = QuizFactory()
    client.force_login(editor)
    assert client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").status_code == 200
    assert client.get("/admin/snippets/quizzes/quiz/add/").status_code == 200


def preview(quiz, user, mode):
    request = RequestFactory().get("/")
    request.user = user
    return quiz.serve_preview(request, mode).render().content.decode()


def test_student_preview_hides_the_answers(editor):
    quiz = QuizFactory(questions=[single_choice(explanation="Two twos.")])
    html = preview(quiz, editor, "")
    assert "Two twos." not in html and "answer-correct" not in html


def test_answer_preview_shows_the_answers_and_explanations(editor):
    quiz = QuizFactory(questions=[single_choice(explanation="Two twos.")])
    html = preview(quiz, editor, "answers")
    assert "Two twos." in html and "answer-correct" in html


def test_a_draft_change_does_not_reach_students_until_published(client, editor):
    quiz = QuizFactory(title="Published title")
    quiz.title = "Draft title"
    quiz.save_revision()
    assert Quiz.objects.get(pk=quiz.pk).title == "Published title"


def test_a_quiz_with_attempts_cannot_be_deleted(client, editor):
    from access.factories import UserFactory
    from quizzes.factories import lesson_quiz
    from quizzes.services import start_attempt

    quiz, lesson = lesson_quiz(title="Taken")
    start_attempt(user=UserFactory(), quiz=quiz, lesson=lesson)
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(f"/admin/snippets/quizzes/quiz/delete/{quiz.pk}/", follow=True)
    assert "“Taken” has student attempts, so it cannot be deleted." in response.content.decode()
    assert Quiz.objects.filter(pk=quiz.pk).exists()


def test_a_quiz_nobody_attempted_can_be_deleted(client):
    from access.factories import UserFactory

    quiz = QuizFactory(title="Unused")
    client.force_login(UserFactory(is_superuser=True))
    client.post(f"/admin/snippets/quizzes/quiz/delete/{quiz.pk}/")
    assert not Quiz.objects.filter(pk=quiz.pk).exists()
