"""ModulePage: a week or chapter of a course, holding its lessons."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from .base import LearningPage
from .lesson import LessonPage


class ModulePage(LearningPage):
    """A week or chapter of a course; its place among its siblings is its order."""

    description = models.TextField(blank=True, help_text="What this module covers.")
    philosophy = models.TextField(blank=True, help_text="The module's idea in one memorable analogy, shown at its top.")
    prerequisites = models.TextField(
        blank=True, help_text="What to know first (earlier modules, skills). One per line; shown to students."
    )
    drip_days = models.PositiveIntegerField(
        default=0,
        help_text="In drip courses: days after a student's access starts before this module unlocks. 0: at once.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("philosophy"),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("drip_days")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    api_fields = [APIField("description"), APIField("duration_minutes")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    def hand_down_to(self, page):
        if isinstance(page, LessonPage):
            page.__dict__.setdefault("module", self)

    def get_context(self, request, *args, **kwargs):
        from access.selectors import module_unlock_dates

        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.course
        context["lessons"] = LessonPage.objects.child_of(self).live().order_by("path")
        if self.course:
            context["unlocks_at"] = module_unlock_dates(request.user, self.course, [self]).get(self.pk)
        return context
