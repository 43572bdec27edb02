"""A lesson with a video and some old text, and an editor's client whose queued tasks run after each request."""

import pytest

from courses.factories import course_tree
from tests.authoring.editor import VIDEO


@pytest.fixture
def lesson():
    _course, _modules, [lesson] = course_tree(
        lessons=[
            {
                "title": "Lesson 4",
                "access_level": "registered",
                "summary": "Old summary",
                "body": [
                    {"type": "video", "value": VIDEO},
                    {"type": "text", "value": {"audience": "guest", "text": "<p>Old words.</p>"}},
                ],
            }
        ]
    )
    return lesson


@pytest.fixture
def editor_client(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)
    client.run_tasks = django_capture_on_commit_callbacks  # queued tasks run once the request has committed
    return client
