"""Draft a test completion report from pytest's JUnit XML results.

The headings follow the test completion report of ISO/IEC/IEEE 29119-3 (slightly simplified).
The script fills in the measures it can count; the sections that need human judgement are
marked "(write this)" with a prompt, because no tool can decide residual risk for you.

Usage:
    pytest --junitxml=results.xml
    python completion_report.py results.xml --project "Harbor Outfitters 2.4" --min-pass-rate 95
    python completion_report.py sample-junit-results.xml > completion-report.md

Standard library only (Python 3.10 or later).
"""

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict


def read_results(path):
    """Return a list of dicts, one per test case: area, name, outcome, seconds, message."""
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    cases = []
    for suite in suites:
        for case in suite.iter("testcase"):
            classname = case.get("classname", "")
            # "tests.test_checkout" -> "checkout"; "tests.api.test_orders.TestRefunds" -> "orders"
            module = next((part for part in classname.split(".") if part.startswith("test_")), classname)
            area = module.removeprefix("test_") or "unknown"
            outcome, message = "passed", ""
            for tag in ("failure", "error", "skipped"):
                child = case.find(tag)
                if child is not None:
                    outcome = {"failure": "failed", "error": "error", "skipped": "skipped"}[tag]
                    message = (child.get("message") or "").strip().splitlines()[0:1]
                    message = message[0] if message else ""
                    break
            cases.append({
                "area": area,
                "name": case.get("name", "?"),
                "outcome": outcome,
                "seconds": float(case.get("time", 0) or 0),
                "message": message,
            })
    return cases


def pass_rate(counts):
    executed = counts["passed"] + counts["failed"] + counts["error"]
    return 100.0 * counts["passed"] / executed if executed else 0.0


def draft(cases, project, min_pass_rate):
    totals = defaultdict(int)
    by_area = defaultdict(lambda: defaultdict(int))
    for case in cases:
        totals[case["outcome"]] += 1
        by_area[case["area"]][case["outcome"]] += 1
    rate = pass_rate(totals)
    seconds = sum(case["seconds"] for case in cases)
    met = rate >= min_pass_rate and totals["error"] == 0
    lines = [
        f"# Test completion report: {project}",
        "",
        "## 1. Scope",
        "(write this) Which test items, versions and environments did this cycle cover? What was out of scope?",
        "",
        "## 2. Testing performed",
        f"{len(cases)} automated test cases in {len(by_area)} areas, run time {seconds:.1f} s.",
        "",
        "| Area | Passed | Failed | Errors | Skipped | Pass rate |",
        "|---|---|---|---|---|---|",
    ]
    for area in sorted(by_area):
        c = by_area[area]
        executed = c["passed"] + c["failed"] + c["error"]
        shown = f"{pass_rate(c):.0f}%" if executed else "n/a (nothing ran)"
        lines.append(f"| {area} | {c['passed']} | {c['failed']} | {c['error']} | {c['skipped']} | {shown} |")
    lines += [
        f"| **total** | {totals['passed']} | {totals['failed']} | {totals['error']} "
        f"| {totals['skipped']} | {rate:.1f}% |",
        "",
        "## 3. Deviations from the plan",
        "(write this) Tests planned but not run, environments that changed, scope added late.",
        "",
        "## 4. Test completion evaluation",
        f"Exit criterion: pass rate of executed tests at least {min_pass_rate:g}% and no errors.",
        f"Result: {'MET' if met else 'NOT MET'} ({rate:.1f}%, {totals['error']} errors).",
        "",
        "## 5. Factors that blocked progress",
        "(write this) Blocked tests, unavailable services, late builds.",
        "",
        "## 6. Test measures: failed, errored and skipped tests",
    ]
    problems = [c for c in cases if c["outcome"] != "passed"]
    if not problems:
        lines.append("None.")
    for case in problems:
        lines.append(f"- {case['outcome'].upper()} {case['area']}::{case['name']} - {case['message'] or 'no message'}")
    lines += [
        "",
        "## 7. Residual risks",
        "(write this) For each failure or skipped area above: what could go wrong for users if we release now?",
        "",
        "## 8. Test deliverables",
        "JUnit XML results; this report; (add) bug report IDs, charters, logs.",
        "",
        "## 9. Reusable test assets",
        "(write this) Test data, fixtures or page objects the next cycle can reuse.",
        "",
        "## 10. Lessons learned",
        "(write this) One thing to keep, one thing to change.",
    ]
    return "\n".join(lines), met


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("junit_xml", help="file written by pytest --junitxml")
    parser.add_argument("--project", default="(project and version)")
    parser.add_argument("--min-pass-rate", type=float, default=95.0)
    args = parser.parse_args(argv)
    report, met = draft(read_results(args.junit_xml), args.project, args.min_pass_rate)
    print(report)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
