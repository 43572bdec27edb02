"""Shared fixtures for the first Selenium tests (Module 10, lesson 1).

Start the practice shop first:  python ../trailmart.py
Then run:                       python -m pytest -v
Watch the browser:              HEADED=1 python -m pytest -v      (Windows PowerShell: $env:HEADED="1")
"""

import os

import pytest
from selenium import webdriver


@pytest.fixture
def shop_url():
    """Where TrailMart runs. Override with TRAILMART_URL=http://localhost:8123 if you changed the port."""
    return os.environ.get("TRAILMART_URL", "http://localhost:8010")


@pytest.fixture
def driver():
    """A fresh Chrome for every test, closed afterwards even when the test fails."""
    options = webdriver.ChromeOptions()
    if os.environ.get("HEADED") != "1":
        options.add_argument("--headless=new")
    options.add_argument("--window-size=1280,900")
    browser = webdriver.Chrome(options=options)  # Selenium Manager finds or downloads the driver
    yield browser
    browser.quit()
