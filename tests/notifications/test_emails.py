"""The school's emails: what each says, when it is sent, never twice, never inside the request, and
the one-click way out of the optional ones."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from access.factories import CohortFactory, UserFactory
from access.models import CourseAccess
from access.services import grant_course_access, join_cohort
from courses.factories import ModulePageFactory, course_tree, publish
from notifications.models import EmailPreference, OutgoingEmail
from quizzes.factories import certify

# Emails leave once the request's transaction commits, so these tests let it commit.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery"


def sign_up(client, **overrides):
    data = {
        "username": "nia",
        "email": "nia@example.com",
        "first_name": "Nia",
        "last_name": "Okafor",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/register/", data)


def scheduled_run():
    call_command("send_scheduled_emails", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_sign_up_sends_a_welcome_in_text_and_html(client):
    sign_up(client)
    (message,) = mail.outbox
    assert message.to == ["nia@example.com"]
    assert "Welcome to" in message.subject
    assert "Your username is nia." in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Browse the courses" in html


def test_access_granted_says_how_it_came(client):
    course, _modules, _lessons = course_tree(title="Test Design")
    student = UserFactory(email="sam@example.com")
    join_cohort(user=student, cohort=CohortFactory(name="Spring cohort", courses=[course]))
    (message,) = mail.outbox
    assert message.subject == "You now have access to Test Design"
    assert "as a member of the cohort “Spring cohort”" in message.body


def test_a_renewal_sends_no_second_access_email(client):
    course, _modules, _lessons = course_tree()
    student = UserFactory(email="sam@example.com")
    grant_course_access(user=student, course=course)
    grant_course_access(user=student, course=course)
    assert len(mail.outbox) == 1


def test_a_certificate_email_carries_its_verification_link(client):
    course, _modules, _lessons = course_tree(title="Exploratory Testing")
    student = UserFactory(email="sam@example.com")
    certificate = certify(user=student, course=course)
    message = mail.outbox[-1]
    assert "Exploratory Testing" in message.subject
    assert f"http://testserver/certificates/{certificate.number}/" in message.body


def test_an_expiry_warning_goes_a_week_ahead_and_only_once():
    course, _modules, _lessons = course_tree(title="API Testing")
    student = UserFactory(email="sam@example.com")
    grant_course_access(user=student, course=course, expires_at=timezone.now() + timedelta(days=6))
    grant_course_access(
        user=UserFactory(email="later@example.com"), course=course, expires_at=timezone.now() + timedelta(days=30)
    )
    mail.outbox.clear()

    scheduled_run()
    scheduled_run()

    (message,) = mail.outbox
    assert message.to == ["sam@example.com"]
    assert message.subject.startswith("Your access to API Testing ends on")


def test_an_expiry_warning_carries_a_one_click_unsubscribe():
    course, _modules, _lessons = course_tree()
    grant_course_access(
        user=UserFactory(email="sam@example.com"), course=course, expires_at=timezone.now() + timedelta(days=2)
    )
    mail.outbox.clear()
    scheduled_run()
    (message,) = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.search(r"http://testserver/email/unsubscribe/[^/\s]+/", message.body)


def test_a_student_who_turned_reminders_off_gets_none():
    course, _modules, _lessons = course_tree()
    student = UserFactory(email="sam@example.com")
    EmailPreference.objects.create(user=student, expiry_reminders=False)
    grant_course_access(user=student, course=course, expires_at=timezone.now() + timedelta(days=2))
    mail.outbox.clear()
    scheduled_run()
    assert mail.outbox == []


def test_a_module_that_dripped_open_today_is_announced_once():
    course, _modules, _lessons = course_tree(title="Drip course", access_duration_type="drip")
    publish(ModulePageFactory(parent=course, title="Week two", drip_days=7))
    publish(ModulePageFactory(parent=course, title="Week three", drip_days=14))
    student = UserFactory(email="sam@example.com")
    grant_course_access(user=student, course=course)
    CourseAccess.objects.filter(user=student).update(granted_at=timezone.now() - timedelta(days=7, hours=1))
    mail.outbox.clear()

    scheduled_run()
    scheduled_run()

    (message,) = mail.outbox
    assert message.subject == "A new module of Drip course is open: Week two"


def test_the_unsubscribe_link_turns_the_reminders_off_without_a_login(client):
    course, _modules, _lessons = course_tree()
    student = UserFactory(email="sam@example.com")
    grant_course_access(user=student, course=course, expires_at=timezone.now() + timedelta(days=2))
    mail.outbox.clear()
    scheduled_run()
    link = re.search(r"http://testserver(/email/unsubscribe/[^/\s]+/)", mail.outbox[0].body).group(1)

    assert "Stop reminders" in client.get(link).content.decode()  # a look does not unsubscribe
    assert EmailPreference.objects.filter(user=student).first() is None
    assert "You are unsubscribed" in client.post(link).content.decode()
    assert EmailPreference.objects.get(user=student).expiry_reminders is False


def test_a_forged_unsubscribe_link_changes_nothing(client):
    assert client.post("/email/unsubscribe/not-a-real-token/").status_code == 404
    assert not EmailPreference.objects.exists()


def test_a_mail_server_that_is_down_breaks_no_page_and_the_email_is_retried(client, settings):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.MailServerDown"
    response = sign_up(client)
    assert response.status_code == 302  # signed up and logged in all the same
    email = OutgoingEmail.objects.get(kind="welcome")
    assert email.status == "failed" and "Connection refused" in email.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    scheduled_run()

    email.refresh_from_db()
    assert email.status == "sent" and len(mail.outbox) == 1


def test_under_the_task_queue_no_email_is_sent_inside_the_request(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sign_up(client)
    assert mail.outbox == []
    assert OutgoingEmail.objects.get(kind="welcome").status == "pending"
    assert DBTaskResult.objects.filter(task_path="notifications.tasks.deliver_email").exists()


def test_a_scheduled_run_after_everything_was_sent_costs_the_same_however_many_students():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.scheduled import send_due_emails

    course, _modules, _lessons = course_tree(title="Drip course", access_duration_type="drip")
    publish(ModulePageFactory(parent=course, title="Week two", drip_days=7))

    def enrol(count):
        for _ in range(count):
            grant_course_access(user=UserFactory(), course=course, expires_at=timezone.now() + timedelta(days=3))
        CourseAccess.objects.update(granted_at=timezone.now() - timedelta(days=7, hours=1))
        send_due_emails()  # everything due is sent

    def queries_of_a_quiet_run():
        with CaptureQueriesContext(connection) as queries:
            send_due_emails()
        return len(queries)

    enrol(2)
    few = queries_of_a_quiet_run()
    enrol(8)
    assert queries_of_a_quiet_run() <= few
