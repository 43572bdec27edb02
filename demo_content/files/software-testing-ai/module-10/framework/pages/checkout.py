"""Checkout page objects (from the lesson 3 exercise solution)."""

from decimal import Decimal

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from .base import BasePage


def by_test_id(value):
    return (By.CSS_SELECTOR, f"[data-testid='{value}']")


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
        self.wait.until(EC.staleness_of(old_button))   # the form comes back with errors
        return [e.text for e in self.driver.find_elements(*self.ERRORS)]


class ReviewPage(BasePage):
    path = "/checkout/review"

    def _money(self, test_id):
        return Decimal(self.text_of(by_test_id(test_id)).lstrip("-$"))

    def subtotal(self):
        return self._money("subtotal")

    def shipping(self):
        return self._money("shipping")

    def total(self):
        return self._money("total")
