"""Fixtures for the page object examples (Module 10, lesson 3). Run from this folder:

    python ../trailmart.py          # in one terminal
    python -m pytest -v             # in another
"""

import os

import pytest
from selenium import webdriver

from pages.shop import LoginPage

SHOPPER = ("shopper@trailmart.test", "Trail-2026!")


@pytest.fixture
def shop_url():
    return os.environ.get("TRAILMART_URL", "http://localhost:8010")


@pytest.fixture
def driver():
    options = webdriver.ChromeOptions()
    if os.environ.get("HEADED") != "1":
        options.add_argument("--headless=new")
    options.add_argument("--window-size=1280,900")
    browser = webdriver.Chrome(options=options)
    yield browser
    browser.quit()


@pytest.fixture
def products(driver, shop_url):
    """Logged in as the normal shopper, on a fully loaded products page, with an empty cart."""
    return LoginPage(driver, shop_url).open().log_in_as(*SHOPPER).wait_until_loaded()
