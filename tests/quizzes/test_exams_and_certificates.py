"""A course's final exam unlocks when the course is done; passing it earns a certificate anyone can verify."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from access.factories import UserFactory
from access.models import CourseAccess
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import UserProgress
from quizzes.certificates import certificate_hash, revoke_certificate, trophy_shelf
from quizzes.factories import QuizFactory, certify, single_choice
from quizzes.models import Certificate, QuizAttempt
from quizzes.services import QuizError, start_attempt, submit_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def exam_course():
    exam = QuizFactory(title="Final exam", questions=[single_choice()])
    course, _modules, lessons = course_tree(
        title="Testing 101", has_certificate=True, lessons=[{"title": "One"}, {"title": "Two"}]
    )
    course.final_exam = exam
    course.save_revision().publish()
    return course, lessons, exam


@pytest.fixture
def student(client):
    user = UserFactory(first_name="Ada", last_name="Lovelace")
    client.force_login(user)
    return user


def complete(user, lessons):
    for lesson in lessons:
        UserProgress.objects.update_or_create(
            user=user, lesson=lesson, defaults={"completed": True, "status": "completed"}
        )


def pass_exam(client, course, exam):
    client.post(course.url + "exam/", {"action": "start"})
    attempt = QuizAttempt.objects.get(status="in_progress")
    question = list(exam.questions)[0]
    right = next(iter(question.block.correct_option_ids(question.value)))
    client.post(course.url + "exam/", {"action": "submit", "attempt": attempt.pk, f"q-{question.id}": right})
    return QuizAttempt.objects.get(pk=attempt.pk)


def test_exam_is_locked_until_every_lesson_is_complete(client, student, exam_course):
    course, lessons, _exam = exam_course
    grant_course_access(user=student, course=course)
    complete(student, lessons[:1])
    html = client.get(course.url + "exam/").content.decode()
    assert "Complete every lesson first: 1 of 2 done." in html
    client.post(course.url + "exam/", {"action": "start"})
    assert not QuizAttempt.objects.exists()


def test_exam_waits_for_its_unlock_days(client, student, exam_course):
    course, lessons, _exam = exam_course
    course.exam_unlock_days = 14
    course.save_revision().publish()
    grant_course_access(user=student, course=course)
    complete(student, lessons)
    opens = timezone.now() + timedelta(days=14)
    assert f"The exam unlocks on {opens:%-d %B %Y}" in client.get(course.url + "exam/").content.decode()
    CourseAccess.objects.filter(user=student).update(granted_at=timezone.now() - timedelta(days=15))
    assert "Start" in client.get(course.url + "exam/").content.decode()


def test_exam_needs_access_to_the_course(client, student, exam_course):
    course, lessons, _exam = exam_course
    complete(student, lessons)
    assert "Enroll in the course to take its final exam." in client.get(course.url + "exam/").content.decode()


def test_passing_the_exam_issues_a_certificate_linked_to_the_attempt(client, student, exam_course):
    course, lessons, exam = exam_course
    grant_course_access(user=student, course=course)
    complete(student, lessons)
    attempt = pass_exam(client, course, exam)
    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.course, certificate.attempt) == (student, course, attempt)
    assert certificate.holder_name == "Ada Lovelace" and certificate.verification_hash == certificate_hash(certificate)
    assert certificate.number in client.get(course.url + "exam/attempts/1/").content.decode()


def test_failing_the_exam_issues_nothing(client, student, exam_course):
    course, lessons, _exam = exam_course
    grant_course_access(user=student, course=course)
    complete(student, lessons)
    client.post(course.url + "exam/", {"action": "start"})
    attempt = QuizAttempt.objects.get()
    client.post(course.url + "exam/", {"action": "submit", "attempt": attempt.pk})
    assert not Certificate.objects.exists()


def test_completing_a_course_without_an_exam_issues_its_certificate(client, student):
    course, _modules, [only] = course_tree(has_certificate=True, lessons=[{"title": "Only lesson"}])
    grant_course_access(user=student, course=course)
    client.post(only.url + "complete/")
    assert Certificate.objects.get().course == course


def test_completing_a_course_without_a_certificate_issues_none(client, student):
    course, _modules, [only] = course_tree(has_certificate=False, lessons=[{"title": "Only lesson"}])
    grant_course_access(user=student, course=course)
    client.post(only.url + "complete/")
    assert not Certificate.objects.exists()


def test_certificate_numbers_are_unique_and_not_sequential(student):
    numbers = [certify(user=UserFactory(), course=course_tree(title=f"C{n}")[0]).number for n in range(3)]
    assert len(set(numbers)) == 3
    assert all(number.startswith("LS-") and len(number) == 17 for number in numbers)
    assert sorted(numbers) != numbers or sorted(numbers, reverse=True) != numbers


def test_issuing_twice_gives_the_same_certificate(student):
    course = course_tree()[0]
    assert certify(user=student, course=course) == certify(user=student, course=course)


def test_anyone_can_verify_a_certificate_and_learns_only_name_course_and_date(client, student):
    course = course_tree(title="Testing 101")[0]
    certificate = certify(user=student, course=course)
    client.logout()
    html = client.get(f"/certificates/{certificate.number.lower()}/").content.decode()
    assert "Valid." in html and "Ada Lovelace" in html and "Testing 101" in html
    assert student.email not in html and student.username not in html
    assert "Download PDF" not in html


def test_unknown_certificate_number_says_so(client):
    response = client.get("/certificates/LS-0000-0000-0000/")
    assert response.status_code == 404
    assert "No certificate with this number" in response.content.decode()


def test_a_tampered_record_does_not_verify(client, student):
    certificate = certify(user=student, course=course_tree()[0])
    Certificate.objects.filter(pk=certificate.pk).update(holder_name="Someone Else")
    assert "does not match its verification hash" in client.get(certificate.get_absolute_url()).content.decode()


def test_revoked_certificate_verifies_as_revoked(client, student):
    certificate = certify(user=student, course=course_tree()[0])
    revoke_certificate(certificate=certificate, revoked_by=UserFactory(is_superuser=True), reason="Cheating")
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Revoked" in html and "Valid." not in html


def test_revoking_needs_a_reason(student):
    certificate = certify(user=student, course=course_tree()[0])
    with pytest.raises(QuizError, match="A reason is required"):
        revoke_certificate(certificate=certificate, revoked_by=None, reason=" ")


def test_holder_downloads_a_pdf_with_the_number(client, student):
    certificate = certify(user=student, course=course_tree(title="Testing 101")[0])
    response = client.get(f"/certificates/{certificate.number}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    import io

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert certificate.number in text and "Ada Lovelace" in text and "Testing 101" in text


def test_others_cannot_download_someone_else_s_certificate(client, student):
    certificate = certify(user=student, course=course_tree()[0])
    client.force_login(UserFactory())
    assert client.get(f"/certificates/{certificate.number}/pdf/").status_code == 404
    assert client.get(f"/certificates/{certificate.number}/print/").status_code == 404


def test_holder_gets_a_print_page_and_a_linkedin_link(client, student):
    certificate = certify(user=student, course=course_tree(title="Testing 101")[0])
    assert "Certificate of Completion" in client.get(f"/certificates/{certificate.number}/print/").content.decode()
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Testing+101" in html


def test_admin_with_the_permission_revokes_a_certificate_with_a_reason(client, student):
    certificate = certify(user=student, course=course_tree()[0])
    admin = UserFactory()
    admin.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="revoke_certificate")
    )
    client.force_login(admin)
    response = client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": ""})
    assert "This field is required." in response.content.decode()
    client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "Identity fraud"})
    certificate.refresh_from_db()
    assert (certificate.revocation_reason, certificate.revoked_by) == ("Identity fraud", admin)


def test_editors_cannot_revoke_certificates(client, student, editor):
    certificate = certify(user=student, course=course_tree()[0])
    client.force_login(editor)
    client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "No"})
    certificate.refresh_from_db()
    assert certificate.is_valid


@pytest.mark.parametrize(
    ("count", "earned", "next_tier"),
    [
        (0, [], "Bronze"),
        (1, ["Bronze"], "Silver"),
        (4, ["Bronze", "Silver", "Gold"], "Platinum"),
        (20, ["Bronze", "Silver", "Gold", "Platinum", "Diamond", "Ultimate"], None),
    ],
)
def test_trophies_follow_the_number_of_certificates(count, earned, next_tier):
    shelf = trophy_shelf(count)
    assert (shelf.earned, shelf.next_tier) == (earned, next_tier)


def test_trophy_progress_counts_towards_the_next_tier():
    assert trophy_shelf(4).progress_percent == 80


def test_an_exam_attempt_cannot_be_scored_by_someone_else(student, exam_course):
    course, _lessons, exam = exam_course
    grant_course_access(user=student, course=course)
    attempt = start_attempt(user=student, quiz=exam, course=course, is_exam=True)
    with pytest.raises(QuizError, match="not yours"):
        submit_attempt(attempt=attempt, user=UserFactory(), answers={})


def test_course_page_links_its_final_exam(client, student, exam_course):
    course, _lessons, _exam = exam_course
    html = client.get(course.url).content.decode()
    assert f'href="{course.url}exam/"' in html and "Pass it to earn your certificate." in html
