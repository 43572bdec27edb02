"""Transcripts of lesson recordings: an editor asks, a background task transcribes, a draft revision keeps it.

A recording is a Wagtail document holding audio or video, or a Cloudinary delivery address. The task
copies it into a temporary directory, has ffmpeg extract small mono audio unless the file already is
audio the API takes, splits that into parts under TRANSCRIPTION_MAX_PART_BYTES, transcribes the parts
in order through learning_site.ai and saves the joined text as the lesson's `source_transcript` in a
new draft revision made from the version an editor last saved. Nothing is published. A failure leaves
the lesson untouched and says why on the request; temporary files never outlive the task.
"""

import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from wagtail.models import Page

from learning_site import ai

from .models import LessonTranscription
from .sources import latest_version

# The API takes these as they are; anything else, or anything too big, goes through ffmpeg first.
API_AUDIO_EXTENSIONS = frozenset({"mp3", "mpga", "m4a", "wav", "ogg", "flac"})
MEDIA_EXTENSIONS = API_AUDIO_EXTENSIONS | {
    "oga", "opus", "aac", "wma", "webm", "mp4", "m4v", "mov", "mkv", "mpeg", "mpg", "avi", "3gp",
}  # fmt: skip
AUDIO_BITRATE = 32_000  # bits per second of the extracted audio: clear speech, about 14 MB an hour
PART_MARGIN = 0.9  # parts aim below the limit, leaving room for each part's headers
SHORTEST_PART_SECONDS = 2
FFMPEG_TIMEOUT_SECONDS = 30 * 60
DOWNLOAD_TIMEOUT_SECONDS = 60
DEFAULT_MAX_SOURCE_BYTES = 4 * 1024**3
DEFAULT_DELIVERY_HOSTS = ("res.cloudinary.com",)
ABANDONED_AFTER = timedelta(hours=6)  # a request in flight this long lost its worker: it no longer blocks
ERROR_TAIL_CHARACTERS = 500
FFMPEG_MISSING = (
    "ffmpeg is not installed on the server, so the recording's audio cannot be extracted. "
    "An administrator should install it (apt-get install ffmpeg)."
)


class TranscriptionError(ValueError):
    """A recording cannot be transcribed; the message is fit to show to the editor."""


@dataclass(frozen=True)
class Recording:
    """A recording a lesson holds (a document or a Cloudinary address), as an editor would name it."""

    label: str
    document: object = None
    media_url: str = ""

    @property
    def key(self):
        return f"document:{self.document.pk}" if self.document else f"url:{self.media_url}"


def is_media_document(document) -> bool:
    return document.file_extension.lower() in MEDIA_EXTENSIONS


def delivery_origin_allowed(url: str) -> bool:
    """Whether `url` is on a Cloudinary delivery host: https on a host named in CLOUDINARY_DELIVERY_HOSTS,
    or exactly an origin listed there with its scheme (how tests allow a fake on 127.0.0.1)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    for allowed in getattr(settings, "CLOUDINARY_DELIVERY_HOSTS", DEFAULT_DELIVERY_HOSTS):
        allowed = allowed.lower().rstrip("/")
        if origin == (allowed if "://" in allowed else f"https://{allowed}"):
            return True
    return False


def check_media_url(url: str) -> None:
    """Raise TranscriptionError unless `url` is a Cloudinary delivery address of a video or audio file."""
    try:
        allowed = delivery_origin_allowed(url)
        path = [part for part in urlsplit(url).path.split("/") if part]
    except ValueError:
        allowed, path = False, []
    if not allowed:
        raise TranscriptionError(
            "Only recordings on Cloudinary can be fetched: use an https://res.cloudinary.com/… address."
        )
    # Cloudinary delivers audio as the "video" resource type: /<cloud>/video/upload/…/<public id>
    if len(path) < 4 or path[1] != "video" or path[2] != "upload":
        raise TranscriptionError(
            "This Cloudinary address is not a video or audio file: "
            "it should look like https://res.cloudinary.com/<cloud>/video/upload/…"
        )


def is_cloudinary_media_url(url: str) -> bool:
    try:
        check_media_url(url)
    except TranscriptionError:
        return False
    return True


def lesson_recordings(lesson) -> list[Recording]:
    """The audio and video in the lesson as an editor last saved it: documents and Cloudinary addresses
    of its resource and video blocks, each once, in the order of the body."""
    _revision, version = latest_version(lesson)
    recordings = {}
    for block in version.body:
        if block.block_type not in {"resource", "video"}:
            continue
        title = block.value.get("title") or ""
        document, url = block.value.get("document"), block.value.get("url") or ""
        if document and is_media_document(document):
            recording = Recording(f"{title or document.title} ({document.filename})", document=document)
        elif url and is_cloudinary_media_url(url):
            recording = Recording(f"{title} ({url})" if title else url, media_url=url)
        else:
            continue
        recordings.setdefault(recording.key, recording)
    return list(recordings.values())


def in_flight(lesson):
    return LessonTranscription.objects.filter(
        lesson=lesson,
        status__in=[LessonTranscription.Status.PENDING, LessonTranscription.Status.PROCESSING],
        created_at__gte=timezone.now() - ABANDONED_AFTER,
    )


def request_transcription(*, lesson, requested_by, document=None, media_url: str = "") -> LessonTranscription:
    """Queue a transcription of one recording (a document or a Cloudinary address) of `lesson`; the
    task runs once the request is committed (at once with the immediate backend)."""
    from .tasks import transcribe_lesson_task

    if not ai.is_configured():
        raise TranscriptionError(ai.NOT_CONFIGURED)
    if (document is None) == (not media_url):
        raise TranscriptionError("Choose one recording to transcribe: a document or a Cloudinary address.")
    if document is not None and not is_media_document(document):
        kind = f".{document.file_extension}" if document.file_extension else "a file without an extension"
        raise TranscriptionError(
            f"“{document.title}” is not an audio or video file ({kind}). "
            "Choose a recording such as an mp3, m4a, wav, mp4 or mov file."
        )
    if media_url:
        check_media_url(media_url)
    with transaction.atomic():
        # Requests for one lesson take turns on its page row, so two clicks at once queue one request.
        Page.objects.select_for_update().filter(pk=lesson.pk).first()
        if in_flight(lesson).exists():
            raise TranscriptionError(
                "A transcription of this lesson is already under way. Wait for it to finish before asking again."
            )
        transcription = LessonTranscription.objects.create(
            lesson=lesson, requested_by=requested_by, document=document, media_url=media_url
        )
        transaction.on_commit(lambda: transcribe_lesson_task.enqueue(transcription.pk))
    return transcription


def transcribe(transcription: LessonTranscription):
    """Run one request to completion: COMPLETED with a new draft revision of the lesson holding the
    transcript, or FAILED with the reason and nothing written to the lesson. Returns the revision or None."""
    started_at = timezone.now()
    claimed = LessonTranscription.objects.filter(pk=transcription.pk, status=LessonTranscription.Status.PENDING).update(
        status=LessonTranscription.Status.PROCESSING, started_at=started_at
    )
    if not claimed:
        return None  # a task run twice: the first run owns the request
    transcription.status, transcription.started_at = LessonTranscription.Status.PROCESSING, started_at
    try:
        transcript = transcript_of(transcription)
        revision = save_transcript_draft(transcription.lesson, transcript, transcription.requested_by)
    except (TranscriptionError, ai.AIError) as error:
        finish(transcription, LessonTranscription.Status.FAILED, error=str(error))
        return None
    except Exception:
        finish(
            transcription,
            LessonTranscription.Status.FAILED,
            error="Something unexpected went wrong on the server. An administrator can find it in the task log.",
        )
        raise
    finish(transcription, LessonTranscription.Status.COMPLETED, transcript=transcript, revision=revision)
    return revision


def transcript_of(transcription) -> str:
    """The text of the request's recording, its parts transcribed in order and joined."""
    with tempfile.TemporaryDirectory(prefix="lesson-transcription-") as workdir:
        workdir = Path(workdir)
        parts = audio_parts(fetch_recording(transcription, workdir), workdir)
        texts = []
        for number, part in enumerate(parts, start=1):
            try:
                texts.append(ai.transcribe_audio(part).strip())
            except ai.AIError as error:
                raise ai.AIError(f"Part {number} of {len(parts)}: {error}" if len(parts) > 1 else str(error)) from error
    transcript = " ".join(text for text in texts if text)
    if not transcript:
        raise TranscriptionError("The transcript came back empty: the recording may hold no speech.")
    return transcript


def fetch_recording(transcription, workdir: Path) -> Path:
    """Copy the recording into `workdir`; its name keeps the extension the API and ffmpeg go by."""
    limit = getattr(settings, "TRANSCRIPTION_MAX_SOURCE_BYTES", DEFAULT_MAX_SOURCE_BYTES)
    document = transcription.document
    if document is not None:
        target = workdir / f"recording.{document.file_extension.lower()}"
        try:
            # Through the storage, never a local path: documents may live on Cloudinary or S3.
            with document.file.open("rb") as source, target.open("wb") as out:
                copy_at_most(source, out, limit)
        except OSError as error:
            raise TranscriptionError(f"The document “{document.title}” could not be read from storage.") from error
        return target
    if not transcription.media_url:
        raise TranscriptionError("The recording is gone: its document was deleted after the request.")
    return download(transcription.media_url, workdir, limit)


class RedirectsStayOnCloudinary(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_media_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str, workdir: Path, limit: int) -> Path:
    check_media_url(url)
    extension = PurePosixPath(urlsplit(url).path).suffix.lower()
    # Without a known extension ffmpeg tells the format from the content.
    target = workdir / f"recording{extension if extension.lstrip('.') in MEDIA_EXTENSIONS else ''}"
    opener = urllib.request.build_opener(RedirectsStayOnCloudinary)
    try:
        # The address passed check_media_url: https on Cloudinary (or an origin the settings list).
        with opener.open(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response, target.open("wb") as out:
            if int(response.headers.get("Content-Length") or 0) > limit:
                raise too_large(limit)
            copy_at_most(response, out, limit)
    except urllib.error.HTTPError as error:
        raise TranscriptionError(f"Cloudinary answered HTTP {error.code} for the recording's address.") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise TranscriptionError(f"The recording could not be downloaded from Cloudinary ({reason}).") from error
    return target


def copy_at_most(source, out, limit: int) -> None:
    copied = 0
    while chunk := source.read(1024 * 1024):
        copied += len(chunk)
        if copied > limit:
            raise too_large(limit)
        out.write(chunk)


def too_large(limit: int) -> TranscriptionError:
    return TranscriptionError(f"The recording is larger than {filesizeformat(limit)}, the most this server takes.")


def audio_parts(source: Path, workdir: Path) -> list[Path]:
    """Audio files for the API, in order, each within TRANSCRIPTION_MAX_PART_BYTES."""
    limit = settings.TRANSCRIPTION_MAX_PART_BYTES
    if source.suffix.lower().lstrip(".") in API_AUDIO_EXTENSIONS and source.stat().st_size <= limit:
        return [source]
    audio = workdir / "audio.mp3"
    run_ffmpeg(
        ["-i", source, "-map", "0:a:0", "-vn", "-ac", "1", "-ar", "16000"]
        + ["-c:a", "libmp3lame", "-b:a", str(AUDIO_BITRATE), "-map_metadata", "-1", audio],
        workdir,
    )
    if audio.stat().st_size <= limit:
        return [audio]
    return split_audio(audio, workdir, limit)


def split_audio(audio: Path, workdir: Path, limit: int) -> list[Path]:
    # The extracted audio has a constant bitrate, so the limit is a length of time.
    seconds = limit * PART_MARGIN * 8 / AUDIO_BITRATE
    if seconds < SHORTEST_PART_SECONDS:
        raise TranscriptionError(
            f"TRANSCRIPTION_MAX_PART_BYTES ({limit} bytes) is too small to hold {SHORTEST_PART_SECONDS} seconds "
            "of audio. An administrator should raise it."
        )
    parts_dir = workdir / "parts"
    parts_dir.mkdir()
    run_ffmpeg(
        ["-i", audio, "-map", "0:a", "-c", "copy", "-f", "segment", "-segment_time", f"{seconds:.3f}"]
        + ["-reset_timestamps", "1", parts_dir / "part-%05d.mp3"],
        workdir,
    )
    parts = sorted(parts_dir.iterdir())
    if not parts or any(part.stat().st_size > limit for part in parts):
        raise TranscriptionError("ffmpeg could not split the recording into parts small enough for the AI service.")
    return parts


def run_ffmpeg(arguments, workdir: Path) -> None:
    executable = shutil.which("ffmpeg")
    if executable is None:
        raise TranscriptionError(FFMPEG_MISSING)
    # Only local files: a recording that is really a playlist must not make ffmpeg fetch addresses.
    command = [executable, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-protocol_whitelist", "file"]
    command += [str(argument) for argument in arguments]
    try:
        # No shell, our own arguments, and files in our own temporary directory.
        subprocess.run(command, capture_output=True, timeout=FFMPEG_TIMEOUT_SECONDS, check=True, cwd=workdir)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise TranscriptionError(
            f"ffmpeg took longer than {FFMPEG_TIMEOUT_SECONDS // 60} minutes on the recording and was stopped."
        ) from error
    except subprocess.CalledProcessError as error:
        said = (error.stderr or b"").decode("utf-8", "replace").replace(f"{workdir}/", "").strip()
        said = said[-ERROR_TAIL_CHARACTERS:] or f"exit status {error.returncode}"
        if "matches no streams" in said:
            raise TranscriptionError(f"The recording has no sound track (ffmpeg: {said})") from error
        raise TranscriptionError(f"ffmpeg could not read the recording: {said}") from error


@transaction.atomic
def save_transcript_draft(lesson, transcript: str, user):
    """A new draft revision: the lesson as an editor last saved it, with `transcript` as its source_transcript."""
    Page.objects.select_for_update().filter(pk=lesson.pk).first()
    _revision, version = latest_version(type(lesson).objects.get(pk=lesson.pk))
    version.source_transcript = transcript
    # Unvalidated, as Wagtail saves any draft: an editor's unfinished draft must not stop the transcript.
    return version.save_revision(user=user, log_action=True, clean=False)


def finish(transcription, status, *, error="", transcript="", revision=None):
    transcription.status, transcription.error = status, error
    transcription.transcript, transcription.revision = transcript, revision
    transcription.finished_at = timezone.now()
    transcription.save(update_fields=["status", "error", "transcript", "revision", "finished_at"])
