"""Reads for a learner's pages (catalog, dashboard, course progress, certifications), each in a fixed
number of queries however many courses, lessons and progress rows there are."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Exists, Max, OuterRef, Q

from .models import CourseIndexPage, CoursePage, CourseReview, FavoriteCourse, LessonNote, LessonPage
from .page_cache import shared_by_generation, shared_many
from .progress import CourseProgress, lesson_totals, progress_by_course
from .progress import course_progress as progress_of_course
from .search import search_courses

RATINGS_KEY = "ratings:v1"


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


# The catalog's filters when the viewer chose none (the dashboard's "available to unlock").
UNFILTERED = {"q": "", "category": "", "level": "", "tag": "", "price": "", "sort": "", "favorites": False}


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
    lesson_count, total_minutes, rating_average, rating_count, is_favorite and is_owned (the user may
    read it as an enrolled student). Search aside, a fixed number of queries however many courses
    there are."""
    from access.selectors import visible_courses, with_access_flags

    courses = with_access_flags(user, visible_courses(user, CoursePage.objects.child_of(index_page)))
    flags = ["is_owned"]
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
    if user.is_authenticated:
        courses = courses.annotate(is_favorite=Exists(FavoriteCourse.objects.filter(user=user, course=OuterRef("pk"))))
        flags.append("is_favorite")
        if filters["favorites"]:
            courses = courses.filter(is_favorite=True)
    if filters["tag"]:
        courses = courses.distinct()  # through a join: a tag given twice must not list the course twice
    # The query says which courses this viewer gets and their flags; the courses themselves are shared.
    listed = list(courses.order_by("path").values_list("pk", *flags))
    shared = shared_courses([pk for pk, *_flags in listed])
    totals = lesson_totals(shared.values())
    ratings = review_summaries(shared)
    found = []
    for pk, *values in listed:
        if pk not in shared:  # unpublished since the query
            continue
        course = shared[pk]
        viewer_flags = dict(zip(flags, values, strict=True))
        course.is_owned, course.is_favorite = viewer_flags["is_owned"], viewer_flags.get("is_favorite", False)
        course.lesson_count, course.total_minutes = totals[pk]
        course.rating_average, course.rating_count = ratings.get(pk, (None, 0))
        found.append(course)
    return sort_courses(found, CATALOG_SORTS[filters["sort"]])


SHARED_COURSE_KEY = "course:v1"


def shared_courses(course_ids) -> dict[int, CoursePage]:
    """{id: course} for live courses as every viewer sees them (their category and thumbnail too),
    from the cache under the content generation: unpickling a course costs a third of building it
    from a row. Read once per request; the caller may set its viewer's facts on them."""
    return shared_many(
        SHARED_COURSE_KEY,
        course_ids,
        lambda missing: CoursePage.objects.live().select_related("category", "thumbnail").in_bulk(missing),
    )


@dataclass
class CourseSummary:
    """One of the learner's courses: how far they are (as courses/progress.py counts it), and where to
    go next."""

    course: object
    progress: CourseProgress = field(default_factory=CourseProgress)
    favorite: bool = False
    certificate: object = None
    first_lesson: object = None
    last_lesson: object = None  # the lesson touched most recently
    last_activity: object = None

    @property
    def total(self):
        return self.progress.total

    @property
    def done(self):
        return self.progress.done

    @property
    def updated(self):
        """Completed lessons an editor has changed since."""
        return self.progress.updated

    @property
    def percent(self):
        return self.progress.percent

    @property
    def is_complete(self):
        return self.progress.is_complete

    @property
    def action(self):
        if self.is_complete:
            return "progress"
        return "continue" if self.last_lesson else "start"


# What a summary's links need of a lesson: its title and its address, not its body.
LESSON_LINK_FIELDS = ("id", "path", "depth", "title", "slug", "url_path")


def learner_courses(user, *, sort="recent", certificates=None):
    """Summaries of the courses `user` is enrolled in, with their valid certificates (`certificates`:
    `valid_certificates(user)` when the caller already read them). Five queries however many courses,
    lessons and progress rows there are: the courses, the student's progress rows, the lessons the
    summaries link to, favourites and certificates."""
    from access.selectors import accessible_courses

    mine = CoursePage.objects.live().filter(pk__in=accessible_courses(user)).order_by("title")
    courses = list(shared_courses(mine.values_list("pk", flat=True)).values())
    if not courses:
        return []
    progress = progress_by_course(user, courses)
    summaries = {course.pk: CourseSummary(course, progress[course.pk]) for course in courses}
    # Only the lessons the summaries link to (where to start, where they left off) are read as pages.
    links = {}
    for course_id, summary in summaries.items():
        last = summary.progress.last_touched
        summary.last_activity = last.last_accessed if last else None
        links[course_id] = (summary.progress.first_lesson_id, last.lesson_id if last else None)
    wanted = {lesson_id for pair in links.values() for lesson_id in pair if lesson_id}
    lessons = LessonPage.objects.only(*LESSON_LINK_FIELDS).in_bulk(wanted)
    for course_id, (first_id, last_id) in links.items():
        summary = summaries[course_id]
        summary.first_lesson, summary.last_lesson = lessons.get(first_id), lessons.get(last_id)
    for course_id in FavoriteCourse.objects.filter(user=user, course_id__in=summaries).values_list(
        "course_id", flat=True
    ):
        summaries[course_id].favorite = True
    for certificate in valid_certificates(user) if certificates is None else certificates:
        if certificate.course_id in summaries:
            summaries[certificate.course_id].certificate = certificate
    return sort_courses(summaries.values(), DASHBOARD_SORTS.get(sort, DASHBOARD_SORTS["recent"]))


def valid_certificates(user):
    """The user's valid certificates: the dashboard counts them and shows each on its course."""
    from quizzes.models import Certificate

    return list(Certificate.objects.valid().filter(user=user))


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


def course_progress(user, course, outline, viewer):
    """Lesson-by-lesson progress of one course, with quiz results, notes and the next lesson.
    `outline` is the course's outline (modules with their lessons), `viewer` what access decided
    about `user` in it (for drip dates). Returns (module groups, next lesson, the course's progress)."""
    from quizzes.models import QuizAttempt

    progress = progress_of_course(user, course)
    lesson_ids = [lesson.pk for module in outline for lesson in module.lessons]
    notes = dict(LessonNote.objects.filter(user=user, lesson_id__in=lesson_ids).values_list("lesson_id", "text"))
    scores = {
        row["lesson_id"]: row
        for row in QuizAttempt.objects.filter(user=user, lesson_id__in=lesson_ids, status="submitted")
        .values("lesson_id")
        .annotate(best=Max("score"), passes=Count("pk", filter=Q(passed=True)))
    }
    unlock_dates = viewer.unlock_dates(outline)
    result, next_lesson = [], None
    for module in outline:
        group = ModuleRows(module, unlocks_at=unlock_dates.get(module.pk))
        for lesson in module.lessons:
            row = LessonRow(lesson, locked_until=group.unlocks_at, note=notes.get(lesson.pk, ""))
            record = progress.rows.get(lesson.pk)
            if record:
                row.status, row.completed = record.status, record.completed
                row.updated_since_completed = lesson.pk in progress.updated_ids
            if lesson.pk in scores:
                row.best_score, row.passed_quiz = scores[lesson.pk]["best"], scores[lesson.pk]["passes"] > 0
            if next_lesson is None and not row.completed and not row.locked_until:
                next_lesson = lesson
            group.rows.append(row)
        result.append(group)
    return result, next_lesson, progress


def continue_learning(owned_courses, progress, request):
    """The unfinished lesson the student touched last in one of `owned_courses` (the courses they may
    read, as the caller has them), with that course's progress, or None. `progress` is the student's
    progress in those courses (courses/progress.py); the lesson's title and address come from the
    course's cached outline, so this reads nothing more."""
    unfinished = [
        (row, course) for course in owned_courses for row in progress[course.pk].rows.values() if not row.completed
    ]
    if not unfinished:
        return None
    row, course = max(unfinished, key=lambda pair: pair[0].last_accessed)
    return CourseSummary(course, progress[course.pk], last_lesson=lesson_link(course, row.lesson_id, request))


def lesson_link(course, lesson_id, request):
    """The lesson as the course's outline has it (title and address); read from the database only
    when the outline does not list it (a live lesson in a module that is not)."""
    from .page_cache import course_outline

    listed = (lesson for module in course_outline(course, request) for lesson in module.lessons)
    return next((lesson for lesson in listed if lesson.pk == lesson_id), None) or (
        LessonPage.objects.only(*LESSON_LINK_FIELDS).get(pk=lesson_id)
    )


def review_summaries(course_ids):
    """{course id: (average rating, number of reviews)} over visible reviews, for the courses that
    have any: of every course at once, in one query per content generation (saving or deleting a
    review moves it on)."""
    every = shared_by_generation(RATINGS_KEY, read_review_summaries)
    return {course_id: every[course_id] for course_id in course_ids if course_id in every}


def read_review_summaries():
    rows = (
        CourseReview.objects.filter(is_hidden=False)
        .values("course_id")
        .annotate(average=Avg("rating"), count=Count("pk"))
        .values_list("course_id", "average", "count")
    )
    return {course_id: (round(average, 1), count) for course_id, average, count in rows}
