"""CoursePage: what a course teaches, for whom, and how students get into it; and its tags."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from courses.page_cache import course_outline, course_outline_html
from learning_site.rich_text import SanitisedRichTextField

from .base import Category, LearningPage, split_lines
from .lesson import LessonPage
from .module import ModulePage


class CourseTag(TaggedItemBase):
    """Tags on courses, for the catalog's filters."""

    content_object = ParentalKey("courses.CoursePage", related_name="tagged_items", on_delete=models.CASCADE)


class CoursePage(RoutablePageMixin, LearningPage):
    """A course: what it teaches, for whom, and how students get into it."""

    class Level(models.TextChoices):
        BEGINNER = "beginner", "Beginner"
        BEGINNER_TO_INTERMEDIATE = "beginner_to_intermediate", "Beginner to intermediate"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"
        ALL_LEVELS = "all_levels", "All levels"

    class CourseType(models.TextChoices):
        SELF_PACED = "self_paced", "Self-paced course"
        SPRINT = "sprint", "Sprint"
        SPEAKING = "speaking", "Speaking"
        CONSULTANCY = "consultancy", "Consultancy"
        SPECIAL = "special", "Special"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        LOCKED = "locked", "Locked"
        COMING_SOON = "coming_soon", "Coming soon"

    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public: listed for everyone"
        MEMBERS_ONLY = "members_only", "Members only: listed for logged-in users"
        HIDDEN = "hidden", "Hidden: not listed, reachable by its address"
        PRIVATE = "private", "Private: only students with access"

    class AccessDuration(models.TextChoices):
        LIFETIME = "lifetime", "Lifetime"
        FIXED_DAYS = "fixed_days", "A fixed number of days"
        UNTIL_DATE = "until_date", "Until a date"
        DRIP = "drip", "Lifetime, modules drip out"

    class EnrollmentMethod(models.TextChoices):
        OPEN = "open", "Open: one click to enroll"
        PURCHASE = "purchase", "Purchase"
        INVITE_ONLY = "invite_only", "Invite only"
        COHORT_ONLY = "cohort_only", "Cohort only"
        SUBSCRIPTION_ONLY = "subscription_only", "Subscription only"

    subtitle = models.CharField(max_length=255, blank=True, help_text="A one-line promise under the title.")
    short_description = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences for course cards and search results."
    )
    description = SanitisedRichTextField(blank=True, help_text="The full course description on the course page.")
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text="Groups the course in the catalog.",
    )
    level = models.CharField(
        max_length=30, choices=Level.choices, default=Level.BEGINNER, help_text="Who can follow it."
    )
    course_type = models.CharField(
        max_length=20, choices=CourseType.choices, default=CourseType.SELF_PACED, help_text="The format of the course."
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text="Locked and coming-soon courses are listed but cannot be started.",
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="16:9 image for course cards and the course page.",
    )
    tags = ClusterTaggableManager(through=CourseTag, blank=True, help_text="Topics, for the catalog's filters.")
    requirements = models.TextField(blank=True, help_text="What students need beforehand. One per line.")
    skills = models.TextField(blank=True, help_text="Skills students will gain. One per line.")
    target_audience = models.TextField(blank=True, help_text="Who the course is for.")
    price = models.DecimalField(max_digits=8, decimal_places=2, default=0, help_text="0 means free.")
    discount_price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Lower price, charged until the discount ends.",
    )
    discount_ends = models.DateTimeField(null=True, blank=True, help_text="Empty: the discount runs until removed.")
    has_certificate = models.BooleanField(default=False, help_text="Completing the course earns a certificate.")
    coach_name = models.CharField(max_length=100, blank=True, help_text="Name of the course's AI coach.")
    special_tag = models.CharField(
        max_length=50, blank=True, help_text="A promotional label on the course card, e.g. 'Black Friday 2025'."
    )
    visibility = models.CharField(
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text="Who sees the course in the catalog and in search.",
    )
    enrollment_method = models.CharField(
        max_length=20,
        choices=EnrollmentMethod.choices,
        default=EnrollmentMethod.OPEN,
        help_text="How a student gets access to the enrolled-only content.",
    )
    exam_unlock_days = models.PositiveIntegerField(
        default=0, help_text="Days after a student's access starts before the final exam unlocks."
    )
    final_exam = models.ForeignKey(
        "quizzes.Quiz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exam_for_courses",
        help_text="Unlocks when a student has completed every lesson; passing it earns the certificate.",
    )
    access_duration_type = models.CharField(
        max_length=20,
        choices=AccessDuration.choices,
        default=AccessDuration.LIFETIME,
        help_text="How long new access lasts. Drip: lifetime, with modules unlocking on their own schedule.",
    )
    access_duration_days = models.PositiveIntegerField(default=0, help_text="For 'fixed number of days'.")
    access_until_date = models.DateTimeField(null=True, blank=True, help_text="For 'until a date'.")
    enrollment_opens_at = models.DateTimeField(
        null=True, blank=True, help_text="Students cannot enroll before this moment. Empty: open now."
    )
    prerequisite_courses = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="unlocks", help_text="Courses to complete first."
    )
    required_quiz_score = models.PositiveIntegerField(
        default=0, help_text="Minimum best quiz score (%) in the prerequisite courses. 0: none."
    )

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("thumbnail"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("course_type"), FieldPanel("status")]),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("price")]),
                FieldRowPanel([FieldPanel("discount_price"), FieldPanel("discount_ends")]),
                FieldRowPanel([FieldPanel("coach_name"), FieldPanel("special_tag")]),
            ],
            heading="Course details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("has_certificate"),
                FieldRowPanel([FieldPanel("final_exam"), FieldPanel("exam_unlock_days")]),
            ],
            heading="Exam and certificate",
        ),
        MultiFieldPanel(
            [
                FieldPanel("learning_objectives"),
                FieldPanel("requirements"),
                FieldPanel("skills"),
                FieldPanel("target_audience"),
            ],
            heading="Outcomes and audience",
        ),
        InlinePanel("instructors", label="Instructor", heading="Instructors"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("visibility"), FieldPanel("enrollment_method")]),
                FieldRowPanel(
                    [
                        FieldPanel("access_duration_type"),
                        FieldPanel("access_duration_days"),
                        FieldPanel("access_until_date"),
                    ]
                ),
                FieldPanel("enrollment_opens_at"),
                FieldPanel("prerequisite_courses"),
                FieldPanel("required_quiz_score"),
            ],
            heading="Enrollment and access",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("skills"),
        index.FilterField("visibility"),
    ]
    api_fields = [
        APIField("subtitle"),
        APIField("short_description"),
        APIField("level"),
        APIField("duration_minutes"),
        APIField("price"),
        APIField("visibility"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    @property
    def requirement_list(self):
        return split_lines(self.requirements)

    @property
    def skill_list(self):
        return split_lines(self.skills)

    @property
    def is_free(self):
        return not self.price

    @property
    def discount_is_on(self):
        return (
            self.discount_price is not None
            and self.discount_price < self.price
            and (self.discount_ends is None or self.discount_ends > timezone.now())
        )

    @property
    def price_now(self):
        """What a buyer pays at this moment: the discount price while it runs, else the price."""
        return self.discount_price if self.discount_is_on else self.price

    def clean(self):
        super().clean()
        if self.discount_price is not None and self.discount_price >= self.price:
            raise ValidationError({"discount_price": "A discount price must be lower than the price."})

    def outline(self):
        """Live modules with their live lessons, in tree order, in two queries."""
        modules = list(ModulePage.objects.child_of(self).live().order_by("path"))
        lessons = LessonPage.objects.descendant_of(self).live().order_by("path")
        by_module_path = {module.path: [] for module in modules}
        for lesson in lessons:
            by_module_path.get(lesson.path[: -Page.steplen], []).append(lesson)
        for number, module in enumerate(modules, start=1):
            module.number = number
            module.lessons = by_module_path[module.path]
        return modules

    def get_context(self, request, *args, **kwargs):
        from access.selectors import course_viewer, enrollment_block_reason
        from payments.selectors import contact_line, course_sale
        from quizzes.services import live_exam

        from ..instructors import CourseInstructor

        context = super().get_context(request, *args, **kwargs)
        viewer = getattr(request, "course_viewer", None) or course_viewer(request.user, self)
        # The outline is shared by every viewer (cached); the viewer's drip dates are laid over it.
        context["modules"] = course_outline(self, request)
        for module in context["modules"]:
            module.unlocks_at = viewer.module_unlocks_at(module)
        context["outline_html"] = course_outline_html(self, request, context["modules"])
        context["lesson_count"] = sum(len(module.lessons) for module in context["modules"])
        context["has_access"] = viewer.access is not None
        context["exam"] = live_exam(self)
        context["instructors"] = CourseInstructor.shown_on(self)
        context.update(self.review_context(request.user, has_access=context["has_access"]))
        if not context["has_access"] and self.enrollment_method == self.EnrollmentMethod.OPEN:
            context["enrollment_blocked"] = enrollment_block_reason(request.user, self)
        elif not context["has_access"]:
            context["sale"] = course_sale(request.user, self)
            context["contact_line"] = contact_line(request)
        return context

    def review_context(self, user, *, has_access):
        """Ratings and reviews; students with access (known from the page's own check) may write one."""
        from courses.selectors import review_summaries

        from ..learners import CourseReview

        average, count = review_summaries([self.pk]).get(self.pk, (None, 0))
        visible = CourseReview.objects.filter(course=self, is_hidden=False).select_related("user")
        return {
            "rating_average": average,
            "rating_count": count,
            "reviews": visible[:10],
            "my_review": CourseReview.objects.filter(course=self, user=user).first() if user.is_authenticated else None,
            "may_review": has_access,
        }

    def serve(self, request, *args, **kwargs):
        from access.selectors import course_is_visible_to, course_viewer

        # RoutablePageMixin dispatches every route (the course page too) from here, so the visibility
        # check must run before it; the viewer's place in the course, asked once, serves both.
        request.course_viewer = course_viewer(request.user, self)
        if not course_is_visible_to(request.user, self, viewer=request.course_viewer):
            raise Http404
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    def hand_down_to(self, page):
        if isinstance(page, LearningPage):
            page.__dict__.setdefault("course", self)

    @path("exam/", name="exam")
    def exam_route(self, request):
        from quizzes.views import course_exam

        return course_exam(request, self)

    @path("exam/attempts/<int:number>/", name="exam_result")
    def exam_result_route(self, request, number):
        from quizzes.views import course_exam_result

        return course_exam_result(request, self, number)

    @path("review/", name="review")
    def review_route(self, request):
        from courses.views import save_review_view

        return save_review_view(request, self)

    @path("buy/", name="buy")
    def buy_route(self, request):
        from payments.views import buy_course

        return buy_course(request, self)

    @path("enroll/", name="enroll")
    def enroll_view(self, request):
        """One-click enrollment in an open course (POST only; the course page has the button)."""
        from access.services import AccessError, enroll

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(self.url)
        try:
            enroll(user=request.user, course=self)
        except AccessError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"You are enrolled in “{self.title}”. Enjoy the course!")
        return redirect(self.url)
