"""Screenshot one page in three browser engines and three screen sizes, and flag horizontal scrolling.

Module 7, lesson "Cross-Browser and Responsive Testing". Needs Playwright for Python:

    pip install playwright
    playwright install chromium firefox webkit
    python responsive_screenshots.py http://localhost:8000/
    python responsive_screenshots.py http://localhost:8000/book?room=2 --engines chromium webkit

Screenshots go to ./screenshots/<engine>-<viewport>.png. A page that is wider than the window
(document.documentElement.scrollWidth > window.innerWidth) makes users scroll sideways: on a phone
that is almost always a bug (WCAG 2.2 success criterion 1.4.10, Reflow).
The script exits with code 1 if any combination overflows, so it can run in CI later in the course.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Error, sync_playwright

VIEWPORTS = {
    "phone-375": {"width": 375, "height": 812},
    "tablet-768": {"width": 768, "height": 1024},
    "laptop-1366": {"width": 1366, "height": 768},
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--engines", nargs="+", default=["chromium", "firefox", "webkit"])
    parser.add_argument("--out", default="screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    problems = 0
    with sync_playwright() as p:
        for engine in args.engines:
            try:
                browser = getattr(p, engine).launch()
            except Error as error:
                print(f"{engine:9} not available ({error.message.splitlines()[0]}); run: playwright install {engine}")
                continue
            for name, size in VIEWPORTS.items():
                # is_mobile and has_touch are Chromium-only emulation flags; Firefox refuses is_mobile.
                context = browser.new_context(viewport=size)
                page = context.new_page()
                page.goto(args.url, wait_until="networkidle")
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                inner_width = page.evaluate("window.innerWidth")
                path = out / f"{engine}-{name}.png"
                page.screenshot(path=path, full_page=True)
                overflow = scroll_width > inner_width
                problems += overflow
                verdict = f"OVERFLOW: page is {scroll_width}px wide in a {inner_width}px window" if overflow else "ok"
                print(f"{engine:9} {name:12} {verdict:55} {path}")
                context.close()
            browser.close()
    print(f"{problems} combination(s) with horizontal scrolling")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
