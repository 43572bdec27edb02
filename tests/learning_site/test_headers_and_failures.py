"""Security headers on every page, and failures that end in a friendly page instead of a bare 500."""

import io
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from access.factories import UserFactory
from courses.factories import course_tree

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def lesson():
    _course, _modules, (lesson,) = course_tree(lessons=[{"title": "Headers"}])
    return lesson


@pytest.mark.parametrize("path", ["/", "/courses/", "/login/", "/search/?query=x", "/no-such-page/"])
def test_every_public_page_has_a_strict_content_security_policy(client, lesson, path):
    policy = directives(client.get(path))
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]


def test_lesson_pages_allow_the_video_players(client, lesson):
    policy = directives(client.get(lesson.url))
    for origin in ("https://player.vimeo.com", "https://www.youtube-nocookie.com", "https://drive.google.com"):
        assert origin in policy["frame-src"]
    assert "https://player.vimeo.com" in policy["script-src"] and "https:" in policy["media-src"]


def test_public_pages_have_no_inline_script_or_style(client, make_student, lesson):
    client.force_login(make_student(lesson.course))
    for path in (lesson.url, "/my-dashboard/", "/my-certifications/", lesson.course.url):
        html = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), path


def test_the_admin_has_a_content_security_policy_of_its_own(client):
    client.force_login(UserFactory(is_superuser=True))
    policy = directives(client.get("/admin/"))
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail writes inline scripts in its admin
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]


def test_referrer_policy_sends_only_the_origin_across_sites(client):
    assert client.get("/").headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_production_passes_the_deploy_checks_without_warnings():
    environment = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "k" * 20 + "-this-is-a-long-and-random-looking-production-key-0123456789",
        "ALLOWED_HOSTS": "learn.example.com",
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.production",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_turns_on_hsts_ssl_redirect_and_secure_cookies():
    script = (
        "from learning_site.settings import production as p;"
        "print(p.SECURE_HSTS_SECONDS, p.SECURE_SSL_REDIRECT, p.SESSION_COOKIE_SECURE, p.CSRF_COOKIE_SECURE)"
    )
    environment = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 60}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["31536000", "True", "True", "True"]
    switched_off = {**environment, "SECURE_SSL_REDIRECT": "false", "HSTS_SECONDS": "0"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=switched_off, capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[:2] == ["0", "False"]


# Failing gracefully ------------------------------------------------------------------------------


def test_an_unknown_page_gets_the_site_s_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


# SQLite's in-memory test database cannot be "unreachable": Django never closes its connection.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database server to lose")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unreachable_database_gets_a_friendly_503_with_retry_after():
    visitor = Client(raise_request_exception=False)
    original = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens on port 1
    try:
        response = visitor.get("/courses/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "We will be back in a moment" in response.content.decode()


def test_a_server_error_gets_the_site_s_500_and_is_logged_with_its_path(monkeypatch):
    from courses.models import CourseIndexPage

    _course, _modules, _lessons = course_tree()

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("catalog exploded")

    monkeypatch.setattr(CourseIndexPage, "get_context", broken)  # a stand-in for any bug in a page
    # The console handler LOGGING configures for django.request, writing into a buffer for the test.
    console = next(h for h in logging.getLogger("django.request").handlers if type(h) is logging.StreamHandler)
    buffer = io.StringIO()
    monkeypatch.setattr(console, "stream", buffer)
    response = Client(raise_request_exception=False).get("/courses/?from=test")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    logged = buffer.getvalue()
    assert "Internal Server Error: /courses/" in logged
    assert "RuntimeError: catalog exploded" in logged and "Traceback" in logged
