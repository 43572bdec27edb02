"""The school's numbers, counted in the database: a fixed number of queries whatever the number of
students, progress rows or attempts (only the number of courses shapes a few small result sets).

A student is an active account without staff rights (students()). Everything is narrowed to the
viewer's Scope. Who started and who completed each course is read from the daily roll-ups
(rollups.py), which a task counts.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Avg, Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from access.models import CourseAccess
from courses.models import CoursePage, CourseReview, UserProgress
from courses.page_cache import request_memo
from payments.models import Purchase
from quizzes.models import Certificate, QuizAttempt

from .rollups import fresh_counts

ACTIVE_WINDOW = datetime.timedelta(days=30)
NEW_WINDOW = datetime.timedelta(days=7)
RECENT_WINDOW = datetime.timedelta(days=7)


def students():
    """Active accounts without staff rights: not staff, not superusers, and without Wagtail admin
    access of their own or through a group (editors, analysts, instructors, access managers)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .exclude(pk__in=admin_user_ids())
    )


def admin_user_ids():
    """Ids of the accounts with Wagtail admin access: few, so read once per request as a list (a
    subquery here makes PostgreSQL plan every count over the students badly)."""
    memo = request_memo()
    if memo is not None and "admin-user-ids" in memo:
        return memo["admin-user-ids"]
    access = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}
    ids = list(
        get_user_model()
        .objects.filter(
            Q(**{f"groups__permissions__{key}": value for key, value in access.items()})
            | Q(**{f"user_permissions__{key}": value for key, value in access.items()})
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    if memo is not None:
        memo["admin-user-ids"] = ids
    return ids


def scoped_courses(scope):
    return scope.courses(CoursePage.objects.all()).order_by("title")


@dataclass
class CourseNumbers:
    id: int
    title: str
    students: int = 0
    started: int = 0
    completed: int = 0
    average_quiz_score: float | None = None
    average_rating: float | None = None
    revenue: object = 0
    counted_at: object = None  # when started and completed were counted (rollups.py); None: not yet

    @property
    def completion_rate(self):
        return round(self.completed / self.students, 4) if self.students else 0.0

    def as_dict(self):
        return {
            "id": self.id,
            "title": self.title,
            "students": self.students,
            "started": self.started,
            "completed": self.completed,
            "completion_rate": self.completion_rate,
            "average_quiz_score": self.average_quiz_score,
            "average_rating": self.average_rating,
        }


def course_table(scope, courses=None):
    """[CourseNumbers] for the scope's courses, in title order."""
    courses = list(courses if courses is not None else scoped_courses(scope))
    if not courses:
        return []
    numbers = {course.pk: CourseNumbers(course.pk, course.title) for course in courses}
    ids = list(numbers)
    learner_ids = students().values("pk")

    for course_id, count in enrollment_counts(ids).items():
        numbers[course_id].students = count

    for course_id, counted in fresh_counts(ids).items():
        numbers[course_id].started, numbers[course_id].completed = counted.started, counted.completed
        numbers[course_id].counted_at = counted.counted_at

    attempts = QuizAttempt.objects.filter(course__in=ids, user__in=learner_ids, submitted_at__isnull=False)
    for row in attempts.values("course_id").annotate(average=Avg("score")):
        numbers[row["course_id"]].average_quiz_score = round(float(row["average"]), 1) if row["average"] else None

    reviews = CourseReview.objects.filter(course__in=ids, is_hidden=False)
    for row in reviews.values("course_id").annotate(average=Avg("rating")):
        numbers[row["course_id"]].average_rating = round(float(row["average"]), 2)

    sold = Purchase.objects.filter(course__in=ids, status__in=[Purchase.Status.PAID, Purchase.Status.REFUNDED])
    for row in sold.values("course_id").annotate(paid=Sum("amount"), refunded=Sum("amount_refunded")):
        numbers[row["course_id"]].revenue = row["paid"] - row["refunded"]
    return list(numbers.values())


def enrollment_counts(course_ids):
    """{course id: its enrollments}: students with an access record for it (any source, counted once)."""
    enrolled = CourseAccess.objects.filter(course__in=course_ids, user__in=students().values("pk"))
    return {
        row["course_id"]: row["n"] for row in enrolled.values("course_id").annotate(n=Count("user_id", distinct=True))
    }


def oldest_count(table):
    """When the oldest of the table's started and completed counts was made; None while one is missing."""
    times = [row.counted_at for row in table]
    return None if not times or None in times else min(times)


def scoped_students(scope):
    learners = students()
    if scope.is_whole_school:
        return learners
    return learners.filter(Exists(CourseAccess.objects.filter(user=OuterRef("pk"), course__in=scope.course_ids)))


def summary(scope, now=None, table=None):
    """The headline numbers (the keys of /admin/analytics/summary.json); `table` is course_table()'s
    answer when the caller has it already."""
    now = now or timezone.now()
    table = course_table(scope) if table is None else table
    learners = scoped_students(scope)
    active_since = now - ACTIVE_WINDOW
    progress_in_scope = progress_rows(scope)
    active = learners.filter(
        Exists(progress_in_scope.filter(user=OuterRef("pk"), last_accessed__gte=active_since))
        | Exists(attempts_in_scope(scope).filter(user=OuterRef("pk"), started_at__gte=active_since))
        | (Q(last_login__gte=active_since) if scope.is_whole_school else Q(pk__in=[]))
    )
    counts = learners.aggregate(total=Count("pk"), new=Count("pk", filter=Q(date_joined__gte=now - NEW_WINDOW)))
    active_count = active.count()
    enrollments = sum(row.students for row in table)
    completed = sum(row.completed for row in table)
    course_ids = [row.id for row in table]
    access = CourseAccess.objects.filter(course__in=course_ids, user__in=students().values("pk"))
    return {
        "students_total": counts["total"],
        "students_active_30d": active_count,
        "students_new_7d": counts["new"],
        "students_inactive": counts["total"] - active_count,
        "enrollments_total": enrollments,
        "active_access_grants": access.active(now).count(),
        "certificates_total": certificates_in_scope(scope).count(),
        "progress_updates_7d": progress_in_scope.filter(last_accessed__gte=now - RECENT_WINDOW).count(),
        "completion_rate": round(completed / enrollments, 4) if enrollments else 0.0,
        "courses": [row.as_dict() for row in table],
    }


PANEL_SECONDS = 120


def recent_summary(scope):
    """summary(), kept for two minutes: for the admin home's panel, drawn on every visit to it."""
    key = "analytics:summary:" + ("school" if scope.is_whole_school else ",".join(map(str, sorted(scope.course_ids))))
    return cache.get_or_set(key, lambda: summary(scope), PANEL_SECONDS)


def progress_rows(scope):
    rows = UserProgress.objects.filter(user__in=students().values("pk"))
    if scope.is_whole_school:
        return rows
    paths = list(CoursePage.objects.filter(pk__in=scope.course_ids).values_list("path", flat=True))
    under = Q(pk__in=[])
    for path in paths:
        under |= Q(lesson__path__startswith=path)
    return rows.filter(under)


def attempts_in_scope(scope):
    attempts = QuizAttempt.objects.filter(user__in=students().values("pk"))
    return attempts if scope.is_whole_school else attempts.filter(course__in=scope.course_ids)


def certificates_in_scope(scope):
    certificates = Certificate.objects.all()
    return certificates if scope.is_whole_school else certificates.filter(course__in=scope.course_ids)


def daily(queryset, field, start, end):
    """[(date, count)] for every day from `start` to `end` (dates), zeros included."""
    rows = (
        queryset.filter(**{f"{field}__date__gte": start, f"{field}__date__lte": end})
        .annotate(day=TruncDate(field))
        .values("day")
        .annotate(n=Count("pk"))
    )
    counted = {row["day"]: row["n"] for row in rows}
    days = (end - start).days + 1
    return [
        (start + datetime.timedelta(days=offset), counted.get(start + datetime.timedelta(days=offset), 0))
        for offset in range(days)
    ]


def daily_enrollments(scope, start, end):
    grants = CourseAccess.objects.filter(user__in=students().values("pk"))
    if not scope.is_whole_school:
        grants = grants.filter(course__in=scope.course_ids)
    return daily(grants, "granted_at", start, end)


def daily_certificates(scope, start, end):
    return daily(certificates_in_scope(scope), "issued_at", start, end)


def most_active_students(scope, since, limit=10):
    """The students with the most progress updates and quiz attempts since `since`, most first, each
    with `updates` and `attempts` counted on it: a count per student from each table, in three queries."""
    updates = progress_rows(scope).filter(last_accessed__gte=since).order_by().values("user_id").annotate(n=Count("pk"))
    attempts = (
        attempts_in_scope(scope).filter(started_at__gte=since).order_by().values("user_id").annotate(n=Count("pk"))
    )
    counts = {}
    for index, rows in enumerate((updates, attempts)):
        for row in rows:
            counts.setdefault(row["user_id"], [0, 0])[index] = row["n"]
    ranked = sorted(counts, key=lambda pk: (-sum(counts[pk]), pk))[:limit]
    people = get_user_model().objects.in_bulk(ranked)
    for pk in ranked:
        people[pk].updates, people[pk].attempts = counts[pk]
    return [people[pk] for pk in ranked]
