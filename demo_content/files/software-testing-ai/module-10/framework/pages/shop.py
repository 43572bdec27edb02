"""Page objects for TrailMart's login, products and cart pages (Module 10, lesson 3).

Page objects know HOW to reach and read a page: locators, clicks and waits. Tests know WHAT to
check: the assertions. Methods are named after what a customer does, and a method that moves the
customer to another page returns that page's object.
"""

from decimal import Decimal

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from .base import BasePage


class LoginPage(BasePage):
    path = "/login"

    EMAIL = (By.ID, "email")
    PASSWORD = (By.ID, "password")
    SUBMIT = (By.ID, "login-button")
    ERROR = (By.CSS_SELECTOR, "[data-testid='login-error']")

    def _submit(self, email, password):
        self.type(self.EMAIL, email)
        self.type(self.PASSWORD, password)
        self.click(self.SUBMIT)

    def log_in_as(self, email, password):
        """Log in successfully and return the page the customer lands on."""
        self._submit(email, password)
        self.wait.until(EC.url_to_be(self.base_url + ProductsPage.path))
        return ProductsPage(self.driver, self.base_url)

    def log_in_expecting_error(self, email, password):
        """Try to log in, stay on this page, and return the error message shown."""
        self._submit(email, password)
        return self.text_of(self.ERROR)


class ProductsPage(BasePage):
    path = "/products"

    LOADING = (By.CSS_SELECTOR, "[data-testid='loading']")
    CARD_NAMES = (By.CSS_SELECTOR, "[data-testid='product-list'] .product-card h3")
    CARD_PRICES = (By.CSS_SELECTOR, "[data-testid='product-list'] .product-card .price")
    SORT = (By.ID, "sort")
    LIST = (By.CSS_SELECTOR, "[data-testid='product-list']")

    @staticmethod
    def _add_button(sku):
        return (By.CSS_SELECTOR, f"[data-testid='add-{sku}']")

    def wait_until_loaded(self):
        self.wait.until(EC.invisibility_of_element_located(self.LOADING), message="products never loaded")
        return self

    def product_names(self):
        return [e.text for e in self.driver.find_elements(*self.CARD_NAMES)]

    def prices(self):
        return [Decimal(e.text.lstrip("$")) for e in self.driver.find_elements(*self.CARD_PRICES)]

    def add_to_cart(self, sku):
        """Add one item and wait until the cart badge has counted it."""
        before = self.header.cart_count()
        self.click(self._add_button(sku))
        self.header.wait_for_cart_count(before + 1)
        return self

    def can_add(self, sku):
        return self.find(self._add_button(sku)).is_enabled()

    def sort_by(self, visible_text):
        Select(self.find(self.SORT)).select_by_visible_text(visible_text)
        # The list is rebuilt 0.3 s later and flagged aria-busy meanwhile.
        self.wait.until(lambda d: d.find_element(*self.LIST).get_attribute("aria-busy") is None)
        return self


class CartPage(BasePage):
    path = "/cart"

    LINES = (By.CSS_SELECTOR, "tr[data-testid^='cart-line-']")
    SUBTOTAL = (By.CSS_SELECTOR, "[data-testid='subtotal']")
    EMPTY_MESSAGE = (By.CSS_SELECTOR, "[data-testid='empty-message']")
    CHECKOUT = (By.CSS_SELECTOR, "[data-testid='checkout']")

    @staticmethod
    def _qty(sku):
        return (By.CSS_SELECTOR, f"[data-testid='qty-{sku}']")

    def skus(self):
        return [row.get_attribute("data-testid").removeprefix("cart-line-")
                for row in self.driver.find_elements(*self.LINES)]

    def quantity_of(self, sku):
        return int(self.find(self._qty(sku)).get_attribute("value"))

    def line_total(self, sku):
        return Decimal(self.text_of((By.CSS_SELECTOR, f"[data-testid='line-total-{sku}']")).lstrip("$"))

    def subtotal(self):
        return Decimal(self.text_of(self.SUBTOTAL).lstrip("$"))

    def set_quantity(self, sku, quantity):
        field = self.find(self._qty(sku))
        field.clear()
        field.send_keys(str(quantity), Keys.TAB)  # TAB fires the change event
        self.wait.until(EC.staleness_of(field))    # the page reloads with new totals
        return self

    def remove(self, sku):
        button = self.find((By.CSS_SELECTOR, f"[data-testid='remove-{sku}']"))
        button.click()
        self.wait.until(EC.staleness_of(button))
        return self

    def is_empty(self):
        return bool(self.driver.find_elements(*self.EMPTY_MESSAGE))

    def proceed_to_checkout(self):
        from .checkout import CheckoutPage

        self.click(self.CHECKOUT)
        self.wait.until(EC.url_to_be(self.base_url + CheckoutPage.path))
        return CheckoutPage(self.driver, self.base_url)
