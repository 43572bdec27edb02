"""Checkout page objects, complete (Module 10, checkout lab solution).

Replace pages/checkout.py in your lesson 6 framework with this file.
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
        """Apply a code and return the shop's answer, once the totals have been updated."""
        self.type(self.PROMO, code)
        self.click(self.APPLY)
        self.wait.until(
            lambda d: d.find_element(*self.PROMO_MESSAGE).text not in ("", "Checking code…"),
            message=f"no answer to promo code {code!r}",
        )
        return self.text_of(self.PROMO_MESSAGE)

    def delivery_estimate(self):
        self.wait.until(EC.text_to_be_present_in_element(self.ESTIMATE, "Arrives by"),
                        message="delivery estimate never arrived")
        return self.text_of(self.ESTIMATE).removeprefix("Arrives by ")

    def place_order(self):
        # The button is disabled until the delivery estimate arrives (1 to 2 s).
        self.click(self.PLACE_ORDER)
        self.wait.until(EC.url_contains("/order/"), message="order confirmation never opened")
        return ConfirmationPage(self.driver, self.base_url)


class ConfirmationPage(BasePage):
    path = "/order/"

    def heading(self):
        return self.text_of(by_test_id("order-confirmation"))

    def order_ref(self):
        return self.text_of(by_test_id("order-ref"))

    def total(self):
        return to_money(self.text_of(by_test_id("order-total")))
