"""What the shop shows a viewer: a course's price and how to get it, their purchases, the membership."""

from dataclasses import dataclass, field

from access.models import BundlePurchase, CourseAccess
from access.selectors import enrollment_block_reason, visible_courses
from courses.models import CoursePage

from . import stripe_api
from .models import Membership, Purchase


def contact_line(request=None):
    """The school's line for people who want to buy while online checkout is off."""
    from home.school import school_settings

    return school_settings(request).contact_line


@dataclass
class Sale:
    """How a viewer without access can get a paid or members-only course."""

    price: object = None
    regular_price: object = None  # set while a discount runs
    discount_ends: object = None
    blocked: str = ""  # why it cannot be bought right now
    checkout_on: bool = False
    membership: bool = False  # members-only: the membership page sells it
    bundles: list = field(default_factory=list)  # bundles on sale that include the course


def course_sale(user, course):
    method = course.EnrollmentMethod
    if course.enrollment_method == method.SUBSCRIPTION_ONLY:
        return Sale(membership=True, checkout_on=stripe_api.membership_on_sale())
    if course.enrollment_method != method.PURCHASE or not course.price_now:
        return None
    blocked = enrollment_block_reason(user, course, method=method.PURCHASE) if user.is_authenticated else ""
    return Sale(
        price=course.price_now,
        regular_price=course.price if course.discount_is_on else None,
        discount_ends=course.discount_ends if course.discount_is_on else None,
        blocked=blocked or "",
        checkout_on=stripe_api.is_configured(),
        bundles=list(course.bundles.filter(is_active=True)),
    )


def membership_courses(user):
    courses = CoursePage.objects.live().filter(enrollment_method=CoursePage.EnrollmentMethod.SUBSCRIPTION_ONLY)
    return visible_courses(user, courses.order_by("title"))


def live_membership(user):
    if not user.is_authenticated:
        return None
    return Membership.objects.live().filter(user=user).first()


@dataclass
class PurchaseRow:
    what: str
    at: object
    reference: str = ""
    amount: object = None
    state: str = ""
    purchase: Purchase = None  # a Stripe purchase, which has a receipt and may be refunded


def buyers_checkout(request):
    """The signed-in buyer's purchase for the Checkout Session in ?session_id=, or None."""
    session_id = request.GET.get("session_id", "")
    return Purchase.objects.filter(user=request.user, stripe_session_id=session_id).first() if session_id else None


def purchase_history(user):
    """Everything `user` bought, newest first, for their account page and the admin's student page:
    checkouts paid through Stripe, and orders the school recorded by hand (a course's purchase access,
    a bundle purchase) that no checkout stands behind."""
    paid = list(
        Purchase.objects.filter(user=user)
        .exclude(status__in=[Purchase.Status.EXPIRED, Purchase.Status.PENDING])
        .select_related("course", "bundle")
    )
    rows = [
        PurchaseRow(p.description, p.paid_at or p.created_at, p.receipt_number, p.amount, purchase_state(p), p)
        for p in paid
    ]
    sessions = {purchase.stripe_session_id for purchase in paid}
    recorded = CourseAccess.objects.filter(user=user, access_type=CourseAccess.AccessType.PURCHASE)
    rows += [
        PurchaseRow(access.course.title, access.granted_at, access.purchase_id, state=ended(access.revoked_at))
        for access in recorded.select_related("course")
        if access.purchase_id not in sessions
    ]
    bundles = BundlePurchase.objects.filter(user=user, stripe_purchase__isnull=True).select_related("bundle")
    rows += [
        PurchaseRow(
            f"Bundle: {bought.bundle.name}", bought.purchase_date, bought.purchase_id, state=ended(bought.refunded_at)
        )
        for bought in bundles
    ]
    return sorted(rows, key=lambda row: row.at, reverse=True)


def purchase_state(purchase):
    if purchase.status == Purchase.Status.REFUNDED:
        return f"Refunded {purchase.refunded_at:%-d %b %Y}" if purchase.refunded_at else "Refunded"
    if purchase.amount_refunded:
        return f"Paid, {purchase.amount_refunded} refunded"
    if purchase.refund_requested_at:
        return "Refund on its way"
    return "Paid"


def ended(moment):
    return f"Ended {moment:%-d %b %Y}" if moment else "Active"
