"""The bench data set: a large site (by default 50 courses of 16 modules of 8 lessons, 10,000
students, a million progress rows) built in a few minutes with bulk inserts.

Bench rows are recognisable: course slugs start with "bench-course-", usernames with "bench-",
quiz titles with "Bench quiz". The demo site that `seed_demo` loads stays as it is beside them.
Pages are written as treebeard and Wagtail would write them (paths, depths, child counts, url
paths, locale, live and published dates) plus the tier-aware `LessonSearchEntry` rows and Wagtail's
search index, so every page renders and search finds lessons. Not written: page revisions (the
editor opens the live page instead), Wagtail's reference index, certificates.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from itertools import islice

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from access.models import AccessEvent, Audience, CourseAccess
from courses.models import (
    Category,
    CourseIndexPage,
    CoursePage,
    CourseReview,
    CourseTag,
    FavoriteCourse,
    LessonPage,
    LessonSearchEntry,
    ModulePage,
    UserProgress,
)
from courses.search import tier_keys_for
from quizzes.importers import parse_gift
from quizzes.models import Quiz, QuizAttempt

from . import content
from .bulk import analyze, child_paths, insert_rows, last_child_step
from .sizes import Sizes

COURSE_SLUG_PREFIX = "bench-course-"
USERNAME_PREFIX = "bench-"
QUIZ_TITLE_PREFIX = "Bench quiz"
# The student whose dashboard and catalog are measured: enrolled in ten courses, with progress.
DASHBOARD_STUDENT = "bench-student"
# The student whose lesson page and progress reports are measured: enrolled in the first course.
LESSON_STUDENT = "bench-enrolled"
DASHBOARD_COURSES = 10
CATEGORIES = ["Software Testing", "Test Automation", "Performance", "Security Testing", "QA Career"]
TAGS = ["testing", "qa", "automation", "ai", "career", "api", "performance", "security"]
FIRST_NAMES = ["Ada", "Ben", "Chen", "Dana", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jo", "Kemal", "Lea"]
LAST_NAMES = ["Smith", "Garcia", "Nguyen", "Okafor", "Kowalski", "Silva", "Haddad", "Larsen", "Ito", "Meyer"]
REVIEW_TEXTS = [
    "Clear lessons and the labs are worth it.",
    "Good pace; the boundary value examples finally made it click.",
    "Solid course. More video would be nice.",
    "Practical, no fluff. I used the bug report template at work the next day.",
    "",
]
FILLED_MODELS = [
    Page,
    CoursePage,
    ModulePage,
    LessonPage,
    get_user_model(),
    CourseAccess,
    AccessEvent,
    UserProgress,
    QuizAttempt,
    CourseReview,
    LessonSearchEntry,
]


def bench_courses():
    return CoursePage.objects.filter(slug__startswith=COURSE_SLUG_PREFIX)


def bench_users():
    return get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)


def existing_counts() -> dict | None:
    """What bench data the database holds, counted from the rows; None when it has none."""
    first = bench_courses().order_by("path").first()
    if first is None:
        return None
    modules = ModulePage.objects.child_of(first)
    first_module = modules.order_by("path").first()
    students = bench_users()
    return {
        "courses": bench_courses().count(),
        "modules": modules.count(),
        "lessons": LessonPage.objects.child_of(first_module).count() if first_module else 0,
        "students": students.count(),
        "progress_rows": UserProgress.objects.filter(user__in=students).count(),
        "course_accesses": CourseAccess.objects.filter(user__in=students).count(),
        "quiz_attempts": QuizAttempt.objects.filter(user__in=students).count(),
        "reviews": CourseReview.objects.filter(user__in=students).count(),
        "lesson_search_entries": LessonSearchEntry.objects.filter(course__in=bench_courses()).count(),
    }


@transaction.atomic
def remove():
    """Delete the bench data through the ORM, so every cascade and signal runs (minutes at full size:
    dropping a database that holds nothing else is quicker)."""
    bench_users().delete()
    for course in bench_courses():
        course.delete()
    Quiz.objects.filter(title__startswith=QUIZ_TITLE_PREFIX).delete()


@dataclass
class PlacedPage:
    """A page the builder wrote, with what its children need to know."""

    id: int
    path: str
    depth: int
    url_path: str
    fields: dict


@dataclass
class Access:
    user_id: int
    course: PlacedPage
    position: int  # the course's place among the bench courses
    granted_at: object
    id: int = 0


Report = Callable[[str, int, float], None]


class BenchSiteBuilder:
    """Writes the bench site, step by step, reporting each step's row count and time."""

    def __init__(self, sizes: Sizes, report: Report):
        self.sizes = sizes
        self.report = report
        self.rng = random.Random(2026)  # noqa: S311 - the same data set every time, nothing secret
        self.now = timezone.now()
        self.catalog = CourseIndexPage.objects.get()
        self.locale_id = Locale.get_default().pk

    def step(self, name, write):
        started = time.monotonic()
        count = write()
        self.report(name, count, time.monotonic() - started)

    @transaction.atomic
    def build(self):
        self.step("quizzes", self.create_quizzes)
        self.step("course pages", self.add_courses)
        self.step("module pages", self.add_modules)
        self.step("lesson pages", self.add_lessons)
        self.step("course tags", self.tag_courses)
        self.step("students", self.add_students)
        self.step("course accesses", self.grant_accesses)
        self.step("access events", self.record_access_events)
        self.step("progress rows", self.add_progress)
        self.step("quiz attempts", self.add_quiz_attempts)
        self.step("reviews and favourites", self.add_reviews)
        self.step("lesson search entries", self.add_search_entries)
        self.step("search index entries", self.index_for_search)

    # Pages ---------------------------------------------------------------------------------------

    def create_quizzes(self):
        """One published quiz per course, the demo's own questions, through the ORM (they are few)."""
        demo = content.demo_quiz()
        parsed = parse_gift(demo["gift"])
        self.quizzes = []
        for number in range(1, self.sizes.courses + 1):
            quiz = Quiz(
                title=f"{QUIZ_TITLE_PREFIX} {number}: {demo['title']}",
                description=demo.get("description", ""),
                questions=[question.stream_item() for question in parsed.questions],
            )
            quiz.save()
            quiz.save_revision().publish()
            self.quizzes.append(quiz)
        return len(self.quizzes)

    def add_courses(self):
        category_ids = [
            Category.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0].pk for name in CATEGORIES
        ]
        catalog = PlacedPage(self.catalog.pk, self.catalog.path, self.catalog.depth, self.catalog.url_path, {})
        courses = [
            {"slug": f"{COURSE_SLUG_PREFIX}{number:03}", **content.course_fields(number, category_ids)}
            for number in range(1, self.sizes.courses + 1)
        ]
        self.courses = self.add_pages(
            CoursePage, [(catalog, courses)], numchild=self.sizes.modules, after=last_child_step(self.catalog)
        )
        Page.objects.filter(pk=self.catalog.pk).update(numchild=F("numchild") + len(self.courses))
        return len(self.courses)

    def add_modules(self):
        modules = [content.module_fields(position) for position in range(self.sizes.modules)]
        self.modules = self.add_pages(
            ModulePage, [(course, modules) for course in self.courses], numchild=self.sizes.lessons
        )
        return len(self.modules)

    def add_lessons(self):
        per_module, per_course = self.sizes.lessons, self.sizes.modules * self.sizes.lessons
        placements = []
        for index, module in enumerate(self.modules):
            course_position, module_position = divmod(index, self.sizes.modules)
            lessons = [
                content.lesson_fields(module_position, position, per_module, index * per_module + position)
                for position in range(per_module)
            ]
            if module_position == 0:  # the course's quiz closes its first module
                lessons[-1]["quiz_id"] = self.quizzes[course_position].pk
            placements.append((module, lessons))
        lessons = self.add_pages(LessonPage, placements, numchild=0)
        self.course_lessons = [lessons[start : start + per_course] for start in range(0, len(lessons), per_course)]
        return len(lessons)

    def add_pages(self, model, placements, *, numchild, after=0):
        """Write pages of `model` under their parents: the wagtailcore_page rows, then the model's own
        rows pointing at them. `placements` is [(parent, [fields of each new child])]."""
        content_type_id = ContentType.objects.get_for_model(model).pk
        placed, page_rows = [], []
        for parent, children in placements:
            paths = child_paths(parent.path, parent.depth, len(children), after=after)
            for path, child in zip(paths, children, strict=True):
                page = PlacedPage(0, path, parent.depth + 1, f"{parent.url_path}{child['slug']}/", child)
                published = self.now - timedelta(days=len(placed) % 365 + 1)
                page_rows.append(
                    {
                        "path": path,
                        "depth": page.depth,
                        "numchild": numchild,
                        "title": child["title"],
                        "draft_title": child["title"],
                        "slug": child["slug"],
                        "content_type_id": content_type_id,
                        "live": True,
                        "url_path": page.url_path,
                        "locale_id": self.locale_id,
                        "first_published_at": published,
                        "last_published_at": published,
                    }
                )
                placed.append(page)
        insert_rows(Page, page_rows)
        depth = placed[0].depth if placed else 0
        ids = dict(Page.objects.filter(depth=depth, path__startswith=self.catalog.path).values_list("path", "id"))
        own_rows = []
        for page in placed:
            page.id = ids[page.path]
            own = {name: value for name, value in page.fields.items() if name not in {"title", "slug"}}
            own_rows.append({"page_ptr_id": page.id, **own})
        insert_rows(model, own_rows)
        return placed

    def tag_courses(self):
        tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
        rows = [
            {"tag_id": tags[(position + offset) % len(tags)].pk, "content_object_id": course.id}
            for position, course in enumerate(self.courses)
            for offset in range(3)
        ]
        return insert_rows(CourseTag, rows)

    # People and what they did --------------------------------------------------------------------

    def add_students(self):
        usernames = [DASHBOARD_STUDENT, LESSON_STUDENT] + [
            f"{USERNAME_PREFIX}student-{number:05}" for number in range(3, self.sizes.students + 1)
        ]
        rows = (
            {
                "username": username,
                "email": f"{username}@bench.example.com",
                "first_name": FIRST_NAMES[number % len(FIRST_NAMES)],
                "last_name": LAST_NAMES[number % len(LAST_NAMES)],
                # Nobody logs in with a password: the runner makes sessions itself.
                "password": make_password(None),
                "date_joined": self.now - timedelta(days=number % 700 + 1),
            }
            for number, username in enumerate(usernames)
        )
        count = insert_rows(get_user_model(), rows)
        self.student_ids = dict(bench_users().values_list("username", "id"))
        return count

    def grant_accesses(self):
        """The benchmark students' fixed enrolments, then 1 to `courses_per_student` random courses
        for every other student: open courses by enrolment, paid ones by purchase."""
        self.accesses = []
        dashboard_courses = range(min(DASHBOARD_COURSES, len(self.courses)))
        self.enrol(self.student_ids[DASHBOARD_STUDENT], dashboard_courses)
        self.enrol(self.student_ids[LESSON_STUDENT], [0])
        self.special_accesses = len(self.accesses)
        most = min(self.sizes.courses_per_student, len(self.courses))
        for username, user_id in sorted(self.student_ids.items()):
            if username not in {DASHBOARD_STUDENT, LESSON_STUDENT}:
                self.enrol(user_id, self.rng.sample(range(len(self.courses)), self.rng.randint(1, most)))
        rows = (self.access_row(access, number) for number, access in enumerate(self.accesses))
        count = insert_rows(CourseAccess, rows)
        ids = {
            (user_id, course_id): pk
            for user_id, course_id, pk in CourseAccess.objects.filter(user__in=bench_users()).values_list(
                "user_id", "course_id", "id"
            )
        }
        for access in self.accesses:
            access.id = ids[(access.user_id, access.course.id)]
        return count

    def enrol(self, user_id, positions):
        for position in positions:
            granted_at = self.now - timedelta(days=self.rng.randint(30, 400), minutes=self.rng.randint(0, 1440))
            self.accesses.append(Access(user_id, self.courses[position], position, granted_at))

    def is_paid(self, access):
        return access.course.fields["enrollment_method"] == CoursePage.EnrollmentMethod.PURCHASE

    def access_row(self, access, number):
        paid = self.is_paid(access)
        access_type = CourseAccess.AccessType.PURCHASE if paid else CourseAccess.AccessType.ENROLLMENT
        purchase_id = f"bench-order-{number}" if paid else ""
        return {
            "user_id": access.user_id,
            "course_id": access.course.id,
            "access_type": access_type,
            "purchase_id": purchase_id,
            "source_key": CourseAccess.source_key_for(access_type, purchase_id=purchase_id),
            "granted_at": access.granted_at,
            "created_at": access.granted_at,
            "updated_at": access.granted_at,
        }

    def record_access_events(self):
        """The audit trail every grant writes: one event per access."""
        rows = (
            {
                "created_at": access.granted_at,
                "actor_id": access.user_id,
                "user_id": access.user_id,
                "action": AccessEvent.Action.GRANT if self.is_paid(access) else AccessEvent.Action.ENROLL,
                "course_id": access.course.id,
                "access_id": access.id,
                "source": "Purchase" if self.is_paid(access) else "Open enrollment",
            }
            for access in self.accesses
        )
        return insert_rows(AccessEvent, rows)

    def add_progress(self):
        counts = self.progress_counts()
        self.lessons_done = dict(zip((access.id for access in self.accesses), counts, strict=True))
        rows = (
            row
            for access, count in zip(self.accesses, counts, strict=True)
            for row in self.progress_rows(access, count)
        )
        return insert_rows(UserProgress, rows)

    def progress_counts(self):
        """How many lessons (from the first, in order) each access has progress in: fixed amounts for
        the benchmark students, the rest of `progress_rows` spread at random over everyone else."""
        per_course = self.sizes.modules * self.sizes.lessons
        dashboard = min(DASHBOARD_COURSES, len(self.courses))
        special = [per_course * (number + 1) // (dashboard + 1) for number in range(dashboard)]
        special.append(min(3, per_course))
        budget = self.sizes.progress_rows
        special = [min(count, max(0, budget - sum(special[:number]))) for number, count in enumerate(special)]
        others = len(self.accesses) - len(special)
        remaining = min(budget - sum(special), others * per_course)
        weights = [self.rng.random() for _ in range(others)]
        scale = remaining / sum(weights) if weights and sum(weights) else 0
        counts = [min(per_course, int(weight * scale)) for weight in weights]
        left = remaining - sum(counts)
        for number, count in enumerate(counts):
            if left <= 0:
                break
            extra = min(per_course - count, left)
            counts[number] += extra
            left -= extra
        return special + counts

    def progress_rows(self, access, count):
        lessons = self.course_lessons[access.position]
        for number, lesson in enumerate(lessons[:count]):
            started = access.granted_at + timedelta(hours=number * 5)
            finished = number < count - 1 or count == len(lessons)
            yield {
                "user_id": access.user_id,
                "lesson_id": lesson.id,
                "status": UserProgress.Status.COMPLETED if finished else UserProgress.Status.IN_PROGRESS,
                "completed": finished,
                "completed_at": started + timedelta(minutes=25) if finished else None,
                "video_watch_percentage": 100.0 if finished else 40.0,
                "last_position_seconds": float(content.VIDEO_SECONDS if finished else 240),
                "started_at": started,
                "last_accessed": started + timedelta(minutes=25),
            }

    def add_quiz_attempts(self):
        """Attempts at the quiz that closes each course's first module, by students who got that far:
        one to three each, the last one usually passed."""
        quiz_position = self.sizes.lessons - 1
        reached = [access for access in self.accesses if self.lessons_done[access.id] > quiz_position]
        self.rng.shuffle(reached)
        rows = []
        for access in reached:
            if len(rows) >= self.sizes.quiz_attempts:
                break
            tries = min(self.rng.randint(1, 3), self.sizes.quiz_attempts - len(rows))
            quiz = self.quizzes[access.position]
            lesson = self.course_lessons[access.position][quiz_position]
            for number in range(1, tries + 1):
                passed = number == tries and self.rng.random() < 0.9
                score = self.rng.randint(75, 100) if passed else self.rng.randint(20, 70)
                started = access.granted_at + timedelta(days=2, hours=number)
                rows.append(
                    {
                        "user_id": access.user_id,
                        "quiz_id": quiz.pk,
                        "lesson_id": lesson.id,
                        "course_id": access.course.id,
                        "revision_id": quiz.live_revision_id,
                        "attempt_number": number,
                        "status": QuizAttempt.Status.SUBMITTED,
                        "started_at": started,
                        "submitted_at": started + timedelta(minutes=6),
                        "points_earned": score,
                        "points_possible": 100,
                        "score": score,
                        "passed": passed,
                    }
                )
        return insert_rows(QuizAttempt, rows)

    def add_reviews(self):
        chosen = self.rng.sample(self.accesses, min(self.sizes.reviews, len(self.accesses)))
        rows = (
            {
                "user_id": access.user_id,
                "course_id": access.course.id,
                "rating": self.rng.choices([5, 4, 3, 2, 1], weights=[50, 30, 12, 5, 3])[0],
                "text": REVIEW_TEXTS[number % len(REVIEW_TEXTS)],
                "created_at": access.granted_at + timedelta(days=20),
                "updated_at": access.granted_at + timedelta(days=20),
            }
            for number, access in enumerate(chosen)
        )
        count = insert_rows(CourseReview, rows)
        user_id = self.student_ids[DASHBOARD_STUDENT]
        favourites = sorted({0, min(2, len(self.courses) - 1)})
        rows = [{"user_id": user_id, "course_id": self.courses[position].id} for position in favourites]
        return count + insert_rows(FavoriteCourse, rows)

    # Search --------------------------------------------------------------------------------------

    def add_search_entries(self):
        """One entry per lesson and tier key, with the words that tier may read, from the lesson's own
        `text_visible_to` (the rule the publish signal uses)."""
        rows = []
        for course, lessons in zip(self.courses, self.course_lessons, strict=True):
            course_page = CoursePage(id=course.id, page_ptr_id=course.id, visibility=course.fields["visibility"])
            course_keys = tier_keys_for(course_page)
            for lesson in lessons:
                page = LessonPage(**{name: value for name, value in lesson.fields.items() if name != "quiz_id"})
                for key, tier in course_keys.items():
                    rows.append(
                        {
                            "lesson_id": lesson.id,
                            "course_id": course.id,
                            "visibility_key": key,
                            "title": page.title,
                            "text": page.text_visible_to(Audience(tier)),
                        }
                    )
        return insert_rows(LessonSearchEntry, rows)

    def index_for_search(self):
        """Wagtail's own index (what page and course search read), through the search backend's bulk add."""
        backend = get_search_backend()
        course_ids = [course.id for course in self.courses]
        lesson_ids = [lesson.id for lessons in self.course_lessons for lesson in lessons]
        indexed = [
            (CoursePage, CoursePage.objects.filter(pk__in=course_ids)),
            (ModulePage, ModulePage.objects.filter(pk__in=[module.id for module in self.modules])),
            (LessonPage, LessonPage.objects.filter(pk__in=lesson_ids).defer("body")),
            (LessonSearchEntry, LessonSearchEntry.objects.filter(course_id__in=course_ids)),
        ]
        count = 0
        for model, queryset in indexed:
            objects = queryset.order_by("pk").iterator(chunk_size=500)
            while chunk := list(islice(objects, 500)):
                backend.add_bulk(model, chunk)
                count += len(chunk)
        return count


def build(sizes: Sizes, report: Report):
    BenchSiteBuilder(sizes, report).build()
    analyze([*FILLED_MODELS, apps.get_model("wagtailsearch", "IndexEntry")])
