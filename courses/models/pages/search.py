"""The tier-aware search index of lesson text: one entry per lesson and kind of viewer."""

from django.db import models
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from .course import CoursePage
from .lesson import LessonPage


class LessonSearchQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class LessonSearchEntry(index.Indexed, models.Model):
    """A lesson's words as one kind of viewer sees them; the only lesson text site search reads.

    Each published lesson has one entry per tier key: "guest", "registered" and
    "enrolled:<course id>". A search only ever reads the entries of the viewer's own keys, so a
    phrase from gated text cannot match for a viewer who may not read it.
    """

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="search_entries")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    visibility_key = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)

    objects = LessonSearchQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("text"),
        index.FilterField("visibility_key"),
        index.FilterField("course_id"),
        index.FilterField("lesson_id"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesson", "visibility_key"], name="one_search_entry_per_lesson_and_key")
        ]

    def __str__(self):
        return f"{self.title} [{self.visibility_key}]"
