"""Ending a member's subscriptions at Stripe when their account goes, so nobody pays for an account
that no longer exists. Stripe's customer.subscription.deleted event then arrives for a tombstone."""

from . import stripe_api
from .models import Membership


def cancel_memberships(user):
    """Cancel every live membership of `user` at Stripe now; raises PaymentError when Stripe cannot
    be reached, so the caller can stop before deleting anything."""
    for membership in Membership.objects.live().filter(user=user):
        subscription = stripe_api.cancel_subscription(membership.subscription_id)
        membership.status = subscription.get("status") or "canceled"
        membership.save(update_fields=["status"])
