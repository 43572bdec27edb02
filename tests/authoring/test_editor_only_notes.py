"""A lesson's working title, rough notes and recording transcript are for editors: no student channel shows them."""

import json

import pytest
from django.urls import reverse

from courses.factories import course_tree
from tests.fake_servers import chat_completion

pytestmark = pytest.mark.django_db

NOTES = {
    "working_title": "Secret working title about capybaras",
    "rough_notes": "Rough notes mentioning quokkas",
    "source_transcript": "Raw transcript mentioning axolotls",
}
SECRET_WORDS = ("capybaras", "quokkas", "axolotls")


@pytest.fixture
def noted_lesson():
    course, _modules, [lesson] = course_tree(
        lessons=[
            {
                "title": "Open lesson",
                "access_level": "guest",
                "summary": "Public summary.",
                "body": [{"type": "text", "value": {"audience": "guest", "text": "<p>Lesson words.</p>"}}],
                **NOTES,
            }
        ]
    )
    return course, lesson


def assert_no_secret(text):
    assert not [word for word in SECRET_WORDS if word in text]


def test_the_lesson_page_never_shows_the_notes_even_to_an_enrolled_student(client, make_student, noted_lesson):
    course, lesson = noted_lesson
    client.force_login(make_student(course))

    html = client.get(lesson.url).content.decode()

    assert "Lesson words." in html
    assert_no_secret(html)


def test_the_pages_api_never_returns_the_notes(client, noted_lesson):
    response = client.get("/api/v2/pages/", {"type": "courses.LessonPage", "fields": "*"})

    assert response.status_code == 200 and "Open lesson" in response.content.decode()
    assert_no_secret(response.content.decode())


@pytest.mark.parametrize("word", SECRET_WORDS)
def test_search_never_finds_a_lesson_by_its_notes(client, make_student, noted_lesson, word):
    course, _lesson = noted_lesson
    client.force_login(make_student(course))

    response = client.get(reverse("search"), {"query": word})

    assert list(response.context["results"].lessons) == []


def test_the_editor_finds_the_notes_on_the_drafting_tab(editor_client, noted_lesson):
    _course, lesson = noted_lesson

    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()

    assert "Drafting" in html and all(word in html for word in SECRET_WORDS)


def test_the_lesson_assistant_is_never_given_the_notes(client, fake_openai, make_student, noted_lesson):
    course, lesson = noted_lesson
    server = fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    client.force_login(make_student(course))

    payload = {"lesson_id": lesson.pk, "action": "summarise", "message": ""}
    client.post("/api/chatbot/", json.dumps(payload), content_type="application/json")

    prompt = server.requests[0][2]["messages"][1]["content"]
    assert "Lesson words." in prompt
    assert_no_secret(prompt)
