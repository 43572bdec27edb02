"""The live activity feed: what students did, newest first, at /admin/analytics/activity.json.

Contract: GET only. `?limit=` items a page (20 unless told, at most 100), `?cursor=` the `next` of
the page before. The answer is {"items": [...], "next": a cursor, or null on the last page}; each
item is {"kind", "at" (ISO 8601), "text" (a plain sentence), "student": {"id", "name"},
"student_url" (the student's admin page), "course": {"id", "title"} or null}. Kinds:
lesson_completed, quiz_submitted, exam_submitted, certificate_issued, access_granted,
access_revoked, signed_up, purchase. Every error is JSON
({"success": false, "error": ...}): 400 for a malformed cursor or limit, 403 without an analytics
scope, 405 for anything but GET. Nothing is HTML-escaped here: it is data, and whoever shows it
inserts it as text.

Items merge six sources: lesson completions, submitted quizzes and exams, certificates (revoked
ones too: they were issued), access grants and revocations (not renewals or expiry changes), sign-ups
of students (analytics.queries.students: staff and superusers are not students) and paid or refunded
purchases. Each source is one query ordered by its own timestamp, cut at the cursor and limited to
one page; the pages are merged here, and the courses they name are read in one more query. So a page
costs the same few queries however many rows there are. An instructor's scope keeps only items
about their courses: no sign-ups, nothing without a course.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import JsonResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from access.models import AccessEvent
from courses.models import CoursePage, UserProgress
from learning_site.request_guards import api_error
from payments.models import Purchase
from quizzes.models import Certificate, QuizAttempt

from .permissions import require_scope
from .queries import students

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

GRANTS = {
    AccessEvent.Action.GRANT,
    AccessEvent.Action.BULK_GRANT,
    AccessEvent.Action.ENROLL,
    AccessEvent.Action.BUNDLE_PURCHASE,
    AccessEvent.Action.COHORT_JOIN,
}
REVOCATIONS = {
    AccessEvent.Action.REVOKE: "revoked",
    AccessEvent.Action.REFUND: "refunded",
    AccessEvent.Action.COHORT_LEAVE: "ended",
}

# Who an item is about, and who acted, as columns of the same query as the item.
STUDENT = {
    "student_id": F("user_id"),
    "student_username": F("user__username"),
    "student_first_name": F("user__first_name"),
    "student_last_name": F("user__last_name"),
    "student_deleted": F("user__deleted_account"),
}
ACTOR = {
    "actor_username": F("actor__username"),
    "actor_first_name": F("actor__first_name"),
    "actor_last_name": F("actor__last_name"),
}


BAD_CURSOR = "The cursor is not one this feed gave out: start again without it."
BAD_LIMIT = f"limit must be a whole number from 1 to {MAX_PAGE_SIZE}."


class BadFeedRequest(ValueError):
    """A cursor this feed did not write, or a limit it cannot use: the caller's mistake, a 400."""


# Sources ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rows:
    """A source's records in the scope, the timestamp that orders them and the columns its sentence
    reads (`fields` of its own, `columns` through joins)."""

    chosen: QuerySet
    timestamp: str
    fields: tuple = ()
    columns: dict = field(default_factory=lambda: STUDENT)

    def newest(self, rank, position, count):
        """The `count` newest rows after `position`, in one query. The newest ids are picked from the
        source's table alone, in a subquery, so the joins for names and titles are made for those
        rows only, not for every row before the sort."""
        picked = self.chosen.alias(at=F(self.timestamp))
        if position is not None:
            picked = picked.filter(position.after(rank))
        picked = picked.order_by("-at", "-pk").values("pk")[:count]
        rows = self.chosen.model.objects.filter(pk__in=picked)
        return rows.values("pk", *self.fields, at=F(self.timestamp), **self.columns)


def completions(scope, course_paths):
    rows = UserProgress.objects.filter(completed=True, completed_at__isnull=False)
    if not scope.is_whole_school:
        under = Q(pk__in=[])
        for path in course_paths:
            under |= Q(lesson__path__startswith=path)
        rows = rows.filter(under)
    return Rows(
        rows, "completed_at", columns={"lesson_title": F("lesson__title"), "lesson_path": F("lesson__path"), **STUDENT}
    )


def quiz_submissions(scope, course_paths):
    rows = QuizAttempt.objects.filter(status=QuizAttempt.Status.SUBMITTED, submitted_at__isnull=False)
    return Rows(
        in_scope(rows, scope),
        "submitted_at",
        fields=("course_id", "score", "passed", "is_exam"),
        columns={"quiz_title": F("quiz__title"), **STUDENT},
    )


def certificates(scope, course_paths):
    return Rows(
        in_scope(Certificate.objects.all(), scope), "issued_at", fields=("course_id", "course_title", "revoked_at")
    )


def access_changes(scope, course_paths):
    # A cohort joined or left without any course in it changes nobody's access.
    rows = AccessEvent.objects.filter(action__in=[*GRANTS, *REVOCATIONS], course__isnull=False)
    return Rows(
        in_scope(rows, scope),
        "created_at",
        fields=("course_id", "action", "source", "reason"),
        columns={"actor_pk": F("actor_id"), **ACTOR, **STUDENT},
    )


def sign_ups(scope, course_paths):
    if not scope.is_whole_school:
        return None
    return Rows(
        students(),
        "date_joined",
        columns={
            "student_id": F("pk"),
            "student_username": F("username"),
            "student_first_name": F("first_name"),
            "student_last_name": F("last_name"),
            "student_deleted": F("deleted_account"),
        },
    )


def purchases(scope, course_paths):
    rows = Purchase.objects.filter(status__in=[Purchase.Status.PAID, Purchase.Status.REFUNDED], paid_at__isnull=False)
    return Rows(in_scope(rows, scope), "paid_at", fields=("course_id", "description", "amount", "currency", "status"))


def in_scope(rows, scope):
    return rows if scope.is_whole_school else rows.filter(course_id__in=scope.course_ids)


# Sentences --------------------------------------------------------------------------------------


def completion_item(row, course):
    text = f"{student_name(row)} completed “{row['lesson_title']}”"
    return "lesson_completed", in_course(text, course)


def quiz_item(row, course):
    verb = "passed" if row["passed"] else "did not pass"
    what = "the final exam" if row["is_exam"] else "the quiz"
    text = f"{student_name(row)} {verb} {what} “{row['quiz_title']}”"
    if row["score"] is not None:
        text += f" with {row['score'].normalize():f}%"
    return ("exam_submitted" if row["is_exam"] else "quiz_submitted"), in_course(text, course)


def certificate_item(row, course):
    title = course["title"] if course else row["course_title"]
    text = f"{student_name(row)} earned a certificate for {title}"
    if row["revoked_at"] is not None:
        text += " (since revoked)"
    return "certificate_issued", text


def access_item(row, course):
    student = student_name(row)
    actor = person_name(row, "actor") if row["actor_pk"] not in (None, row["student_id"]) else ""
    title = course["title"] if course else "a course"
    if row["action"] == AccessEvent.Action.ENROLL:
        return "access_granted", f"{student} enrolled in {title}"
    if row["action"] in GRANTS:
        text = f"{student} was given access to {title}"
        text += f" by {actor}" if actor else ""
        text += f" ({row['source']})" if row["source"] else ""
        return "access_granted", text
    text = f"{student}’s access to {title} was {REVOCATIONS[row['action']]}"
    text += f" by {actor}" if actor else ""
    reason = " ".join(row["reason"].split())
    text += f": {Truncator(reason).chars(120)}" if reason else ""
    return "access_revoked", text


def sign_up_item(row, course):
    return "signed_up", f"{student_name(row)} signed up"


def purchase_item(row, course):
    text = f"{student_name(row)} bought {row['description']} for {row['amount']} {row['currency'].upper()}"
    if row["status"] == Purchase.Status.REFUNDED:
        text += " (since refunded)"
    return "purchase", text


def in_course(text, course):
    return f"{text} in {course['title']}" if course else text


def person_name(row, prefix):
    full = f"{row[f'{prefix}_first_name']} {row[f'{prefix}_last_name']}".strip()
    return full or row[f"{prefix}_username"]


def student_name(row):
    # A deleted account's tombstone keeps the school's records but has no name to show.
    return "A deleted account" if row["student_deleted"] is not None else person_name(row, "student")


@dataclass(frozen=True)
class Source:
    """One kind of record the feed reads: its Rows (None when the scope sees none) and its sentence."""

    name: str
    rows: object
    item: object


# The order breaks ties between sources at the same instant; it is part of the cursor's meaning.
SOURCES = (
    Source("completion", completions, completion_item),
    Source("quiz", quiz_submissions, quiz_item),
    Source("certificate", certificates, certificate_item),
    Source("access", access_changes, access_item),
    Source("signup", sign_ups, sign_up_item),
    Source("purchase", purchases, purchase_item),
)
RANK = {source.name: rank for rank, source in enumerate(SOURCES)}


# Cursors ----------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Position:
    """Where an item sits in the feed, which runs from the greatest position down: by time, then by
    source, then by id, so that no two items share one."""

    at: datetime.datetime
    rank: int
    pk: int

    def encode(self):
        raw = json.dumps([SOURCES[self.rank].name, self.at.isoformat(), self.pk], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, cursor):
        try:
            name, at, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            position = cls(datetime.datetime.fromisoformat(at), RANK[name], pk)
        except (binascii.Error, KeyError, TypeError, ValueError) as problem:
            raise BadFeedRequest(BAD_CURSOR) from problem
        if position.at.tzinfo is None or type(pk) is not int or not 0 < pk < 2**63:
            raise BadFeedRequest(BAD_CURSOR)
        return position

    def after(self, rank):
        """Rows of the source at `rank` that come after this position."""
        if rank < self.rank:
            return Q(at__lte=self.at)
        if rank == self.rank:
            return Q(at__lt=self.at) | Q(at=self.at, pk__lt=self.pk)
        return Q(at__lt=self.at)


# The feed ---------------------------------------------------------------------------------------


def activity_page(scope, *, cursor=None, limit=PAGE_SIZE):
    """{"items": [...], "next": cursor or None}: one page of the feed as `scope` sees it."""
    position = Position.decode(cursor) if cursor else None
    known = {}
    course_paths = []
    if not scope.is_whole_school:
        # An instructor's courses are few: read them first, for the completions' paths and the titles.
        known = {
            row["pk"]: row for row in CoursePage.objects.filter(pk__in=scope.course_ids).values("pk", "path", "title")
        }
        course_paths = [row["path"] for row in known.values()]

    found = []
    for rank, source in enumerate(SOURCES):
        rows = source.rows(scope, course_paths)
        if rows is None:
            continue
        for row in rows.newest(rank, position, limit + 1):
            found.append((Position(row["at"], rank, row["pk"]), source, row))
    found.sort(key=lambda entry: entry[0], reverse=True)
    page = found[:limit]

    by_id = course_titles(page, known)
    by_path = {course["path"]: course for course in by_id.values()}
    items = [feed_item(source, row, by_id, by_path) for _position, source, row in page]
    more = len(found) > limit
    return {"items": items, "next": page[-1][0].encode() if more else None}


def course_path_of(row):
    """A lesson's course is its grandparent (course > module > lesson): a prefix of its path."""
    return row["lesson_path"][: -2 * Page.steplen]


def course_titles(page, known):
    """{course id: {"pk", "path", "title"}} for every course the page's items name, in at most one
    query: `known` holds the courses already read."""
    ids = {row["course_id"] for _position, _source, row in page if row.get("course_id")} - set(known)
    paths = {course_path_of(row) for _position, _source, row in page if "lesson_path" in row}
    paths -= {course["path"] for course in known.values()}
    courses = dict(known)
    if ids or paths:
        found = CoursePage.objects.filter(Q(pk__in=ids) | Q(path__in=paths)).values("pk", "path", "title")
        courses.update({row["pk"]: row for row in found})
    return courses


def feed_item(source, row, by_id, by_path):
    course = by_path.get(course_path_of(row)) if "lesson_path" in row else by_id.get(row.get("course_id"))
    kind, text = source.item(row, course)
    return {
        "kind": kind,
        "at": row["at"].isoformat(),
        "text": text,
        "student": {"id": row["student_id"], "name": student_name(row)},
        "student_url": reverse("access_student", args=[row["student_id"]]),
        "course": {"id": course["pk"], "title": course["title"]} if course else None,
    }


def page_size(value):
    if value in (None, ""):
        return PAGE_SIZE
    try:
        limit = int(value)
    except ValueError:
        raise BadFeedRequest(BAD_LIMIT) from None
    if limit < 1:
        raise BadFeedRequest(BAD_LIMIT)
    return min(limit, MAX_PAGE_SIZE)


@never_cache
def activity_json(request):
    if request.method != "GET":
        response = api_error(405, "Use GET.")
        response["Allow"] = "GET"
        return response
    try:
        scope = require_scope(request)
    except PermissionDenied as denied:
        return api_error(403, str(denied))
    try:
        page = activity_page(scope, cursor=request.GET.get("cursor"), limit=page_size(request.GET.get("limit")))
    except BadFeedRequest as problem:
        return api_error(400, str(problem))
    return JsonResponse(page)
