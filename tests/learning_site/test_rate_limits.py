"""Limits on guessing and flooding: logins lock out per account and per client (django-axes), and
sign-up, certificate checks, quiz posts and the assistant answer 429 with Retry-After once a
client has used its allowance, counted in the shared cache."""

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from access.factories import UserFactory
from courses.factories import course_tree
from learning_site.rate_limits import client_ip
from quizzes.factories import QuizFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def account():
    user = UserFactory(username="ada")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, username, password, address="203.0.113.5", path=None, **headers):
    return client.post(
        path or reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


AN_HOUR = 60 * 60


def limit(settings, name, requests, seconds=60):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, name: (requests, seconds)}


# Logins ---------------------------------------------------------------------------------------


def test_an_account_is_locked_after_the_failure_limit_even_from_many_addresses(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for number in range(3):
        log_in(client, "ada", "wrong", address=f"198.51.100.{number}")
    response = log_in(client, "ada", PASSWORD, address="198.51.100.200")
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert int(response["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session


def test_a_client_is_locked_after_the_failure_limit_across_accounts(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for number in range(3):
        log_in(client, f"someone{number}", "wrong")
    assert log_in(client, "ada", PASSWORD).status_code == 429


def test_the_cool_off_is_configurable_and_said(client, account, settings):
    from datetime import timedelta

    settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME = 1, timedelta(minutes=2)
    log_in(client, "ada", "wrong")
    response = log_in(client, "ada", PASSWORD)
    assert "paused for 2 minutes" in response.content.decode() and response["Retry-After"] == "120"


def test_the_admin_login_is_limited_too(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        log_in(client, "ada", "wrong", path="/admin/login/")
    assert log_in(client, "ada", PASSWORD, path="/admin/login/").status_code == 429


def test_a_spoofed_forwarded_for_header_does_not_dodge_the_client_limit(client, account, settings):
    settings.AXES_FAILURE_LIMIT, settings.TRUSTED_PROXY_COUNT = 3, 1
    for number in range(3):
        # The client writes its own X-Forwarded-For; the proxy appends the address it really saw.
        log_in(client, f"user{number}", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 203.0.113.9")
    response = log_in(client, "ada", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert response.status_code == 429


def test_without_trusted_proxies_forwarded_for_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client_ip(request) == "192.0.2.1"


def test_with_two_proxies_the_client_is_the_second_entry_from_the_end(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.7, 10.0.0.1")
    assert client_ip(request) == "192.0.2.7"


def test_a_successful_login_still_works_below_the_limit(client, account, settings):
    settings.AXES_FAILURE_LIMIT = 3
    log_in(client, "ada", "wrong")
    assert log_in(client, "ada", PASSWORD).status_code == 302
    assert int(client.session["_auth_user_id"]) == account.pk


# Per-client limits in the cache ------------------------------------------------------------------


def test_sign_ups_from_one_client_are_limited(client, settings):
    limit(settings, "register", 2, 3600)
    codes = []
    for number in range(3):
        client.logout()
        response = client.post(
            reverse("register"),
            {
                "username": f"new{number}",
                "email": f"new{number}@example.com",
                "first_name": "New",
                "last_name": f"Student {number}",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
        codes.append(response.status_code)
    assert codes == [302, 302, 429]
    assert "Nothing you typed was lost" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 3601


def test_certificate_checks_from_one_client_are_limited(client, settings):
    limit(settings, "certificate_verify", 3)
    codes = [client.get(f"/certificates/LS-AAAA-BBBB-CCC{n}/").status_code for n in range(4)]
    assert codes == [404, 404, 404, 429]


def test_another_client_has_its_own_allowance(client, settings):
    limit(settings, "certificate_verify", 1)
    client.get("/certificates/LS-AAAA-BBBB-CCCC/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/certificates/LS-AAAA-BBBB-CCCC/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/certificates/LS-AAAA-BBBB-CCCC/", REMOTE_ADDR="192.0.2.2").status_code == 404


def test_quiz_posts_from_one_client_are_limited(client, make_student, settings):
    limit(settings, "quiz_post", 2)
    quiz = QuizFactory()
    course, _modules, (lesson,) = course_tree(lessons=[{"quiz": quiz}])
    client.force_login(make_student(course))
    codes = [client.post(lesson.url + "quiz/", {"action": "start"}).status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_the_assistant_is_limited_per_client(client, settings, fake_openai):
    from tests.fake_servers import chat_completion

    limit(settings, "assistant_client", 1)
    fake_openai(lambda path, headers, body: (200, chat_completion("Answer.")))
    course, _modules, (lesson,) = course_tree(lessons=[{"access_level": "registered"}])
    codes = []
    for _ in range(2):
        client.force_login(UserFactory())  # a new student each time: only the client is the same
        body = json.dumps({"lesson_id": lesson.pk, "action": "summarise"})
        response = client.post(reverse("api_chatbot"), body, content_type="application/json")
        codes.append(response.status_code)
    assert codes == [200, 429]
    assert response.json()["success"] is False and int(response["Retry-After"]) > 0


# Across processes -------------------------------------------------------------------------------


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_up(), reason="needs Redis on 127.0.0.1:6379")
def test_limits_hold_across_processes_with_redis(client, settings):
    """Two app processes sharing Redis count together: this process uses up the allowance, and a
    separate Python process, with its own connection, is refused at once."""
    prefix = f"test-{uuid.uuid4().hex}"
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "KEY_PREFIX": prefix,
    }
    settings.CACHES = {"default": redis_cache}
    # Limits count in fixed windows; an hour-long one keeps both processes in the same one
    # (a 60 s window could turn over while the second process starts).
    limit(settings, "certificate_verify", 2, seconds=AN_HOUR)
    for _ in range(2):
        assert client.get("/certificates/LS-AAAA-BBBB-CCCC/", REMOTE_ADDR="192.0.2.9").status_code == 404
    script = (
        "import django; django.setup();"
        f"from django.conf import settings; settings.RATE_LIMITS['certificate_verify'] = (2, {AN_HOUR});"
        "from learning_site.rate_limits import take;"
        "print('refused' if take('certificate_verify', '192.0.2.9') else 'allowed')"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.test",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": prefix,
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip().endswith("refused")
