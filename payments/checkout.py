"""What a buyer may buy and for how much (offers), and opening a Stripe Checkout Session for it.

Checkout only takes the buyer to Stripe: access is granted by the webhook (webhooks.py) once Stripe
says the payment went through, never on the browser's word.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from access.models import Bundle
from access.selectors import accessible_course_ids, active_access, enrollment_block_reason
from access.services import AccessError, bundle_courses

from . import stripe_api
from .models import Purchase
from .selectors import live_membership


@dataclass
class Offer:
    """One thing a buyer is about to pay for."""

    kind: str
    description: str
    amount: Decimal
    course: object = None
    bundle: Bundle = None
    tier: object = None
    courses: list = field(default_factory=list)  # a pick-your-own bundle's chosen courses

    @property
    def object_id(self):
        if self.kind == Purchase.Kind.COURSE:
            return str(self.course.pk)
        if self.kind == Purchase.Kind.BUNDLE:
            return str(self.bundle.pk)
        return settings.STRIPE_MEMBERSHIP_PRICE_ID

    def metadata(self):
        data = {"kind": self.kind, "object_id": self.object_id}
        if self.tier is not None:
            data["tier_id"] = str(self.tier.pk)
        if self.bundle is not None and self.bundle.bundle_type == Bundle.BundleType.PICK_YOUR_OWN:
            data["course_ids"] = ",".join(str(course.pk) for course in self.courses)
        return data


def course_offer(user, course):
    reason = enrollment_block_reason(user, course, method=course.EnrollmentMethod.PURCHASE)
    if reason:
        raise AccessError(reason)
    if active_access(user, course) is not None:
        raise AccessError(f"You already have access to “{course.title}”.")
    if not course.price_now:
        raise AccessError(f"“{course.title}” has no price yet.")
    return Offer(Purchase.Kind.COURSE, course.title, course.price_now, course=course)


def bundle_offer(user, bundle, *, tier=None, selected_courses=None):
    if not user.is_authenticated:
        raise AccessError("Log in to buy this bundle.")
    if not bundle.is_active:
        raise AccessError(f"“{bundle.name}” is not on sale.")
    courses = bundle_courses(bundle, tier=tier, selected_courses=selected_courses)
    if not courses:
        raise AccessError(f"“{bundle.name}” has no courses yet.")
    if {course.pk for course in courses} <= set(accessible_course_ids(user)):
        raise AccessError("You already have every course in this choice.")
    amount = tier.price if tier is not None else bundle.price
    if not amount:
        raise AccessError(f"“{bundle.name}” has no price yet.")
    description = f"{bundle.name} – {tier.name}" if tier is not None else bundle.name
    return Offer(Purchase.Kind.BUNDLE, description, amount, bundle=bundle, tier=tier, courses=courses)


def membership_offer(user):
    if not user.is_authenticated:
        raise AccessError("Log in to become a member.")
    if not stripe_api.membership_on_sale():
        raise AccessError("Membership is not on sale online.")
    if live_membership(user) is not None:
        raise AccessError("You are already a member.")
    price = stripe_api.membership_price()
    if price is None:
        raise AccessError("The membership's price could not be read just now. Please try again in a minute.")
    return Offer(Purchase.Kind.MEMBERSHIP, "Membership", price[0])


def start_checkout(user, offer, *, success_url, cancel_url):
    """Open a Checkout Session for `offer` and record it as a pending purchase; returns the purchase
    and the address of Stripe's payment page. Raises PaymentError when Stripe cannot be reached."""
    if not stripe_api.is_configured():
        raise stripe_api.PaymentError("Online checkout is not set up on this site.")
    metadata = offer.metadata()
    params = {
        "client_reference_id": str(user.pk),
        "metadata": metadata,
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    if user.email:
        params["customer_email"] = user.email
    if offer.kind == Purchase.Kind.MEMBERSHIP:
        params["mode"] = "subscription"
        params["line_items"] = [{"price": settings.STRIPE_MEMBERSHIP_PRICE_ID, "quantity": 1}]
        params["subscription_data"] = {"metadata": {"user_id": str(user.pk)}}
    else:
        params["mode"] = "payment"
        params["line_items"] = [
            {
                "quantity": 1,
                "price_data": {
                    "currency": settings.STRIPE_CURRENCY,
                    "unit_amount": stripe_api.cents(offer.amount),
                    "product_data": {"name": offer.description},
                },
            }
        ]
        params["payment_intent_data"] = {"metadata": metadata}
    session = stripe_api.create_checkout_session(params)
    purchase = Purchase.objects.create(
        user=user,
        kind=offer.kind,
        course=offer.course,
        bundle=offer.bundle,
        tier=offer.tier,
        selected_course_ids=[course.pk for course in offer.courses] if "course_ids" in metadata else [],
        description=offer.description[:255],
        amount=offer.amount,
        currency=settings.STRIPE_CURRENCY,
        stripe_session_id=session.id,
    )
    return purchase, session.url
