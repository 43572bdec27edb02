"""Module 1, lesson "Where Testing Fits": one business rule tested at three test levels.

The rule (StayFinder, a hotel booking site):
    "Cancellation is free until 24 hours before check-in. After that, the guest pays
    the price of the first night."

1. Component level: cancellation_fee() on its own. Runs anywhere, in milliseconds.
2. Integration level: the bookings API and the payments service together, over HTTP.
3. System level: the whole site in a real browser, as a guest would use it.

Levels 2 and 3 need a running StayFinder test environment, so they are skipped unless
you point them at one. Only level 1 runs on your laptop:

    pip install pytest requests pytest-playwright
    playwright install chromium
    pytest -v test_cancellation_levels.py
    STAYFINDER_URL=https://staging.stayfinder.example pytest -v test_cancellation_levels.py

(staging.stayfinder.example is a made-up address: use your own team's test environment.)
"""

import os
from decimal import Decimal

import pytest

FREE_CANCELLATION_HOURS = 24
BASE_URL = os.environ.get("STAYFINDER_URL", "")
needs_environment = pytest.mark.skipif(not BASE_URL, reason="set STAYFINDER_URL to a test environment")


def cancellation_fee(hours_before_check_in: float, first_night: Decimal) -> Decimal:
    """What a guest pays for cancelling `hours_before_check_in` hours before check-in."""
    if hours_before_check_in >= FREE_CANCELLATION_HOURS:
        return Decimal("0.00")
    return first_night


# 1. Component tests: the boundary is exactly 24 hours.
@pytest.mark.parametrize(
    ("hours", "expected"),
    [(72, "0.00"), (24, "0.00"), (23.99, "120.00"), (2, "120.00")],
    ids=["three-days", "exactly-24h", "just-under-24h", "same-day"],
)
def test_cancellation_fee(hours, expected):
    assert cancellation_fee(hours, Decimal("120.00")) == Decimal(expected)


# 2. Integration test: does the bookings service tell the payments service the right refund?
@needs_environment
def test_cancel_api_requests_full_refund():
    import requests

    booking = requests.post(
        f"{BASE_URL}/api/test-data/bookings",
        json={"check_in_in_hours": 48, "nights": 2, "nightly_rate": "120.00"},
        timeout=10,
    ).json()
    response = requests.post(f"{BASE_URL}/api/bookings/{booking['id']}/cancel", timeout=10)
    assert response.status_code == 200
    assert response.json()["refund"] == "240.00"
    refund = requests.get(f"{BASE_URL}/api/payments/refunds", params={"booking": booking["id"]}, timeout=10)
    assert refund.json()[0]["amount"] == "240.00"


# 3. System test: the guest's view, in a real browser (the page fixture comes from pytest-playwright).
@needs_environment
def test_guest_cancels_and_sees_full_refund(page):
    from playwright.sync_api import expect

    page.goto(f"{BASE_URL}/login")
    page.get_by_label("Email").fill("guest.free@example.com")
    page.get_by_label("Password").fill("Test-Password-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="My bookings").click()
    page.get_by_role("button", name="Cancel booking").first.click()
    page.get_by_role("button", name="Yes, cancel").click()
    expect(page.get_by_role("status")).to_contain_text("Refund: $240.00")
