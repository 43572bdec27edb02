"""The one way this site talks to Stripe: the official client, configured from settings.

Without STRIPE_SECRET_KEY checkout is off and paid items show the school's contact line instead.
"""

import json
import logging
from decimal import Decimal

import stripe
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

PRICE_CACHE_SECONDS = 3600


class PaymentError(Exception):
    """Stripe could not do it this time; the message is fit to show to the person who asked."""


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY)


def membership_on_sale():
    return is_configured() and bool(settings.STRIPE_MEMBERSHIP_PRICE_ID)


def client():
    base = settings.STRIPE_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base} if base else None,
        max_network_retries=2,
    )


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(value) -> Decimal:
    return (Decimal(value or 0) / 100).quantize(Decimal("0.01"))


def call(action, what):
    """Run one Stripe request, turning Stripe's failures into a PaymentError that says `what` failed."""
    try:
        return action()
    except stripe.StripeError as error:
        logger.warning("Stripe could not %s: %s", what, error)
        raise PaymentError(f"Stripe could not {what} just now. Please try again in a minute.") from error


def create_checkout_session(params):
    return call(lambda: client().v1.checkout.sessions.create(params=params), "start the checkout")


def create_refund(*, payment_intent, metadata):
    params = {"payment_intent": payment_intent, "metadata": metadata, "reason": "requested_by_customer"}
    return call(lambda: client().v1.refunds.create(params=params), "start the refund")


def retrieve_subscription(subscription_id):
    return call(lambda: client().v1.subscriptions.retrieve(subscription_id), "read the subscription").to_dict()


def cancel_subscription(subscription_id):
    return call(lambda: client().v1.subscriptions.cancel(subscription_id), "cancel the membership").to_dict()


def membership_price():
    """The membership's price as (amount, currency, interval), read from Stripe and kept for an hour;
    None when it cannot be read."""
    price_id = settings.STRIPE_MEMBERSHIP_PRICE_ID
    key = f"payments:membership-price:{price_id}"
    price = cache.get(key)
    if price is None:
        try:
            found = call(lambda: client().v1.prices.retrieve(price_id), "read the membership price").to_dict()
        except PaymentError:
            return None
        recurring = found.get("recurring") or {}
        price = (from_cents(found.get("unit_amount")), found.get("currency", "usd"), recurring.get("interval", "month"))
        cache.set(key, price, PRICE_CACHE_SECONDS)
    return price


def verified_event(payload: bytes, signature: str):
    """The event in `payload` if Stripe signed it with our webhook secret; raises ValueError if not."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise ValueError("STRIPE_WEBHOOK_SECRET is not set.")
    try:
        stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except stripe.SignatureVerificationError as error:
        raise ValueError(f"Bad signature: {error}") from error
    event = json.loads(payload)
    if not isinstance(event, dict) or not {"id", "type", "data"} <= event.keys():
        raise ValueError("Not a Stripe event.")
    return event
