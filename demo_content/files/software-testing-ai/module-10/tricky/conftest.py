"""Fixtures for the tricky-bits examples (Module 10, lesson 5).

    python -m pip install selenium pytest requests
    python ../trailmart.py                 # in another terminal
    python -m pytest -v test_tricky_selenium.py
"""

import os

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


@pytest.fixture
def shop_url():
    return os.environ.get("TRAILMART_URL", "http://localhost:8010")


@pytest.fixture
def download_dir(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def driver(download_dir):
    options = webdriver.ChromeOptions()
    if os.environ.get("HEADED") != "1":
        options.add_argument("--headless=new")
    options.add_argument("--window-size=1280,900")
    # Save downloads into this test's own folder, without asking.
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
    })
    browser = webdriver.Chrome(options=options)
    yield browser
    browser.quit()


@pytest.fixture
def wait(driver):
    return WebDriverWait(driver, 10)


@pytest.fixture
def shopper(driver, wait, shop_url):
    """Logged in through the form, on the products page."""
    driver.get(shop_url + "/login")
    driver.find_element(By.ID, "email").send_keys("shopper@trailmart.test")
    driver.find_element(By.ID, "password").send_keys("Trail-2026!")
    driver.find_element(By.ID, "login-button").click()
    wait.until(EC.url_to_be(shop_url + "/products"))
    return driver


@pytest.fixture
def api(shopper, shop_url):
    """A requests session that shares the browser's login cookie, for fast test setup."""
    session = requests.Session()
    session.cookies.set("tm_session", shopper.get_cookie("tm_session")["value"])
    session.base = shop_url
    return session
