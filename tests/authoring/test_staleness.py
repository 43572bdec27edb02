"""Every AI draft remembers the lesson version it was made from; the admin says when the lesson moved on."""

import json

import pytest
from django.urls import reverse

from authoring.models import LessonAIDraft
from quizzes.models import QuizDraftRequest
from tests.authoring.editor import an_answer, answering, draft_with_ai, edit_url, latest, press
from tests.fake_servers import chat_completion

pytestmark = pytest.mark.django_db

STALE = "stale: made from an older version"


@pytest.fixture
def drafted(fake_openai, editor_client, lesson):
    """A lesson with a generated AI draft made from the notes "edges"."""
    fake_openai(answering(an_answer()))
    draft_with_ai(editor_client, lesson, rough_notes="edges")
    return LessonAIDraft.objects.get()


def test_a_fresh_draft_is_not_marked_stale(drafted, editor_client, lesson):
    assert STALE not in editor_client.get(edit_url(lesson)).content.decode()


def test_new_notes_make_the_draft_stale_with_a_link_to_compare(drafted, editor_client, lesson):
    html = press(
        editor_client, lesson, "action-save", rough_notes="edges, and now equivalence classes"
    ).content.decode()

    newest = latest(lesson).latest_revision_id
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[lesson.pk, drafted.source_revision_id, newest])
    assert STALE in html and compare in html


def test_polishing_the_drafts_own_text_keeps_it_fresh(drafted, editor_client, lesson):
    html = press(editor_client, lesson, "action-save", title="Boundary values, polished").content.decode()

    assert latest(lesson).title == "Boundary values, polished"
    assert STALE not in html


# Quiz drafts ------------------------------------------------------------------------------------------


def questions(count=3):
    return {
        "questions": [
            {
                "text": f"Question {number}?",
                "explanation": "Because.",
                "options": [{"text": "Right", "is_correct": True}, {"text": "Wrong", "is_correct": False}],
            }
            for number in range(1, count + 1)
        ]
    }


def draft_a_quiz(client, lesson):
    with client.run_tasks(execute=True):
        client.post("/admin/quizzes/ai-draft/", {"lesson": lesson.pk, "question_count": 3})
    return QuizDraftRequest.objects.get()


def quiz_drafts_listing(client):
    return client.get("/admin/quiz_draft_requests/").content.decode()


def test_a_quiz_draft_is_made_from_the_lessons_latest_saved_version(fake_openai, editor_client, lesson):
    server = fake_openai(lambda path, headers, body: (200, chat_completion(json.dumps(questions()))))
    press(editor_client, lesson, "action-save", summary="Unpublished words about equivalence classes")

    draft = draft_a_quiz(editor_client, lesson)

    assert draft.source_revision_id == latest(lesson).latest_revision_id
    assert "Unpublished words about equivalence classes" in server.requests[0][2]["messages"][1]["content"]


def test_a_quiz_draft_goes_stale_when_the_lesson_text_changes(fake_openai, editor_client, lesson):
    fake_openai(lambda path, headers, body: (200, chat_completion(json.dumps(questions()))))
    draft = draft_a_quiz(editor_client, lesson)
    assert "The lesson as it is now" in quiz_drafts_listing(editor_client)

    press(editor_client, lesson, "action-save", summary="A different summary")

    newest = latest(lesson).latest_revision_id
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[lesson.pk, draft.source_revision_id, newest])
    html = quiz_drafts_listing(editor_client)
    assert "Stale: made from an older version" in html and compare in html
