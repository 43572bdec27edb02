"""What the whole course tree shares: the abstract LearningPage and the categories courses belong to."""

from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page

from courses.page_cache import CachedViewRestrictionsMixin


def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Category(models.Model):
    """A subject area that groups courses in the catalog."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    icon = models.CharField(max_length=50, blank=True, help_text="Name of an icon, e.g. 'bug'.")
    sort_order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")
    is_active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("icon"), FieldPanel("sort_order")]),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


def labelled(label, title):
    """`title` under `label` ("Module 2", "Final exam"), unless the title already starts with it, as
    editors often write it: "Module 2: Module 2: Manual testing" is never shown."""
    if title.casefold().startswith(label.casefold()):
        return title
    return f"{label}: {title}"


class LearningPage(CachedViewRestrictionsMixin, Page):
    """Fields every level of the course tree shares."""

    duration_minutes = models.PositiveIntegerField(
        default=0, help_text="Expected time to work through this, in minutes."
    )
    learning_objectives = models.TextField(
        blank=True, help_text="What a student will be able to do afterwards. One objective per line."
    )

    class Meta:
        abstract = True

    @property
    def objectives(self):
        return split_lines(self.learning_objectives)

    @property
    def prerequisite_lines(self):
        return split_lines(getattr(self, "prerequisites", ""))

    @cached_property
    def course(self):
        # A local import: CoursePage is itself a LearningPage, so course.py imports this module.
        from .course import CoursePage

        if isinstance(self, CoursePage):
            return self
        if not self.path:  # an unsaved page in a preview
            return None
        return CoursePage.objects.ancestor_of(self).first()

    def ensure_visible_to(self, user):
        """A private course does not exist for viewers without access, at any depth."""
        from access.selectors import course_is_visible_to

        if self.course and not course_is_visible_to(user, self.course):
            raise Http404

    def serve(self, request, *args, **kwargs):
        self.ensure_visible_to(request.user)
        return super().serve(request, *args, **kwargs)

    def route(self, request, path_components):
        result = super().route(request, path_components)
        if result.page is not self:
            self.hand_down_to(result.page)
        return result

    def hand_down_to(self, page):
        """The router fetched this page on its way down to `page` (the course hands itself to every
        page below it, a module to its lessons), so `page` need not query for it again."""
