"""Every change to course access lives here: grants, renewals, revocations, expiry changes,
enrollment, bundles and cohorts. Each write is atomic and keyword-only, and leaves an AccessEvent.
The rules about who may read what are in selectors.py.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications import emails

from .models import AccessEvent, BundlePurchase, CohortMember, CourseAccess
from .selectors import enrollment_block_reason


class AccessError(ValueError):
    """A change to access that cannot be made, with a message for the person who asked."""


# Writes -----------------------------------------------------------------------------------------

COURSE_DEFAULT = object()  # expiry follows the course's access duration settings


def default_expiry(course, now=None):
    now = now or timezone.now()
    kind = course.AccessDuration
    if course.access_duration_type == kind.FIXED_DAYS and course.access_duration_days:
        return now + timedelta(days=course.access_duration_days)
    if course.access_duration_type == kind.UNTIL_DATE:
        return course.access_until_date
    return None


def record_event(*, user, action, actor=None, course=None, access=None, source="", reason="", **details):
    return AccessEvent.objects.create(
        user=user,
        action=action,
        actor=actor,
        course=course,
        access=access,
        source=source or (access.get_source_display() if access else ""),
        reason=reason,
        details=details,
    )


@transaction.atomic
def grant_course_access(
    *,
    user,
    course,
    access_type=CourseAccess.AccessType.MANUAL,
    granted_by=None,
    expires_at=COURSE_DEFAULT,
    purchase_id="",
    notes="",
    bundle_purchase=None,
    cohort=None,
    action=AccessEvent.Action.GRANT,
):
    """Give `user` access to `course` from one source; granting again renews the same record."""
    expires_at = default_expiry(course) if expires_at is COURSE_DEFAULT else expires_at
    if expires_at is not None and expires_at <= timezone.now():
        raise AccessError("The expiry must be in the future.")
    source_key = CourseAccess.source_key_for(
        access_type, bundle_purchase=bundle_purchase, cohort=cohort, purchase_id=purchase_id
    )
    # An external purchase is recorded once: a replayed order (a webhook delivered twice, a retried
    # request) changes nothing, even after its access was refunded or revoked.
    is_purchase = access_type == CourseAccess.AccessType.PURCHASE and bool(purchase_id)
    if is_purchase:
        recorded = CourseAccess.objects.filter(user=user, course=course, source_key=source_key).first()
        if recorded is not None:
            return recorded
    existing = (
        CourseAccess.objects.select_for_update()
        .filter(user=user, course=course, source_key=source_key, status=CourseAccess.Status.UNLOCKED)
        .first()
    )
    if existing is None:
        try:
            with transaction.atomic():
                record = CourseAccess.objects.create(
                    user=user,
                    course=course,
                    access_type=access_type,
                    granted_by=granted_by,
                    expires_at=expires_at,
                    purchase_id=purchase_id,
                    notes=notes,
                    bundle_purchase=bundle_purchase,
                    cohort=cohort,
                )
        except IntegrityError:
            # Another request granted the same access between our check and our insert.
            existing = CourseAccess.objects.select_for_update().get(
                user=user, course=course, source_key=source_key, status=CourseAccess.Status.UNLOCKED
            )
            if is_purchase:
                return existing
        else:
            record_event(user=user, action=action, actor=granted_by, course=course, access=record, reason=notes)
            transaction.on_commit(lambda: emails.access_granted(record))
            return record
    # Renewing never shortens: lifetime wins, otherwise the later expiry.
    previous = existing.expires_at
    if existing.expires_at is None or expires_at is None:
        existing.expires_at = None
    else:
        existing.expires_at = max(existing.expires_at, expires_at)
    if notes:
        existing.notes = "\n".join(filter(None, [existing.notes, notes]))
    existing.save(update_fields=["expires_at", "notes", "updated_at"])
    record_event(
        user=user,
        action=AccessEvent.Action.RENEW,
        actor=granted_by,
        course=course,
        access=existing,
        reason=notes,
        previous_expiry=previous.isoformat() if previous else None,
    )
    return existing


def _revoke(records, *, revoked_by, reason, action, notes=""):
    now = timezone.now()
    for record in records:
        record.status = CourseAccess.Status.REVOKED
        record.revoked_at = now
        record.revoked_by = revoked_by
        record.revocation_reason = reason[:255]
        if notes:
            record.notes = "\n".join(filter(None, [record.notes, notes]))
        record.save()
        record_event(
            user=record.user, action=action, actor=revoked_by, course=record.course, access=record, reason=reason
        )
    return records


@transaction.atomic
def revoke_course_access(*, user, course, revoked_by, reason, notes="", access_type=None):
    """Revoke `user`'s unlocked access to `course` (from one source, or all); rows are kept."""
    reason = (reason or "").strip()
    if not reason:
        raise AccessError("A reason is required to revoke access.")
    records = CourseAccess.objects.select_for_update().filter(
        user=user, course=course, status=CourseAccess.Status.UNLOCKED
    )
    if access_type:
        records = records.filter(access_type=access_type)
    return _revoke(list(records), revoked_by=revoked_by, reason=reason, action=AccessEvent.Action.REVOKE, notes=notes)


@transaction.atomic
def revoke_all_access(*, user, revoked_by, reason):
    """Revoke every unlocked record of `user`, whatever its course and source (their account is
    being deleted); each revocation is in the audit trail."""
    records = CourseAccess.objects.select_for_update().filter(user=user, status=CourseAccess.Status.UNLOCKED)
    return _revoke(list(records), revoked_by=revoked_by, reason=reason, action=AccessEvent.Action.REVOKE)


@transaction.atomic
def revoke_access_record(*, access, revoked_by, reason):
    """Revoke one record (the admin's revoke button); other sources of access stay."""
    reason = (reason or "").strip()
    if not reason:
        raise AccessError("A reason is required to revoke access.")
    access = CourseAccess.objects.select_for_update().get(pk=access.pk)
    if access.status != CourseAccess.Status.UNLOCKED:
        raise AccessError("This access is not active, so there is nothing to revoke.")
    return _revoke([access], revoked_by=revoked_by, reason=reason, action=AccessEvent.Action.REVOKE)[0]


@transaction.atomic
def change_access_expiry(*, access, expires_at, changed_by, reason=""):
    """Set a new expiry (None for lifetime) on an unlocked record."""
    access = CourseAccess.objects.select_for_update().get(pk=access.pk)
    if access.status != CourseAccess.Status.UNLOCKED:
        raise AccessError("Only active access can get a new expiry.")
    previous = access.expires_at
    access.expires_at = expires_at
    access.save(update_fields=["expires_at", "updated_at"])
    record_event(
        user=access.user,
        action=AccessEvent.Action.EXPIRY_CHANGE,
        actor=changed_by,
        course=access.course,
        access=access,
        reason=reason,
        previous_expiry=previous.isoformat() if previous else None,
        new_expiry=expires_at.isoformat() if expires_at else None,
    )
    return access


@transaction.atomic
def enroll(*, user, course):
    """One-click enrollment in an open course."""
    reason = enrollment_block_reason(user, course)
    if reason:
        raise AccessError(reason)
    return grant_course_access(
        user=user,
        course=course,
        access_type=CourseAccess.AccessType.ENROLLMENT,
        granted_by=user,
        action=AccessEvent.Action.ENROLL,
    )


def bundle_courses(bundle, *, tier=None, selected_courses=None):
    """The courses a purchase of `bundle` grants, or AccessError saying what is wrong."""
    kind = bundle.BundleType
    if bundle.bundle_type == kind.FIXED:
        return list(bundle.courses.all())
    if bundle.bundle_type == kind.TIERED:
        if tier is None or tier.bundle_id != bundle.pk:
            raise AccessError(f"Choose one of the tiers of “{bundle.name}”.")
        return list(tier.courses.all())
    selected = list(selected_courses or [])
    offered = set(bundle.courses.values_list("pk", flat=True))
    if not selected:
        raise AccessError(f"Pick at least one course from “{bundle.name}”.")
    if len(selected) > bundle.max_course_selections:
        raise AccessError(
            f"“{bundle.name}” lets you pick up to {bundle.max_course_selections} courses; {len(selected)} were picked."
        )
    outside = [course.title for course in selected if course.pk not in offered]
    if outside:
        raise AccessError(f"Not part of “{bundle.name}”: {', '.join(outside)}.")
    return selected


@transaction.atomic
def purchase_bundle(
    *, user, bundle, granted_by=None, tier=None, selected_courses=None, purchase_id="", notes="", paid=False
):
    """Record a bundle purchase and grant one access per course, each linked to the purchase. A
    `paid` order is honoured even if the bundle came off sale while the buyer was paying."""
    if purchase_id:
        # A replayed order changes nothing; the database keeps one purchase per bundle and order.
        recorded = BundlePurchase.objects.filter(bundle=bundle, purchase_id=purchase_id).first()
        if recorded is not None:
            return recorded_bundle_purchase(recorded, user)
    if not bundle.is_active and not paid:
        raise AccessError(f"“{bundle.name}” is not on sale.")
    courses = bundle_courses(bundle, tier=tier, selected_courses=selected_courses)
    try:
        with transaction.atomic():
            purchase = BundlePurchase.objects.create(
                user=user, bundle=bundle, tier=tier, purchase_id=purchase_id, notes=notes
            )
    except IntegrityError:
        # The same order arrived twice at once: the other request recorded it.
        return recorded_bundle_purchase(BundlePurchase.objects.get(bundle=bundle, purchase_id=purchase_id), user)
    if bundle.bundle_type == bundle.BundleType.PICK_YOUR_OWN:
        purchase.selected_courses.set(courses)
    for course in courses:
        grant_course_access(
            user=user,
            course=course,
            access_type=CourseAccess.AccessType.BUNDLE,
            granted_by=granted_by,
            bundle_purchase=purchase,
            action=AccessEvent.Action.BUNDLE_PURCHASE,
            notes=notes,
        )
    return purchase


def recorded_bundle_purchase(purchase, user):
    if purchase.user_id != user.pk:
        raise AccessError(f"The order {purchase.purchase_id} was already recorded for another account.")
    return purchase


@transaction.atomic
def refund_bundle_purchase(*, purchase, refunded_by, reason):
    """Revoke exactly the access this purchase gave; access from anywhere else stays."""
    reason = (reason or "").strip()
    if not reason:
        raise AccessError("A reason is required to refund a purchase.")
    purchase = BundlePurchase.objects.select_for_update().get(pk=purchase.pk)
    if purchase.refunded_at:
        raise AccessError("This purchase was already refunded.")
    purchase.refunded_at = timezone.now()
    purchase.refunded_by = refunded_by
    purchase.refund_reason = reason[:255]
    purchase.save()
    records = list(purchase.accesses.select_for_update().filter(status=CourseAccess.Status.UNLOCKED))
    return _revoke(records, revoked_by=refunded_by, reason=reason, action=AccessEvent.Action.REFUND)


@transaction.atomic
def refund_course_purchase(*, user, course, purchase_id, refunded_by=None, reason):
    """Revoke exactly the access one order of `course` gave; access from anywhere else stays."""
    source_key = CourseAccess.source_key_for(CourseAccess.AccessType.PURCHASE, purchase_id=purchase_id)
    records = CourseAccess.objects.select_for_update().filter(
        user=user, course=course, source_key=source_key, status=CourseAccess.Status.UNLOCKED
    )
    return _revoke(list(records), revoked_by=refunded_by, reason=reason, action=AccessEvent.Action.REFUND)


@transaction.atomic
def extend_subscription_access(*, user, courses, until):
    """Subscription access to each of `courses` until `until` (the end of the period paid for).
    Records that already run that long are left alone, so a repeated event writes nothing."""
    running = dict(
        CourseAccess.objects.filter(
            user=user,
            course__in=courses,
            access_type=CourseAccess.AccessType.SUBSCRIPTION,
            status=CourseAccess.Status.UNLOCKED,
        ).values_list("course_id", "expires_at")
    )
    changed = []
    for course in courses:
        if course.pk in running and (running[course.pk] is None or running[course.pk] >= until):
            continue
        changed.append(
            grant_course_access(
                user=user, course=course, access_type=CourseAccess.AccessType.SUBSCRIPTION, expires_at=until
            )
        )
    return changed


@transaction.atomic
def end_subscription_access(*, user, reason):
    """Revoke the subscription access of `user` (their membership ended early); other sources stay."""
    records = CourseAccess.objects.select_for_update().filter(
        user=user, access_type=CourseAccess.AccessType.SUBSCRIPTION, status=CourseAccess.Status.UNLOCKED
    )
    return _revoke(list(records), revoked_by=None, reason=reason, action=AccessEvent.Action.REVOKE)


@transaction.atomic
def join_cohort(*, user, cohort, added_by=None, remove_access_on_leave=True):
    """Make `user` a member of `cohort` and grant its courses, linked to the cohort."""
    if not cohort.is_active:
        raise AccessError(f"The cohort “{cohort.name}” is closed.")
    member, created = CohortMember.objects.get_or_create(
        cohort=cohort, user=user, defaults={"remove_access_on_leave": remove_access_on_leave}
    )
    if not created:
        raise AccessError(f"{user} is already in the cohort “{cohort.name}”.")
    courses = list(cohort.courses.all())
    for course in courses:
        grant_course_access(
            user=user,
            course=course,
            access_type=CourseAccess.AccessType.COHORT,
            granted_by=added_by,
            cohort=cohort,
            action=AccessEvent.Action.COHORT_JOIN,
        )
    if not courses:
        record_event(user=user, action=AccessEvent.Action.COHORT_JOIN, actor=added_by, source=f"Cohort: {cohort}")
    return member


@transaction.atomic
def leave_cohort(*, user, cohort, removed_by=None, reason=""):
    """End the membership; revoke only cohort-sourced access, and only if the member was set to lose it."""
    member = CohortMember.objects.select_for_update().filter(cohort=cohort, user=user).first()
    if member is None:
        raise AccessError(f"{user} is not in the cohort “{cohort.name}”.")
    revoke = member.remove_access_on_leave
    member.delete()
    reason = (reason or "").strip() or f"Left the cohort “{cohort.name}”."
    revoked = []
    if revoke:
        records = list(
            CourseAccess.objects.select_for_update().filter(
                user=user, cohort=cohort, status=CourseAccess.Status.UNLOCKED
            )
        )
        revoked = _revoke(records, revoked_by=removed_by, reason=reason, action=AccessEvent.Action.COHORT_LEAVE)
    if not revoked:
        record_event(
            user=user,
            action=AccessEvent.Action.COHORT_LEAVE,
            actor=removed_by,
            source=f"Cohort: {cohort}",
            reason=reason,
        )
    return revoked
