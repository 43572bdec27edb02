"""Check every locator in a locator inventory CSV against the running site (Module 7 project).

Each row names a page, an element, a strategy and a locator. The script opens the page with
Playwright, counts the elements the locator matches and compares the count with expected_count
(usually 1: a locator for one element must match exactly one). Strategies:

    role      <role>|<accessible name>     e.g. button|Search rooms
    label     <label text>                 e.g. Check-in
    testid    <data-testid value>          e.g. search-rooms
    placeholder <placeholder text>
    text      <visible text>
    css       <CSS selector>               e.g. #booking-form [name="email"]
    xpath     <XPath expression>           e.g. //h1

    pip install playwright && playwright install chromium
    python check_locators.py locator-inventory-template.csv --base-url http://localhost:8000

It exits with code 1 when any row fails, so you can run it after every release of the site.
"""

import argparse
import csv
import sys

from playwright.sync_api import sync_playwright


def build_locator(page, strategy, value):
    if strategy == "role":
        role, _, name = value.partition("|")
        return page.get_by_role(role.strip(), name=name.strip(), exact=True) if name else page.get_by_role(role.strip())
    if strategy == "label":
        return page.get_by_label(value, exact=True)
    if strategy == "testid":
        return page.get_by_test_id(value)
    if strategy == "placeholder":
        return page.get_by_placeholder(value, exact=True)
    if strategy == "text":
        return page.get_by_text(value, exact=True)
    if strategy == "css":
        return page.locator(f"css={value}")
    if strategy == "xpath":
        return page.locator(f"xpath={value}")
    raise ValueError(f"unknown strategy {strategy!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inventory")
    parser.add_argument("--base-url", default="http://localhost:8000")
    args = parser.parse_args()
    with open(args.inventory, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch()
        page = browser.new_page()
        current = None
        for number, row in enumerate(rows, start=2):  # line 1 is the header
            url = args.base_url.rstrip("/") + row["page"]
            if url != current:
                page.goto(url, wait_until="networkidle")
                current = url
            try:
                count = build_locator(page, row["strategy"].strip(), row["locator"]).count()
            except Exception as error:  # noqa: BLE001 - a broken selector is a failed row, not a crash
                count, note = -1, f"error: {str(error).splitlines()[0]}"
            else:
                note = ""
            expected = int(row.get("expected_count") or 1)
            ok = count == expected
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'}  line {number:3}  {row['element'][:32]:32}  "
                  f"{row['strategy']:11} matched {count}, expected {expected} {note}")
        browser.close()
    print(f"{len(rows) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
