"""Bulk grants: a list of addresses (pasted or a CSV's first column) and what to give them,
planned as a dry run for the preview, then applied in one transaction."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.functions import Lower

from .models import AccessEvent, CourseAccess
from .services import COURSE_DEFAULT, AccessError, grant_course_access, join_cohort, purchase_bundle

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
