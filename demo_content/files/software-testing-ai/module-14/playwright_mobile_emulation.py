"""Layout smoke checks in phone profiles with Playwright for Python (Module 14, Lesson 6).

Install:  pip install playwright pytest && playwright install chromium webkit
Run:      python playwright_mobile_emulation.py [URL]
Default URL: https://www.saucedemo.com (Sauce Labs' public demo shop)

What it checks for each profile: the page loads, the login button is visible, and the page is not
wider than the screen (no horizontal scrolling). It saves a full-page screenshot per profile.
Remember: this is desktop Chromium/WebKit pretending to be a phone. It finds layout bugs; it does
not replace a real mobile browser.
"""
import sys

from playwright.sync_api import expect, sync_playwright

URL = sys.argv[1] if len(sys.argv) > 1 else "https://www.saucedemo.com"
PROFILES = ["iPhone 13", "Pixel 7", "iPhone SE"]


def check_profile(p, name: str) -> list[str]:
    problems = []
    device = p.devices[name]
    engine = p.webkit if device["default_browser_type"] == "webkit" else p.chromium
    browser = engine.launch()
    try:
        context = browser.new_context(
            **device,
            locale="de-DE",
            timezone_id="Europe/Berlin",
            geolocation={"latitude": 52.52, "longitude": 13.405},
            permissions=["geolocation"],
        )
        page = context.new_page()
        page.goto(URL)
        expect(page.locator("#login-button")).to_be_visible()

        widths = page.evaluate(
            "({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})")
        if widths["scroll"] > widths["client"]:
            problems.append(f"page is {widths['scroll']} px wide on a {widths['client']} px screen")

        viewport = page.evaluate("document.querySelector('meta[name=viewport]')?.content || ''")
        if "user-scalable=no" in viewport.replace(" ", "") or "maximum-scale=1" in viewport.replace(" ", ""):
            problems.append(f"viewport blocks zoom: {viewport!r}")

        page.screenshot(path=f"login-{name.replace(' ', '-')}.png", full_page=True)
    finally:
        browser.close()
    return problems


def main() -> int:
    failures = 0
    with sync_playwright() as p:
        for name in PROFILES:
            problems = check_profile(p, name)
            status = "OK  " if not problems else "FAIL"
            print(f"{status} {name:<10} {'; '.join(problems)}")
            failures += bool(problems)
    print(f"{len(PROFILES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
