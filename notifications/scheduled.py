"""What send_scheduled_emails queues: each due email once, whatever how often it runs."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from access.models import CourseAccess

from . import emails
from .models import OutgoingEmail
from .tasks import MAX_ATTEMPTS

WARN_BEFORE = timedelta(days=7)
# A module that opened longer ago than this is old news: a first run on an old site sends no backlog.
DRIP_NEWS_WINDOW = timedelta(days=1)
# An email still waiting after this long lost its task (a worker restarted mid-way): queue it again.
STUCK_AFTER = timedelta(minutes=15)


def send_due_emails(now=None):
    now = now or timezone.now()
    return {
        "expiry_warning": queue_expiry_warnings(now),
        "drip_unlocked": queue_drip_unlocks(now),
        "retried": retry_undelivered(now),
    }


def not_sent_yet(kind_name, candidates):
    """The (once key, item) pairs whose email was never written: one query for all of them, so a run
    every few minutes does not ask again, item by item, about everything it sent before."""
    sent = set(
        OutgoingEmail.objects.filter(kind=kind_name, once_key__in=[key for key, _ in candidates]).values_list(
            "once_key", flat=True
        )
    )
    return [(key, item) for key, item in candidates if key not in sent]


def queue_expiry_warnings(now):
    due = (
        CourseAccess.objects.active(now)
        .filter(expires_at__lte=now + WARN_BEFORE)
        .exclude(user__email_preference__expiry_reminders=False)
        .select_related("user", "course")
    )
    # A renewal (a new expiry) is warned again.
    candidates = [(f"access:{access.pk}:{access.expires_at.isoformat()}", access) for access in due]
    sent = 0
    for once, access in not_sent_yet("expiry_warning", candidates):
        context = {
            "course": access.course,
            "expires_at": access.expires_at,
            "course_url": emails.absolute(access.course.url),
        }
        sent += emails.send("expiry_warning", access.user, context, once_key=once) is not None
    return sent


def queue_drip_unlocks(now):
    from courses.models import CoursePage, ModulePage

    drip_courses = CoursePage.objects.live().filter(access_duration_type=CoursePage.AccessDuration.DRIP)
    under = Q(pk__in=[])
    for path in drip_courses.values_list("path", flat=True):
        under |= Q(path__startswith=path)
    modules = {}
    for module in ModulePage.objects.live().filter(under, drip_days__gt=0).only("pk", "path", "title", "drip_days"):
        modules.setdefault(module.path[: -ModulePage.steplen], []).append(module)
    if not modules:
        return 0
    # Only access granted recently enough for one of its modules to have opened within the window.
    longest = max(module.drip_days for course_modules in modules.values() for module in course_modules)
    accesses = (
        CourseAccess.objects.active(now)
        .filter(course__in=drip_courses, granted_at__gte=now - DRIP_NEWS_WINDOW - timedelta(days=longest))
        .exclude(user__email_preference__drip_unlocks=False)
        .select_related("user", "course")
    )
    candidates = [
        (f"drip:{access.pk}:{module.pk}", (access, module))
        for access in accesses
        for module in modules.get(access.course.path, [])
        if now - DRIP_NEWS_WINDOW <= access.granted_at + timedelta(days=module.drip_days) <= now
    ]
    sent = 0
    for once, (access, module) in not_sent_yet("drip_unlocked", candidates):
        context = {"course": access.course, "module": module, "course_url": emails.absolute(access.course.url)}
        sent += emails.send("drip_unlocked", access.user, context, once_key=once) is not None
    return sent


def retry_undelivered(now):
    waiting = OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.FAILED)
        | Q(status=OutgoingEmail.Status.PENDING, created_at__lte=now - STUCK_AFTER),
        attempts__lt=MAX_ATTEMPTS,
    ).values_list("pk", flat=True)
    retried = 0
    for email_id in waiting:
        emails.deliver_later(email_id)
        retried += 1
    return retried
