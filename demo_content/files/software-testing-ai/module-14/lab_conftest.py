"""conftest.py for the Module 14 lab "Automate Login and Add to Cart on Android".

Save this file as conftest.py in the root of your test project.

Environment variables:
    APP_PATH    absolute path to the My Demo App .apk (required)
    UDID        device serial from `adb devices` (default emulator-5554)
    APPIUM_URL  Appium server (default http://127.0.0.1:4723)

Every test gets a fresh session with the app's data cleared (no_reset = False), so tests do not
depend on each other. When the body of a test fails, a screenshot and the page source are saved to
artifacts/<test name>.png and .xml before the session ends. Start Appium with
`appium --log artifacts/appium.log --log-timestamp` to keep the server log next to them.
"""
import os
import pathlib

import pytest
from appium import webdriver
from appium.options.android import UiAutomator2Options

ARTIFACTS = pathlib.Path("artifacts")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)  # rep_setup, rep_call, rep_teardown


@pytest.fixture
def driver(request):
    options = UiAutomator2Options()
    options.app = os.environ["APP_PATH"]
    options.udid = os.getenv("UDID", "emulator-5554")
    options.no_reset = False            # clean app data for every test
    options.new_command_timeout = 120
    options.disable_window_animation = True
    drv = webdriver.Remote(os.getenv("APPIUM_URL", "http://127.0.0.1:4723"), options=options)
    yield drv
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = request.node.name.replace("/", "_")
        drv.get_screenshot_as_file(str(ARTIFACTS / f"{name}.png"))
        (ARTIFACTS / f"{name}.xml").write_text(drv.page_source, encoding="utf-8")
    drv.quit()
