"""The lesson assistant answers from what the student may read; the openai client talks to a fake server."""

import json

import pytest

from access.factories import UserFactory
from courses.factories import course_tree
from tests.fake_servers import chat_completion

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "text", "value": {"audience": "guest", "text": "<p>Open words about boundaries.</p>"}},
    {"type": "text", "value": {"audience": "enrolled", "text": "<p>Secret enrolled capybara notes.</p>"}},
]


@pytest.fixture
def lesson():
    _course, _modules, [lesson] = course_tree(
        lessons=[{"title": "Boundaries", "access_level": "registered", "body": BODY}]
    )
    return lesson


def ask(client, lesson, action="summarise", message=""):
    payload = {"lesson_id": lesson.pk, "action": action, "message": message}
    return client.post("/api/chatbot/", json.dumps(payload), content_type="application/json")


def test_the_assistant_answers_from_the_lesson(client, fake_openai, lesson):
    server = fake_openai(lambda path, headers, body: (200, chat_completion("Five bullet points.")))
    client.force_login(UserFactory())
    response = ask(client, lesson)
    assert response.json() == {"success": True, "reply": "Five bullet points."}
    [(_path, _headers, body)] = server.requests
    prompt = body["messages"][1]["content"]
    assert "Open words about boundaries." in prompt and "Summarise this lesson" in prompt


def test_the_prompt_never_holds_text_the_student_may_not_read(client, fake_openai, lesson):
    server = fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    client.force_login(UserFactory())  # registered, not enrolled
    ask(client, lesson, action="free_form", message="Tell me everything.")
    prompt = server.requests[0][2]["messages"][1]["content"]
    assert "capybara" not in prompt and "Tell me everything." in prompt


def test_an_enrolled_student_s_prompt_has_the_enrolled_text(client, fake_openai, lesson, make_student):
    server = fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    client.force_login(make_student(lesson.course))
    ask(client, lesson)
    assert "capybara" in server.requests[0][2]["messages"][1]["content"]


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (lambda p, h, b: (200, chat_completion("late"), 3), "did not answer in time"),
        (lambda p, h, b: (429, {"error": {"message": "slow down"}}), "busy right now"),
        (lambda p, h, b: (500, {"error": {"message": "boom"}}), "answered with an error"),
    ],
    ids=["timeout", "rate-limit", "server-error"],
)
def test_ai_failures_get_a_friendly_message(client, fake_openai, lesson, respond, message):
    fake_openai(respond)
    client.force_login(UserFactory())
    response = ask(client, lesson)
    assert response.status_code == 503 and message in response.json()["error"]


def test_without_a_key_the_assistant_says_it_is_off(client, settings, lesson):
    settings.OPENAI_API_KEY = ""
    client.force_login(UserFactory())
    response = ask(client, lesson)
    assert response.status_code == 503
    assert response.json()["error"] == "The lesson assistant is switched off on this site for now."


def test_requests_beyond_the_rate_limit_get_a_429(client, fake_openai, settings, lesson):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "assistant_user": (2, 600)}
    server = fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    client.force_login(UserFactory())
    assert [ask(client, lesson).status_code for _ in range(3)] == [200, 200, 429]
    assert len(server.requests) == 2
    client.force_login(UserFactory())  # another student has their own allowance
    assert ask(client, lesson).status_code == 200


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"lesson_id": "1", "action": "summarise"}, "lesson_id"),
        ({"action": "summarise"}, "lesson_id"),
        ({"action": "dance"}, "action"),
        ({"action": "free_form", "message": ""}, "message"),
        ({"action": "free_form", "message": "x" * 2001}, "message"),
        ({"action": "free_form", "message": 5}, "message"),
    ],
)
def test_bad_requests_name_the_field(client, fake_openai, lesson, payload, field):
    fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    client.force_login(UserFactory())
    payload = {"lesson_id": lesson.pk, **payload} if "lesson_id" not in payload and field != "lesson_id" else payload
    response = client.post("/api/chatbot/", json.dumps(payload), content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == field


def test_anonymous_callers_get_a_401(client, lesson):
    assert ask(client, lesson).status_code == 401


def test_a_student_who_may_not_open_the_lesson_gets_a_403(client, fake_openai, make_student):
    fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    _course, _modules, [gated] = course_tree(lessons=[{"title": "Members", "access_level": "enrolled"}])
    client.force_login(UserFactory())
    assert ask(client, gated).status_code == 403


def test_the_lesson_page_has_the_assistant_panel_for_students_who_may_open_it(client, settings, lesson):
    settings.OPENAI_API_KEY = "test-key"  # the page only needs the AI configured, not reachable
    client.force_login(UserFactory())
    html = client.get(lesson.url).content.decode()
    assert "data-assistant" in html and 'data-action="quiz_me"' in html
    assert "js/assistant.js" in html


def test_with_the_ai_switched_off_the_lesson_page_has_no_assistant_panel_nor_its_script(client, settings, lesson):
    settings.OPENAI_API_KEY = ""
    client.force_login(UserFactory())
    html = client.get(lesson.url).content.decode()
    assert "data-assistant" not in html and "Lesson assistant" not in html
    assert "js/assistant.js" not in html
    assert "js/player.js" in html  # the rest of the student's page is unchanged


def test_the_panel_follows_the_setting_when_the_lesson_s_shared_caches_are_warm(client, settings, lesson):
    client.force_login(UserFactory())
    settings.OPENAI_API_KEY = "test-key"
    assert "data-assistant" in client.get(lesson.url).content.decode()  # body and outline now cached

    settings.OPENAI_API_KEY = ""

    assert "data-assistant" not in client.get(lesson.url).content.decode()
