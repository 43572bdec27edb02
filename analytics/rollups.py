"""Daily roll-ups of the numbers that read every progress row (who started and who completed each
course): counted by a task into CourseDay rows, read by the analytics page in one query.

The page asks for a recount when the newest count of a course it shows is older than FRESH_FOR; with
the database task backend (production) the worker recounts and the page shows the previous count
with its time, with the immediate backend (development, tests) the recount happens at once.
"""

import datetime

from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils import timezone

from access.models import CourseAccess
from courses.models import CoursePage, UserProgress
from courses.progress import completing_students

from .models import CourseDay

FRESH_FOR = datetime.timedelta(minutes=10)
QUEUED_KEY = "analytics:course-days:queued"


def started_and_completed(course, learners):
    """(started, completed) of one course among `learners`: starters have a progress row on one of its
    lessons; completers completed it (courses.progress.completing_students) and hold an access
    record for it, as enrollments are counted."""
    started = (
        UserProgress.objects.filter(lesson__path__startswith=course.path, user__in=learners.values("pk"))
        .values("user_id")
        .distinct()
        .count()
    )
    holds_access = Exists(CourseAccess.objects.filter(course=course, user=OuterRef("user_id")))
    return started, completing_students(course, learners).filter(holds_access).count()


def recount(courses=None, now=None):
    """Count every course (or those given) and store the counts as today's rows."""
    from .queries import enrollment_counts, students

    now = now or timezone.now()
    today = timezone.localdate(now)
    courses = list(courses if courses is not None else CoursePage.objects.all())
    enrollments = enrollment_counts([course.pk for course in courses])
    learners = students()
    rows = []
    for course in courses:
        started, completed = started_and_completed(course, learners)
        counts = {"students": enrollments.get(course.pk, 0), "started": started, "completed": completed}
        row, _ = CourseDay.objects.update_or_create(course=course, day=today, defaults={**counts, "counted_at": now})
        rows.append(row)
    cache.delete(QUEUED_KEY)
    return rows


def latest_counts(course_ids):
    """{course id: its newest CourseDay}, in one query."""
    newest = CourseDay.objects.filter(course=OuterRef("course")).order_by("-day").values("day")[:1]
    rows = CourseDay.objects.filter(course__in=course_ids, day=newest)
    return {row.course_id: row for row in rows}


def fresh_counts(course_ids, now=None):
    """latest_counts(), after asking for a recount when one of the courses has no count younger than
    FRESH_FOR (once at a time: the request that asks first enqueues it)."""
    from .tasks import recount_course_days

    now = now or timezone.now()
    counts = latest_counts(course_ids)
    stale = [pk for pk in course_ids if pk not in counts or counts[pk].counted_at < now - FRESH_FOR]
    if stale and cache.add(QUEUED_KEY, True, int(FRESH_FOR.total_seconds())):
        result = recount_course_days.enqueue()
        if result.is_finished:  # the immediate backend: counted already
            counts = latest_counts(course_ids)
    return counts
