"""Who may read what: viewer audiences and explicit course access records."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Audience(models.TextChoices):
    """Who a lesson or a block is for, from the widest audience to the narrowest."""

    GUEST = "guest", "Everyone, including guests"
    REGISTERED = "registered", "Registered (logged-in) users"
    ENROLLED = "enrolled", "Students enrolled in the course"

    @property
    def rank(self):
        return AUDIENCE_ORDER.index(self)

    def includes(self, required):
        """True when a viewer of this audience may see content meant for `required`."""
        return self.rank >= Audience(required).rank


AUDIENCE_ORDER = [Audience.GUEST, Audience.REGISTERED, Audience.ENROLLED]


class CourseAccessQuerySet(models.QuerySet):
    def active(self, at=None):
        """Records that grant access right now: unlocked, not revoked, not past their expiry."""
        at = at or timezone.now()
        return self.filter(status=CourseAccess.Status.UNLOCKED, revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=at)
        )


class CourseAccess(models.Model):
    """One explicit right of one user to read one course, with where it came from and how it ends."""

    class AccessType(models.TextChoices):
        PURCHASE = "purchase", "Purchase"
        MANUAL = "manual", "Manual grant"
        COHORT = "cohort", "Cohort membership"
        SUBSCRIPTION = "subscription", "Subscription"
        BUNDLE = "bundle", "Bundle purchase"
        ENROLLMENT = "enrollment", "Open enrollment"

    class Status(models.TextChoices):
        UNLOCKED = "unlocked", "Unlocked"
        LOCKED = "locked", "Locked"
        REVOKED = "revoked", "Revoked"
        EXPIRED = "expired", "Expired"
        PENDING = "pending", "Pending"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_accesses")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="accesses")
    access_type = models.CharField(max_length=20, choices=AccessType.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNLOCKED)

    purchase_id = models.CharField(max_length=100, blank=True, help_text="Order or payment reference, for purchases.")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_accesses_granted",
    )
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Access stops at this moment. Empty means lifetime."
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_accesses_revoked",
    )
    revocation_reason = models.CharField(max_length=255, blank=True)
    notes = models.TextField(blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseAccessQuerySet.as_manager()

    class Meta:
        verbose_name = "course access"
        verbose_name_plural = "course accesses"
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "access_type"],
                condition=Q(status="unlocked"),
                name="one_unlocked_access_per_user_course_source",
            ),
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self):
        return f"{self.user} → {self.course} ({self.get_access_type_display()})"

    def is_active(self, at=None):
        at = at or timezone.now()
        return (
            self.status == self.Status.UNLOCKED
            and self.revoked_at is None
            and (self.expires_at is None or self.expires_at > at)
        )
