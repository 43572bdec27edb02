"""Checkout page objects, STARTER for the checkout lab (Module 10, lesson 7).

Replace pages/checkout.py in your lesson 6 framework with this file, then complete every method
marked TODO. CheckoutPage and the money readers of ReviewPage are done for you.
"""

from decimal import Decimal

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from .base import BasePage


def by_test_id(value):
    return (By.CSS_SELECTOR, f"[data-testid='{value}']")


def to_money(text):
    return Decimal(text.replace("$", "").replace("-", "").replace(",", ""))


class CheckoutPage(BasePage):
    path = "/checkout"

    FIELDS = ("first_name", "last_name", "email", "postcode")
    CONTINUE = by_test_id("continue")
    ERRORS = (By.CSS_SELECTOR, "[data-testid='form-errors'] li")

    def fill_details(self, first_name, last_name, email, postcode, shipping="standard"):
        for name, value in zip(self.FIELDS, (first_name, last_name, email, postcode)):
            self.type(by_test_id(name), value)
        self.click(by_test_id(f"shipping-{shipping}"))
        return self

    def continue_to_review(self):
        self.click(self.CONTINUE)
        self.wait.until(EC.url_to_be(self.base_url + ReviewPage.path))
        return ReviewPage(self.driver, self.base_url)

    def continue_expecting_errors(self):
        old_button = self.find(self.CONTINUE)
        old_button.click()
        self.wait.until(EC.staleness_of(old_button))
        return [e.text for e in self.driver.find_elements(*self.ERRORS)]


class ReviewPage(BasePage):
    path = "/checkout/review"

    PROMO = by_test_id("promo")
    APPLY = by_test_id("apply-promo")
    PROMO_MESSAGE = by_test_id("promo-message")
    ESTIMATE = by_test_id("delivery-estimate")
    PLACE_ORDER = by_test_id("place-order")

    def subtotal(self):
        return to_money(self.text_of(by_test_id("subtotal")))

    def discount(self):
        return to_money(self.text_of(by_test_id("discount")))

    def shipping(self):
        return to_money(self.text_of(by_test_id("shipping")))

    def total(self):
        return to_money(self.text_of(by_test_id("total")))

    def apply_promo(self, code):
        """TODO: type the code, click Apply, wait until the message is neither empty nor
        "Checking code…", and return the message text."""
        raise NotImplementedError

    def delivery_estimate(self):
        """TODO: wait until the estimate starts with "Arrives by" and return the date part."""
        raise NotImplementedError

    def place_order(self):
        """TODO: click Place order (it is disabled until the estimate arrives), wait for the
        /order/ page and return a ConfirmationPage."""
        raise NotImplementedError


class ConfirmationPage(BasePage):
    path = "/order/"

    # TODO: heading(), order_ref() and total() (a Decimal), reading the test ids
    # order-confirmation, order-ref and order-total.
    pass
