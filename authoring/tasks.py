"""Background work for AI authoring (django-tasks): each task finishes its request row, success or not."""

from django_tasks import task

from .models import LessonAIDraft, LessonTranscription


@task()
def draft_lesson_task(draft_id):
    """Draft a lesson's text with AI for one LessonAIDraft."""
    from .drafting import draft_lesson

    draft_lesson(LessonAIDraft.objects.select_related("lesson", "source_revision", "requested_by").get(pk=draft_id))


@task()
def transcribe_lesson_task(transcription_id):
    """Transcribe a lesson's recording for one LessonTranscription."""
    from .transcription import transcribe

    transcribe(
        LessonTranscription.objects.select_related("lesson", "document", "requested_by").get(pk=transcription_id)
    )
