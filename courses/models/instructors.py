"""Who teaches a course: shown on the course page, and what an instructor may see and edit."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable

from .pages import CoursePage


class CourseInstructor(Orderable):
    """One instructor of one course; the lead instructor is named first."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="instructors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="instructs")
    title = models.CharField(max_length=120, blank=True, help_text="E.g. “Senior QA engineer at Acme”.")
    bio = models.TextField(blank=True, help_text="A few sentences for the course page.")
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    is_lead = models.BooleanField(default=False, help_text="The lead instructor is named first.")

    panels = [
        FieldRowPanel([FieldPanel("user"), FieldPanel("is_lead")]),
        FieldPanel("title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="one_instructor_row_per_course_and_user")
        ]

    PHOTO_FILTER = "fill-96x96"  # as templates/courses/course_page.html shows the photo

    def __str__(self):
        return f"{self.user} teaches {self.course}"

    @property
    def name(self):
        return self.user.get_full_name() or self.user.get_username()

    @classmethod
    def shown_on(cls, course):
        """The course's instructors as its page lists them, the lead first, in two queries however many
        there are: the rows with their users and photos, and the photos' renditions at PHOTO_FILTER.
        Through the page's own relation, so a preview shows the instructors in the editor's form."""
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=cls.PHOTO_FILTER)
        return list(
            course.instructors.select_related("user", "photo")
            .prefetch_related(Prefetch("photo__renditions", queryset=renditions, to_attr="prefetched_renditions"))
            .order_by("-is_lead", "sort_order")
        )
