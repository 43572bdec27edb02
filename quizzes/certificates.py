"""Certificates: numbers nobody can guess, a hash over what they state, issuing (only to students
with access), revoking, Accredible, and the trophies that count them."""

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications import emails

from .models import Certificate
from .services import QuizAccessEnded, QuizError, live_exam

# Crockford's base 32: no I, L, O or U, so a number read aloud or retyped is not misread.
CERTIFICATE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TROPHY_TIERS = [("Bronze", 1), ("Silver", 2), ("Gold", 3), ("Platinum", 5), ("Diamond", 10), ("Ultimate", 20)]


def new_certificate_number():
    """LS-XXXX-XXXX-XXXX: 60 random bits, neither sequential nor guessable."""
    groups = ("".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(4)) for _ in range(3))
    return "LS-" + "-".join(groups)


def certificate_hash(certificate):
    """SHA-256 over what the certificate states; verification recomputes it to detect altered records."""
    statement = "|".join(
        [
            certificate.number,
            str(certificate.original_user_id or certificate.user_id),
            str(certificate.course_id or ""),
            certificate.holder_name,
            certificate.course_title,
            certificate.issued_at.isoformat(),
        ]
    )
    return hashlib.sha256(statement.encode("utf-8")).hexdigest()


def holder_display_name(user):
    return user.get_full_name().strip() or user.username


def find_certificate(number):
    """The certificate with this number (typed in any case), or None."""
    return (
        Certificate.objects.filter(number=(number or "").strip().upper())
        .select_related("course", "user__deleted_account")
        .first()
    )


def is_genuine(certificate):
    return certificate.verification_hash == certificate_hash(certificate)


@transaction.atomic
def issue_certificate(*, user, course, attempt=None):
    """The student's valid certificate for `course`, issued now unless they already hold one.

    Only a student with access to the course now is certified, whatever path asks for it.
    """
    from access.selectors import has_course_access

    entitled, _record, reason = has_course_access(user, course)
    if not entitled:
        raise QuizAccessEnded(f"{reason} Certificates are issued to students with access to the course.")
    existing = Certificate.objects.valid().filter(user=user, course=course).first()
    if existing is not None:
        return existing
    for _try in range(5):
        certificate = Certificate(
            user=user,
            course=course,
            holder_name=holder_display_name(user),
            course_title=course.title,
            number=new_certificate_number(),
            issued_at=timezone.now(),
            attempt=attempt,
        )
        certificate.verification_hash = certificate_hash(certificate)
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            existing = Certificate.objects.valid().filter(user=user, course=course).first()
            if existing is not None:
                return existing  # issued by a simultaneous request
            continue  # a number collision, however unlikely: draw another
        transaction.on_commit(lambda issued=certificate: send_to_accredible(issued))
        transaction.on_commit(lambda issued=certificate: emails.certificate_issued(issued))
        return certificate
    raise RuntimeError("Could not draw a unique certificate number.")


def issue_certificate_if_earned(user, course):
    """A course with a certificate and no exam certifies every student with access who completes it
    (every lesson, every required quiz)."""
    from access.selectors import has_course_access
    from courses.services import course_progress

    if course is None or not course.has_certificate or live_exam(course) is not None:
        return None
    if not has_course_access(user, course)[0]:
        return None
    if course_progress(user, course).is_complete:
        return issue_certificate(user=user, course=course)
    return None


@transaction.atomic
def revoke_certificate(*, certificate, revoked_by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise QuizError("A reason is required to revoke a certificate.")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at:
        raise QuizError("This certificate is already revoked.")
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = revoked_by
    certificate.revocation_reason = reason[:255]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return certificate


def send_to_accredible(certificate):
    """Also issue the certificate on Accredible when ACCREDIBLE_API_KEY is set (in the background)."""
    if getattr(settings, "ACCREDIBLE_API_KEY", ""):
        from .tasks import issue_accredible_credential

        issue_accredible_credential.enqueue(certificate.pk)


@dataclass
class TrophyShelf:
    earned: list
    next_tier: str | None
    certificates: int
    needed_for_next: int | None

    @property
    def progress_percent(self):
        if not self.needed_for_next:
            return 100
        return min(100, round(self.certificates * 100 / self.needed_for_next))


def trophy_shelf(certificate_count):
    """Trophies earned for `certificate_count` valid certificates, and how far the next one is."""
    earned = [name for name, needed in TROPHY_TIERS if certificate_count >= needed]
    upcoming = [(name, needed) for name, needed in TROPHY_TIERS if certificate_count < needed]
    next_tier, needed = upcoming[0] if upcoming else (None, None)
    return TrophyShelf(earned, next_tier, certificate_count, needed)
