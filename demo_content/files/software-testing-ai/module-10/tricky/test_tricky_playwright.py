"""The tricky bits in Playwright for Python (Module 10, lesson 5, exercise solution).

Run with the Playwright set-up from lesson 4 (pytest-playwright installed, TrailMart running):
    python -m pytest test_tricky_playwright.py --base-url http://localhost:8010 -v
It needs no conftest: the logged_in fixture is defined here.
"""

import csv

import pytest
from playwright.sync_api import Page, expect


@pytest.fixture
def logged_in(page: Page) -> Page:
    assert page.request.post("/api/login", data={"email": "shopper@trailmart.test",
                                                 "password": "Trail-2026!"}).ok
    return page


def test_support_chat_inside_the_iframe_replies(logged_in: Page):
    logged_in.goto("/help")
    chat = logged_in.frame_locator("#support-chat")       # no switching: scope locators to the frame

    chat.get_by_test_id("chat-input").fill("Do the socks shrink?")
    chat.get_by_test_id("chat-send").click()

    expect(chat.get_by_test_id("chat-reply")).to_have_text("Thanks! An agent will reply within 2 hours.")
    expect(logged_in.get_by_role("heading", name="Help and support")).to_be_visible()


def test_size_guide_opens_in_a_new_tab(logged_in: Page):
    logged_in.goto("/help")

    with logged_in.expect_popup() as popup_info:           # start listening BEFORE the click
        logged_in.get_by_test_id("size-guide-link").click()
    guide = popup_info.value

    expect(guide).to_have_title("Size guide | TrailMart")
    expect(guide.get_by_role("cell", name="M", exact=True)).to_be_visible()
    guide.close()
    expect(logged_in).to_have_title("Help | TrailMart")   # the original page object still works


def test_return_policy_alert(logged_in: Page):
    logged_in.goto("/help")
    messages = []
    logged_in.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))

    logged_in.get_by_test_id("return-policy").click()

    assert messages == ["You can return unused items within 30 days."]


def test_dismissed_empty_cart_dialog_keeps_the_items(logged_in: Page):
    logged_in.request.post("/api/cart", data={"sku": "TM-101", "add": 1})
    logged_in.goto("/cart")

    # No handler registered: Playwright dismisses dialogs by default, like clicking Cancel.
    logged_in.get_by_test_id("empty-cart").click()

    expect(logged_in.get_by_test_id("cart-line-TM-101")).to_be_visible()


def test_accepted_empty_cart_dialog_empties_the_cart(logged_in: Page):
    logged_in.request.post("/api/cart", data={"sku": "TM-101", "add": 1})
    logged_in.goto("/cart")
    logged_in.once("dialog", lambda dialog: dialog.accept())

    logged_in.get_by_test_id("empty-cart").click()

    expect(logged_in.get_by_test_id("empty-message")).to_have_text("Your cart is empty.")


def test_receipt_upload_is_accepted(logged_in: Page, tmp_path):
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4\n" + b"0" * 991)      # 1,000 bytes
    logged_in.goto("/returns")

    logged_in.get_by_test_id("return-order-ref").fill("TM-10001")
    logged_in.get_by_test_id("return-receipt").set_input_files(receipt)
    logged_in.get_by_test_id("return-submit").click()

    expect(logged_in.get_by_test_id("return-result")).to_contain_text("We received receipt.pdf (1,000 bytes).")


def test_invoice_download_matches_the_order(logged_in: Page, tmp_path):
    logged_in.request.post("/api/cart", data={"sku": "TM-104", "add": 1})
    logged_in.request.post("/checkout", form={"first_name": "Sam", "last_name": "Shopper",
                           "email": "sam@example.com", "postcode": "EH1 1YZ", "shipping": "standard"})
    logged_in.goto("/checkout/review")
    logged_in.get_by_test_id("place-order").click()        # waits until the button is enabled
    expect(logged_in.get_by_test_id("order-confirmation")).to_be_visible()

    with logged_in.expect_download() as download_info:
        logged_in.get_by_test_id("invoice-link").click()
    target = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(target)

    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[-1][1:] == ["Total", "", "", "28.95"]


def test_newsletter_widget_inside_shadow_dom(logged_in: Page):
    logged_in.goto("/help")

    # CSS, role and test id locators pierce open shadow roots automatically (XPath does not).
    logged_in.get_by_test_id("newsletter-email").fill("sam@example.com")
    logged_in.get_by_test_id("newsletter-submit").click()

    expect(logged_in.get_by_test_id("newsletter-message")).to_have_text("Subscribed: sam@example.com")
