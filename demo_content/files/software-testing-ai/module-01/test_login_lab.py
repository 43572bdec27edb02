"""Module 1 lab, stretch goal: three of your login test ideas as automated Playwright checks.

Start the practice app in one terminal, run the tests in another:

    python login_practice_app.py
    pip install pytest-playwright
    playwright install chromium
    pytest -v test_login_lab.py                  # add --headed to watch the browser

Two of these tests fail on purpose, because the practice app has the defects they look for.
A failing test that matches a broken rule of the specification is a finding: write it up
as a bug report. Change LOGIN_URL if you started the app on another port.

Note: the app enables the Log in button on key presses only, so these tests type with
press_sequentially() instead of fill(). fill() sets the value the way a paste or a password
manager does, and then the button stays disabled: that is one of the planted defects.
"""

import os
import re

from playwright.sync_api import Page, expect

LOGIN_URL = os.environ.get("LOGIN_URL", "http://localhost:8001/login")
SIXTY_FOUR = "Sixty-four-characters-long-password-for-boundary-tests-2025-ok!!"


def log_in(page: Page, email: str, password: str) -> None:
    page.get_by_label("Email").press_sequentially(email)
    page.locator("#password").press_sequentially(password)
    page.get_by_role("button", name="Log in").click()


def test_login_returns_to_the_page_the_user_came_from(page: Page):
    page.goto(LOGIN_URL + "?next=/orders")
    log_in(page, "sam@example.com", "Correct-Horse-42")
    expect(page).to_have_url(re.compile(r"/orders$"))
    expect(page.get_by_role("heading", name="Your orders")).to_be_visible()


def test_password_of_64_characters_is_accepted(page: Page):
    assert len(SIXTY_FOUR) == 64
    page.goto(LOGIN_URL)
    log_in(page, "long@example.com", SIXTY_FOUR)
    expect(page.get_by_role("heading", name="Hi Lee")).to_be_visible()


def test_unknown_email_gets_the_same_message_as_a_wrong_password(page: Page):
    page.goto(LOGIN_URL)
    log_in(page, "nobody@example.com", "Any-Password-1")
    expect(page.get_by_role("alert")).to_have_text("Email or password is incorrect.")
