"""Three tests that fail or flicker because they do not synchronise with the page.

Run them against TrailMart at normal speed, then with --speed slow. Do not change the shop:
change only how the tests wait. test_waits_fixed.py (registered resource) is the model answer.
"""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

CARDS = (By.CSS_SELECTOR, "[data-testid='product-list'] .product-card")
CART_COUNT = (By.CSS_SELECTOR, "[data-testid='cart-count']")
FIRST_PRICE = (By.CSS_SELECTOR, "[data-testid='product-list'] .product-card .price")


def test_all_eight_products_are_listed(shopper):
    # Broken: the list is filled by JavaScript about a second after the page loads.
    cards = shopper.find_elements(*CARDS)
    assert len(cards) == 8


def test_adding_a_product_updates_the_cart_badge(shopper):
    # Half-fixed with a sleep: slow on good days, red on bad ones.
    time.sleep(2)
    shopper.find_element(By.CSS_SELECTOR, "[data-testid='add-TM-104']").click()
    # Broken: the badge changes only when the cart API answers (0.4 to 1.2 s, longer with --speed slow).
    assert shopper.find_element(*CART_COUNT).text == "1"


def test_sorting_by_price_puts_the_socks_first(shopper):
    time.sleep(3)
    first_price = shopper.find_element(*FIRST_PRICE)
    Select(shopper.find_element(By.ID, "sort")).select_by_value("price-asc")
    # Broken twice: the list re-renders 0.3 s later, so this element is either not yet
    # updated or already thrown away (StaleElementReferenceException).
    assert first_price.text == "$24.00"
