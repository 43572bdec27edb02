"""Screen objects for Sauce Labs' My Demo App for Android (Module 14, lab model solution).

Save as screens/mda_screens.py next to screens/base_screen.py (from Lesson 5) and an empty
screens/__init__.py. Locators match My Demo App at the time of writing; if your app version
differs, confirm them in the Appium Inspector and change them here only.
"""
import re

from appium.webdriver.common.appiumby import AppiumBy
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import TimeoutException

try:
    from screens.base_screen import BaseScreen
except ImportError:  # running the files side by side
    from base_screen import BaseScreen

PKG = "com.saucelabs.mydemoapp.android"


def rid(name: str) -> tuple[str, str]:
    """Android resource id locator for this app."""
    return (AppiumBy.ID, f"{PKG}:id/{name}")


def money(text: str) -> float:
    """'$ 29.99', '$29.99' and '29.99' all become 29.99."""
    match = re.search(r"\d+(?:[.,]\d{2})?", text.replace(",", ""))
    if not match:
        raise ValueError(f"no amount in {text!r}")
    return float(match.group())


def by_text(text: str) -> tuple[str, str]:
    return (AppiumBy.ANDROID_UIAUTOMATOR, f'new UiSelector().text("{text}")')


class Menu(BaseScreen):
    OPEN = rid("menuIV")
    LOGIN_ITEM = (AppiumBy.ACCESSIBILITY_ID, "Login Menu Item")

    def open(self):
        self.tap(self.OPEN)
        return self

    def has_item(self, text: str) -> bool:
        return self.is_shown(by_text(text), seconds=5)

    def go_to_login(self) -> "LoginScreen":
        self.open()
        self.tap(self.LOGIN_ITEM)
        return LoginScreen(self.driver).wait_until_loaded()


class LoginScreen(BaseScreen):
    USERNAME = rid("nameET")
    PASSWORD = rid("passwordET")
    SUBMIT = rid("loginBtn")
    USERNAME_ERROR = rid("nameErrorTV")
    PASSWORD_ERROR = rid("passwordErrorTV")

    def wait_until_loaded(self):
        self.wait.until(EC.element_to_be_clickable(self.SUBMIT))
        return self

    def _submit(self, username: str, password: str) -> None:
        self.type_text(self.USERNAME, username)
        self.type_text(self.PASSWORD, password)
        self.tap(self.SUBMIT)

    def log_in(self, username: str, password: str) -> "CatalogScreen":
        self._submit(username, password)
        return CatalogScreen(self.driver).wait_until_loaded()

    def log_in_expecting_error(self, username: str, password: str) -> str:
        """Submit and return the text of whichever error message becomes visible."""
        self._submit(username, password)

        def visible_error(driver):
            for locator in (self.USERNAME_ERROR, self.PASSWORD_ERROR):
                found = driver.find_elements(*locator)
                if found and found[0].is_displayed() and found[0].text.strip():
                    return found[0].text.strip()
            return False

        try:
            return self.wait.until(visible_error)
        except TimeoutException:
            self.save_evidence("login-no-error-shown")
            raise AssertionError("no login error message became visible") from None

    def is_still_open(self) -> bool:
        return self.is_shown(self.SUBMIT)


class CatalogScreen(BaseScreen):
    TITLE = rid("productTV")

    def wait_until_loaded(self):
        self.wait_for_text(self.TITLE, "Products")
        return self

    def title(self) -> str:
        return self.text_of(self.TITLE)

    def open_product(self, name: str) -> "ProductScreen":
        self.android_scroll_to_text(name).click()
        return ProductScreen(self.driver).wait_until_loaded()


class ProductScreen(BaseScreen):
    ADD_TO_CART = (AppiumBy.ACCESSIBILITY_ID, "Tap to add product to cart")
    PLUS = (AppiumBy.ACCESSIBILITY_ID, "Increases number of products")
    QUANTITY = rid("noTV")
    PRICE = rid("priceTV")
    CART_BADGE = rid("cartTV")
    CART_ICON = rid("cartIV")

    def wait_until_loaded(self):
        self.wait.until(EC.element_to_be_clickable(self.ADD_TO_CART))
        return self

    def price(self) -> str:
        return self.text_of(self.PRICE)

    def increase_quantity(self, times: int = 1):
        for _ in range(times):
            before = int(self.text_of(self.QUANTITY))
            self.tap(self.PLUS)
            self.wait_for_text(self.QUANTITY, str(before + 1))
        return self

    def add_to_cart(self):
        self.tap(self.ADD_TO_CART)
        return self

    def cart_count(self, expected: int) -> int:
        """Wait until the badge shows the expected number, then return what it shows."""
        try:
            self.wait_for_text(self.CART_BADGE, str(expected))
        except TimeoutException:
            pass  # the test's assertion reports the real value
        text = self.text_of(self.CART_BADGE).strip()
        return int(text) if text.isdigit() else 0

    def open_cart(self) -> "CartScreen":
        self.tap(self.CART_ICON)
        return CartScreen(self.driver).wait_until_loaded()


class CartScreen(BaseScreen):
    TITLE = rid("productTV")
    ITEM_NAMES = rid("titleTV")
    TOTAL = rid("totalPriceTV")

    def wait_until_loaded(self):
        self.wait_for_text(self.TITLE, "My Cart")
        return self

    def item_names(self) -> list[str]:
        self.visible(self.ITEM_NAMES)
        return [e.text for e in self.driver.find_elements(*self.ITEM_NAMES)]

    def total(self) -> str:
        return self.text_of(self.TOTAL)
