"""An admin grants a student a course from the Access menu, then revokes it: the student's pages
follow at once, and an exam attempt opened before the revocation cannot be submitted."""

import re

import pytest
from playwright.sync_api import expect

from access.factories import UserFactory
from access.models import CourseAccess
from courses.factories import course_tree
from quizzes.factories import QuizFactory, single_choice
from quizzes.models import Certificate, QuizAttempt

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LESSON_TEXT = "Start every threat model from the data flow diagram."


def test_admin_grants_then_revokes_access_and_the_open_exam_attempt_is_refused(journey):
    exam = QuizFactory(
        title="Security final exam",
        questions=[single_choice("Which comes first?", options=(("A data flow diagram", True), ("A pentest", False)))],
    )
    course, _modules, (lesson,) = course_tree(
        title="Security Testing",
        has_certificate=True,
        lessons=[
            {
                "title": "Threat modelling",
                "access_level": "enrolled",
                "body": [{"type": "text", "value": {"audience": "enrolled", "text": f"<p>{LESSON_TEXT}</p>"}}],
            }
        ],
    )
    course.final_exam = exam
    course.save_revision().publish()
    UserFactory(username="ada", first_name="Ada", is_superuser=True, is_staff=True)
    student = UserFactory(username="sid", first_name="Sid")

    learner = journey.open()
    journey.log_in(learner, "sid")
    learner.goto("/courses/")
    expect(learner.get_by_role("region", name="My courses")).to_have_count(0)
    expect(learner.get_by_role("link", name="Security Testing")).to_be_visible()

    admin = journey.open()
    journey.log_in(admin, "ada", path="/admin/login/")
    admin.get_by_role("button", name="Access").click()
    admin.get_by_role("link", name="Grant access").click()
    expect(admin.get_by_role("heading", name="Grant course access")).to_be_visible()
    admin.get_by_label("Student").fill("sid")
    admin.get_by_label("Course").select_option(label="Security Testing")
    admin.get_by_role("button", name="Grant access").click()
    expect(admin.get_by_text("Access to “Security Testing” granted to sid.")).to_be_visible()
    assert CourseAccess.objects.get(user=student, course=course).granted_by.username == "ada"

    learner.reload()
    mine = learner.get_by_role("region", name="My courses")
    expect(mine.get_by_role("link", name="Security Testing")).to_be_visible()
    mine.get_by_role("link", name="Security Testing").click()
    learner.get_by_role("link", name="Threat modelling").click()
    expect(learner.get_by_text(LESSON_TEXT)).to_be_visible()
    learner.get_by_role("button", name="Mark complete").click()
    expect(learner.get_by_text("“Threat modelling” is complete.")).to_be_visible()
    learner.get_by_role("link", name="Final exam: Security final exam").click()
    learner.get_by_role("button", name="Start").click()
    expect(learner.get_by_role("button", name="Submit answers")).to_be_visible()
    exam_url = learner.url

    access_row = admin.locator("table.listing").first.locator("tbody tr", has_text="Security Testing")
    expect(access_row).to_contain_text("Active")
    access_row.get_by_role("link", name="Revoke").click()
    admin.get_by_label("Reason").fill("Order refunded")
    admin.get_by_role("button", name="Revoke access").click()
    expect(admin.get_by_text("Access of sid to “Security Testing” revoked.")).to_be_visible()
    expect(access_row).to_contain_text("Revoked")
    expect(access_row).to_contain_text("Order refunded")

    # The student's next page load, in another tab: the lesson is locked again.
    other_tab = learner.context.new_page()
    other_tab.goto(lesson.url)
    expect(other_tab.get_by_role("heading", name="For enrolled students")).to_be_visible()
    expect(other_tab.get_by_text(LESSON_TEXT)).to_have_count(0)
    other_tab.close()

    # The exam form opened before the revocation, answered correctly, cannot be submitted.
    learner.bring_to_front()
    learner.get_by_label("A data flow diagram").check()
    with learner.expect_response(lambda r: r.request.method == "POST" and r.url == exam_url) as submitted:
        learner.get_by_role("button", name="Submit answers").click()
    assert submitted.value.status == 403
    expect(learner.locator("main")).to_contain_text(re.compile("access was revoked", re.IGNORECASE))
    expect(learner.get_by_text("correct answer")).to_have_count(0)
    assert not Certificate.objects.filter(user=student).exists()
    assert not QuizAttempt.objects.filter(user=student, passed=True).exists()
    journey.finish()
