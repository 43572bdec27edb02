"""Editors ask for a transcript of a lesson's recording; it arrives as a draft revision, never published.

Real media made with ffmpeg, the real openai client against a fake OpenAI server on 127.0.0.1, and a
fake Cloudinary delivery host on 127.0.0.1 for recordings fetched by address.
"""

import json
import shutil
import subprocess
import tempfile

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse
from wagtail.documents import get_document_model

from access.factories import UserFactory
from authoring.models import LessonTranscription
from authoring.transcription import TranscriptionError, request_transcription
from courses.factories import course_tree
from courses.models import CourseInstructor, LessonPage
from learning_site import ai
from tests.concurrency import at_once
from tests.fake_servers import multipart_fields, transcription

pytestmark = pytest.mark.django_db

CLOUDINARY_VIDEO = "https://res.cloudinary.com/demo/video/upload/v1/lessons/intro.mp4"


def HEARD(path, headers, body):
    return 200, transcription("Test the edges of every range.")


def ffmpeg_tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is needed to make and check recordings in these tests: apt-get install ffmpeg")
    return path


@pytest.fixture(scope="session")
def media(tmp_path_factory):
    """`make(name, *ffmpeg input options)`: the bytes of a recording ffmpeg makes once per test run."""
    folder = tmp_path_factory.mktemp("recordings")

    def make(name, *inputs):
        path = folder / name
        if not path.exists():
            command = [ffmpeg_tool("ffmpeg"), "-nostdin", "-loglevel", "error", "-y", *inputs, str(path)]
            subprocess.run(command, check=True)  # noqa: S603
        return path.read_bytes()

    return make


def tone(seconds):
    return ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]


def black_video(seconds):
    return ["-f", "lavfi", "-i", f"color=c=black:s=64x64:d={seconds}"]


def streams_of(data, tmp_path):
    """The codec types ffprobe finds in `data`, and its length in seconds."""
    path = tmp_path / "probed"
    path.write_bytes(data)
    command = [ffmpeg_tool("ffprobe"), "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)]
    found = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)  # noqa: S603
    return [stream["codec_type"] for stream in found["streams"]], float(found["format"]["duration"])


def new_document(filename, data, title=None):
    document = get_document_model()(title=title or filename)
    document.file.save(filename, ContentFile(data))
    return document


def resource(document):
    value = {"audience": "enrolled", "title": document.title, "resource_type": "audio", "document": document.pk}
    return {"type": "resource", "value": value}


def video(url, title="The recording"):
    return {"type": "video", "value": {"audience": "enrolled", "url": url, "title": title}}


def lesson_with(*blocks, **fields):
    _course, _modules, [lesson] = course_tree(lessons=[{"title": "Boundary values", "body": list(blocks), **fields}])
    return LessonPage.objects.get(pk=lesson.pk)  # as published, with its live and latest revision


def transcribe_url(lesson):
    return reverse("authoring_transcribe", args=[lesson.pk])


@pytest.fixture
def asking_editor(client, editor, django_capture_on_commit_callbacks):
    client.force_login(editor)

    def ask(lesson, **data):
        """Post the form and let the task run; returns the response (a redirect, or the form with an error)."""
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(transcribe_url(lesson), data)

    client.ask = ask
    return client


def sent_files(server):
    """The file part of each transcription request the fake OpenAI server received, in order."""
    return [multipart_fields(headers, body)["file"] for _path, headers, body in server.requests]


# Transcribing


def test_an_audio_document_s_transcript_is_saved_as_a_draft_revision(fake_openai, asking_editor, editor, media):
    server = fake_openai(HEARD)
    tone_mp3 = media("tone.mp3", *tone(3))
    recording = new_document("lecture.mp3", tone_mp3)
    lesson = lesson_with(resource(recording))
    live_revision = lesson.live_revision

    response = asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    assert response.url == reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    done = LessonTranscription.objects.get()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert (done.status, done.error, done.transcript) == ("completed", "", "Test the edges of every range.")
    assert done.revision == lesson.latest_revision and done.revision.user == editor
    assert lesson.latest_revision.as_object().source_transcript == "Test the edges of every range."
    assert (lesson.source_transcript, lesson.live, lesson.live_revision) == ("", True, live_revision)
    assert lesson.has_unpublished_changes and done.started_at <= done.finished_at
    [(path, headers, body)] = server.requests
    fields = multipart_fields(headers, body)
    assert path == "/v1/audio/transcriptions" and headers["authorization"] == "Bearer test-key"
    assert fields["model"].data == b"whisper-1" and fields["file"].data == tone_mp3
    messages = [str(message) for message in asking_editor.get(response.url).context["messages"]]
    assert any("new draft revision" in message and "Drafting tab" in message for message in messages)


def test_the_draft_keeps_what_the_editor_saved_but_did_not_publish(fake_openai, asking_editor, media):
    fake_openai(HEARD)
    recording = new_document("lecture.mp3", media("tone.mp3", *tone(3)))
    lesson = lesson_with(resource(recording))
    draft = lesson.get_latest_revision_as_object()
    draft.rough_notes = "Unpublished notes about equivalence classes."
    draft.save_revision()

    asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    saved = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert saved.rough_notes == "Unpublished notes about equivalence classes."
    assert saved.source_transcript == "Test the edges of every range."


def test_a_video_document_is_sent_as_its_extracted_audio(fake_openai, asking_editor, media, tmp_path):
    server = fake_openai(HEARD)
    clip = media("clip.mp4", *tone(3), *black_video(3), "-shortest")
    lesson = lesson_with(resource(new_document("lecture.mp4", clip)))

    asking_editor.ask(lesson, recording=f"document:{get_document_model().objects.get().pk}")

    [sent] = sent_files(server)
    assert sent.filename.endswith(".mp3") and sent.data != clip
    assert streams_of(sent.data, tmp_path)[0] == ["audio"]
    assert LessonTranscription.objects.get().status == "completed"


def test_a_long_recording_is_sent_in_parts_under_the_limit_and_joined_in_order(
    fake_openai, asking_editor, media, settings, tmp_path
):
    settings.TRANSCRIPTION_MAX_PART_BYTES = 20_000

    def answer_with_file_name(path, headers, body):
        return 200, transcription(f"[{multipart_fields(headers, body)['file'].filename}]")

    server = fake_openai(answer_with_file_name)
    lesson = lesson_with(resource(new_document("lecture.mp3", media("long.mp3", *tone(12)))))

    asking_editor.ask(lesson, recording=f"document:{get_document_model().objects.get().pk}")

    parts = sent_files(server)
    names = [part.filename for part in parts]
    assert len(parts) >= 3 and names == sorted(names)
    assert all(len(part.data) <= 20_000 for part in parts)
    assert sum(streams_of(part.data, tmp_path)[1] for part in parts) == pytest.approx(12, abs=0.3)
    assert LessonTranscription.objects.get().transcript == " ".join(f"[{name}]" for name in names)


def test_a_cloudinary_recording_is_fetched_from_its_delivery_address(
    fake_openai, fake_media_host, asking_editor, media
):
    server = fake_openai(HEARD)
    host = fake_media_host({"/demo/video/upload/v1/lecture.mp4": media("clip.mp4", *tone(3), *black_video(3))})
    url = f"{host.url}/demo/video/upload/v1/lecture.mp4"
    lesson = lesson_with(video(url))

    asking_editor.ask(lesson, recording=f"url:{url}")

    done = LessonTranscription.objects.get()
    assert (done.status, done.media_url, done.error) == ("completed", url, "")
    assert host.requests == ["/demo/video/upload/v1/lecture.mp4"]
    assert sent_files(server)[0].filename.endswith(".mp3")


# Failing, and writing nothing to the lesson


def assert_failed_and_lesson_untouched(lesson, message):
    done = LessonTranscription.objects.get()
    assert done.status == "failed" and message in done.error, done.error
    assert (done.transcript, done.revision, done.finished_at is not None) == ("", None, True)
    assert LessonPage.objects.get(pk=lesson.pk).latest_revision == lesson.latest_revision


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        (lambda p, h, b: (200, transcription("late"), 3), "did not answer in time"),
        (lambda p, h, b: (429, {"error": {"message": "slow down", "type": "rate_limit"}}), "rate limit"),
        (lambda p, h, b: (401, {"error": {"message": "bad key"}}), "refused the API key"),
        (lambda p, h, b: (200, "{not json"), "not a transcript"),
        (lambda p, h, b: (200, {"segments": []}), "not a transcript"),
        (lambda p, h, b: (200, transcription("   ")), "came back empty"),
    ],
    ids=["timeout", "rate-limit", "bad-key", "not-json", "no-text", "empty"],
)
def test_a_failed_transcription_says_why_and_writes_nothing(fake_openai, asking_editor, media, respond, message):
    fake_openai(respond)
    recording = new_document("lecture.mp3", media("tone.mp3", *tone(3)))
    lesson = lesson_with(resource(recording))

    asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    assert_failed_and_lesson_untouched(lesson, message)
    html = asking_editor.get(transcribe_url(lesson)).content.decode()
    assert "Failed" in html and message in html


def test_a_part_that_fails_fails_the_whole_recording(fake_openai, asking_editor, media, settings):
    settings.TRANSCRIPTION_MAX_PART_BYTES = 20_000
    answers = iter([(200, transcription("First part.")), (429, {"error": {"message": "slow down"}})])
    fake_openai(lambda path, headers, body: next(answers, (200, transcription("Later part."))))
    lesson = lesson_with(resource(new_document("lecture.mp3", media("long.mp3", *tone(12)))))

    asking_editor.ask(lesson, recording=f"document:{get_document_model().objects.get().pk}")

    assert_failed_and_lesson_untouched(lesson, "Part 2 of 3: The AI service is busy right now (rate limit).")


def test_a_corrupt_recording_fails_with_ffmpeg_s_error(fake_openai, asking_editor):
    server = fake_openai(HEARD)
    recording = new_document("lecture.mp4", b"\x00\x00\x00\x18not really a video" * 50)
    lesson = lesson_with(resource(recording))

    asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    assert_failed_and_lesson_untouched(lesson, "ffmpeg could not read the recording: ")
    assert "Invalid data found when processing input" in LessonTranscription.objects.get().error
    assert server.requests == []


def test_a_video_without_sound_fails_saying_so(fake_openai, asking_editor, media):
    fake_openai(HEARD)
    recording = new_document("silent.mp4", media("silent.mp4", *black_video(2)))
    lesson = lesson_with(resource(recording))

    asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    assert_failed_and_lesson_untouched(lesson, "The recording has no sound track")


def test_without_ffmpeg_on_the_server_the_request_fails_saying_so(fake_openai, asking_editor, media, monkeypatch):
    fake_openai(HEARD)
    recording = new_document("lecture.mp4", media("clip.mp4", *tone(3), *black_video(3), "-shortest"))
    lesson = lesson_with(resource(recording))
    monkeypatch.setenv("PATH", "/nonexistent")

    asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    assert_failed_and_lesson_untouched(lesson, "ffmpeg is not installed on the server")


@pytest.mark.parametrize("outcome", ["completed", "failed"])
def test_temporary_files_are_removed_after_the_task(fake_openai, asking_editor, media, monkeypatch, tmp_path, outcome):
    fake_openai(HEARD if outcome == "completed" else lambda p, h, b: (429, {"error": {"message": "slow"}}))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    recording = new_document("lecture.mp4", media("clip.mp4", *tone(3), *black_video(3), "-shortest"))
    lesson = lesson_with(resource(recording))

    asking_editor.ask(lesson, recording=f"document:{recording.pk}")

    assert LessonTranscription.objects.get().status == outcome
    assert list(tmp_path.iterdir()) == []


def test_a_document_deleted_before_the_task_runs_fails_saying_so(
    fake_openai, editor, media, django_capture_on_commit_callbacks
):
    fake_openai(HEARD)
    recording = new_document("lecture.mp3", media("tone.mp3", *tone(3)))
    lesson = lesson_with(resource(recording))
    with django_capture_on_commit_callbacks() as queued:
        request_transcription(lesson=lesson, requested_by=editor, document=recording)
    recording.delete()

    [run_task] = queued
    run_task()

    assert_failed_and_lesson_untouched(lesson, "The recording is gone: its document was deleted")


def test_a_missing_cloudinary_file_fails_with_the_http_status(fake_openai, fake_media_host, asking_editor):
    fake_openai(HEARD)
    url = f"{fake_media_host({}).url}/demo/video/upload/v1/gone.mp4"
    lesson = lesson_with(video(url))

    asking_editor.ask(lesson, recording=f"url:{url}")

    assert_failed_and_lesson_untouched(lesson, "Cloudinary answered HTTP 404")


def test_a_redirect_away_from_cloudinary_is_not_followed(fake_openai, fake_media_host, asking_editor):
    fake_openai(HEARD)
    host = fake_media_host({}, redirects={"/demo/video/upload/v1/moved.mp3": "http://127.0.0.2:9/internal.mp3"})
    url = f"{host.url}/demo/video/upload/v1/moved.mp3"
    lesson = lesson_with(video(url))

    asking_editor.ask(lesson, recording=f"url:{url}")

    assert_failed_and_lesson_untouched(lesson, "Only recordings on Cloudinary can be fetched")


def test_a_recording_over_the_size_cap_is_not_downloaded_in_full(
    fake_openai, fake_media_host, asking_editor, media, settings
):
    fake_openai(HEARD)
    settings.TRANSCRIPTION_MAX_SOURCE_BYTES = 1000
    host = fake_media_host({"/demo/video/upload/v1/big.mp3": media("tone.mp3", *tone(3))})
    url = f"{host.url}/demo/video/upload/v1/big.mp3"
    lesson = lesson_with(video(url))

    asking_editor.ask(lesson, recording=f"url:{url}")

    assert_failed_and_lesson_untouched(lesson, "The recording is larger than 1000")


# Asking: the admin page and the service's rules


def test_the_page_lists_the_lesson_s_recordings_and_nothing_else(asking_editor):
    recording = new_document("lecture.m4a", b"audio", title="Week 1 lecture")
    handout = new_document("handout.pdf", b"%PDF-1.4", title="Handout")
    lesson = lesson_with(
        resource(recording), resource(handout), video(CLOUDINARY_VIDEO), video("https://vimeo.com/76979871")
    )

    response = asking_editor.get(transcribe_url(lesson))

    assert response.status_code == 200
    choices = dict(response.context["form"].fields["recording"].choices)
    assert choices == {
        f"document:{recording.pk}": "Week 1 lecture (lecture.m4a)",
        f"url:{CLOUDINARY_VIDEO}": f"The recording ({CLOUDINARY_VIDEO})",
    }
    assert "Or another document" in response.content.decode()


def test_past_requests_are_listed_with_their_status_and_error(asking_editor):
    lesson = lesson_with()
    LessonTranscription.objects.create(lesson=lesson, media_url=CLOUDINARY_VIDEO, status="failed", error="Too quiet.")

    html = asking_editor.get(transcribe_url(lesson)).content.decode()

    assert "Failed" in html and "Too quiet." in html and CLOUDINARY_VIDEO in html


def test_a_document_picked_from_the_library_wins_over_the_lesson_s_recording(fake_openai, asking_editor, media):
    fake_openai(HEARD)
    lesson = lesson_with(video(CLOUDINARY_VIDEO))
    recording = new_document("interview.mp3", media("tone.mp3", *tone(3)))

    asking_editor.ask(lesson, recording=f"url:{CLOUDINARY_VIDEO}", other_document=recording.pk)

    done = LessonTranscription.objects.get()
    assert (done.document, done.media_url, done.status) == (recording, "", "completed")


def test_asking_without_choosing_a_recording_says_so(fake_openai, asking_editor):
    fake_openai(HEARD)
    lesson = lesson_with(video(CLOUDINARY_VIDEO))

    response = asking_editor.ask(lesson)

    errors = response.context["form"].non_field_errors()
    assert errors == ["Choose a recording: one of the lesson's, or another document."]
    assert not LessonTranscription.objects.exists()


def test_only_documents_the_user_may_choose_can_be_transcribed(client, fake_openai, media):
    fake_openai(HEARD)
    lesson = lesson_with()
    instructor = UserFactory()
    CourseInstructor.objects.create(course=lesson.course, user=instructor)  # no document library rights
    client.force_login(instructor)
    elsewhere = new_document("board-meeting.mp3", media("tone.mp3", *tone(3)))

    response = client.post(transcribe_url(lesson), {"other_document": elsewhere.pk})

    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not LessonTranscription.objects.exists()


def test_a_document_that_is_not_a_recording_is_refused(fake_openai, asking_editor):
    fake_openai(HEARD)
    lesson = lesson_with()
    handout = new_document("handout.pdf", b"%PDF-1.4", title="Handout")

    response = asking_editor.ask(lesson, other_document=handout.pk)

    assert response.status_code == 200
    assert "“Handout” is not an audio or video file (.pdf)" in response.content.decode()
    assert not LessonTranscription.objects.exists()


def test_without_an_api_key_the_page_explains_and_nothing_is_queued(settings, asking_editor):
    settings.OPENAI_API_KEY = ""
    recording = new_document("lecture.mp3", b"audio")
    lesson = lesson_with(resource(recording))

    html = asking_editor.get(transcribe_url(lesson)).content.decode()
    assert "set OPENAI_API_KEY" in html and "disabled" in html

    response = asking_editor.ask(lesson, recording=f"document:{recording.pk}")
    assert "set OPENAI_API_KEY" in response.content.decode()
    assert not LessonTranscription.objects.exists()


def test_a_second_request_waits_for_the_one_in_flight(fake_openai, asking_editor):
    fake_openai(HEARD)
    lesson = lesson_with(video(CLOUDINARY_VIDEO))
    LessonTranscription.objects.create(lesson=lesson, media_url=CLOUDINARY_VIDEO, status="processing")

    response = asking_editor.ask(lesson, recording=f"url:{CLOUDINARY_VIDEO}")

    assert "already under way" in response.content.decode()
    assert LessonTranscription.objects.count() == 1


def test_an_editor_who_may_not_edit_the_lesson_is_turned_away(client, fake_openai):
    fake_openai(HEARD)
    lesson = lesson_with(video(CLOUDINARY_VIDEO))
    other_course, _modules, _lessons = course_tree()
    instructor = UserFactory()
    CourseInstructor.objects.create(course=other_course, user=instructor)  # may edit only that course
    client.force_login(instructor)

    assert client.get(transcribe_url(lesson)).url == reverse("wagtailadmin_home")
    assert client.post(transcribe_url(lesson), {"recording": f"url:{CLOUDINARY_VIDEO}"}).url == reverse(
        "wagtailadmin_home"
    )
    assert not LessonTranscription.objects.exists()


def test_an_instructor_may_transcribe_their_own_lesson(client):
    lesson = lesson_with(video(CLOUDINARY_VIDEO))
    instructor = UserFactory()
    CourseInstructor.objects.create(course=lesson.course, user=instructor)
    client.force_login(instructor)

    assert client.get(transcribe_url(lesson)).status_code == 200


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://res.cloudinary.com/demo/video/upload/v1/intro.mp4", "Only recordings on Cloudinary"),
        ("https://evil.example/demo/video/upload/v1/intro.mp4", "Only recordings on Cloudinary"),
        ("https://res.cloudinary.com.evil.example/demo/video/upload/intro.mp4", "Only recordings on Cloudinary"),
        ("https://res.cloudinary.com/demo/image/upload/v1/cat.jpg", "not a video or audio file"),
    ],
    ids=["http", "other-host", "look-alike-host", "image"],
)
def test_only_cloudinary_video_or_audio_addresses_are_accepted(fake_openai, editor, url, message):
    fake_openai(HEARD)
    lesson = lesson_with()
    with pytest.raises(TranscriptionError, match=message):
        request_transcription(lesson=lesson, requested_by=editor, media_url=url)
    assert not LessonTranscription.objects.exists()


def test_ai_off_is_refused_by_the_service_too(editor):
    lesson = lesson_with()
    with pytest.raises(TranscriptionError) as refused:
        request_transcription(lesson=lesson, requested_by=editor, media_url=CLOUDINARY_VIDEO)
    assert str(refused.value) == ai.NOT_CONFIGURED


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent connections")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_requests_at_once_queue_one_transcription(settings):
    settings.OPENAI_API_KEY = "test-key"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # queued, never run
    lesson = lesson_with(video(CLOUDINARY_VIDEO))
    editor = UserFactory()

    results, errors = at_once(
        lambda: request_transcription(lesson=lesson, requested_by=editor, media_url=CLOUDINARY_VIDEO)
    )

    assert len(results) == 1 and [type(error) for error in errors] == [TranscriptionError]
    assert LessonTranscription.objects.filter(lesson=lesson).count() == 1
