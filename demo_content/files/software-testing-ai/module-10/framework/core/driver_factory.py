"""Create browser sessions in one place (Module 10, lesson 6).

Tests and page objects never build drivers themselves. Adding Edge, a Selenium Grid or a cloud
provider later means changing this file only.
"""

import os

from selenium import webdriver


def create_driver(settings):
    if settings.browser == "chrome":
        options = webdriver.ChromeOptions()
        if settings.headless:
            options.add_argument("--headless=new")
        options.add_argument("--window-size=1280,900")
    elif settings.browser == "firefox":
        options = webdriver.FirefoxOptions()
        if settings.headless:
            options.add_argument("-headless")
        options.add_argument("--width=1280")
        options.add_argument("--height=900")
    else:
        raise ValueError(f"Unsupported browser {settings.browser!r}; use chrome or firefox")

    grid_url = os.environ.get("SELENIUM_REMOTE_URL")   # e.g. http://localhost:4444 for a Selenium Grid
    if grid_url:
        driver = webdriver.Remote(command_executor=grid_url, options=options)
    elif settings.browser == "chrome":
        driver = webdriver.Chrome(options=options)
    else:
        driver = webdriver.Firefox(options=options)
    driver.set_page_load_timeout(30)
    return driver
