"""Framework fixtures and hooks for the TrailMart UI suite (Module 10, lesson 6).

    python -m pytest                              # local environment, Chrome, headless
    python -m pytest --env slow                   # against the slow copy of the shop
    python -m pytest --browser-name firefox --show-browser
    python -m pytest -n auto                      # parallel, with pytest-xdist
    python -m pytest --html=reports/ui.html --self-contained-html --junit-xml=reports/junit.xml

On a failing test, the hook below saves a screenshot, the page HTML and the URL into
reports/evidence/, and attaches the screenshot to the pytest-html report when it is installed.
"""

import re
import uuid
from pathlib import Path

import pytest
import requests

from core.driver_factory import create_driver
from core.settings import load_settings
from pages.base import BasePage
from pages.shop import LoginPage, ProductsPage

SHOPPER = {"email": "shopper@trailmart.test", "password": "Trail-2026!"}


def pytest_addoption(parser):
    group = parser.getgroup("trailmart", "TrailMart UI framework")
    group.addoption("--env", default=None, help="environment from core/settings.py (default: local)")
    group.addoption("--browser-name", default="chrome", choices=["chrome", "firefox"])
    group.addoption("--show-browser", action="store_true", help="run headed (named so it does not clash with pytest-playwright's --headed)")
    group.addoption("--evidence-dir", default="reports/evidence")


@pytest.fixture(scope="session")
def settings(pytestconfig):
    loaded = load_settings(
        env=pytestconfig.getoption("--env"),
        browser=pytestconfig.getoption("--browser-name"),
        headed=pytestconfig.getoption("--show-browser"),
        evidence_dir=pytestconfig.getoption("--evidence-dir"),
    )
    BasePage.timeout = loaded.timeout
    return loaded


@pytest.fixture(scope="session", autouse=True)
def shop_is_up(settings):
    """Fail fast with one clear message instead of 40 confusing ones."""
    try:
        requests.get(settings.base_url + "/api/health", timeout=5).raise_for_status()
    except requests.RequestException as error:
        pytest.exit(f"TrailMart is not reachable at {settings.base_url}: {error}", returncode=3)


@pytest.fixture
def driver(settings):
    browser = create_driver(settings)
    yield browser
    browser.quit()


@pytest.fixture
def login_page(driver, settings):
    return LoginPage(driver, settings.base_url).open()


@pytest.fixture
def products(driver, settings):
    """Logged in WITHOUT the login form: API login, then the session cookie goes into the browser."""
    response = requests.post(settings.base_url + "/api/login", json=SHOPPER, timeout=10)
    response.raise_for_status()
    driver.get(settings.base_url + "/api/health")       # cookies can only be set on the shop's domain
    driver.add_cookie({"name": "tm_session", "value": response.json()["token"], "path": "/"})
    return ProductsPage(driver, settings.base_url).open().wait_until_loaded()


@pytest.fixture
def customer():
    """Checkout details with a unique email, so parallel tests never share data."""
    return {
        "first_name": "Ada",
        "last_name": "Walker",
        "email": f"ada.walker+{uuid.uuid4().hex[:8]}@example.com",
        "postcode": "EH1 1YZ",
    }


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    driver = item.funcargs.get("driver") if hasattr(item, "funcargs") else None
    if report.failed and report.when in ("setup", "call") and driver is not None:
        folder = Path(item.config.getoption("--evidence-dir"))
        folder.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", item.nodeid)[-120:]
        driver.save_screenshot(str(folder / f"{name}.png"))
        (folder / f"{name}.html").write_text(driver.page_source, encoding="utf-8")
        report.sections.append(("evidence", f"URL: {driver.current_url}\nFiles: {folder / name}.png/.html"))
        html_plugin = item.config.pluginmanager.getplugin("html")
        if html_plugin is not None:
            extras = getattr(report, "extras", [])
            extras.append(html_plugin.extras.url(driver.current_url))
            extras.append(html_plugin.extras.png(driver.get_screenshot_as_base64(), "Screenshot"))
            report.extras = extras
    return report
