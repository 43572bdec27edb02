"""Run the axe-core accessibility rules on one or more pages and write the violations to a CSV file.

Module 7, lesson "Accessibility Testing Basics". Needs Playwright for Python:

    pip install playwright
    playwright install chromium
    python axe_audit.py http://localhost:8000/ http://localhost:8000/book?room=2
    python axe_audit.py http://localhost:8000/ --axe-file axe.min.js   # offline: a local copy of axe-core

axe-core (https://github.com/dequelabs/axe-core) is the open-source rules engine behind axe DevTools
and many CI checks. It is injected into the page and run there. By default the script loads axe-core 4.x
from the jsDelivr CDN; with --axe-file it uses a copy you downloaded (npm pack axe-core gives one).

Remember: an empty report does not mean the page is accessible. Automated rules catch only part of
the problems; keyboard and screen reader checks find the rest.
"""

import argparse
import csv
import sys

from playwright.sync_api import sync_playwright

AXE_CDN = "https://cdn.jsdelivr.net/npm/axe-core@4/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--axe-file", help="path to a local axe.min.js instead of the CDN")
    parser.add_argument("--out", default="axe-violations.csv")
    args = parser.parse_args()
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch()
        page = browser.new_page()
        for url in args.urls:
            page.goto(url, wait_until="networkidle")
            if args.axe_file:
                page.add_script_tag(path=args.axe_file)
            else:
                page.add_script_tag(url=AXE_CDN)
            results = page.evaluate(RUN_AXE, WCAG_TAGS)
            for violation in results["violations"]:
                for node in violation["nodes"]:
                    rows.append({
                        "page": url,
                        "rule": violation["id"],
                        "impact": violation["impact"],
                        "wcag": " ".join(t for t in violation["tags"] if t.startswith("wcag") and t[4:5].isdigit()),
                        "element": " ".join(node["target"]) if isinstance(node["target"][0], str) else str(node["target"]),
                        "help": violation["help"],
                        "help_url": violation["helpUrl"],
                    })
            print(f"{url}: {len(results['violations'])} rule(s) violated, "
                  f"{len(results['incomplete'])} need a human check, {len(results['passes'])} passed")
        browser.close()
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["page", "rule", "impact", "wcag", "element", "help", "help_url"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} failing element(s) written to {args.out}")
    return 1 if rows else 0


if __name__ == "__main__":
    sys.exit(main())
