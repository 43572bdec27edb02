"""Course progress, counted one way for every page that shows it (dashboard, catalog, progress page,
certificates, exams, prerequisites, the admin's student page).

A course's lessons are its live lessons, wherever they sit under it; a student has done a lesson when
their progress row says completed, and a completed lesson is "updated since you completed it" when
the revision they completed is no longer the live one. Reads cover many courses at once, in a fixed
number of queries however many courses, lessons and progress rows there are.

Which lessons a course has is the same for every viewer and changes only when pages are published,
unpublished, moved or deleted, so it is cached per course under the page cache's content generation
(page_cache.py), which each of those moves on. A student's own rows are never cached.
"""

from dataclasses import dataclass, field, fields
from functools import cached_property, reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Q, Subquery

from .models import LessonPage, UserProgress
from .page_cache import request_memo, shared_many

LESSONS_KEY = "course-progress:lessons:v2"  # the version moves when LiveLesson changes shape
TOTALS_KEY = "course-progress:totals:v1"
ROWS_MEMO = "progress-rows"


class LiveLesson(NamedTuple):
    """What progress needs of a lesson: no body, no page machinery. A named tuple: the catalog reads
    thousands of them from the cache, and tuples unpickle at twice a dataclass's speed."""

    pk: int
    path: str
    live_revision_id: int | None
    duration_minutes: int


@dataclass(frozen=True)
class ProgressRow:
    """One student's record of one lesson, as progress reads it."""

    lesson_id: int
    status: str
    completed: bool
    completed_revision_id: int | None
    last_accessed: object
    completed_at: object  # "You completed this lesson on …"
    video_watch_percentage: float
    last_position_seconds: float


PROGRESS_ROW_FIELDS = [field.name for field in fields(ProgressRow)]


def updated_since_completed(row, live_revision_id) -> bool:
    """The student completed a revision of the lesson that is no longer the published one."""
    return bool(
        row is not None
        and row.completed
        and row.completed_revision_id
        and row.completed_revision_id != live_revision_id
    )


def percent(done: int, total: int) -> int:
    return round(done * 100 / total) if total else 0


@dataclass
class CourseProgress:
    """One student's progress through one course: its live lessons in tree order and their rows."""

    lessons: list[LiveLesson] = field(default_factory=list)
    rows: dict[int, ProgressRow] = field(default_factory=dict)  # lesson id: row, for live lessons only
    # Lessons whose live required quiz the student has not passed; read only once every lesson is done.
    unpassed_quiz_lesson_ids: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @cached_property
    def completed_ids(self) -> set[int]:
        return {lesson_id for lesson_id, row in self.rows.items() if row.completed}

    @property
    def done(self) -> int:
        return len(self.completed_ids)

    @cached_property
    def updated_ids(self) -> set[int]:
        return {
            lesson.pk
            for lesson in self.lessons
            if updated_since_completed(self.rows.get(lesson.pk), lesson.live_revision_id)
        }

    @property
    def updated(self) -> int:
        return len(self.updated_ids)

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)

    @property
    def lessons_done(self) -> bool:
        return bool(self.total) and self.done == self.total

    @property
    def is_complete(self) -> bool:
        """The course is completed: every live lesson completed and every required quiz passed (a quiz
        made required after the lesson was completed still has to be passed)."""
        return self.lessons_done and not self.unpassed_quiz_lesson_ids

    @property
    def first_lesson_id(self) -> int | None:
        return self.lessons[0].pk if self.lessons else None

    @property
    def last_touched(self) -> ProgressRow | None:
        """The row of the lesson the student touched most recently."""
        return max(self.rows.values(), key=lambda row: row.last_accessed, default=None)


def live_lessons_by_course(courses) -> dict[int, list[LiveLesson]]:
    """{course id: its live lessons in tree order} for many courses: from the cache (once per request),
    and one query for the courses it does not hold."""
    by_id = {course.pk: course for course in courses}
    known = shared_many(LESSONS_KEY, by_id, lambda missing: read_live_lessons([by_id[pk] for pk in missing]))
    return {course.pk: known[course.pk] for course in courses}


def read_live_lessons(courses) -> dict[int, list[LiveLesson]]:
    """{course id: its live lessons in tree order}, from the database in one query."""
    lessons = {course.pk: [] for course in courses}
    course_at = {course.path: course.pk for course in courses}
    prefix_lengths = sorted({len(path) for path in course_at})
    rows = (
        LessonPage.objects.live()
        .filter(reduce(or_, (Q(path__startswith=path) for path in course_at)))
        .order_by("path")
        .values_list("pk", "path", "live_revision_id", "duration_minutes")
    )
    for pk, path, live_revision_id, minutes in rows:
        course_id = next((course_at[path[:length]] for length in prefix_lengths if path[:length] in course_at), None)
        if course_id is not None:
            lessons[course_id].append(LiveLesson(pk, path, live_revision_id, minutes))
    return lessons


def lesson_totals(courses) -> dict[int, tuple[int, int]]:
    """{course id: (number of live lessons, their minutes)}: what a course card says of its size.
    Cached as two numbers per course, so a catalog of many courses reads no lesson lists."""
    by_id = {course.pk: course for course in courses}

    def count(missing):
        lessons = live_lessons_by_course([by_id[pk] for pk in missing])
        return {pk: (len(items), sum(lesson.duration_minutes for lesson in items)) for pk, items in lessons.items()}

    return shared_many(TOTALS_KEY, by_id, count, memoise=False)


def progress_by_course(user, courses) -> dict[int, CourseProgress]:
    """{course id: `user`'s progress in it} for many courses: one query for the student's rows (none
    for a guest), and one for the lessons of courses the cache does not hold."""
    if not courses:
        return {}
    lessons = live_lessons_by_course(courses)
    progress = {course_id: CourseProgress(course_lessons) for course_id, course_lessons in lessons.items()}
    course_of_lesson = {lesson.pk: course_id for course_id, items in lessons.items() for lesson in items}
    if not user.is_authenticated or not course_of_lesson:
        return progress
    for record in student_rows(user):
        if record.lesson_id in course_of_lesson:
            progress[course_of_lesson[record.lesson_id]].rows[record.lesson_id] = record
    finished = [each for each in progress.values() if each.lessons_done]
    if finished:
        unpassed = unpassed_required_quiz_lessons(user, [lesson.pk for each in finished for lesson in each.lessons])
        for each in finished:
            each.unpassed_quiz_lesson_ids = {lesson.pk for lesson in each.lessons if lesson.pk in unpassed}
    return progress


def unpassed_required_quiz_lessons(user, lesson_ids) -> set[int]:
    """Which of the lessons have a live required quiz `user` has not passed (one query)."""
    from quizzes.models import QuizAttempt

    passed = QuizAttempt.objects.filter(user=user, quiz=OuterRef("quiz_id"), passed=True)
    return set(with_required_quiz(lesson_ids).exclude(Exists(passed)).values_list("pk", flat=True))


def with_required_quiz(lesson_ids):
    """Those of the lessons whose quiz is live and required: it must be passed to complete the course."""
    return LessonPage.objects.filter(pk__in=lesson_ids, quiz__live=True, quiz__is_required=True)


def student_rows(user) -> list[ProgressRow]:
    """All of the student's rows, read once per request (a page reads them for its own courses and
    again for prerequisites); any write of a progress row forgets them (signal_handlers.py). All of
    them, those of other courses skipped by the caller: an IN list of every lesson of many courses
    costs PostgreSQL more than the few rows of courses not asked about."""
    memo = request_memo()
    known = {} if memo is None else memo.setdefault(ROWS_MEMO, {})
    if user.pk not in known:
        rows = UserProgress.objects.filter(user=user).values_list(*PROGRESS_ROW_FIELDS)
        known[user.pk] = [ProgressRow(*row) for row in rows]
    return known[user.pk]


def forget_student_rows():
    """A progress row was written: this request reads the student's rows afresh."""
    memo = request_memo()
    if memo is not None:
        memo.pop(ROWS_MEMO, None)


def course_progress(user, course) -> CourseProgress:
    """`user`'s progress in one course (see progress_by_course)."""
    return progress_by_course(user, [course])[course.pk]


def completed_course_ids(user, courses, *, known=None) -> set[int]:
    """Which of `courses` `user` has completed: every live lesson done, and at least one lesson.
    `known` is progress the request already read ({course id: CourseProgress}); only the other
    courses are read (two queries at most, none when `known` covers them)."""
    if not user.is_authenticated:
        return set()
    known = known or {}
    progress = {course.pk: known[course.pk] for course in courses if course.pk in known}
    progress |= progress_by_course(user, [course for course in courses if course.pk not in known])
    return {course_id for course_id, each in progress.items() if each.is_complete}


def completing_students(course, learners):
    """The students among `learners` (a user queryset) who have completed `course`, by the rule of
    CourseProgress.is_complete, counted in the database for many students at once: a values queryset
    of `user_id`, one row per student, to count or to annotate (when they started, finished)."""
    from quizzes.models import QuizAttempt

    lesson_ids = [lesson.pk for lesson in live_lessons_by_course([course])[course.pk]]
    if not lesson_ids:  # a course without lessons is completed by nobody (CourseProgress.lessons_done)
        return UserProgress.objects.none().values("user_id")
    rows = (
        UserProgress.objects.filter(lesson__in=lesson_ids, user__in=learners.values("pk"))
        .values("user_id")
        .annotate(lessons_done=Count("pk", filter=Q(completed=True)))
        .filter(lessons_done=len(lesson_ids))
    )
    required = set(with_required_quiz(lesson_ids).values_list("quiz_id", flat=True))
    if required:
        passed = (
            QuizAttempt.objects.filter(user=OuterRef("user_id"), quiz__in=required, passed=True)
            .values("user_id")
            .annotate(n=Count("quiz_id", distinct=True))
            .values("n")
        )
        rows = rows.annotate(required_passed=Subquery(passed)).filter(required_passed=len(required))
    return rows
