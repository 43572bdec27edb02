"""Model solution for the lesson 1 exercise. Try the exercise before you read this file."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_login import ERROR, log_in


def test_locked_account_cannot_log_in(driver, shop_url):
    log_in(driver, shop_url, "locked@trailmart.test", "Trail-2026!")

    error = WebDriverWait(driver, 10).until(EC.visibility_of_element_located(ERROR))
    assert error.text == "This account is locked. Contact support."
    assert error.get_attribute("role") == "alert"  # screen readers announce it


def test_empty_form_asks_for_both_fields(driver, shop_url):
    log_in(driver, shop_url, "", "")

    error = WebDriverWait(driver, 10).until(EC.visibility_of_element_located(ERROR))
    assert error.text == "Enter your email and password."


def test_shopper_can_log_out(driver, shop_url):
    log_in(driver, shop_url, "shopper@trailmart.test", "Trail-2026!")
    WebDriverWait(driver, 10).until(EC.url_to_be(shop_url + "/products"))

    driver.find_element(By.CSS_SELECTOR, "[data-testid='logout']").click()

    WebDriverWait(driver, 10).until(EC.url_to_be(shop_url + "/login"))
    # Logged out for real: the products page sends us back to the login page.
    driver.get(shop_url + "/products")
    assert driver.current_url == shop_url + "/login"


def test_sort_menu_offers_three_orders(driver, shop_url):
    log_in(driver, shop_url, "shopper@trailmart.test", "Trail-2026!")
    WebDriverWait(driver, 10).until(EC.url_to_be(shop_url + "/products"))

    sort = Select(driver.find_element(By.ID, "sort"))

    assert [option.text for option in sort.options] == [
        "Name (A to Z)",
        "Price (low to high)",
        "Price (high to low)",
    ]
    assert sort.first_selected_option.text == "Name (A to Z)"
