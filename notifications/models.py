"""Emails the school sends: each is a row first (the outbox), delivered by a background task."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class EmailPreference(models.Model):
    """Which of the non-essential emails a student wants; essential ones (password reset, receipts,
    access granted, certificates) always go."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference")
    expiry_reminders = models.BooleanField(
        default=True, verbose_name="Remind me a week before my access to a course ends"
    )
    drip_unlocks = models.BooleanField(default=True, verbose_name="Tell me when a new module of a course opens")

    def __str__(self):
        return f"Email preferences of {self.user}"


class OutgoingEmail(models.Model):
    """One email to one address: what it says, and whether it went."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=40)
    # For emails that must go once only (an expiry warning per access record, a drip unlock per
    # module and student): the same kind and key are never written twice.
    once_key = models.CharField(max_length=120, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    to = models.EmailField()
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "once_key"], condition=~Q(once_key=""), name="each_email_once")
        ]
        indexes = [models.Index(fields=["status", "attempts"])]

    def __str__(self):
        return f"{self.kind} to {self.to}: {self.get_status_display()}"
