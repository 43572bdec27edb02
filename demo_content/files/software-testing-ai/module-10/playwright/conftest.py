"""Fixtures for the Playwright examples (Module 10, lesson 4).

pytest-playwright already provides browser, context and page. These fixtures add a logged-in
shopper. Logging in through the API takes milliseconds; the login UI has its own test.

Setup:  python -m pip install pytest-playwright
        python -m playwright install chromium        (Linux CI: add --with-deps)
Run:    python -m pytest -v                          (TrailMart must be running)
        python -m pytest --headed --slowmo 300       (watch it)
        python -m pytest --browser chromium --browser firefox
"""

import pytest
from playwright.sync_api import Page

SHOPPER = {"email": "shopper@trailmart.test", "password": "Trail-2026!"}


@pytest.fixture
def logged_in(page: Page) -> Page:
    """A page whose browser context holds a shopper's session cookie, not yet on any shop page."""
    response = page.request.post("/api/login", data=SHOPPER)  # shares cookies with the page
    assert response.ok, f"API login failed: {response.status} {response.text()}"
    return page


@pytest.fixture
def shopper(logged_in: Page) -> Page:
    """A logged-in shopper on the products page."""
    logged_in.goto("/products")
    return logged_in
