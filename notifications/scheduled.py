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


def queue_expiry_warnings(now):
    due = CourseAccess.objects.active(now).filter(expires_at__lte=now + WARN_BEFORE).select_related("user", "course")
    sent = 0
    for access in due:
        context = {
            "course": access.course,
            "expires_at": access.expires_at,
            "course_url": emails.absolute(access.course.url),
        }
        once = f"access:{access.pk}:{access.expires_at.isoformat()}"  # a renewal is warned again
        sent += emails.send("expiry_warning", access.user, context, once_key=once) is not None
    return sent


def queue_drip_unlocks(now):
    from courses.models import CoursePage, ModulePage

    accesses = list(
        CourseAccess.objects.active(now)
        .filter(course__access_duration_type=CoursePage.AccessDuration.DRIP)
        .select_related("user", "course")
    )
    if not accesses:
        return 0
    courses = {access.course.path: access.course for access in accesses}
    under = Q()
    for path in courses:
        under |= Q(path__startswith=path)
    modules = {}
    for module in ModulePage.objects.live().filter(under, drip_days__gt=0).only("pk", "path", "title", "drip_days"):
        modules.setdefault(module.path[: -ModulePage.steplen], []).append(module)
    sent = 0
    for access in accesses:
        for module in modules.get(access.course.path, []):
            opened = access.granted_at + timedelta(days=module.drip_days)
            if not now - DRIP_NEWS_WINDOW <= opened <= now:
                continue
            context = {"course": access.course, "module": module, "course_url": emails.absolute(access.course.url)}
            once = f"drip:{access.pk}:{module.pk}"
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
