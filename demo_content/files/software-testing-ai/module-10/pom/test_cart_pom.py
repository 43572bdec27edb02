"""Cart tests written with page objects. Notice: no locators and no waits in this file."""

from decimal import Decimal

from pages.shop import LoginPage


def test_locked_customer_sees_why(driver, shop_url):
    message = LoginPage(driver, shop_url).open().log_in_expecting_error("locked@trailmart.test", "Trail-2026!")

    assert message == "This account is locked. Contact support."


def test_badge_counts_every_item_added(products):
    products.add_to_cart("TM-101").add_to_cart("TM-104").add_to_cart("TM-104")

    assert products.header.cart_count() == 3


def test_cart_shows_line_totals_and_subtotal(products):
    cart = products.add_to_cart("TM-101").add_to_cart("TM-104").header.go_to_cart()

    cart.set_quantity("TM-104", 3)

    assert cart.quantity_of("TM-104") == 3
    assert cart.line_total("TM-104") == Decimal("72.00")   # 3 x $24.00
    assert cart.subtotal() == Decimal("131.00")            # $59.00 + $72.00


def test_removing_the_last_item_empties_the_cart(products):
    cart = products.add_to_cart("TM-105").header.go_to_cart()

    cart.remove("TM-105")

    assert cart.is_empty()
    assert cart.header.cart_count() == 0


def test_sold_out_product_cannot_be_added(products):
    assert not products.can_add("TM-107")   # Camp Stove Mini, stock 0
    assert products.can_add("TM-101")


def test_price_sort_high_to_low(products):
    products.sort_by("Price (high to low)")

    prices = products.prices()
    assert prices == sorted(prices, reverse=True)
    assert products.product_names()[0] == "Summit Down Jacket"
