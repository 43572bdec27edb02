"""Starter UI test for ReelHouse with pytest-playwright (Module 16 capstone).

Run: python -m pytest tests/ui --browser chromium
In CI add: --tracing retain-on-failure --screenshot only-on-failure --output test-results
Keep UI tests few: the journeys a customer cannot live without. Prices and rules belong in the API suite.
"""

import re

from playwright.sync_api import Page, expect


def log_in(page: Page, email="alex@reelhouse.test", password="Popcorn-2026!"):
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Logged in as")).to_be_visible()


def test_customer_books_two_seats_and_sees_the_confirmation(page: Page):
    log_in(page)
    page.get_by_role("link", name="See showings").first.click()
    page.get_by_test_id("showing").first.get_by_role("link").click()
    page.get_by_test_id("seat-D5").check()
    page.get_by_test_id("seat-D6").check()
    page.get_by_label("Adults").fill("2")
    page.get_by_role("button", name="Book seats").click()

    expect(page).to_have_url(re.compile(r"/bookings/RH-\d+$"))
    expect(page.get_by_test_id("seats")).to_have_text("Seats: D5, D6")
    expect(page.get_by_test_id("total")).to_have_text("Total: $25.50")


def test_taken_seats_cannot_be_selected(page: Page):
    page.goto("/showings/101")
    expect(page.get_by_test_id("seat-A1")).to_be_disabled()
    expect(page.get_by_test_id("seat-A5")).to_be_enabled()
