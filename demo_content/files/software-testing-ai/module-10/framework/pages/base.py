"""Shared building blocks for TrailMart page objects (Module 10, lesson 3).

Header is a component: it appears on every logged-in page, so every page object reaches it through
the header property instead of repeating its locators. BasePage holds the driver, the base URL and
helpers that wait before they act.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


class Header:
    CART_COUNT = (By.CSS_SELECTOR, "[data-testid='cart-count']")
    CART_LINK = (By.CSS_SELECTOR, "[data-testid='cart-link']")
    LOGOUT = (By.CSS_SELECTOR, "[data-testid='logout']")

    def __init__(self, driver, base_url, wait):
        self.driver = driver
        self.base_url = base_url
        self.wait = wait

    def cart_count(self):
        return int(self.driver.find_element(*self.CART_COUNT).text)

    def wait_for_cart_count(self, expected):
        self.wait.until(
            lambda d: d.find_element(*self.CART_COUNT).text == str(expected),
            message=f"cart badge never showed {expected}",
        )

    def go_to_cart(self):
        from .shop import CartPage  # imported here to avoid a circular import

        self.wait.until(EC.element_to_be_clickable(self.CART_LINK)).click()
        self.wait.until(EC.url_to_be(self.base_url + CartPage.path))
        return CartPage(self.driver, self.base_url)

    def log_out(self):
        from .shop import LoginPage

        self.driver.find_element(*self.LOGOUT).click()
        self.wait.until(EC.url_to_be(self.base_url + LoginPage.path))
        return LoginPage(self.driver, self.base_url)


class BasePage:
    path = "/"
    timeout = 10  # seconds; a framework can change it once for every page (BasePage.timeout = 20)

    def __init__(self, driver, base_url):
        self.driver = driver
        self.base_url = base_url
        self.wait = WebDriverWait(driver, self.timeout)

    def open(self):
        self.driver.get(self.base_url + self.path)
        return self

    @property
    def header(self):
        return Header(self.driver, self.base_url, self.wait)

    # Small helpers so that every interaction waits for the element first.
    def find(self, locator):
        return self.wait.until(EC.visibility_of_element_located(locator))

    def click(self, locator):
        self.wait.until(EC.element_to_be_clickable(locator)).click()

    def type(self, locator, text):
        field = self.find(locator)
        field.clear()
        field.send_keys(text)

    def text_of(self, locator):
        return self.find(locator).text
