"""Hybrid (WebView) and mobile Chrome tests for Module 14, Lesson 6.

Needs the `driver` fixture from first_appium_tests.py (copy it into a conftest.py), the Appium
server, and My Demo App for Android. For the Chrome test, start Appium with
    appium --allow-insecure=uiautomator2:chromedriver_autodownload
and set CHROME=1. Locators match My Demo App at the time of writing; confirm them in the Inspector.
"""
import os
from contextlib import contextmanager

import pytest
from appium import webdriver
from appium.options.android import UiAutomator2Options
from appium.webdriver.common.appiumby import AppiumBy
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PKG = "com.saucelabs.mydemoapp.android"
WEBVIEW = f"WEBVIEW_{PKG}"
MENU = (AppiumBy.ID, f"{PKG}:id/menuIV")
WEBVIEW_ITEM = (AppiumBy.ANDROID_UIAUTOMATOR, 'new UiSelector().text("WebView")')
URL_FIELD = (AppiumBy.ID, f"{PKG}:id/urlET")
GO_BUTTON = (AppiumBy.ID, f"{PKG}:id/goBtn")
URL_ERROR = (AppiumBy.ID, f"{PKG}:id/urlErrorTV")
DEMO_SITE = "https://www.saucedemo.com"


@contextmanager
def web_context(driver, name: str, timeout: float = 20):
    """Wait for a web context, switch into it, and always switch back to NATIVE_APP."""
    WebDriverWait(driver, timeout).until(lambda d: name in d.contexts)
    driver.switch_to.context(name)
    try:
        yield driver
    finally:
        driver.switch_to.context("NATIVE_APP")


def open_webview_screen(driver, wait):
    wait.until(EC.element_to_be_clickable(MENU)).click()
    wait.until(EC.element_to_be_clickable(WEBVIEW_ITEM)).click()
    return wait.until(EC.visibility_of_element_located(URL_FIELD))


def load_in_app(driver, url: str):
    wait = WebDriverWait(driver, 20)
    field = open_webview_screen(driver, wait)
    field.send_keys(url)
    driver.find_element(*GO_BUTTON).click()
    return wait


def test_https_page_loads_inside_the_app(driver):
    wait = load_in_app(driver, DEMO_SITE)
    with web_context(driver, WEBVIEW):
        username = wait.until(EC.visibility_of_element_located((By.ID, "user-name")))
        assert driver.title == "Swag Labs"
        username.send_keys("standard_user")
        assert username.get_attribute("value") == "standard_user"
    assert driver.current_context == "NATIVE_APP"


def test_login_inside_the_webview_reaches_products(driver):
    wait = load_in_app(driver, DEMO_SITE)
    with web_context(driver, WEBVIEW):
        wait.until(EC.visibility_of_element_located((By.ID, "user-name"))).send_keys("standard_user")
        driver.find_element(By.ID, "password").send_keys("secret_sauce")   # the demo site's published test password
        driver.find_element(By.ID, "login-button").click()
        wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".inventory_list")))


def test_plain_http_address_is_rejected(driver):
    wait = WebDriverWait(driver, 15)
    open_webview_screen(driver, wait).send_keys("http://www.saucedemo.com")
    driver.find_element(*GO_BUTTON).click()
    error = wait.until(EC.visibility_of_element_located(URL_ERROR))
    assert "https" in error.text.lower()
    assert WEBVIEW not in driver.contexts, "no page should load for a rejected address"


# ---- Level 2: the real Chrome browser on the emulator -------------------------------------------

@pytest.fixture
def chrome():
    if not os.getenv("CHROME"):
        pytest.skip("set CHROME=1 and start Appium with chromedriver auto-download")
    options = UiAutomator2Options()
    options.set_capability("browserName", "Chrome")
    options.udid = os.getenv("UDID", "emulator-5554")
    drv = webdriver.Remote(os.getenv("APPIUM_URL", "http://127.0.0.1:4723"), options=options)
    yield drv
    drv.quit()


def test_login_button_visible_with_keyboard_open(chrome):
    wait = WebDriverWait(chrome, 20)
    chrome.get(DEMO_SITE)
    wait.until(EC.element_to_be_clickable((By.ID, "password"))).click()

    web = chrome.current_context                     # CHROMIUM
    chrome.switch_to.context("NATIVE_APP")
    try:
        wait.until(lambda d: d.is_keyboard_shown())
    finally:
        chrome.switch_to.context(web)

    visible = chrome.execute_script(
        "const r = document.querySelector('#login-button').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.visualViewport.height;")
    assert visible, "the keyboard covers the login button"
