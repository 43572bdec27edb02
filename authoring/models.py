"""What editors asked the AI (and the transcriber) to do for a lesson, and how each request went.

Neither ever publishes: each finished request leaves a new draft revision of the lesson, and an
editor's publishing it is what approves it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class LessonAIDraft(models.Model):
    """A request for an AI draft of a lesson's text from its working title, notes and transcript."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        GENERATED = "generated", "Draft ready for review"
        APPROVED = "approved", "Approved (published)"
        FAILED = "failed", "Failed"

    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="ai_drafts")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="lesson_ai_drafts"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    message = models.CharField(max_length=500, blank=True)
    # What the draft was made from: the revision (for the compare link) and the inputs themselves
    # (authoring.sources decides staleness by comparing them with the lesson's latest revision).
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_inputs = models.JSONField(default=dict)
    output = models.JSONField(null=True, blank=True, help_text="The AI's answer, as validated.")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "AI lesson draft"

    def __str__(self):
        return f"AI draft of “{self.lesson}” ({self.get_status_display()})"


class LessonTranscription(models.Model):
    """A request to transcribe a lesson's recording (a Wagtail document or a Cloudinary asset)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PROCESSING = "processing", "Processing"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="transcriptions")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="lesson_transcriptions"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    media_url = models.URLField(max_length=500, blank=True, help_text="A Cloudinary video or audio address.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    transcript = models.TextField(blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Transcript of “{self.lesson}” ({self.get_status_display()})"

    @property
    def source_label(self):
        return self.document.title if self.document_id and self.document else self.media_url
