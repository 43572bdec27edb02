"""Background work for quizzes (django-tasks, which Wagtail already uses)."""

from django_tasks import task

from . import accredible
from .models import Certificate, QuizDraftRequest


@task()
def issue_accredible_credential(certificate_id):
    """Mirror a certificate on Accredible; a failure is kept on the certificate for admins to see."""
    certificate = Certificate.objects.select_related("user").get(pk=certificate_id)
    if certificate.accredible_credential_id or not accredible.is_configured():
        return
    try:
        credential_id, url = accredible.issue_credential(
            recipient_name=certificate.holder_name,
            recipient_email=certificate.user.email,
            course_title=certificate.course_title,
            issued_on=certificate.issued_at.date(),
        )
    except accredible.AccredibleError as error:
        certificate.accredible_error = str(error)[:255]
        certificate.save(update_fields=["accredible_error"])
        return
    certificate.accredible_credential_id, certificate.accredible_url = credential_id, url[:200]
    certificate.accredible_error = ""
    certificate.save(update_fields=["accredible_credential_id", "accredible_url", "accredible_error"])


@task()
def draft_quiz_task(draft_request_id):
    """Draft a quiz with AI for one QuizDraftRequest; the request records the outcome."""
    from .drafting import draft_quiz

    draft_quiz(QuizDraftRequest.objects.select_related("lesson").get(pk=draft_request_id))
