#!/usr/bin/env python3
"""Look for a memory leak: repeat a screen round trip and record the app's memory (Module 14, Lesson 7).

The script opens a product page in My Demo App and goes back, N times, and reads the app's total
PSS (proportional set size, in KB) from `adb shell dumpsys meminfo` every few rounds. Memory that
climbs steadily round after round, instead of levelling off, suggests a leak worth reporting.

Run with the Appium server and an emulator or phone running:
    APP_PATH=/abs/path/mda.apk python memory_loop.py --rounds 30 --every 5
Needs Appium-Python-Client 5 or later and adb on PATH. Locators match My Demo App at the time of
writing; confirm them in the Appium Inspector.
"""
import argparse
import os
import re
import subprocess

from appium import webdriver
from appium.options.android import UiAutomator2Options
from appium.webdriver.common.appiumby import AppiumBy
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PKG = "com.saucelabs.mydemoapp.android"
PRODUCT_TITLE = (AppiumBy.ID, f"{PKG}:id/titleTV")
ADD_TO_CART = (AppiumBy.ACCESSIBILITY_ID, "Tap to add product to cart")


def total_pss_kb(serial: str) -> int:
    out = subprocess.run(["adb", "-s", serial, "shell", "dumpsys", "meminfo", PKG],
                         capture_output=True, text=True, check=True).stdout
    match = re.search(r"TOTAL PSS:\s+(\d+)", out) or re.search(r"^\s*TOTAL\s+(\d+)", out, re.MULTILINE)
    if not match:
        raise RuntimeError("could not find TOTAL PSS in dumpsys meminfo output")
    return int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--every", type=int, default=5, help="read memory every N rounds")
    args = parser.parse_args()
    serial = os.getenv("UDID", "emulator-5554")

    options = UiAutomator2Options()
    options.app = os.environ["APP_PATH"]
    options.udid = serial
    driver = webdriver.Remote(os.getenv("APPIUM_URL", "http://127.0.0.1:4723"), options=options)
    wait = WebDriverWait(driver, 15)
    readings = []
    try:
        wait.until(EC.visibility_of_element_located(PRODUCT_TITLE))
        readings.append((0, total_pss_kb(serial)))
        for round_no in range(1, args.rounds + 1):
            wait.until(EC.element_to_be_clickable(PRODUCT_TITLE)).click()
            wait.until(EC.element_to_be_clickable(ADD_TO_CART))
            driver.back()
            wait.until(EC.visibility_of_element_located(PRODUCT_TITLE))
            if round_no % args.every == 0:
                readings.append((round_no, total_pss_kb(serial)))
                print(f"after {round_no:>3} rounds: {readings[-1][1] / 1024:7.1f} MB")
    finally:
        driver.quit()

    first, last = readings[0][1], readings[-1][1]
    per_round = (last - first) / max(1, readings[-1][0])
    print(f"\nstart {first / 1024:.1f} MB, end {last / 1024:.1f} MB, {per_round:.0f} KB per round")
    print("Steady growth in every reading suggests a leak; a rise that levels off is usually caching.")


if __name__ == "__main__":
    main()
