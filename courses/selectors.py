"""Reads for a learner's pages (catalog, dashboard, course progress, certifications), each in a fixed
number of queries however many courses, lessons and progress rows there are."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Avg, Count, Max, Q
from wagtail.models import Page

from .models import CourseIndexPage, CoursePage, CourseReview, FavoriteCourse, LessonNote, LessonPage, UserProgress
from .search import search_courses


@dataclass(frozen=True)
class CourseSort:
    """One way to order a list of courses: its label in the sort menu and the key it sorts by."""

    label: str
    key: Callable[[Any], Any] | None = None  # None: keep the order the list came in
    reverse: bool = False


def by_title(course):
    """What "by title" means wherever courses are sorted: alphabetical, whatever the case."""
    return course.title.lower()


# Sorts of the catalog's courses, annotated by `catalog_courses`. They come in tree order (the order
# editors gave them): "Recommended" keeps it and, as Python's sort is stable, so do ties.
CATALOG_SORTS = {
    "": CourseSort("Recommended"),
    "title": CourseSort("Title", by_title),
    "newest": CourseSort("Newest", lambda course: course.first_published_at, reverse=True),
    "rating": CourseSort("Best rated", lambda course: (-(course.rating_average or 0), -course.rating_count)),
    "shortest": CourseSort("Shortest", lambda course: course.total_minutes),
}


def sort_courses(items: Iterable, sort: CourseSort) -> list:
    """The catalog's courses or the dashboard's summaries, in the order `sort` gives."""
    if sort.key is None:
        return list(items)
    return sorted(items, key=sort.key, reverse=sort.reverse)


def sort_labels(sorts: dict[str, CourseSort]) -> dict[str, str]:
    """{value: label} for a sort menu."""
    return {value: sort.label for value, sort in sorts.items()}


def catalog_courses(user, index_page: CourseIndexPage, filters: dict) -> list[CoursePage]:
    """The courses under `index_page` that `user` may see, narrowed by `filters` (the catalog's query
    parameters, already checked by the page) and sorted by `filters["sort"]`, each with its
    lesson_count, total_minutes, rating_average, rating_count and is_favorite. Search aside, a fixed
    number of queries however many courses there are."""
    from access.selectors import visible_courses

    courses = visible_courses(user, CoursePage.objects.child_of(index_page))
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
    return sort_courses(courses, CATALOG_SORTS[filters["sort"]])


@dataclass
class CourseSummary:
    """One of the learner's courses: how far they are, and where to go next."""

    course: object
    total: int = 0
    done: int = 0
    updated: int = 0  # completed lessons an editor has changed since
    favorite: bool = False
    certificate: object = None
    first_lesson: object = None
    last_lesson: object = None  # the lesson touched most recently
    last_activity: object = None

    @property
    def percent(self):
        return round(self.done * 100 / self.total) if self.total else 0

    @property
    def is_complete(self):
        return bool(self.total) and self.done == self.total

    @property
    def action(self):
        if self.is_complete:
            return "progress"
        return "continue" if self.last_lesson else "start"


def course_of(path, course_paths, depth):
    return course_paths.get(path[: depth * Page.steplen])


def learner_courses(user, *, sort="recent"):
    """Summaries of the courses `user` is enrolled in. Six queries."""
    from access.selectors import accessible_course_ids
    from quizzes.models import Certificate

    ids = accessible_course_ids(user)
    courses = list(CoursePage.objects.live().filter(pk__in=ids).select_related("thumbnail").order_by("title"))
    if not courses:
        return []
    summaries = {course.pk: CourseSummary(course) for course in courses}
    course_paths = {course.path: course.pk for course in courses}
    depth = courses[0].depth
    lessons = list(
        LessonPage.objects.live()
        .filter(reduce(or_, (Q(path__startswith=path) for path in course_paths)))
        .order_by("path")
        .only("id", "path", "depth", "title", "slug", "url_path", "live_revision_id")
    )
    lesson_course = {}
    for lesson in lessons:
        course_id = course_of(lesson.path, course_paths, depth)
        lesson_course[lesson.pk] = course_id
        summary = summaries[course_id]
        summary.total += 1
        summary.first_lesson = summary.first_lesson or lesson
    by_id = {lesson.pk: lesson for lesson in lessons}
    for row in UserProgress.objects.filter(user=user, lesson_id__in=by_id).values(
        "lesson_id", "completed", "completed_revision_id", "last_accessed"
    ):
        summary = summaries[lesson_course[row["lesson_id"]]]
        lesson = by_id[row["lesson_id"]]
        if row["completed"]:
            summary.done += 1
            if row["completed_revision_id"] and row["completed_revision_id"] != lesson.live_revision_id:
                summary.updated += 1
        if summary.last_activity is None or row["last_accessed"] > summary.last_activity:
            summary.last_activity, summary.last_lesson = row["last_accessed"], lesson
    for course_id in FavoriteCourse.objects.filter(user=user, course_id__in=summaries).values_list(
        "course_id", flat=True
    ):
        summaries[course_id].favorite = True
    for certificate in Certificate.objects.valid().filter(user=user, course_id__in=summaries):
        summaries[certificate.course_id].certificate = certificate
    return sort_courses(summaries.values(), DASHBOARD_SORTS.get(sort, DASHBOARD_SORTS["recent"]))


# Sorts of the dashboard's CourseSummary rows; "recent" is the default.
DASHBOARD_SORTS = {
    # Recently studied first; courses never opened after them, by title.
    "recent": CourseSort(
        "Recently studied",
        lambda summary: (
            summary.last_activity is None,
            -(summary.last_activity.timestamp() if summary.last_activity else 0),
            by_title(summary.course),
        ),
    ),
    "title": CourseSort("Title", lambda summary: by_title(summary.course)),
    "progress": CourseSort("Progress", lambda summary: (-summary.percent, by_title(summary.course))),
}


@dataclass
class DashboardStats:
    enrolled: int
    completed_courses: int
    lessons_done: int
    lessons_total: int
    certificates: int


def dashboard_stats(summaries, certificate_count):
    return DashboardStats(
        enrolled=len(summaries),
        completed_courses=sum(1 for summary in summaries if summary.is_complete),
        lessons_done=sum(summary.done for summary in summaries),
        lessons_total=sum(summary.total for summary in summaries),
        certificates=certificate_count,
    )


@dataclass
class LessonRow:
    lesson: object
    status: str = "not_started"
    completed: bool = False
    updated_since_completed: bool = False
    locked_until: object = None
    best_score: object = None
    passed_quiz: bool = False
    note: str = ""


@dataclass
class ModuleRows:
    module: object
    rows: list = field(default_factory=list)
    unlocks_at: object = None


def course_progress(user, course):
    """Lesson-by-lesson progress of one course, with quiz results, notes and the next lesson."""
    from access.selectors import module_unlock_dates
    from quizzes.models import QuizAttempt

    modules = course.outline()
    lessons = [lesson for module in modules for lesson in module.lessons]
    lesson_ids = [lesson.pk for lesson in lessons]
    progress = {row.lesson_id: row for row in UserProgress.objects.filter(user=user, lesson_id__in=lesson_ids)}
    notes = dict(LessonNote.objects.filter(user=user, lesson_id__in=lesson_ids).values_list("lesson_id", "text"))
    scores = {
        row["lesson_id"]: row
        for row in QuizAttempt.objects.filter(user=user, lesson_id__in=lesson_ids, status="submitted")
        .values("lesson_id")
        .annotate(best=Max("score"), passes=Count("pk", filter=Q(passed=True)))
    }
    unlock_dates = module_unlock_dates(user, course, modules)
    result, next_lesson = [], None
    for module in modules:
        group = ModuleRows(module, unlocks_at=unlock_dates.get(module.pk))
        for lesson in module.lessons:
            row = LessonRow(lesson, locked_until=group.unlocks_at, note=notes.get(lesson.pk, ""))
            record = progress.get(lesson.pk)
            if record:
                row.status, row.completed = record.status, record.completed
                row.updated_since_completed = bool(
                    record.completed
                    and record.completed_revision_id
                    and record.completed_revision_id != lesson.live_revision_id
                )
            if lesson.pk in scores:
                row.best_score, row.passed_quiz = scores[lesson.pk]["best"], scores[lesson.pk]["passes"] > 0
            if next_lesson is None and not row.completed and not row.locked_until:
                next_lesson = lesson
            group.rows.append(row)
        result.append(group)
    return result, next_lesson


RECENT_ROWS_CONSIDERED = 10


def continue_learning(user):
    """The unfinished lesson the student touched last, in a course they may read, with that course's
    progress, or None. Four queries reading at most a few rows, however many courses they have."""
    from access.selectors import accessible_course_ids

    from .services import course_progress as lesson_counts

    owned = {course.path: course for course in CoursePage.objects.live().filter(pk__in=accessible_course_ids(user))}
    if not owned:
        return None
    depth = next(iter(owned.values())).depth
    recent = (
        UserProgress.objects.filter(user=user, completed=False, lesson__live=True)
        .select_related("lesson")
        .order_by("-last_accessed")[:RECENT_ROWS_CONSIDERED]
    )
    for row in recent:
        course = owned.get(row.lesson.path[: depth * Page.steplen])
        if course is not None:
            done, total = lesson_counts(user, course)
            return CourseSummary(course, total=total, done=done, last_lesson=row.lesson)
    return None


def review_summaries(course_ids):
    """{course id: (average rating, number of reviews)} over visible reviews, in one query."""
    rows = (
        CourseReview.objects.filter(course_id__in=course_ids, is_hidden=False)
        .values("course_id")
        .annotate(average=Avg("rating"), count=Count("pk"))
    )
    return {row["course_id"]: (round(row["average"], 1), row["count"]) for row in rows}
