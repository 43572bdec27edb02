"""Frames, tabs, dialogs, uploads and shadow DOM on TrailMart, with Selenium (Module 10, lesson 5)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC


def css(test_id):
    return (By.CSS_SELECTOR, f"[data-testid='{test_id}']")


def test_support_chat_inside_the_iframe_replies(shopper, wait, shop_url):
    shopper.get(shop_url + "/help")

    # Everything inside the iframe is a separate document: switch into it first.
    wait.until(EC.frame_to_be_available_and_switch_to_it((By.ID, "support-chat")))
    shopper.find_element(*css("chat-input")).send_keys("Do the socks shrink?")
    shopper.find_element(*css("chat-send")).click()
    reply = wait.until(EC.visibility_of_element_located(css("chat-reply")))
    assert reply.text == "Thanks! An agent will reply within 2 hours."

    # ...and back out to the main page before touching anything outside the frame.
    shopper.switch_to.default_content()
    assert shopper.find_element(By.TAG_NAME, "h1").text == "Help and support"


def test_size_guide_opens_in_a_new_tab(shopper, wait, shop_url):
    shopper.get(shop_url + "/help")
    original = shopper.current_window_handle

    shopper.find_element(*css("size-guide-link")).click()

    wait.until(EC.number_of_windows_to_be(2))
    new_tab = next(h for h in shopper.window_handles if h != original)
    shopper.switch_to.window(new_tab)
    wait.until(EC.title_is("Size guide | TrailMart"))
    assert "M" in [cell.text for cell in shopper.find_elements(By.CSS_SELECTOR, "td")]

    shopper.close()                        # closes the tab only
    shopper.switch_to.window(original)     # Selenium does not switch back by itself
    assert shopper.title == "Help | TrailMart"


def test_return_policy_alert(shopper, wait, shop_url):
    shopper.get(shop_url + "/help")

    shopper.find_element(*css("return-policy")).click()

    alert = wait.until(EC.alert_is_present())
    assert alert.text == "You can return unused items within 30 days."
    alert.accept()


def test_receipt_upload_is_accepted(shopper, wait, shop_url, tmp_path):
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 2_000)   # a small stand-in file, 2,008 bytes
    shopper.get(shop_url + "/returns")

    shopper.find_element(*css("return-order-ref")).send_keys("TM-10001")
    shopper.find_element(*css("return-receipt")).send_keys(str(receipt.resolve()))  # absolute path
    shopper.find_element(*css("return-submit")).click()

    result = wait.until(EC.visibility_of_element_located(css("return-result")))
    assert result.text.endswith("We received receipt.png (2,008 bytes).")


def test_newsletter_widget_inside_shadow_dom(shopper, wait, shop_url):
    shopper.get(shop_url + "/help")

    root = shopper.find_element(By.CSS_SELECTOR, "tm-newsletter").shadow_root
    root.find_element(*css("newsletter-email")).send_keys("sam@example.com")
    root.find_element(*css("newsletter-submit")).click()

    message = root.find_element(*css("newsletter-message"))
    wait.until(lambda d: message.text != "")
    assert message.text == "Subscribed: sam@example.com"
