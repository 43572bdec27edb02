"""The deployed configuration: background work waits for the worker, sessions live where every app
server can read them."""

import json
import os
import runpy
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection

from courses.factories import course_tree
from quizzes.models import QuizDraftRequest
from tests.fake_servers import chat_completion

pytestmark = pytest.mark.django_db


def production_settings(monkeypatch, **environment):
    monkeypatch.setenv("SECRET_KEY", "production-settings-under-test")
    monkeypatch.delenv("TASK_BACKEND", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    # Both modules are read afresh from this environment; the running settings stay untouched.
    monkeypatch.delitem(sys.modules, "learning_site.settings.base")
    monkeypatch.setattr(sys.modules["learning_site.settings"], "base", None)
    return runpy.run_module("learning_site.settings.production")


def draft_answer(path, headers, body):
    question = {"text": "Which value sits on the boundary?", "explanation": "", "options": []}
    question["options"] = [{"text": "100", "is_correct": True}, {"text": "57", "is_correct": False}]
    return 200, chat_completion(json.dumps({"questions": [question] * 3}))


def run_worker_once(openai_url):
    """`manage.py db_worker` as production starts it, in its own process, until the queue is empty."""
    database = django_settings.DATABASES["default"]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.production",
        "SECRET_KEY": "worker-under-test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "OPENAI_API_KEY": "test-key",
        "OPENAI_BASE_URL": openai_url,
    }
    environment.pop("TASK_BACKEND", None)
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process needs a database it can share")
def test_a_task_enqueued_under_production_settings_waits_for_the_worker_process(
    monkeypatch, settings, client, editor, fake_openai
):
    settings.TASKS = production_settings(monkeypatch)["TASKS"]
    server = fake_openai(draft_answer)
    _course, _modules, [lesson] = course_tree(lessons=[{"title": "Boundary values"}])
    client.force_login(editor)

    response = client.post("/admin/quizzes/ai-draft/", {"lesson": lesson.pk, "question_count": 3})

    assert response.status_code == 302
    assert QuizDraftRequest.objects.get().status == "queued" and server.requests == []

    worker = run_worker_once(settings.OPENAI_BASE_URL)

    assert worker.returncode == 0, worker.stderr
    assert QuizDraftRequest.objects.get().status == "succeeded" and len(server.requests) == 1


def test_production_keeps_sessions_in_the_database_without_a_shared_cache(monkeypatch):
    assert production_settings(monkeypatch)["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_production_reads_sessions_from_redis_when_there_is_one(monkeypatch):
    configured = production_settings(monkeypatch, REDIS_URL="redis://127.0.0.1:6379/0")
    assert configured["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_production_keeps_database_connections_open_and_checks_them(monkeypatch):
    database = production_settings(monkeypatch)["DATABASES"]["default"]
    assert (database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]) == (60, True)
