"""Editors press "Draft with AI" in the lesson editor; the real openai client talks to a fake server on 127.0.0.1."""

import json

import pytest
from django.utils.html import escape

from authoring.models import LessonAIDraft
from courses.models import LessonPage
from tests.authoring.editor import VIDEO, an_answer, answering, draft_with_ai, edit_url, latest, press
from tests.fake_servers import chat_completion

pytestmark = pytest.mark.django_db


def test_a_draft_becomes_a_new_revision_and_nothing_is_published(fake_openai, editor_client, lesson):
    fake_openai(answering(an_answer()))

    response = draft_with_ai(editor_client, lesson, rough_notes="edges: 0, 100; off by one")

    draft = LessonAIDraft.objects.get()
    assert draft.status == "generated"
    assert "Draft ready for review" in response.content.decode()
    live = LessonPage.objects.get(pk=lesson.pk)
    assert (live.title, live.summary, live.has_unpublished_changes) == ("Lesson 4", "Old summary", True)
    drafted = latest(lesson)
    assert (drafted.title, drafted.summary) == (
        "Boundary Value Analysis",
        "Find the bugs that live at the edges of valid input.",
    )
    assert drafted.objectives == ["Pick boundary values for a numeric field", "Write pytest cases for each boundary"]
    assert draft.revision_id == drafted.latest_revision_id


def test_the_draft_keeps_the_video_and_replaces_the_old_text(fake_openai, editor_client, lesson):
    fake_openai(answering(an_answer()))

    draft_with_ai(editor_client, lesson, rough_notes="edges")

    body = latest(lesson).body
    assert [child.block_type for child in body] == ["video", "text", "code", "callout"]
    assert body[0].value["url"] == VIDEO["url"]
    assert "Old words." not in str(body.raw_data)
    assert body[2].value["audience"] == "enrolled" and "parametrize" in body[2].value["code"]


def test_coach_actions_become_a_next_actions_callout_for_the_lessons_audience(fake_openai, editor_client, lesson):
    fake_openai(answering(an_answer()))

    draft_with_ai(editor_client, lesson, rough_notes="edges")

    callout = latest(lesson).body[-1].value
    assert (callout["title"], callout["style"], callout["audience"]) == ("Your next actions", "tip", "registered")
    assert "<li>Share your cases with a peer</li>" in callout["body"].source


def test_markup_in_the_ais_text_is_stored_as_text(fake_openai, editor_client, lesson):
    fake_openai(answering(an_answer()))

    draft_with_ai(editor_client, lesson, rough_notes="edges")

    text = latest(lesson).body[1].value["text"].source
    assert "<h2>Why edges matter</h2>" in text and "&lt;b&gt;three&lt;/b&gt;" in text


def test_the_ai_is_sent_the_notes_just_typed_and_the_transcript(fake_openai, editor_client, lesson):
    server = fake_openai(answering(an_answer()))

    draft_with_ai(
        editor_client, lesson, working_title="bva", rough_notes="edges: 0 and 100", source_transcript="so today we..."
    )

    [(path, _headers, body)] = server.requests
    prompt = body["messages"][1]["content"]
    assert path == "/v1/chat/completions" and body["response_format"]["json_schema"]["name"] == "lesson_draft"
    assert "WORKING TITLE: bva" in prompt and "edges: 0 and 100" in prompt and "so today we..." in prompt
    assert LessonAIDraft.objects.get().source_inputs["rough_notes"] == "edges: 0 and 100"


def test_publishing_the_lesson_approves_its_draft(fake_openai, editor_client, lesson):
    fake_openai(answering(an_answer()))
    draft_with_ai(editor_client, lesson, rough_notes="edges")

    press(editor_client, lesson, "action-publish")

    draft = LessonAIDraft.objects.get()
    assert draft.status == "approved" and draft.approved_at is not None
    assert LessonPage.objects.get(pk=lesson.pk).title == "Boundary Value Analysis"


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (lambda p, h, b: (200, chat_completion(json.dumps(an_answer())), 3), "did not answer in time"),
        (lambda p, h, b: (429, {"error": {"message": "slow down", "type": "rate_limit"}}), "rate limit"),
        (lambda p, h, b: (200, chat_completion("{not json")), "not valid JSON"),
        (answering(an_answer(outcomes=["Only one"])), "needs 2 to 8 outcomes; it has 1"),
        (answering(an_answer(title="  ")), "The AI's title is empty."),
        (
            answering(an_answer(blocks=[{**an_answer()["blocks"][1], "language": "cobol"}])),
            "block 1 is code without a known language",
        ),
        (answering(an_answer(blocks=[{**an_answer()["blocks"][0], "paragraphs": []}])), "block 1 has no paragraphs"),
    ],
    ids=["timeout", "rate-limit", "malformed-json", "too-few-outcomes", "empty-title", "bad-code", "empty-text"],
)
def test_a_failed_draft_says_why_and_writes_nothing_to_the_lesson(fake_openai, editor_client, lesson, respond, message):
    fake_openai(respond)

    response = draft_with_ai(editor_client, lesson, rough_notes="edges")

    draft = LessonAIDraft.objects.get()
    assert draft.status == "failed" and message in draft.message and draft.revision is None
    assert escape(message) in response.content.decode()
    assert latest(lesson).title == "Lesson 4"  # only the editor's own save


def test_nothing_to_draft_from_is_refused_with_a_clear_message(fake_openai, editor_client, lesson):
    server = fake_openai(answering(an_answer()))

    response = draft_with_ai(editor_client, lesson)

    assert "nothing to draft from yet" in response.content.decode()
    assert not LessonAIDraft.objects.exists() and not server.requests


def test_draft_with_ai_is_offered_in_the_lesson_editor_when_ai_is_on(fake_openai, editor_client, lesson):
    fake_openai(answering(an_answer()))

    assert 'name="action-ai-draft"' in editor_client.get(edit_url(lesson)).content.decode()
    assert 'name="action-ai-draft"' not in editor_client.get(edit_url(lesson.get_parent())).content.decode()


def test_draft_with_ai_is_not_offered_when_ai_is_off(settings, editor_client, lesson):
    settings.OPENAI_API_KEY = ""

    html = editor_client.get(edit_url(lesson)).content.decode()

    assert 'name="action-ai-draft"' not in html and "AI features are off" in html
