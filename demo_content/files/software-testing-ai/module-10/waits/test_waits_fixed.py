"""Model answer for the waits exercise: the same three checks, synchronised properly.

No time.sleep() anywhere. Every wait names the condition the test needs and gives up after a
timeout with a message that says what it was waiting for.
"""

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

CARDS = (By.CSS_SELECTOR, "[data-testid='product-list'] .product-card")
CART_COUNT = (By.CSS_SELECTOR, "[data-testid='cart-count']")
FIRST_PRICE = (By.CSS_SELECTOR, "[data-testid='product-list'] .product-card .price")
LOADING = (By.CSS_SELECTOR, "[data-testid='loading']")
TOAST = (By.CSS_SELECTOR, "[data-testid='toast']")
TIMEOUT = 10  # seconds: the slowest legitimate response (about 4 s for slow@) plus a margin


def wait_for_products(driver):
    WebDriverWait(driver, TIMEOUT).until(
        EC.invisibility_of_element_located(LOADING), message="product list never finished loading"
    )


def test_all_eight_products_are_listed(shopper):
    wait_for_products(shopper)

    assert len(shopper.find_elements(*CARDS)) == 8


def test_adding_a_product_updates_the_cart_badge(shopper):
    wait_for_products(shopper)
    add = WebDriverWait(shopper, TIMEOUT).until(
        EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='add-TM-104']"))
    )

    add.click()

    # Exact match, not "contains": text_to_be_present_in_element would also accept "10".
    WebDriverWait(shopper, TIMEOUT).until(
        lambda d: d.find_element(*CART_COUNT).text == "1", message="cart badge never showed 1"
    )
    toast = WebDriverWait(shopper, TIMEOUT).until(EC.visibility_of_element_located(TOAST))
    assert toast.text == "Added Merino Hiking Socks (2 pack) to your cart"


def test_sorting_by_price_puts_the_socks_first(shopper):
    wait_for_products(shopper)

    Select(shopper.find_element(By.ID, "sort")).select_by_value("price-asc")

    # A fluent wait: poll every 0.2 s and treat a stale element as "not yet", not as a failure.
    wait = WebDriverWait(
        shopper, TIMEOUT, poll_frequency=0.2, ignored_exceptions=[StaleElementReferenceException]
    )
    wait.until(lambda d: d.find_element(*FIRST_PRICE).text == "$24.00",
               message="cheapest product never moved to the top")
    prices = [float(p.text.lstrip("$")) for p in shopper.find_elements(By.CSS_SELECTOR, ".product-card .price")]
    assert prices == sorted(prices)


def test_toast_disappears_by_itself(shopper):
    wait_for_products(shopper)
    shopper.find_element(By.CSS_SELECTOR, "[data-testid='add-TM-101']").click()

    WebDriverWait(shopper, TIMEOUT).until(EC.visibility_of_element_located(TOAST))
    assert WebDriverWait(shopper, TIMEOUT).until(EC.invisibility_of_element_located(TOAST))
