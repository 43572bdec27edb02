"""First Appium tests for Sauce Labs' My Demo App (Module 14, Lesson 4: Appium Fundamentals).

Needs: an Android emulator or phone, the Appium server with the UiAutomator2 driver running on
port 4723, and `pip install Appium-Python-Client pytest`.

Run:   APP_PATH=/full/path/to/mda.apk pytest -v first_appium_tests.py
Env:   APPIUM_URL (default http://127.0.0.1:4723), UDID (default emulator-5554)

The locators match My Demo App for Android at the time of writing and assume a phone-sized screen
such as the Pixel 7 emulator. If your app version differs, confirm them in the Appium Inspector and
update the constants at the top.
"""
import os
import re

import pytest
from appium import webdriver
from appium.options.android import UiAutomator2Options
from appium.webdriver.common.appiumby import AppiumBy
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

APPIUM_URL = os.getenv("APPIUM_URL", "http://127.0.0.1:4723")
PKG = "com.saucelabs.mydemoapp.android"
PRODUCT_TITLE = (AppiumBy.ID, f"{PKG}:id/titleTV")
PRODUCT_PRICE = (AppiumBy.ID, f"{PKG}:id/priceTV")
DETAIL_TITLE = (AppiumBy.ID, f"{PKG}:id/productTV")
ADD_TO_CART = (AppiumBy.ACCESSIBILITY_ID, "Tap to add product to cart")


@pytest.fixture
def driver():
    options = UiAutomator2Options()
    options.app = os.environ["APP_PATH"]          # absolute path to the .apk
    options.udid = os.getenv("UDID", "emulator-5554")
    options.no_reset = False                      # every test starts from a fresh app
    options.new_command_timeout = 120
    drv = webdriver.Remote(APPIUM_URL, options=options)
    yield drv
    drv.quit()                                    # always end the session


@pytest.fixture
def wait(driver):
    return WebDriverWait(driver, 15)


def money(text: str) -> str:
    """'$ 29.99' and '$29.99' both become '29.99'."""
    match = re.search(r"\d+\.\d{2}", text)
    assert match, f"no price found in {text!r}"
    return match.group()


def test_catalog_lists_products(driver, wait):
    titles = wait.until(EC.presence_of_all_elements_located(PRODUCT_TITLE))
    assert len(titles) >= 2, "catalog should show at least two products"
    assert all(t.text.strip() for t in titles), "every product needs a name"


def test_product_page_matches_catalog(driver, wait):
    first_title = wait.until(EC.visibility_of_element_located(PRODUCT_TITLE))
    name = first_title.text
    catalog_price = money(driver.find_element(*PRODUCT_PRICE).text)

    first_title.click()
    wait.until(EC.element_to_be_clickable(ADD_TO_CART))

    assert driver.find_element(*DETAIL_TITLE).text == name
    assert money(driver.find_element(*PRODUCT_PRICE).text) == catalog_price
