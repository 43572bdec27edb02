"""Delivering the outbox's emails (django-tasks: the database queue and `db_worker` in production)."""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def retry_delay(attempts):
    """1, 4, 16, 64 minutes."""
    return timedelta(minutes=4 ** (attempts - 1))


@task()
def deliver_email(email_id):
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or email.status == OutgoingEmail.Status.SENT or email.attempts >= MAX_ATTEMPTS:
        return
    message = EmailMultiAlternatives(email.subject, email.text, to=[email.to], headers=email.headers)
    if email.html:
        message.attach_alternative(email.html, "text/html")
    email.attempts += 1
    try:
        message.send()
    except Exception as error:  # SMTP refusals, timeouts, a server that is down: all retried
        email.status, email.last_error = OutgoingEmail.Status.FAILED, f"{type(error).__name__}: {error}"[:255]
        email.save(update_fields=["status", "last_error", "attempts"])
        logger.warning("Email %s (%s) failed, attempt %s: %s", email.pk, email.kind, email.attempts, error)
        if email.attempts < MAX_ATTEMPTS and default_task_backend.supports_defer:
            deliver_email.using(run_after=timezone.now() + retry_delay(email.attempts)).enqueue(email.pk)
        return
    email.status, email.sent_at, email.last_error = OutgoingEmail.Status.SENT, timezone.now(), ""
    email.save(update_fields=["status", "sent_at", "last_error", "attempts"])
