"""Model solution for the lesson 4 exercise. Try it yourself before reading."""

import re

from playwright.sync_api import Page, expect


def test_locked_account_is_refused(page: Page):
    page.goto("/login")

    page.get_by_label("Email").fill("locked@trailmart.test")
    page.get_by_label("Password").fill("Trail-2026!")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("alert")).to_have_text("This account is locked. Contact support.")
    expect(page).to_have_url(re.compile(r"/login$"))


def test_cart_subtotal_for_two_products(shopper: Page):
    shopper.get_by_test_id("add-TM-101").click()
    expect(shopper.get_by_test_id("cart-count")).to_have_text("1")   # wait before the next click
    shopper.get_by_test_id("add-TM-104").click()
    expect(shopper.get_by_test_id("cart-count")).to_have_text("2")

    shopper.get_by_test_id("cart-link").click()

    expect(shopper.get_by_test_id("subtotal")).to_have_text("$83.00")   # $59.00 + $24.00
    expect(shopper.locator("tr[data-testid^='cart-line-']")).to_have_count(2)


def test_changing_quantity_updates_line_total(shopper: Page):
    shopper.get_by_test_id("add-TM-104").click()
    expect(shopper.get_by_test_id("cart-count")).to_have_text("1")
    shopper.goto("/cart")

    quantity = shopper.get_by_test_id("qty-TM-104")
    quantity.fill("3")
    quantity.press("Tab")  # fires the change event; the page then reloads

    expect(shopper.get_by_test_id("line-total-TM-104")).to_have_text("$72.00")   # 3 x $24.00
    expect(shopper.get_by_test_id("cart-count")).to_have_text("3")


def test_slow_customer_still_gets_the_full_list(page: Page):
    page.request.post("/api/login", data={"email": "slow@trailmart.test", "password": "Trail-2026!"})

    page.goto("/products")

    # About 4 s at normal speed: close to the 5 s default, so state the budget explicitly.
    expect(page.locator(".product-card")).to_have_count(8, timeout=12_000)
