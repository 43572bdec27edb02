"""What Stripe's events do here. Each event is handled once (StripeEvent's unique id), inside one
transaction with what it changes, so a replay or two deliveries at once change nothing twice; each
purchase is locked while it changes, so events about the same checkout (completed, refunded) queue up
behind each other in whatever order they arrive.

Access is granted and revoked only through access.services, so the audit trail says why.
"""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from access.models import Bundle, BundleTier
from access.services import (
    end_subscription_access,
    extend_subscription_access,
    grant_course_access,
    purchase_bundle,
    refund_bundle_purchase,
    refund_course_purchase,
)
from courses.models import CoursePage
from notifications import emails

from . import stripe_api
from .models import Membership, Purchase, StripeEvent

logger = logging.getLogger(__name__)


@transaction.atomic
def handle_event(event):
    """Apply one verified Stripe event; False when it was handled before (a replay)."""
    obj = event["data"]["object"]
    fully_refunded = event["type"] == "charge.refunded" and obj.get("refunded")
    refunded_payment = (obj.get("payment_intent") or "") if fully_refunded else ""
    try:
        with transaction.atomic():
            StripeEvent.objects.create(
                event_id=event["id"],
                type=event["type"],
                created=int(event.get("created") or 0),
                payment_intent=refunded_payment,
            )
    except IntegrityError:
        return False
    handler = HANDLERS.get(event["type"])
    if handler is not None:
        handler(obj, event)
    return True


# Checkout ---------------------------------------------------------------------------------------


def checkout_completed(session, event):
    purchase = locked_purchase(session)
    if purchase is None or purchase.status in (Purchase.Status.PAID, Purchase.Status.REFUNDED):
        return
    if session.get("payment_status") not in ("paid", "no_payment_required"):
        return  # a delayed payment method: checkout.session.async_payment_succeeded finishes it
    purchase.payment_intent = session.get("payment_intent") or ""
    purchase.subscription_id = session.get("subscription") or ""
    if session.get("amount_total") is not None:  # what was charged, after any promotion code
        purchase.amount = stripe_api.from_cents(session["amount_total"])
    purchase.paid_at = timezone.now()
    if purchase.payment_intent and StripeEvent.objects.filter(payment_intent=purchase.payment_intent).exists():
        # Stripe told us of a full refund before it told us of the payment: nothing to grant.
        purchase.status = Purchase.Status.REFUNDED
        purchase.refunded_at = purchase.paid_at
        purchase.amount_refunded = purchase.amount
        purchase.save()
        return
    purchase.status = Purchase.Status.PAID
    grant_purchase(purchase, session)
    purchase.save()
    transaction.on_commit(lambda: emails.purchase_receipt(purchase))


def checkout_expired(session, event):
    Purchase.objects.filter(stripe_session_id=session["id"], status=Purchase.Status.PENDING).update(
        status=Purchase.Status.EXPIRED
    )


def locked_purchase(session):
    """Our record of the session, locked; made from the session's metadata if we have none (the
    metadata is ours, and trusted because the event's signature was checked)."""
    purchase = Purchase.objects.select_for_update().filter(stripe_session_id=session["id"]).first()
    if purchase is not None:
        return purchase
    metadata = session.get("metadata") or {}
    user = get_user_model().objects.filter(pk=int_or_none(session.get("client_reference_id"))).first()
    kind = metadata.get("kind")
    if user is None or kind not in Purchase.Kind.values:
        logger.warning("Checkout session %s is not one of ours; nothing granted.", session["id"])
        return None
    fields = {"user": user, "kind": kind, "amount": stripe_api.from_cents(session.get("amount_total"))}
    object_id = int_or_none(metadata.get("object_id"))
    if kind == Purchase.Kind.COURSE:
        fields["course"] = CoursePage.objects.filter(pk=object_id).first()
        fields["description"] = fields["course"].title if fields["course"] else "Course"
    elif kind == Purchase.Kind.BUNDLE:
        fields["bundle"] = Bundle.objects.filter(pk=object_id).first()
        fields["tier"] = BundleTier.objects.filter(pk=int_or_none(metadata.get("tier_id")), bundle_id=object_id).first()
        fields["selected_course_ids"] = [
            int(pk) for pk in (metadata.get("course_ids") or "").split(",") if pk.isdigit()
        ]
        fields["description"] = fields["bundle"].name if fields["bundle"] else "Bundle"
    else:
        fields["description"] = "Membership"
    try:
        with transaction.atomic():
            Purchase.objects.create(
                stripe_session_id=session["id"], currency=session.get("currency") or "usd", **fields
            )
    except IntegrityError:
        pass  # another delivery recorded it at the same moment
    return Purchase.objects.select_for_update().get(stripe_session_id=session["id"])


def grant_purchase(purchase, session):
    notes = f"Stripe checkout {purchase.stripe_session_id}"
    if purchase.kind == Purchase.Kind.COURSE and purchase.course is not None:
        grant_course_access(
            user=purchase.user,
            course=purchase.course,
            access_type="purchase",
            purchase_id=purchase.stripe_session_id,
            notes=notes,
        )
    elif purchase.kind == Purchase.Kind.BUNDLE and purchase.bundle is not None:
        selected = list(CoursePage.objects.filter(pk__in=purchase.selected_course_ids))
        purchase.bundle_purchase = purchase_bundle(
            user=purchase.user,
            bundle=purchase.bundle,
            tier=purchase.tier,
            selected_courses=selected,
            purchase_id=purchase.stripe_session_id,
            notes=notes,
            paid=True,
        )
    elif purchase.kind == Purchase.Kind.MEMBERSHIP and purchase.subscription_id:
        if not Membership.objects.filter(subscription_id=purchase.subscription_id).exists():
            try:
                subscription = stripe_api.retrieve_subscription(purchase.subscription_id)
            except stripe_api.PaymentError:
                return  # customer.subscription.created grants it
            subscription.setdefault("metadata", {}).setdefault("user_id", str(purchase.user_id))
            subscription_changed(subscription, {"created": 0})
    else:
        logger.error("Purchase %s was paid but what it bought is gone; nothing granted.", purchase.pk)


# Refunds ----------------------------------------------------------------------------------------


def charge_refunded(charge, event):
    payment_intent = charge.get("payment_intent")
    purchase = (
        Purchase.objects.select_for_update().filter(payment_intent=payment_intent).first() if payment_intent else None
    )
    if purchase is None:
        return  # not ours, or its checkout has not completed yet (it will see the refund)
    refunded = stripe_api.from_cents(charge.get("amount_refunded"))
    if refunded <= purchase.amount_refunded:
        return
    purchase.amount_refunded = refunded
    if charge.get("refunded") and purchase.status == Purchase.Status.PAID:
        purchase.status = Purchase.Status.REFUNDED
        purchase.refunded_at = timezone.now()
        revoke_purchase(purchase)
    purchase.save()
    transaction.on_commit(lambda: emails.purchase_refunded(purchase))


def revoke_purchase(purchase):
    reason = purchase.refund_reason or "Refunded through Stripe."
    if purchase.kind == Purchase.Kind.COURSE and purchase.course is not None:
        refund_course_purchase(
            user=purchase.user,
            course=purchase.course,
            purchase_id=purchase.stripe_session_id,
            refunded_by=purchase.refund_requested_by,
            reason=reason,
        )
    elif purchase.bundle_purchase is not None and not purchase.bundle_purchase.refunded_at:
        refund_bundle_purchase(
            purchase=purchase.bundle_purchase, refunded_by=purchase.refund_requested_by, reason=reason
        )


# Memberships ------------------------------------------------------------------------------------


def subscription_changed(subscription, event):
    """Keep the member's Membership and subscription access as the newest event says."""
    membership = locked_membership(subscription)
    if membership is None:
        return
    created = int(event.get("created") or 0)
    if created and created < membership.last_event_created:
        return  # older news than what we already applied
    membership.last_event_created = max(created, membership.last_event_created)
    membership.status = subscription.get("status") or membership.status
    membership.customer_id = subscription.get("customer") or membership.customer_id
    membership.cancel_at_period_end = bool(subscription.get("cancel_at_period_end"))
    period_end = subscription_period_end(subscription)
    if period_end is not None:
        membership.current_period_end = period_end
    if not membership.is_live and membership.ended_at is None:
        membership.ended_at = timezone.now()
    membership.save()
    apply_membership(membership)


def apply_membership(membership):
    user = membership.user
    if membership.is_live and membership.current_period_end and membership.current_period_end > timezone.now():
        courses = list(
            CoursePage.objects.live().filter(enrollment_method=CoursePage.EnrollmentMethod.SUBSCRIPTION_ONLY)
        )
        extend_subscription_access(user=user, courses=courses, until=membership.current_period_end)
    elif not membership.is_live and not user.memberships.live().exclude(pk=membership.pk).exists():
        end_subscription_access(user=user, reason=f"Membership ended ({membership.status}).")


def locked_membership(subscription):
    membership = Membership.objects.select_for_update().filter(subscription_id=subscription["id"]).first()
    if membership is not None:
        return membership
    user_id = int_or_none((subscription.get("metadata") or {}).get("user_id"))
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        logger.warning("Subscription %s names no user of ours; ignored.", subscription["id"])
        return None
    try:
        with transaction.atomic():
            Membership.objects.create(user=user, subscription_id=subscription["id"], status="incomplete")
    except IntegrityError:
        pass
    return Membership.objects.select_for_update().get(subscription_id=subscription["id"])


def subscription_period_end(subscription):
    """The end of the period paid for: on the subscription's items since Stripe's 2025 API versions,
    on the subscription itself before."""
    items = (subscription.get("items") or {}).get("data") or []
    stamp = (items[0].get("current_period_end") if items else None) or subscription.get("current_period_end")
    return datetime.datetime.fromtimestamp(int(stamp), tz=datetime.UTC) if stamp else None


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


HANDLERS = {
    "checkout.session.completed": checkout_completed,
    "checkout.session.async_payment_succeeded": checkout_completed,
    "checkout.session.expired": checkout_expired,
    "charge.refunded": charge_refunded,
    "customer.subscription.created": subscription_changed,
    "customer.subscription.updated": subscription_changed,
    "customer.subscription.deleted": subscription_changed,
}
