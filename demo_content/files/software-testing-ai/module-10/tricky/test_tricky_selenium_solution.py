"""Model solution for the lesson 5 Selenium exercise: confirm dialogs, a refused upload, a download."""

import csv
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC


def css(test_id):
    return (By.CSS_SELECTOR, f"[data-testid='{test_id}']")


def fill_cart(api, *skus):
    for sku in skus:
        assert api.post(api.base + "/api/cart", json={"sku": sku, "add": 1}).ok


def test_dismissing_the_empty_cart_dialog_keeps_the_items(shopper, wait, api, shop_url):
    fill_cart(api, "TM-101", "TM-104")
    shopper.get(shop_url + "/cart")

    shopper.find_element(*css("empty-cart")).click()
    dialog = wait.until(EC.alert_is_present())
    assert dialog.text == "Remove all items from your cart?"
    dialog.dismiss()

    assert len(shopper.find_elements(By.CSS_SELECTOR, "tr[data-testid^='cart-line-']")) == 2


def test_accepting_the_empty_cart_dialog_empties_the_cart(shopper, wait, api, shop_url):
    fill_cart(api, "TM-101")
    shopper.get(shop_url + "/cart")

    shopper.find_element(*css("empty-cart")).click()
    wait.until(EC.alert_is_present()).accept()

    message = wait.until(EC.visibility_of_element_located(css("empty-message")))
    assert message.text == "Your cart is empty."


def test_text_file_is_refused_as_a_receipt(shopper, wait, shop_url, tmp_path):
    note = tmp_path / "receipt.txt"
    note.write_text("I bought socks")
    shopper.get(shop_url + "/returns")

    shopper.find_element(*css("return-order-ref")).send_keys("TM-10001")
    shopper.find_element(*css("return-receipt")).send_keys(str(note.resolve()))
    shopper.find_element(*css("return-submit")).click()

    error = wait.until(EC.visibility_of_element_located(css("return-error")))
    assert error.text == "Receipts must be PDF, PNG or JPG files."


def test_invoice_download_matches_the_order(shopper, wait, api, shop_url, download_dir):
    # Setup through the API with the browser's cookie: cart, checkout details, place the order.
    fill_cart(api, "TM-104")
    api.post(api.base + "/checkout", data={"first_name": "Sam", "last_name": "Shopper",
             "email": "sam@example.com", "postcode": "EH1 1YZ", "shipping": "standard"})
    placed = api.post(api.base + "/checkout/place")
    shopper.get(placed.url)                                   # the confirmation page

    ref = shopper.find_element(*css("order-ref")).text
    shopper.find_element(*css("invoice-link")).click()

    expected = download_dir / f"invoice-{ref}.csv"
    deadline = time.monotonic() + 10                           # files have no "visible" state:
    while not expected.exists() and time.monotonic() < deadline:   # poll the folder, with a limit
        time.sleep(0.2)
    assert expected.exists(), f"no {expected.name} in {list(download_dir.iterdir())}"
    rows = list(csv.reader(expected.open(encoding="utf-8")))
    assert rows[1][:3] == ["TM-104", "Merino Hiking Socks (2 pack)", "1"]
    assert rows[-1][1:] == ["Total", "", "", "28.95"]           # $24.00 + $4.95 shipping
