"""Editors ask the AI for a draft quiz; the real openai client talks to a fake OpenAI server on 127.0.0.1."""

import json

import pytest

from courses.factories import course_tree
from quizzes.models import Quiz, QuizDraftRequest
from tests.fake_servers import chat_completion

pytestmark = pytest.mark.django_db

DRAFT_URL = "/admin/quizzes/ai-draft/"


def questions(count):
    return {
        "questions": [
            {
                "text": f"Question {number} about boundaries?",
                "explanation": "Because the lesson says so.",
                "options": [{"text": "Right", "is_correct": True}, {"text": "Wrong", "is_correct": False}],
            }
            for number in range(1, count + 1)
        ]
    }


@pytest.fixture
def lesson():
    _course, _modules, [lesson] = course_tree(
        lessons=[
            {
                "title": "Boundary values",
                "access_level": "enrolled",
                "body": [
                    {"type": "text", "value": {"audience": "enrolled", "text": "<p>Test the edges: 0 and 100.</p>"}}
                ],
            }
        ]
    )
    return lesson


@pytest.fixture
def editor_client(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)

    def ask(lesson, count=3):
        """Request a draft and let its task run; returns the status listing an editor then sees."""
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(DRAFT_URL, {"lesson": lesson.pk, "question_count": count})
        if response.status_code != 302:
            return response  # the form, with an error
        return client.get("/admin/quiz_draft_requests/")

    client.ask = ask
    return client


def test_a_drafted_quiz_is_saved_unpublished_for_review(fake_openai, editor_client, lesson):
    server = fake_openai(lambda path, headers, body: (200, chat_completion(json.dumps(questions(3)))))
    response = editor_client.ask(lesson)
    draft = QuizDraftRequest.objects.get()
    assert draft.status == "succeeded" and "Draft ready" in response.content.decode()
    quiz = Quiz.objects.get()
    assert (quiz.live, quiz.question_count, draft.quiz) == (False, 3, quiz)
    [(path, headers, body)] = server.requests
    assert path == "/v1/chat/completions" and headers["authorization"] == "Bearer test-key"
    assert body["response_format"]["type"] == "json_schema"
    assert "Test the edges: 0 and 100." in body["messages"][1]["content"]


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (lambda p, h, b: (200, chat_completion(json.dumps(questions(3))), 3), "did not answer in time"),
        (lambda p, h, b: (429, {"error": {"message": "slow down", "type": "rate_limit"}}), "rate limit"),
        (lambda p, h, b: (200, chat_completion("{not json")), "not valid JSON"),
        (lambda p, h, b: (200, chat_completion(json.dumps({"items": []}))), "has no list of questions"),
        (lambda p, h, b: (200, chat_completion(json.dumps(questions(2)))), "Asked for 3 questions; the AI wrote 2."),
    ],
    ids=["timeout", "rate-limit", "malformed-json", "wrong-schema", "wrong-count"],
)
def test_a_failed_draft_says_why_and_saves_nothing(fake_openai, editor_client, lesson, respond, message):
    fake_openai(respond)
    response = editor_client.ask(lesson)
    draft = QuizDraftRequest.objects.get()
    assert draft.status == "failed" and message in draft.message
    assert message in response.content.decode()
    assert not Quiz.objects.exists()


def test_a_question_that_breaks_the_rules_fails_the_draft(fake_openai, editor_client, lesson):
    broken = questions(3)
    broken["questions"][1]["options"] = [{"text": "Only", "is_correct": False}, {"text": "None", "is_correct": False}]
    fake_openai(lambda path, headers, body: (200, chat_completion(json.dumps(broken))))
    editor_client.ask(lesson)
    draft = QuizDraftRequest.objects.get()
    assert "question 2 breaks the question rules: Mark exactly one option as correct (0 are marked)." in draft.message
    assert not Quiz.objects.exists()


def test_without_an_api_key_the_form_explains_what_to_configure(settings, editor_client, lesson):
    settings.OPENAI_API_KEY = ""
    html = editor_client.get(DRAFT_URL).content.decode()
    assert "set OPENAI_API_KEY" in html and "disabled" in html
    response = editor_client.ask(lesson)
    assert "set OPENAI_API_KEY" in response.content.decode()
    assert not QuizDraftRequest.objects.exists()


def test_draft_requests_are_listed_with_their_status(fake_openai, editor_client, lesson):
    fake_openai(lambda path, headers, body: (429, {"error": {"message": "slow down"}}))
    editor_client.ask(lesson)
    html = editor_client.get("/admin/quiz_draft_requests/").content.decode()
    assert "Boundary values" in html and "Failed" in html


def test_lessons_in_the_page_explorer_offer_an_ai_draft(editor_client, lesson):
    html = editor_client.get(f"/admin/pages/{lesson.get_parent().pk}/").content.decode()
    assert f"/admin/quizzes/ai-draft/?lesson={lesson.pk}" in html
