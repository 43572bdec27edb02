"""First Selenium tests for TrailMart's login page (Module 10, lesson 1).

Each test reads in three parts: arrange (open the page), act (type and click), assert (check state).
A click returns as soon as the browser has clicked, not when the next page has loaded, so each
test first waits (up to 10 seconds) for the outcome it expects. Lesson 2 explains waits in depth.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ERROR = (By.CSS_SELECTOR, "[data-testid='login-error']")


def log_in(driver, shop_url, email, password):
    driver.get(shop_url + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-button").click()


def test_login_page_has_the_right_title(driver, shop_url):
    driver.get(shop_url + "/login")

    assert driver.title == "Log in | TrailMart"


def test_shopper_can_log_in(driver, shop_url):
    log_in(driver, shop_url, "shopper@trailmart.test", "Trail-2026!")

    WebDriverWait(driver, 10).until(EC.url_to_be(shop_url + "/products"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "All products"
    welcome = driver.find_element(By.CSS_SELECTOR, "[data-testid='welcome']")
    assert welcome.text == "Welcome back, Sam Shopper"


def test_wrong_password_is_refused_with_a_clear_message(driver, shop_url):
    log_in(driver, shop_url, "shopper@trailmart.test", "wrong-password")

    error = WebDriverWait(driver, 10).until(EC.visibility_of_element_located(ERROR))
    assert error.text == "Email or password is incorrect."
    assert driver.current_url == shop_url + "/login"
    # The email stays filled in, so the customer only retypes the password.
    assert driver.find_element(By.ID, "email").get_attribute("value") == "shopper@trailmart.test"
    assert driver.find_element(By.ID, "password").get_attribute("value") == ""


# Exercise (see the lesson): add tests for
#   1. the locked account (locked@trailmart.test) and its message,
#   2. submitting the form with both fields empty,
#   3. logging out from the products page,
#   4. the three options of the "Sort by" drop-down on the products page.
