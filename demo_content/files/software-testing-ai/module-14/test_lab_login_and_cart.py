"""The six test cases of the Module 14 lab, in one file.

In the lab project, split them into tests/test_login.py and tests/test_cart.py. Needs conftest.py
(lab_conftest.py), screens/mda_screens.py and screens/base_screen.py.
Run:  APP_PATH=$PWD/mda.apk pytest -v --junitxml=artifacts/junit.xml
"""
import pytest

try:
    from screens.mda_screens import CatalogScreen, Menu, money
except ImportError:  # running the files side by side
    from mda_screens import CatalogScreen, Menu, money

VALID = ("bod@example.com", "10203040")  # the app's published demo user


def test_valid_user_lands_on_catalog_and_can_log_out(driver):
    catalog = Menu(driver).go_to_login().log_in(*VALID)
    assert catalog.title() == "Products"
    assert Menu(driver).open().has_item("Log Out")


@pytest.mark.parametrize("username, password, message", [
    ("alice@example.com", "10203040", "Sorry this user has been locked out."),
    ("", "10203040", "Username is required"),
    ("bod@example.com", "", "Password is required"),
], ids=["locked-out", "no-username", "no-password"])
def test_login_errors(driver, username, password, message):
    login = Menu(driver).go_to_login()
    assert login.log_in_expecting_error(username, password) == message
    assert login.is_still_open()


def test_quantity_two_updates_cart_badge(driver):
    product = CatalogScreen(driver).wait_until_loaded().open_product("Sauce Labs Backpack")
    product.increase_quantity().add_to_cart()
    assert product.cart_count(expected=2) == 2


def test_cart_lists_product_and_doubles_the_price(driver):
    product = CatalogScreen(driver).wait_until_loaded().open_product("Sauce Labs Backpack")
    unit_price = money(product.price())
    product.increase_quantity().add_to_cart()
    product.cart_count(expected=2)  # wait until the cart holds both before opening it
    cart = product.open_cart()
    assert cart.item_names() == ["Sauce Labs Backpack"]
    assert money(cart.total()) == pytest.approx(unit_price * 2)
