"""What a student may do with their account as a whole: take all their data with them, or delete it.

Deleting keeps what the school must keep, anonymised: the records below move to a tombstone user
(no name, no address, no password, cannot log in) and everything else of the student goes.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction

from access.models import AccessEvent, BundlePurchase, CohortMember, CourseAccess
from access.services import revoke_all_access
from courses.models import CourseReview, FavoriteCourse, LessonNote, UserProgress
from notifications.models import EmailPreference
from payments.memberships import cancel_memberships
from payments.models import Membership, Purchase
from payments.stripe_api import PaymentError
from quizzes.models import Certificate, QuizAttempt

from .models import DeletedAccount

# The records that outlive the account, on the tombstone: the school's statistics, its audit
# trail, its sales and the certificates it issued (so that verifying one still answers).
KEPT_ON_TOMBSTONE = (CourseAccess, AccessEvent, BundlePurchase, Purchase, Membership, QuizAttempt, Certificate)


class AccountError(ValueError):
    """Why an account action was refused, in words for the person who asked."""


def iso(moment):
    return moment.isoformat() if moment else None


def account_data(user) -> dict:
    """Everything the site holds about `user` as plain data, one query per kind of record."""
    accesses = CourseAccess.objects.filter(user=user).select_related("course").order_by("granted_at")
    events = AccessEvent.objects.filter(user=user).select_related("course").order_by("created_at", "pk")
    progress = UserProgress.objects.filter(user=user).select_related("lesson").order_by("lesson__path")
    attempts = QuizAttempt.objects.filter(user=user).select_related("quiz", "course").order_by("started_at")
    preference = EmailPreference.objects.filter(user=user).first()
    return {
        "profile": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
        },
        "course_access": [
            {
                "course": access.course.title,
                "course_id": access.course_id,
                "access_type": access.access_type,
                "status": access.status,
                "purchase_id": access.purchase_id,
                "granted_at": iso(access.granted_at),
                "expires_at": iso(access.expires_at),
                "revoked_at": iso(access.revoked_at),
                "revocation_reason": access.revocation_reason,
            }
            for access in accesses
        ],
        "access_history": [
            {
                "at": iso(event.created_at),
                "action": event.action,
                "course": event.course.title if event.course else None,
                "source": event.source,
                "reason": event.reason,
            }
            for event in events
        ],
        "progress": [
            {
                "lesson": row.lesson.title,
                "lesson_id": row.lesson_id,
                "status": row.status,
                "completed": row.completed,
                "completed_at": iso(row.completed_at),
                "video_watch_percentage": row.video_watch_percentage,
                "last_position_seconds": row.last_position_seconds,
                "started_at": iso(row.started_at),
                "last_accessed": iso(row.last_accessed),
            }
            for row in progress
        ],
        "notes": [
            {"lesson": note.lesson.title, "text": note.text, "updated_at": iso(note.updated_at)}
            for note in LessonNote.objects.filter(user=user).select_related("lesson").order_by("created_at")
        ],
        "reviews": [
            {
                "course": review.course.title,
                "rating": review.rating,
                "text": review.text,
                "hidden_by_the_school": review.is_hidden,
                "updated_at": iso(review.updated_at),
            }
            for review in CourseReview.objects.filter(user=user).select_related("course").order_by("created_at")
        ],
        "email_preferences": {
            "expiry_reminders": getattr(preference, "expiry_reminders", True),
            "drip_unlocks": getattr(preference, "drip_unlocks", True),
        },
        "favorite_courses": list(
            FavoriteCourse.objects.filter(user=user).order_by("created_at").values_list("course__title", flat=True)
        ),
        "cohorts": [
            {"cohort": membership.cohort.name, "joined_at": iso(membership.joined_at)}
            for membership in CohortMember.objects.filter(user=user).select_related("cohort")
        ],
        "quiz_attempts": [
            {
                "quiz": attempt.quiz.title,
                "course": attempt.course.title if attempt.course else None,
                "is_exam": attempt.is_exam,
                "attempt_number": attempt.attempt_number,
                "status": attempt.status,
                "started_at": iso(attempt.started_at),
                "submitted_at": iso(attempt.submitted_at),
                "score": float(attempt.score) if attempt.score is not None else None,
                "passed": attempt.passed,
                "answers": attempt.answers,
            }
            for attempt in attempts
        ],
        "certificates": [
            {
                "number": certificate.number,
                "course": certificate.course_title,
                "holder_name": certificate.holder_name,
                "issued_at": iso(certificate.issued_at),
                "revoked_at": iso(certificate.revoked_at),
                "verification_url": certificate.get_absolute_url(),
            }
            for certificate in Certificate.objects.filter(user=user).order_by("issued_at")
        ],
        "purchases": [
            {
                "bundle": purchase.bundle.name,
                "purchase_id": purchase.purchase_id,
                "purchased_at": iso(purchase.purchase_date),
                "refunded_at": iso(purchase.refunded_at),
            }
            for purchase in BundlePurchase.objects.filter(user=user).select_related("bundle").order_by("purchase_date")
        ],
        "payments": [
            {
                "receipt": purchase.receipt_number,
                "what": purchase.description,
                "kind": purchase.kind,
                "amount": str(purchase.amount),
                "currency": purchase.currency,
                "status": purchase.status,
                "paid_at": iso(purchase.paid_at),
                "amount_refunded": str(purchase.amount_refunded),
                "refunded_at": iso(purchase.refunded_at),
            }
            for purchase in Purchase.objects.filter(user=user).order_by("created_at")
        ],
        "memberships": [
            {
                "status": membership.status,
                "started_at": iso(membership.started_at),
                "current_period_end": iso(membership.current_period_end),
                "ended_at": iso(membership.ended_at),
            }
            for membership in Membership.objects.filter(user=user).order_by("started_at")
        ],
    }


@transaction.atomic
def delete_account(user, *, deleted_by, actor=None) -> DeletedAccount:
    """Delete `user`: their access is revoked (in the audit trail), the records the school keeps
    move to a new tombstone, and the account with everything else of theirs (progress, notes,
    reviews, favourites, cohort places) is deleted. `deleted_by` is DeletedAccount.DeletedBy;
    `actor` the admin who did it."""
    if user.is_staff or user.is_superuser:
        raise AccountError("Staff accounts are not deleted here: an admin removes them in the Wagtail admin.")
    if hasattr(user, "deleted_account"):
        raise AccountError("This account was deleted already.")
    try:
        cancel_memberships(user)
    except PaymentError as error:
        raise AccountError(f"{error} The membership must end before the account goes; nothing was deleted.") from error
    revoke_all_access(user=user, revoked_by=actor, reason="The account was deleted.")
    tombstone = get_user_model()(username=f"deleted-{uuid.uuid4().hex[:16]}", is_active=False)
    tombstone.set_unusable_password()
    tombstone.save()
    Certificate.objects.filter(user=user, original_user_id__isnull=True).update(original_user_id=user.pk)
    for model in KEPT_ON_TOMBSTONE:
        model.objects.filter(user=user).update(user=tombstone)
    user.delete()
    return DeletedAccount.objects.create(tombstone=tombstone, deleted_by=deleted_by)
