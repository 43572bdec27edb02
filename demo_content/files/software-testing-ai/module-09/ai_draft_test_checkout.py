"""An AI assistant's first draft of checkout tests for the Sauce Labs demo shop, unreviewed.

Module 9, lesson "AI Coding Assistants for Automation". Kept exactly as generated from the prompt
"Write Playwright pytest tests: log in to saucedemo.com, add the backpack, check out, and check a
locked-out user cannot log in." It looks finished. It contains at least eight problems: review it
with ai-code-review-checklist.md before you open test_checkout_reviewed.py.
"""

import time

from playwright.sync_api import expect


def test_login(page):
    page.goto("https://www.saucedemo.com/")
    page.fill("#user-name", "standard_user")
    page.fill("#password", "secret_sauce")
    page.click("#login-button")
    time.sleep(3)
    expect(page).to_have_url_containing("inventory")


def test_add_backpack_to_cart(page):
    page.goto("https://www.saucedemo.com/inventory.html")
    page.click("/html/body/div/div/div/div[2]/div/div/div/div[1]/div[2]/div[2]/button")
    assert page.is_visible(".shopping_cart_badge")


def test_checkout(page):
    page.goto("https://www.saucedemo.com/cart.html")
    page.click("text=Checkout")
    page.fill("#first-name", "John")
    page.fill("#last-name", "Smith")
    page.fill("#postal-code", "90210")
    page.click("#continue")
    page.click("#finish")
    assert "THANK YOU FOR YOUR ORDER" in page.content()


def test_locked_out_user(page):
    page.goto("https://www.saucedemo.com/")
    page.fill("#user-name", "locked_out_user")
    page.fill("#password", "secret_sauce")
    page.click("#login-button")
    try:
        error = page.locator("[data-test=error]").inner_text(timeout=2000)
        print("Error shown:", error)
    except Exception:
        pass
