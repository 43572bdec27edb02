"""TrailMart tests in Playwright for Python (Module 10, lesson 4).

Notice what is missing compared with Selenium: no explicit waits. Actions wait until the element
is visible, stable, enabled and able to receive the click; expect() assertions retry until they
pass or their timeout (5 s by default) runs out.
"""

import re

from playwright.sync_api import Page, expect


def test_shopper_logs_in_through_the_form(page: Page):
    page.goto("/login")

    page.get_by_label("Email").fill("shopper@trailmart.test")
    page.get_by_label("Password").fill("Trail-2026!")
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/products$"))
    expect(page.get_by_role("heading", name="All products")).to_be_visible()
    expect(page.get_by_test_id("welcome")).to_have_text("Welcome back, Sam Shopper")


def test_all_eight_products_are_listed(shopper: Page):
    expect(shopper.locator(".product-card")).to_have_count(8)


def test_adding_socks_updates_badge_and_shows_toast(shopper: Page):
    socks = shopper.get_by_test_id("product-TM-104")

    socks.get_by_role("button", name="Add to cart").click()

    expect(shopper.get_by_test_id("cart-count")).to_have_text("1")
    expect(shopper.get_by_test_id("toast")).to_have_text("Added Merino Hiking Socks (2 pack) to your cart")
    expect(shopper.get_by_test_id("toast")).to_be_hidden()  # it removes itself after 2.5 s


def test_sold_out_stove_cannot_be_added(shopper: Page):
    stove = shopper.get_by_test_id("add-TM-107")

    expect(stove).to_be_disabled()
    expect(stove).to_have_text("Sold out")


def test_price_sort_puts_the_socks_first(shopper: Page):
    shopper.get_by_label("Sort by").select_option("price-asc")

    expect(shopper.locator(".product-card h3").first).to_have_text("Merino Hiking Socks (2 pack)")
    expect(shopper.locator(".product-card .price").last).to_have_text("$189.00")


def test_list_renders_exactly_what_the_api_returns(logged_in: Page):
    # Replace the real catalogue with one product, to test the page's rendering in isolation.
    tent = {"sku": "TM-999", "name": "Test Tent", "price": "199.00", "stock": 1}
    logged_in.route("**/api/products", lambda route: route.fulfill(json={"products": [tent]}))

    logged_in.goto("/products")

    expect(logged_in.locator(".product-card")).to_have_count(1)
    expect(logged_in.get_by_test_id("price-TM-999")).to_have_text("$199.00")


# Exercise (see the lesson): add tests for
#   1. the locked account's error message, through the login form,
#   2. adding two different products and checking the cart page's subtotal ($83.00 for TM-101 + TM-104),
#   3. a cart quantity change to 3 socks (line total $72.00),
#   4. the slow customer (slow@trailmart.test), whose list takes about 4 s to load.
