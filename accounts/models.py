"""What remains of an account its owner (or an admin) deleted."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DeletedAccount(models.Model):
    """The tombstone that stands in for a deleted account: the records the school keeps (quiz attempt
    statistics, the access audit trail, purchases, issued certificates) point at its user, which has
    no name, no address, no password and cannot log in."""

    class DeletedBy(models.TextChoices):
        OWNER = "owner", "The student"
        ADMIN = "admin", "An admin"

    tombstone = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="deleted_account")
    deleted_at = models.DateTimeField(default=timezone.now)
    deleted_by = models.CharField(max_length=10, choices=DeletedBy.choices)

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self):
        return f"Account deleted on {self.deleted_at:%Y-%m-%d}"
