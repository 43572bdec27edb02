"""Fixtures for the waits exercises (Module 10, lesson 2).

Start the shop first:   python ../trailmart.py            (or --speed slow to stress your waits)
Run the broken tests:   python -m pytest test_waits_broken.py -v
Run them ten times:     python -m pip install pytest-repeat  then  python -m pytest --count 10 -q
"""

import os

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


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
def shopper(driver, shop_url):
    """A logged-in normal customer on the products page, with an empty cart."""
    driver.get(shop_url + "/login")
    driver.find_element(By.ID, "email").send_keys("shopper@trailmart.test")
    driver.find_element(By.ID, "password").send_keys("Trail-2026!")
    driver.find_element(By.ID, "login-button").click()
    WebDriverWait(driver, 10).until(EC.url_to_be(shop_url + "/products"))
    return driver
