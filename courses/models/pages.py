"""The course tree: catalog > course > module > lesson, categories, and the tier-aware search index."""

from functools import reduce
from operator import or_

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from access.models import Audience
from learning_site.rich_text import SanitisedRichTextField, SanitisedStreamField

from ..blocks import LessonStreamBlock


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


class LearningPage(Page):
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

    @cached_property
    def course(self):
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


class CourseIndexPage(Page):
    """The catalog at /courses/: every course the viewer may see."""

    intro = SanitisedRichTextField(blank=True, help_text="Shown above the list of courses.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    SORTS = {
        "": "Recommended",
        "title": "Title",
        "newest": "Newest",
        "rating": "Best rated",
        "shortest": "Shortest",
    }

    def get_context(self, request, *args, **kwargs):
        from access.selectors import catalog_groups, visible_courses

        from ..search import search_courses
        from ..selectors import continue_learning, review_summaries
        from .learners import FavoriteCourse

        context = super().get_context(request, *args, **kwargs)
        user, query = request.user, request.GET
        courses = visible_courses(user, CoursePage.objects.child_of(self))
        filters = {
            "q": query.get("q", "").strip()[:200],
            "category": query.get("category", ""),
            "level": query.get("level", ""),
            "tag": query.get("tag", ""),
            "price": query.get("price", ""),
            "sort": query.get("sort", "") if query.get("sort", "") in self.SORTS else "",
            "favorites": query.get("favorites") == "1" and user.is_authenticated,
        }
        if filters["q"]:
            courses = courses.filter(pk__in=[course.pk for course in search_courses(user, filters["q"])])
        if filters["category"]:
            courses = courses.filter(category__slug=filters["category"])
        if filters["level"]:
            courses = courses.filter(level=filters["level"])
        if filters["tag"]:
            courses = courses.filter(tagged_items__tag__slug=filters["tag"])
        if filters["price"] in {"free", "paid"}:
            courses = courses.filter(price=0) if filters["price"] == "free" else courses.filter(price__gt=0)
        favorites = set()
        if user.is_authenticated:
            favorites = set(FavoriteCourse.objects.filter(user=user).values_list("course_id", flat=True))
            if filters["favorites"]:
                courses = courses.filter(pk__in=favorites)
        courses = list(courses.select_related("category", "thumbnail").distinct().order_by("path"))
        totals = CoursePage.lesson_totals(courses)
        ratings = review_summaries([course.pk for course in courses])
        for course in courses:
            course.lesson_count, course.total_minutes = totals.get(course.path, (0, 0))
            course.rating_average, course.rating_count = ratings.get(course.pk, (None, 0))
            course.is_favorite = course.pk in favorites
        context["courses"] = self.sorted_courses(courses, filters["sort"])
        context["groups"] = catalog_groups(user, context["courses"])
        context["filters"] = filters
        context["filtering"] = any(value for key, value in filters.items() if key != "sort")
        context["sorts"] = self.SORTS
        context["categories"] = Category.objects.filter(is_active=True)
        context["levels"] = CoursePage.Level.choices
        context["tags"] = self.course_tags()
        if user.is_authenticated and not context["filtering"]:
            context["continue_learning"] = continue_learning(user)
        return context

    def sorted_courses(self, courses, sort):
        if sort == "title":
            return sorted(courses, key=lambda course: course.title.lower())
        if sort == "newest":
            return sorted(courses, key=lambda course: course.first_published_at, reverse=True)
        if sort == "rating":
            return sorted(courses, key=lambda course: (-(course.rating_average or 0), -course.rating_count))
        if sort == "shortest":
            return sorted(courses, key=lambda course: course.total_minutes)
        return courses

    def course_tags(self):
        from taggit.models import Tag

        return Tag.objects.filter(courses_coursetag_items__isnull=False).distinct().order_by("name")


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

    @staticmethod
    def lesson_totals(courses):
        """{course path: (live lesson count, minutes)} for many courses in one query."""
        if not courses:
            return {}
        depth = courses[0].depth
        under_any_course = reduce(or_, (Q(path__startswith=course.path) for course in courses))
        rows = (
            LessonPage.objects.live()
            .filter(under_any_course)
            .annotate(course_path=Substr("path", 1, depth * Page.steplen))
            .order_by()  # the default ordering by path would split the groups
            .values("course_path")
            .annotate(count=Count("id"), minutes=Sum("duration_minutes"))
        )
        return {row["course_path"]: (row["count"], row["minutes"] or 0) for row in rows}

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
        from access.selectors import enrollment_block_reason, has_course_access, module_unlock_dates
        from quizzes.services import live_exam

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = self.outline()
        unlock_dates = module_unlock_dates(request.user, self, context["modules"])
        for module in context["modules"]:
            module.unlocks_at = unlock_dates.get(module.pk)
        context["lesson_count"] = sum(len(module.lessons) for module in context["modules"])
        context["has_access"] = has_course_access(request.user, self)[0]
        context["exam"] = live_exam(self)
        context.update(self.review_context(request.user, has_access=context["has_access"]))
        if not context["has_access"] and self.enrollment_method == self.EnrollmentMethod.OPEN:
            context["enrollment_blocked"] = enrollment_block_reason(request.user, self)
        return context

    def review_context(self, user, *, has_access):
        """Ratings and reviews; students with access (known from the page's own check) may write one."""
        from ..selectors import review_summaries
        from .learners import CourseReview

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
        # RoutablePageMixin dispatches every route (the course page too) from here, so the
        # visibility check of LearningPage.serve must run before it.
        self.ensure_visible_to(request.user)
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
        from ..views import save_review_view

        return save_review_view(request, self)

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


class ModulePage(LearningPage):
    """A week or chapter of a course; its place among its siblings is its order."""

    description = models.TextField(blank=True, help_text="What this module covers.")
    philosophy = models.TextField(blank=True, help_text="The module's idea in one memorable analogy, shown at its top.")
    drip_days = models.PositiveIntegerField(
        default=0,
        help_text="In drip courses: days after a student's access starts before this module unlocks. 0: at once.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("philosophy"),
        FieldPanel("learning_objectives"),
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

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("lesson_type"), FieldPanel("access_level"), FieldPanel("duration_minutes")]),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("body"),
        FieldPanel("transcript"),
        FieldPanel("quiz"),
    ]
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

    def neighbours(self):
        """The previous and next live lessons of the course, across modules."""
        if not self.course:
            return None, None
        ordered = list(
            LessonPage.objects.descendant_of(self.course).live().order_by("path").values_list("id", flat=True)
        )
        if self.id not in ordered:
            return None, None
        position = ordered.index(self.id)
        previous_id = ordered[position - 1] if position > 0 else None
        next_id = ordered[position + 1] if position + 1 < len(ordered) else None
        found = LessonPage.objects.in_bulk([pk for pk in (previous_id, next_id) if pk])
        return found.get(previous_id), found.get(next_id)

    def get_context(self, request, *args, viewer_tier=Audience.GUEST, unlocks_at=None, **kwargs):
        from access.selectors import module_unlock_dates

        context = super().get_context(request, *args, **kwargs)
        context["viewer_tier"] = Audience(viewer_tier)
        context["unlocks_at"] = unlocks_at
        context["course"] = self.course
        context["module"] = self.module
        # One read of the course's outline gives the sidebar and previous/next.
        modules = self.course.outline() if self.course else []
        ordered = [lesson for module in modules for lesson in module.lessons]
        position = next((index for index, lesson in enumerate(ordered) if lesson.pk == self.pk), None)
        context["previous_lesson"] = ordered[position - 1] if position else None
        context["next_lesson"] = ordered[position + 1] if position is not None and position + 1 < len(ordered) else None
        unlock_dates = module_unlock_dates(request.user, self.course, modules) if self.course else {}
        for module in modules:
            module.unlocks_at = unlock_dates.get(module.pk)
        context["outline"] = modules
        # A preview shows the lesson as a student would see it, never the previewing editor's own records
        # (and an unsaved page in a preview has none).
        learner = request.user if self.pk and not getattr(request, "is_preview", False) else AnonymousUser()
        context.update(self.learner_context(learner, ordered, open_to_viewer=self.is_open_to(viewer_tier)))
        return context

    def learner_context(self, user, course_lessons, *, open_to_viewer):
        """The viewer's own state: ticks for the outline and, when they may open the lesson, its live
        quiz, whether they passed it, their progress and their private note."""
        from quizzes.services import has_passed, live_quiz

        from .learners import LessonNote, UserProgress

        context = {"quiz": None, "quiz_passed": False, "progress": None, "note": None, "completed_ids": set()}
        if user.is_authenticated:
            rows = {
                row.lesson_id: row
                for row in UserProgress.objects.filter(
                    user=user, lesson_id__in=[lesson.pk for lesson in course_lessons]
                )
            }
            context["completed_ids"] = {lesson_id for lesson_id, row in rows.items() if row.completed}
            context["progress"] = rows.get(self.pk)
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
        # The visibility check runs before RoutablePageMixin dispatches any of the lesson's routes.
        self.ensure_visible_to(request.user)
        request.is_preview = False
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    @path("", name="lesson")
    def lesson_route(self, request):
        from access.selectors import lesson_view

        # Not Page.serve: the viewer's tier (with drip applied) decides between lesson and teaser.
        view = lesson_view(request.user, self)
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
        from ..views import save_note_view

        return save_note_view(request, self)

    @path("complete/", name="complete")
    def complete_route(self, request):
        from ..views import complete_lesson_view

        return complete_lesson_view(request, self)

    def serve_preview(self, request, mode_name):
        tier = mode_name if mode_name in Audience.values else Audience.ENROLLED
        return self.render_for(request, Audience(tier))


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
