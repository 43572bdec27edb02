"""The lesson editor's Drafting tab shows how its transcriptions went and where to ask for one."""

import pytest
from django.urls import reverse

from authoring.models import LessonTranscription
from tests.authoring.editor import edit_url

pytestmark = pytest.mark.django_db


def test_the_drafting_tab_shows_a_failed_transcription_with_its_error(editor_client, lesson, editor):
    LessonTranscription.objects.create(
        lesson=lesson,
        requested_by=editor,
        media_url="https://res.cloudinary.com/demo/video/upload/lesson.mp4",
        status=LessonTranscription.Status.FAILED,
        error="The recording has no sound track.",
    )

    html = editor_client.get(edit_url(lesson)).content.decode()

    assert "Failed" in html and "The recording has no sound track." in html
    assert reverse("authoring_transcribe", args=[lesson.pk]) in html
