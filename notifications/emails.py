"""The school's emails: rendered from a text and an HTML template each, written to the outbox
(OutgoingEmail) and delivered by a background task once the request's transaction commits, so a
slow or broken mail server never holds up or breaks a page.

Essential emails (welcome, password reset, access granted, certificate issued) always go; the others
follow the student's EmailPreference and carry a signed one-click unsubscribe link.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from home.school import school_settings

from .models import EmailPreference, OutgoingEmail

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


@dataclass(frozen=True)
class Kind:
    template: str  # emails/<template>.txt, .html and _subject.txt
    preference: str = ""  # the EmailPreference field that may turn it off; "" for essential emails


KINDS = {
    "welcome": Kind("welcome"),
    "password_reset": Kind("password_reset"),
    "access_granted": Kind("access_granted"),
    "certificate_issued": Kind("certificate_issued"),
    "purchase_receipt": Kind("purchase_receipt"),
    "purchase_refunded": Kind("purchase_refunded"),
    "expiry_warning": Kind("expiry_warning", preference="expiry_reminders"),
    "drip_unlocked": Kind("drip_unlocked", preference="drip_unlocks"),
}


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def wants(user, kind: Kind) -> bool:
    if not kind.preference:
        return True
    preference = EmailPreference.objects.filter(user=user).first()
    return preference is None or getattr(preference, kind.preference)


def unsubscribe_url(user, preference):
    token = signing.dumps({"user": user.pk, "preference": preference}, salt=UNSUBSCRIBE_SALT)
    return absolute(reverse("email_unsubscribe", args=[token]))


def read_unsubscribe_token(token):
    """(user id, preference field) from a link's token, or None when it was not made here."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("preference") not in {k.preference for k in KINDS.values()} - {""}:
        return None
    return data.get("user"), data["preference"]


def send(kind_name, user, context=None, *, once_key=""):
    """Queue the `kind_name` email to `user`; None when they have no address, turned this kind off,
    or (with `once_key`) were sent it before."""
    kind = KINDS[kind_name]
    if not user.email or not wants(user, kind):
        return None
    if once_key and OutgoingEmail.objects.filter(kind=kind_name, once_key=once_key).exists():
        return None
    context = {
        "school_name": school_settings().name,
        "user": user,
        "school_url": absolute("/"),
        "account_url": absolute(reverse("account")),
        **(context or {}),
    }
    headers = {}
    if kind.preference:
        context["unsubscribe_url"] = unsubscribe_url(user, kind.preference)
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    subject = " ".join(render_to_string(f"emails/{kind.template}_subject.txt", context).split())
    text = render_to_string(f"emails/{kind.template}.txt", context)
    html = render_to_string(f"emails/{kind.template}.html", context)
    return queue(kind_name, user.email, subject, text, html, user=user, once_key=once_key, headers=headers)


def queue(kind_name, to, subject, text, html="", *, user=None, once_key="", headers=None):
    """Write one email to the outbox and have it delivered after the transaction commits."""
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                kind=kind_name,
                once_key=once_key,
                user=user,
                to=to,
                subject=subject[:255],
                text=text,
                html=html,
                headers=headers or {},
            )
    except IntegrityError:
        return None  # the same once-only email, written by a run at the same moment
    transaction.on_commit(lambda: deliver_later(email.pk))
    return email


def deliver_later(email_id):
    from .tasks import deliver_email

    try:
        deliver_email.enqueue(email_id)
    except Exception:  # the queue is down: the email waits in the outbox for send_scheduled_emails
        logger.exception("Could not queue email %s; send_scheduled_emails will retry it.", email_id)


HOW_ACCESS_CAME = {
    "purchase": "with your purchase",
    "manual": "from the school",
    "cohort": "as a member of the cohort “{cohort}”",
    "bundle": "with the bundle “{bundle}”",
    "subscription": "with your membership",
    "enrollment": "because you enrolled",
}


def access_granted(access):
    """Tell the student how they got a course (after the grant commits)."""
    how = HOW_ACCESS_CAME.get(access.access_type, "").format(
        cohort=access.cohort.name if access.cohort_id else "",
        bundle=access.bundle_purchase.bundle.name if access.bundle_purchase_id else "",
    )
    context = {
        "course": access.course,
        "how": how,
        "expires_at": access.expires_at,
        "course_url": absolute(access.course.url),
    }
    return send("access_granted", access.user, context)


def certificate_issued(certificate):
    context = {"certificate": certificate, "verify_url": absolute(certificate.get_absolute_url())}
    return send("certificate_issued", certificate.user, context)


def welcome(user):
    context = {"catalog_url": absolute("/courses/"), "dashboard_url": absolute(reverse("dashboard"))}
    return send("welcome", user, context)


def purchase_receipt(purchase):
    context = {"purchase": purchase, "purchases_url": absolute(reverse("account") + "#purchases")}
    return send("purchase_receipt", purchase.user, context, once_key=f"receipt:{purchase.pk}")


def purchase_refunded(purchase):
    context = {"purchase": purchase, "purchases_url": absolute(reverse("account") + "#purchases")}
    return send(
        "purchase_refunded", purchase.user, context, once_key=f"refund:{purchase.pk}:{purchase.amount_refunded}"
    )
