"""Refunds started from the admin: Stripe is asked to refund, and its charge.refunded event (webhooks.py)
finishes the job, so a refund made in Stripe's own dashboard ends access the same way."""

from django.db import transaction
from django.utils import timezone

from access.services import AccessError

from . import stripe_api
from .models import Purchase


def request_refund(*, purchase, requested_by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise AccessError("A reason is required to refund a purchase.")
    with transaction.atomic():
        purchase = Purchase.objects.select_for_update().get(pk=purchase.pk)
        if purchase.status != Purchase.Status.PAID:
            raise AccessError(
                f"Only a paid purchase can be refunded; this one is {purchase.get_status_display().lower()}."
            )
        if purchase.refund_requested_at:
            raise AccessError("A refund was already asked for; Stripe will confirm it shortly.")
        if not purchase.payment_intent:
            raise AccessError("This purchase has no single payment to refund (a membership): refund it in Stripe.")
        purchase.refund_requested_at = timezone.now()
        purchase.refund_requested_by = requested_by
        purchase.refund_reason = reason[:255]
        purchase.save(update_fields=["refund_requested_at", "refund_requested_by", "refund_reason"])
    try:
        stripe_api.create_refund(
            payment_intent=purchase.payment_intent, metadata={"purchase": str(purchase.pk), "reason": reason[:400]}
        )
    except stripe_api.PaymentError:
        Purchase.objects.filter(pk=purchase.pk).update(refund_requested_at=None, refund_requested_by=None)
        raise
    return purchase
