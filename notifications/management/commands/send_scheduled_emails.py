"""Emails that come from the clock, meant to run every few minutes (cron, or a loop beside the
worker): expiry warnings a week ahead, modules that dripped open, and outbox emails whose delivery
failed or was never queued. Running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from notifications import scheduled


class Command(BaseCommand):
    help = "Queue expiry warnings and drip-unlock emails that are due, and retry undelivered emails."

    def handle(self, *args, **options):
        counts = scheduled.send_due_emails()
        self.stdout.write(
            f"Queued {counts['expiry_warning']} expiry warning(s) and {counts['drip_unlocked']} drip unlock(s); "
            f"retried {counts['retried']} undelivered email(s)."
        )
