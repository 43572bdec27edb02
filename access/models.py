"""Who may read what: viewer audiences and explicit course access records."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .panels import CohortMembersPanel


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
    bundle_purchase = models.ForeignKey(
        "access.BundlePurchase", null=True, blank=True, on_delete=models.PROTECT, related_name="accesses"
    )
    cohort = models.ForeignKey(
        "access.Cohort", null=True, blank=True, on_delete=models.PROTECT, related_name="accesses"
    )
    # Which source this is, as one value the uniqueness constraint can use ("cohort:7", "manual", ...).
    source_key = models.CharField(max_length=60, editable=False, default="")
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
                fields=["user", "course", "source_key"],
                condition=Q(status="unlocked"),
                name="one_unlocked_access_per_user_course_source",
            ),
        ]
        indexes = [models.Index(fields=["user", "status"])]
        permissions = [("manage_course_access", "Can grant and revoke course access")]

    def __str__(self):
        return f"{self.user} → {self.course} ({self.get_access_type_display()})"

    @staticmethod
    def source_key_for(access_type, *, bundle_purchase=None, cohort=None, purchase_id=""):
        if bundle_purchase is not None:
            return f"bundle:{bundle_purchase.pk}"
        if cohort is not None:
            return f"cohort:{cohort.pk}"
        if access_type == CourseAccess.AccessType.PURCHASE and purchase_id:
            key = f"purchase:{purchase_id}"
            if len(key) > 60:  # long order ids (Stripe's run to 66 characters) must not collide when cut
                key = "purchase#" + hashlib.sha256(purchase_id.encode()).hexdigest()[:51]
            return key
        return access_type

    def save(self, *args, **kwargs):
        self.source_key = self.source_key_for(
            self.access_type, bundle_purchase=self.bundle_purchase, cohort=self.cohort, purchase_id=self.purchase_id
        )
        super().save(*args, **kwargs)

    def get_source_display(self):
        if self.bundle_purchase_id:
            return f"Bundle: {self.bundle_purchase.bundle}"
        if self.cohort_id:
            return f"Cohort: {self.cohort}"
        if self.purchase_id:
            return f"{self.get_access_type_display()} ({self.purchase_id})"
        return self.get_access_type_display()

    def is_active(self, at=None):
        at = at or timezone.now()
        return (
            self.status == self.Status.UNLOCKED
            and self.revoked_at is None
            and (self.expires_at is None or self.expires_at > at)
        )


class AccessEvent(models.Model):
    """One change to someone's access, written once and never edited or deleted."""

    class Action(models.TextChoices):
        GRANT = "grant", "Granted"
        RENEW = "renew", "Renewed"
        REVOKE = "revoke", "Revoked"
        EXPIRY_CHANGE = "expiry_change", "Expiry changed"
        ENROLL = "enroll", "Enrolled"
        BUNDLE_PURCHASE = "bundle_purchase", "Bundle purchased"
        REFUND = "refund", "Refunded"
        COHORT_JOIN = "cohort_join", "Joined cohort"
        COHORT_LEAVE = "cohort_leave", "Left cohort"
        BULK_GRANT = "bulk_grant", "Bulk grant"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="access_actions"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_events")
    action = models.CharField(max_length=20, choices=Action.choices)
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    access = models.ForeignKey(CourseAccess, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    source = models.CharField(max_length=120, blank=True)
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.user}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("Access events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Access events are append-only and cannot be deleted.")


class Bundle(ClusterableModel):
    """Several courses sold or given together."""

    class BundleType(models.TextChoices):
        FIXED = "fixed", "Fixed: all its courses"
        PICK_YOUR_OWN = "pick_your_own", "Pick your own: the buyer chooses"
        TIERED = "tiered", "Tiered: the buyer chooses a tier"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    bundle_type = models.CharField(max_length=20, choices=BundleType.choices, default=BundleType.FIXED)
    courses = ParentalManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="bundles",
        help_text="Fixed: every course here. Pick your own: the courses to choose from.",
    )
    max_course_selections = models.PositiveIntegerField(
        default=0, help_text="Pick your own only: how many courses the buyer may choose."
    )
    price = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    is_active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("bundle_type"), FieldPanel("price"), FieldPanel("max_course_selections")]),
        FieldPanel("courses"),
        InlinePanel("tiers", heading="Tiers", label="Tier", help_text="Tiered bundles only."),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.bundle_type == self.BundleType.PICK_YOUR_OWN and not self.max_course_selections:
            raise ValidationError({"max_course_selections": "Say how many courses a buyer may pick."})


class BundleTier(Orderable):
    """One level of a tiered bundle, such as Bronze, Silver or Gold, with its own courses."""

    bundle = ParentalKey(Bundle, on_delete=models.CASCADE, related_name="tiers")
    name = models.CharField(max_length=60)
    price = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    courses = ParentalManyToManyField("courses.CoursePage", blank=True, related_name="+")

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("price")]), FieldPanel("courses")]

    def __str__(self):
        return f"{self.bundle} – {self.name}"


class BundlePurchase(models.Model):
    """A bundle bought (or given) to one user; its course accesses point back here."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bundle_purchases")
    bundle = models.ForeignKey(Bundle, on_delete=models.PROTECT, related_name="purchases")
    tier = models.ForeignKey(BundleTier, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    purchase_id = models.CharField(max_length=100, blank=True, help_text="External order reference.")
    purchase_date = models.DateTimeField(default=timezone.now)
    selected_courses = models.ManyToManyField("courses.CoursePage", blank=True, related_name="+")
    notes = models.TextField(blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)
    refunded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refund_reason = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-purchase_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["bundle", "purchase_id"], condition=~Q(purchase_id=""), name="one_purchase_per_bundle_order"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.bundle}"


class Cohort(ClusterableModel):
    """A group of students (a class, a launch's buyers) who get the same courses."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    courses = ParentalManyToManyField(
        "courses.CoursePage", blank=True, related_name="cohorts", help_text="Joining the cohort grants these."
    )
    is_active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel(
            "courses",
            help_text="Joining the cohort grants these. Changing them later does not change existing members' access.",
        ),
        FieldPanel("is_active"),
        CohortMembersPanel(heading="Members"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CohortMember(models.Model):
    """A user's membership of a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships")
    joined_at = models.DateTimeField(default=timezone.now)
    remove_access_on_leave = models.BooleanField(
        default=True, help_text="Revoke the access this cohort gave when the member leaves."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort_and_user")]

    def __str__(self):
        return f"{self.user} in {self.cohort}"


class LearningPath(ClusterableModel):
    """An ordered journey through courses; a required course locks the ones after it."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        InlinePanel("steps", label="Course"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LearningPathCourse(Orderable):
    """One course in a learning path, in order."""

    learning_path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="learning_path_steps")
    is_required = models.BooleanField(default=True, help_text="Must be completed before the next course unlocks.")

    panels = [FieldPanel("course"), FieldPanel("is_required")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["learning_path", "course"], name="course_once_per_learning_path")
        ]
