"""Every rule about who may read what, and every change to course access, lives here."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Audience, CourseAccess

EDIT_ACTIONS = {"change", "publish"}


def can_edit_course(user, course):
    """Editors with edit rights on the course see everything in it, as an enrolled student would."""
    if not user.is_authenticated:
        return False
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, EDIT_ACTIONS, course)


def has_course_access(user, course, *, at=None):
    """(has access, the record that grants it or best explains why not, a reason for people)."""
    if not user.is_authenticated:
        return False, None, "Log in to use your course access."
    at = at or timezone.now()
    records = list(CourseAccess.objects.filter(user=user, course=course).order_by("-granted_at"))
    for record in records:
        if record.is_active(at):
            return True, record, f"Access through {record.get_access_type_display().lower()}."
    if not records:
        return False, None, "No access to this course."
    latest = records[0]
    if latest.revoked_at or latest.status == CourseAccess.Status.REVOKED:
        return False, latest, "Access was revoked."
    if latest.expires_at and latest.expires_at <= at:
        return False, latest, f"Access expired on {latest.expires_at:%Y-%m-%d %H:%M} UTC."
    return False, latest, f"Access is {latest.get_status_display().lower()}."


def viewer_tier(user, course):
    """The widest audience whose content `user` may see in `course`."""
    if not user.is_authenticated:
        return Audience.GUEST
    if course is not None and (can_edit_course(user, course) or has_course_access(user, course)[0]):
        return Audience.ENROLLED
    return Audience.REGISTERED


def accessible_course_ids(user):
    """Ids of the courses `user` may read as an enrolled student, in one query."""
    if not user.is_authenticated:
        return set()
    return set(CourseAccess.objects.filter(user=user).active().values_list("course_id", flat=True))


def editable_course_ids(user):
    from courses.models import CoursePage

    if not user.is_authenticated:
        return set()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)
    return set(CoursePage.objects.filter(pk__in=editable.values("pk")).values_list("pk", flat=True))


def enrolled_tier_course_ids(user):
    """Courses whose enrolled-only content `user` may see: by access or by edit rights."""
    return accessible_course_ids(user) | editable_course_ids(user)


def course_is_visible_to(user, course):
    """Private courses exist only for students with access and editors; the rest are reachable."""
    if course.visibility != course.Visibility.PRIVATE:
        return True
    return viewer_tier(user, course) == Audience.ENROLLED


def visible_courses(user, courses):
    """The courses of a queryset that the catalog lists for `user`."""
    from courses.models import CoursePage

    visibility = CoursePage.Visibility
    listed = [visibility.PUBLIC] + ([visibility.MEMBERS_ONLY] if user.is_authenticated else [])
    own = enrolled_tier_course_ids(user)
    return courses.live().public().filter(visibility__in=listed) | courses.live().public().filter(pk__in=own)


@transaction.atomic
def grant_course_access(
    *,
    user,
    course,
    access_type=CourseAccess.AccessType.MANUAL,
    granted_by=None,
    expires_at=None,
    purchase_id="",
    notes="",
):
    """Give `user` access to `course` from one source; granting again renews the same record."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValueError("The expiry must be in the future.")
    existing = (
        CourseAccess.objects.select_for_update()
        .filter(user=user, course=course, access_type=access_type, status=CourseAccess.Status.UNLOCKED)
        .first()
    )
    if existing:
        # Renewing never shortens: lifetime wins, otherwise the later expiry.
        if existing.expires_at is None or expires_at is None:
            existing.expires_at = None
        else:
            existing.expires_at = max(existing.expires_at, expires_at)
        existing.granted_by = granted_by or existing.granted_by
        if notes:
            existing.notes = "\n".join(filter(None, [existing.notes, notes]))
        existing.save(update_fields=["expires_at", "granted_by", "notes", "updated_at"])
        return existing
    try:
        with transaction.atomic():
            return CourseAccess.objects.create(
                user=user,
                course=course,
                access_type=access_type,
                granted_by=granted_by,
                expires_at=expires_at,
                purchase_id=purchase_id,
                notes=notes,
            )
    except IntegrityError:
        # Another request granted the same access between our check and our insert.
        return CourseAccess.objects.get(
            user=user, course=course, access_type=access_type, status=CourseAccess.Status.UNLOCKED
        )


@transaction.atomic
def revoke_course_access(*, user, course, revoked_by, reason, notes="", access_type=None):
    """Revoke `user`'s unlocked access to `course` (from one source, or all); rows are kept."""
    if not (reason or "").strip():
        raise ValueError("A reason is required to revoke access.")
    records = CourseAccess.objects.select_for_update().filter(
        user=user, course=course, status=CourseAccess.Status.UNLOCKED
    )
    if access_type:
        records = records.filter(access_type=access_type)
    now = timezone.now()
    revoked = []
    for record in records:
        record.status = CourseAccess.Status.REVOKED
        record.revoked_at = now
        record.revoked_by = revoked_by
        record.revocation_reason = reason.strip()
        if notes:
            record.notes = "\n".join(filter(None, [record.notes, notes]))
        record.save()
        revoked.append(record)
    return revoked
