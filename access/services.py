"""Every rule about who may read what, and every change to course access, lives here.

Reads answer "may this viewer see this?" (tiers, access, prerequisites, drip); writes change access
and always leave an AccessEvent behind. Writes are atomic and keyword-only.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import AccessEvent, Audience, BundlePurchase, CohortMember, CourseAccess

EDIT_ACTIONS = {"change", "publish"}
MANAGE_ACCESS_PERMISSION = "access.manage_course_access"


class AccessError(ValueError):
    """A change to access that cannot be made, with a message for the person who asked."""


# Reads ------------------------------------------------------------------------------------------


def can_edit_course(user, course):
    """Editors with edit rights on the course see everything in it, as an enrolled student would."""
    if not user.is_authenticated:
        return False
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, EDIT_ACTIONS, course)


def can_manage_access(user):
    return user.is_authenticated and user.is_active and user.has_perm(MANAGE_ACCESS_PERMISSION)


def can_view_access(user):
    """Who may look at students' access in the admin: access managers and holders of the view permission."""
    return can_manage_access(user) or (user.is_authenticated and user.has_perm("access.view_courseaccess"))


def active_access(user, course, *, at=None):
    """The record that gives `user` access to `course` now, or None."""
    if not user.is_authenticated:
        return None
    return CourseAccess.objects.filter(user=user, course=course).active(at).order_by("granted_at").first()


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


@dataclass(frozen=True)
class LessonView:
    """What a viewer may see of one lesson, and when more unlocks."""

    tier: Audience
    unlocks_at: object = None  # a datetime while the lesson's module is still dripping


def module_unlocks_at(module, course, access_record):
    """When a dripped module opens for the holder of `access_record`; None if it is open."""
    if course.access_duration_type != course.AccessDuration.DRIP or module is None or not module.drip_days:
        return None
    opens = access_record.granted_at + timedelta(days=module.drip_days)
    return opens if opens > timezone.now() else None


def module_unlock_dates(user, course, modules):
    """{module id: when it opens} for the modules of a drip course that are still closed to `user`."""
    if course.access_duration_type != course.AccessDuration.DRIP or not user.is_authenticated:
        return {}
    if can_edit_course(user, course):
        return {}
    record = active_access(user, course)
    if record is None:
        return {}
    dates = {module.pk: module_unlocks_at(module, course, record) for module in modules}
    return {module_id: opens for module_id, opens in dates.items() if opens}


def lesson_view(user, lesson):
    """The viewer's tier for one lesson, with drip applied: a locked module withholds what
    enrolment gives (registered and guest content stay as they are for everyone)."""
    course = lesson.course
    if not user.is_authenticated:
        return LessonView(Audience.GUEST)
    if course is not None and can_edit_course(user, course):
        return LessonView(Audience.ENROLLED)
    record = active_access(user, course) if course is not None else None
    if record is None:
        return LessonView(Audience.REGISTERED)
    unlocks_at = None
    if course.access_duration_type == course.AccessDuration.DRIP:
        unlocks_at = module_unlocks_at(lesson.module, course, record)
    if unlocks_at:
        return LessonView(Audience.REGISTERED, unlocks_at)
    return LessonView(Audience.ENROLLED)


def can_open_lesson(user, lesson):
    """A logged-in viewer whose tier (drip applied) opens the lesson: who may have progress on it,
    notes, quiz attempts and the lesson assistant."""
    return user.is_authenticated and lesson.is_open_to(lesson_view(user, lesson).tier)


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


def drip_locked_lesson_ids(user):
    """Lessons in modules that have not yet dripped open for `user`, across all their courses."""
    from courses.models import CoursePage, LessonPage, ModulePage

    if not user.is_authenticated:
        return set()
    # Ordered newest first, so the dict keeps each course's earliest active start: the kindest clock.
    started = dict(
        CourseAccess.objects.filter(user=user, course__access_duration_type=CoursePage.AccessDuration.DRIP)
        .active()
        .order_by("-granted_at")
        .values_list("course_id", "granted_at")
    )
    for course_id in editable_course_ids(user) if started else ():
        started.pop(course_id, None)
    if not started:
        return set()
    courses = {course.path: course.pk for course in CoursePage.objects.filter(pk__in=started).only("path")}
    under_courses = Q()
    for path in courses:
        under_courses |= Q(path__startswith=path)
    now = timezone.now()
    locked = Q()
    for module in ModulePage.objects.filter(under_courses, drip_days__gt=0).only("path", "drip_days"):
        course_id = courses[module.path[: -Page.steplen]]
        if started[course_id] + timedelta(days=module.drip_days) > now:
            locked |= Q(path__startswith=module.path)
    if not locked:
        return set()
    return set(LessonPage.objects.filter(locked).values_list("pk", flat=True))


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


def without_hidden_courses(user, pages):
    """`pages` without the private courses `user` may not see, and everything under them: for any
    channel that lists pages (the pages API), so a private course does not exist for outsiders."""
    from courses.models import CoursePage

    hidden = CoursePage.objects.filter(visibility=CoursePage.Visibility.PRIVATE).exclude(
        pk__in=enrolled_tier_course_ids(user)
    )
    under_hidden = Q()
    for path in hidden.values_list("path", flat=True):
        under_hidden |= Q(path__startswith=path)
    return pages.exclude(under_hidden) if under_hidden else pages


def completed_course_ids(user, courses):
    """Which of `courses` `user` has completed: every live lesson marked complete. Two queries."""
    from courses.models import LessonPage, UserProgress

    if not user.is_authenticated or not courses:
        return set()
    lessons_by_course = {course.pk: set() for course in courses}
    prefixes = {course.path: course.pk for course in courses}
    depth = courses[0].depth
    under_any = Q()
    for course in courses:
        under_any |= Q(path__startswith=course.path)
    for lesson_id, path in LessonPage.objects.live().filter(under_any).values_list("pk", "path"):
        course_pk = prefixes.get(path[: depth * Page.steplen])
        if course_pk is not None:
            lessons_by_course[course_pk].add(lesson_id)
    all_lessons = set().union(*lessons_by_course.values())
    done = set(
        UserProgress.objects.filter(user=user, completed=True, lesson_id__in=all_lessons).values_list(
            "lesson_id", flat=True
        )
    )
    return {course_pk for course_pk, lessons in lessons_by_course.items() if lessons and lessons <= done}


def best_quiz_scores(user, course_ids):
    """{course id: the user's best score (%) in any quiz or exam of that course}, in one query."""
    from django.db.models import Max

    from quizzes.models import QuizAttempt

    if not user.is_authenticated or not course_ids:
        return {}
    return dict(
        QuizAttempt.objects.filter(user=user, course_id__in=course_ids, status=QuizAttempt.Status.SUBMITTED)
        .values("course_id")
        .annotate(best=Max("score"))
        .values_list("course_id", "best")
    )


def missing_prerequisites(user, courses):
    """{course id: [what is still missing, in words]} for many courses in a fixed number of queries."""
    from courses.models import CoursePage

    from .models import LearningPathCourse

    if not courses:
        return {}
    course_ids = [course.pk for course in courses]
    through = CoursePage.prerequisite_courses.through
    required = {}
    for link in through.objects.filter(from_coursepage_id__in=course_ids).select_related("to_coursepage"):
        if link.to_coursepage.live:
            required.setdefault(link.from_coursepage_id, []).append(link.to_coursepage)
    steps = list(
        LearningPathCourse.objects.filter(learning_path__is_active=True, learning_path__steps__course_id__in=course_ids)
        .select_related("course", "learning_path")
        .distinct()
        .order_by("learning_path_id", "sort_order")
    )
    earlier_required = {}
    for step in steps:
        if step.course_id not in course_ids:
            continue
        for earlier in steps:
            if (
                earlier.learning_path_id == step.learning_path_id
                and earlier.sort_order < step.sort_order
                and earlier.is_required
            ):
                earlier_required.setdefault(step.course_id, []).append((earlier.course, step.learning_path))
    involved = {c.pk: c for items in required.values() for c in items}
    involved |= {c.pk: c for items in earlier_required.values() for c, _path in items}
    done = completed_course_ids(user, list(involved.values()))
    scores = best_quiz_scores(user, list(involved)) if any(c.required_quiz_score for c in courses) else {}
    missing = {}
    for course in courses:
        own = sorted(required.get(course.pk, []), key=lambda c: c.title)
        messages = [f"Complete “{c.title}” first." for c in own if c.pk not in done]
        for earlier_course, path in earlier_required.get(course.pk, []):
            if earlier_course.pk not in done and earlier_course.pk not in {c.pk for c in own}:
                messages.append(f"Complete “{earlier_course.title}” first (learning path “{path.name}”).")
        if course.required_quiz_score and own:
            best = max((scores[c.pk] for c in own if c.pk in scores), default=None)
            if best is None or best < course.required_quiz_score:
                messages.append(f"Score at least {course.required_quiz_score}% in the prerequisite courses' quizzes.")
        missing[course.pk] = messages
    return missing


def check_course_prerequisites(user, course):
    """(met, missing): what `user` must still do before enrolling in `course`, in words."""
    missing = missing_prerequisites(user, [course])[course.pk]
    return not missing, missing


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


def enrollment_block_reason(user, course):
    """Why `user` cannot enroll in `course` with one click right now, or None if they can."""
    if not user.is_authenticated:
        return "Log in to enroll."
    if course.enrollment_method != course.EnrollmentMethod.OPEN:
        return "This course is not open for self-enrollment."
    if course.status != course.Status.ACTIVE:
        return f"This course is {course.get_status_display().lower()}."
    if course.enrollment_opens_at and course.enrollment_opens_at > timezone.now():
        return f"Enrollment opens on {course.enrollment_opens_at:%Y-%m-%d}."
    met, missing = check_course_prerequisites(user, course)
    if not met:
        return " ".join(missing)
    return None


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
def purchase_bundle(*, user, bundle, granted_by=None, tier=None, selected_courses=None, purchase_id="", notes=""):
    """Record a bundle purchase and grant one access per course, each linked to the purchase."""
    if purchase_id:
        # A replayed order changes nothing; the database keeps one purchase per bundle and order.
        recorded = BundlePurchase.objects.filter(bundle=bundle, purchase_id=purchase_id).first()
        if recorded is not None:
            return recorded_bundle_purchase(recorded, user)
    if not bundle.is_active:
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


MAX_BULK_GRANT_ROWS = 2_000  # one preview page an access manager can still read through


@dataclass
class BulkGrantPlan:
    """What a bulk grant will do: rows to create, rows already in place, lines it cannot use."""

    create: list = field(default_factory=list)  # (user, what) pairs
    skip: list = field(default_factory=list)  # (user, what, why)
    reject: list = field(default_factory=list)  # (line number, text, why)


def parse_email_lines(text):
    """[(line number, address)] from pasted text or a CSV: one address per line, first column."""
    rows = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        value = line.split(",")[0].strip().strip('"').strip()
        if value and not (number == 1 and value.lower() in {"email", "e-mail", "email address"}):
            rows.append((number, value))
    return rows


def plan_bulk_grant(*, email_text, courses=(), bundle=None, cohort=None):
    """Dry run: who gets what, who already has it, and which lines are unusable (with the line)."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    if not (courses or bundle or cohort):
        raise AccessError("Choose at least one course, a bundle or a cohort.")
    if bundle is not None and bundle.bundle_type != bundle.BundleType.FIXED:
        raise AccessError("Bulk grants can give fixed bundles only; pick-your-own and tiered need each buyer's choice.")
    plan = BulkGrantPlan()
    rows = parse_email_lines(email_text)
    if not rows:
        raise AccessError("Paste at least one email address, one per line.")
    if len(rows) > MAX_BULK_GRANT_ROWS:
        raise AccessError(
            f"A bulk grant takes at most {MAX_BULK_GRANT_ROWS} addresses; this one has {len(rows)}. "
            "Split the list and grant it in parts."
        )

    def is_email(value):
        try:
            validate_email(value)
        except ValidationError:
            return False
        return "\x00" not in value

    addresses = [value.lower() for _number, value in rows if is_email(value)]
    users = {
        user.email.lower(): user
        for user in get_user_model()
        .objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=addresses, is_active=True)
    }
    owned = set(
        CourseAccess.objects.filter(user__in=users.values(), course__in=courses)
        .active()
        .values_list("user_id", "course_id")
    )
    members = set(cohort.members.filter(user__in=users.values()).values_list("user_id", flat=True)) if cohort else set()
    bought = (
        set(
            bundle.purchases.filter(user__in=users.values(), refunded_at__isnull=True).values_list("user_id", flat=True)
        )
        if bundle
        else set()
    )
    seen = set()
    for number, value in rows:
        if not is_email(value):
            plan.reject.append((number, value.replace("\x00", ""), "Not an email address."))
            continue
        user = users.get(value.lower())
        if user is None:
            plan.reject.append((number, value, "No account with this email address."))
            continue
        if user.pk in seen:
            plan.reject.append((number, value, "Listed twice; the first line counts."))
            continue
        seen.add(user.pk)
        for course in courses:
            if (user.pk, course.pk) in owned:
                plan.skip.append((user, ("course", course), "Already has access."))
            else:
                plan.create.append((user, ("course", course)))
        if bundle is not None:
            if user.pk in bought:
                plan.skip.append((user, ("bundle", bundle), "Already has this bundle."))
            else:
                plan.create.append((user, ("bundle", bundle)))
        if cohort is not None:
            if user.pk in members:
                plan.skip.append((user, ("cohort", cohort), "Already in this cohort."))
            else:
                plan.create.append((user, ("cohort", cohort)))
    return plan


@transaction.atomic
def apply_bulk_grant(*, email_text, granted_by, courses=(), bundle=None, cohort=None, expires_at=None, notes=""):
    """Carry out the plan in one transaction; returns the plan that was applied."""
    plan = plan_bulk_grant(email_text=email_text, courses=courses, bundle=bundle, cohort=cohort)
    for user, (kind, target) in plan.create:
        if kind == "course":
            grant_course_access(
                user=user,
                course=target,
                granted_by=granted_by,
                expires_at=expires_at if expires_at else COURSE_DEFAULT,
                notes=notes,
                action=AccessEvent.Action.BULK_GRANT,
            )
        elif kind == "bundle":
            purchase_bundle(user=user, bundle=target, granted_by=granted_by, notes=notes or "Bulk grant")
        else:
            join_cohort(user=user, cohort=target, added_by=granted_by)
    return plan
