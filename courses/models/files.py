"""Files that lessons use, remembered from every revision, so the document library cannot leak them."""

from django.db import models
from django.utils import timezone
from wagtail.documents import get_document_model_string

from .pages import LessonPage


class LessonFile(models.Model):
    """A document that a lesson has held in any revision, published or draft.

    The document library's own address never serves these to students: they download through the
    lesson, which checks the viewer against the block's audience. Rows are only ever added, and stay
    when the lesson is deleted, so a file once written into gated content never becomes public.
    """

    document = models.ForeignKey(get_document_model_string(), on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(LessonPage, null=True, on_delete=models.SET_NULL, related_name="+")
    first_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "lesson"], name="one_row_per_lesson_file")]

    def __str__(self):
        return f"{self.document_id} in lesson {self.lesson_id}"
