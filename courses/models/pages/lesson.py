"""LessonPage: one lesson, gated as a whole by its access level and block by block by audience."""

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from access.models import Audience
from authoring.panels import LessonDraftingPanel
from courses.blocks import LessonStreamBlock
from courses.page_cache import course_outline, lesson_body, lesson_outline_html
from learning_site import ai
from learning_site.rich_text import SanitisedStreamField

from .base import LearningPage


class LessonPage(RoutablePageMixin, LearningPage):
    """One lesson. Its access level gates the page; each block's audience gates the block."""

    class LessonType(models.TextChoices):
        VIDEO = "video", "Video"
        TEXT = "text", "Text"
        LAB = "lab", "Lab"
        PROJECT = "project", "Project"
        INTERACTIVE = "interactive", "Interactive"
        DOCUMENT = "document", "Document"
        LIVE = "live", "Live session"

    lesson_type = models.CharField(
        max_length=20, choices=LessonType.choices, default=LessonType.TEXT, help_text="What kind of work the lesson is."
    )
    access_level = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.GUEST,
        help_text="Who may open this lesson. Others see its title, summary and how to get in.",
    )
    summary = models.TextField(
        blank=True,
        help_text="Public teaser: shown to everyone, in listings and search results. No gated content here.",
    )
    prerequisites = models.TextField(
        blank=True, help_text="What to know first (earlier lessons, skills). One per line; shown to students."
    )
    transcript = models.TextField(blank=True, help_text="Video transcript, shown to viewers who may open the lesson.")
    body = SanitisedStreamField(
        LessonStreamBlock(),
        blank=True,
        help_text="The lesson itself. Give each block the narrowest audience that should see it.",
    )
    quiz = models.ForeignKey(
        "quizzes.Quiz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
        help_text="Students take it at the end of the lesson. A required quiz must be passed to complete the lesson.",
    )

    # Editor-only: what an editor drafts from. Never rendered, indexed, exported to students or sent to
    # the API; only the drafting prompt reads them.
    working_title = models.CharField(
        max_length=255, blank=True, help_text="A rough title to start from; the AI suggests a clean one."
    )
    rough_notes = models.TextField(
        blank=True, help_text="Notes, an outline or bullet points: what the lesson should teach, in your words."
    )
    source_transcript = models.TextField(
        blank=True,
        help_text="The recording's raw transcript (from transcription, or pasted). The AI drafts from it; "
        "students read only the Transcript field on the Content tab.",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("lesson_type"), FieldPanel("access_level"), FieldPanel("duration_minutes")]),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
        FieldPanel("body"),
        FieldPanel("transcript"),
        FieldPanel("quiz"),
    ]
    drafting_panels = [
        MultiFieldPanel(
            [FieldPanel("working_title"), FieldPanel("rough_notes"), FieldPanel("source_transcript")],
            heading="Editor-only notes (never shown to students)",
        ),
        LessonDraftingPanel(heading="AI drafts and transcripts"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(drafting_panels, heading="Drafting"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    # Only public fields go into the page index: lesson text is indexed per tier in LessonSearchEntry.
    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [
        APIField("lesson_type"),
        APIField("access_level"),
        APIField("summary"),
        APIField("duration_minutes"),
    ]

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    preview_modes = [
        (Audience.ENROLLED.value, "As an enrolled student"),
        (Audience.REGISTERED.value, "As a registered user"),
        (Audience.GUEST.value, "As a guest"),
    ]

    @cached_property
    def module(self):
        # A local import: module.py imports this module, for the lessons a module lists.
        from .module import ModulePage

        if not self.path:
            return None
        return ModulePage.objects.ancestor_of(self).first()

    def is_open_to(self, tier):
        return Audience(tier).includes(self.access_level)

    def video_length_seconds(self):
        """How long the lesson's video is: its first video block's length, else the lesson's duration."""
        for block in self.body:
            if block.block_type == "video" and block.value.get("duration_seconds"):
                return block.value["duration_seconds"]
        return self.duration_minutes * 60 or None

    def text_visible_to(self, tier):
        """Every word of this lesson a viewer of `tier` may read, title and summary included."""
        texts = [self.title, self.summary]
        if self.is_open_to(tier):
            texts.extend(self.objectives)
            texts.extend(self.body.stream_block.searchable_text_for(self.body, tier))
            texts.append(self.transcript)
        return "\n".join(text for text in texts if text)

    def neighbours(self, request):
        """The previous and next lessons of the course, across modules, as its (cached) outline lists
        them: entries with a title and a url, or None at either end."""
        return neighbours_in(course_outline(self.course, request) if self.course else [], self.pk)

    def get_context(self, request, *args, viewer_tier=Audience.GUEST, unlocks_at=None, **kwargs):
        from access.selectors import course_viewer

        context = super().get_context(request, *args, **kwargs)
        context["viewer_tier"] = Audience(viewer_tier)
        context["unlocks_at"] = unlocks_at
        context["course"] = self.course
        # A preview shows the lesson as a student would see it, never the previewing editor's own records
        # (and an unsaved page in a preview has none).
        learner = request.user if self.pk and not getattr(request, "is_preview", False) else AnonymousUser()
        viewer = getattr(request, "course_viewer", None) or course_viewer(learner, self.course)
        # The course's outline (shared by every viewer, cached) gives the sidebar, the module and
        # previous/next; the viewer's own drip dates and ticks are laid over it.
        modules = course_outline(self.course, request) if self.course else []
        for module in modules:
            module.unlocks_at = viewer.module_unlocks_at(module)
        context["outline"] = modules
        context["module"] = self.module_in(modules) or self.module
        context["previous_lesson"], context["next_lesson"] = neighbours_in(modules, self.pk)
        open_to_viewer = self.is_open_to(viewer_tier)
        if open_to_viewer:
            context["lesson_body"] = lesson_body(self, request, Audience(viewer_tier))
        context.update(self.learner_context(learner, open_to_viewer=open_to_viewer))
        # Decided per render, never in a shared cache: the panel and its script are only there when
        # the AI is configured (a setting) and someone is logged in to ask it.
        context["shows_assistant"] = learner.is_authenticated and ai.is_configured()
        context["outline_html"] = lesson_outline_html(self, request, modules, context["completed_ids"])
        return context

    def module_in(self, outline):
        """This lesson's module among the outline's, or None (a preview of an unsaved lesson)."""
        parent_path = self.path[: -Page.steplen] if self.path else None
        return next((module for module in outline if module.path == parent_path), None)

    def learner_context(self, user, *, open_to_viewer):
        """The viewer's own state: ticks for the outline and, when they may open the lesson, its live
        quiz, whether they passed it, their progress and their private note."""
        from quizzes.services import has_passed, live_quiz

        from ...progress import course_progress
        from ..learners import LessonNote

        context = {"quiz": None, "quiz_passed": False, "progress": None, "note": None, "completed_ids": set()}
        if user.is_authenticated and self.course:
            progress = course_progress(user, self.course)
            context["completed_ids"] = progress.completed_ids
            context["progress"] = progress.rows.get(self.pk)
        if not open_to_viewer:
            return context
        context["quiz"] = live_quiz(self)
        if user.is_authenticated:
            context["quiz_passed"] = bool(context["quiz"]) and has_passed(user, context["quiz"])
            context["note"] = LessonNote.objects.filter(user=user, lesson=self).first()
        return context

    def render_for(self, request, tier, unlocks_at=None):
        """The full lesson when `tier` may open it, otherwise the public teaser with a way in."""
        context = self.get_context(request, viewer_tier=tier, unlocks_at=unlocks_at)
        template = self.get_template(request) if self.is_open_to(tier) else "courses/lesson_teaser.html"
        response = TemplateResponse(request, template, context)
        # What this page shows depends on who asks: no shared cache may keep it.
        patch_cache_control(response, private=True)
        return response

    def serve(self, request, *args, **kwargs):
        from access.selectors import course_is_visible_to, course_viewer

        # One look at the viewer's place in the course (edit rights, access record) serves the
        # visibility check and every route below, before RoutablePageMixin dispatches them.
        viewer = request.course_viewer = course_viewer(request.user, self.course)
        if self.course and not course_is_visible_to(request.user, self.course, viewer=viewer):
            raise Http404
        request.is_preview = False
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    @path("", name="lesson")
    def lesson_route(self, request):
        # Not Page.serve: the viewer's tier (with drip applied) decides between lesson and teaser.
        module = self.module_in(course_outline(self.course, request)) if self.course else None
        view = request.course_viewer.lesson_view(self, module=module)
        return self.render_for(request, view.tier, view.unlocks_at)

    @path("quiz/", name="quiz")
    def quiz_route(self, request):
        from quizzes.views import lesson_quiz

        return lesson_quiz(request, self)

    @path("quiz/attempts/<int:number>/", name="quiz_result")
    def quiz_result_route(self, request, number):
        from quizzes.views import lesson_quiz_result

        return lesson_quiz_result(request, self, number)

    @path("notes/", name="notes")
    def notes_route(self, request):
        from courses.views import save_note_view

        return save_note_view(request, self)

    @path("complete/", name="complete")
    def complete_route(self, request):
        from courses.views import complete_lesson_view

        return complete_lesson_view(request, self)

    def serve_preview(self, request, mode_name):
        tier = mode_name if mode_name in Audience.values else Audience.ENROLLED
        return self.render_for(request, Audience(tier))


def neighbours_in(outline, lesson_id):
    """(previous, next) of the lesson `lesson_id` among the outline's lessons, in order."""
    ordered = [lesson for module in outline for lesson in module.lessons]
    position = next((index for index, lesson in enumerate(ordered) if lesson.pk == lesson_id), None)
    if position is None:
        return None, None
    previous = ordered[position - 1] if position else None
    following = ordered[position + 1] if position + 1 < len(ordered) else None
    return previous, following
