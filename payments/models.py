"""What the school sold through Stripe: purchases (a course, a bundle, a membership's first payment),
memberships (subscriptions) and the Stripe events already handled. The access they give is ordinary
CourseAccess (access.services), so the audit trail tells it like any other grant."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Purchase(models.Model):
    """One Checkout Session the site opened for a buyer, and what became of it."""

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        BUNDLE = "bundle", "Bundle"
        MEMBERSHIP = "membership", "Membership"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for payment"
        PAID = "paid", "Paid"
        REFUNDED = "refunded", "Refunded"
        EXPIRED = "expired", "Checkout abandoned"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="purchases")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="purchases"
    )
    bundle = models.ForeignKey("access.Bundle", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    tier = models.ForeignKey("access.BundleTier", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    selected_course_ids = models.JSONField(default=list, blank=True, help_text="Pick-your-own bundles only.")
    description = models.CharField(max_length=255, help_text="What was bought, as the receipt names it.")
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3, default="usd")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)

    stripe_session_id = models.CharField(max_length=255, unique=True)
    payment_intent = models.CharField(max_length=255, blank=True, db_index=True)
    subscription_id = models.CharField(max_length=255, blank=True)
    bundle_purchase = models.OneToOneField(
        "access.BundlePurchase", null=True, blank=True, on_delete=models.SET_NULL, related_name="stripe_purchase"
    )

    created_at = models.DateTimeField(default=timezone.now)
    paid_at = models.DateTimeField(null=True, blank=True)
    refund_requested_at = models.DateTimeField(null=True, blank=True)
    refund_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refund_reason = models.CharField(max_length=255, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)
    amount_refunded = models.DecimalField(max_digits=8, decimal_places=2, default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return f"{self.description} ({self.get_status_display()})"

    @property
    def receipt_number(self):
        return f"R-{self.pk:06d}"


class MembershipQuerySet(models.QuerySet):
    def live(self):
        """Memberships whose member has paid for the current period (see LIVE_SUBSCRIPTION_STATUSES)."""
        return self.filter(status__in=LIVE_SUBSCRIPTION_STATUSES)


class Membership(models.Model):
    """A member's Stripe subscription as the last event told it: it gives `subscription` access to
    every subscribers-only course until the end of the paid period."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships")
    subscription_id = models.CharField(max_length=255, unique=True)
    customer_id = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=30, help_text="Stripe's subscription status: active, past_due, canceled…")
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    # The `created` time of the newest Stripe event applied: an older event, delivered late, is ignored.
    last_event_created = models.BigIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.user} – membership ({self.status})"

    @property
    def is_live(self):
        return self.status in LIVE_SUBSCRIPTION_STATUSES


# Stripe statuses in which the member has paid for the current period (past_due: Stripe is still
# retrying the renewal, and the period already paid for runs on).
LIVE_SUBSCRIPTION_STATUSES = {"active", "trialing", "past_due"}


class StripeEvent(models.Model):
    """A Stripe event handled once: the unique id makes a replay or a concurrent delivery a no-op."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.BigIntegerField(help_text="When Stripe created the event (Unix time).")
    # For refunds that arrive before their checkout completed: the payment they refund.
    payment_intent = models.CharField(max_length=255, blank=True, db_index=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.event_id}"
