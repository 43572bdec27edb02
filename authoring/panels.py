"""The lesson editor's Drafting tab: how its AI drafts and transcriptions went, and how to ask for more."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from learning_site import ai

from .models import LessonAIDraft, LessonTranscription
from .sources import LESSON_DRAFT_INPUTS, mark_freshness

REQUESTS_SHOWN = 5


class LessonDraftingPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "authoring/panels/lesson_drafting.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            lesson = self.instance
            context["ai_configured"], context["not_configured"] = ai.is_configured(), ai.NOT_CONFIGURED
            context["drafts"], context["transcriptions"] = [], []
            if lesson.pk:
                drafts = list(
                    LessonAIDraft.objects.filter(lesson=lesson).select_related("requested_by")[:REQUESTS_SHOWN]
                )
                for draft in drafts:
                    draft.lesson = lesson  # the lesson being edited: no query per draft for its revision
                context["drafts"] = mark_freshness(drafts, LESSON_DRAFT_INPUTS)
                context["transcribe_url"] = reverse("authoring_transcribe", args=[lesson.pk])
                context["transcriptions"] = list(
                    LessonTranscription.objects.filter(lesson=lesson).select_related("document")[:REQUESTS_SHOWN]
                )
            return context
