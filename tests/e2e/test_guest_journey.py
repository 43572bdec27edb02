"""A guest finds a free lesson, meets a registered-only block, signs up from its prompt and reads it."""

import re

import pytest
from playwright.sync_api import expect

from courses.factories import course_tree, publish

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPEN_TEXT = "Every program has bugs nobody has found yet."
MEMBERS_TEXT = "Registered readers get the checklist of seven testing principles."


def test_guest_registers_from_a_locked_block_and_then_reads_it(journey):
    _course, (module,), _lessons = course_tree(
        title="Software Testing",
        lessons=[
            {
                "title": "Why software fails",
                "access_level": "guest",
                "body": [
                    {"type": "text", "value": {"audience": "guest", "text": f"<p>{OPEN_TEXT}</p>"}},
                    {"type": "text", "value": {"audience": "registered", "text": f"<p>{MEMBERS_TEXT}</p>"}},
                ],
            }
        ],
    )
    module.title = "Foundations"
    module.description = "Why testing matters and what it can and cannot prove."
    publish(module)
    page = journey.open()

    page.goto("/courses/")
    page.get_by_role("link", name="Software Testing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Software Testing")
    expect(page.get_by_text("Why testing matters and what it can and cannot prove.")).to_be_visible()
    page.get_by_role("link", name="Why software fails").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Why software fails")
    expect(page.get_by_text(OPEN_TEXT)).to_be_visible()
    locked = page.locator(".lesson-body .locked")
    expect(locked).to_contain_text("Text for registered users.")
    expect(page.get_by_text(MEMBERS_TEXT)).to_have_count(0)
    lesson_url = page.url

    locked.get_by_role("link", name="register for free").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your free account")
    page.get_by_label("Username").fill("newreader")
    page.get_by_label("Email").fill("newreader@example.com")
    page.get_by_label("First name").fill("Nia")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label(re.compile(r"^Password:?$")).fill("correct-horse-battery-staple")
    page.get_by_label("Password confirmation").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Register").click()

    expect(page).to_have_url(lesson_url)
    expect(page.get_by_text("Hi, Nia")).to_be_visible()
    expect(page.get_by_text(MEMBERS_TEXT)).to_be_visible()
    expect(page.locator(".lesson-body .locked")).to_have_count(0)
    journey.finish()
