"""Summarise a JUnit XML test report for triage (Module 8, "Reading Test Reports and Acting on Failures").

Usage:
    python junit_summary.py reports/junit.xml
    python junit_summary.py shop-suite-junit-report.txt --slowest 5

pytest writes the report with:  python -m pytest --junitxml=reports/junit.xml
Any file name works, as long as the content is JUnit XML. Exit code: 1 when the report contains
failures or errors, 0 otherwise, so the script can also guard a CI step. Standard library only.
"""

import argparse
import sys
import xml.etree.ElementTree as ET


def outcome(case):
    """passed, failed, error, skipped or xfailed for one <testcase> element."""
    if case.find("failure") is not None:
        return "failed"
    if case.find("error") is not None:
        return "error"
    skipped = case.find("skipped")
    if skipped is not None:
        # JUnit XML has no "expected failure"; pytest writes it as <skipped type="pytest.xfail">.
        return "xfailed" if skipped.get("type") == "pytest.xfail" else "skipped"
    return "passed"


def first_line(text):
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def summarise(path, slowest):
    root = ET.parse(path).getroot()
    cases = list(root.iter("testcase"))
    counts = {"passed": 0, "failed": 0, "error": 0, "skipped": 0, "xfailed": 0}
    problems = []
    for case in cases:
        result = outcome(case)
        counts[result] += 1
        if result in ("failed", "error", "skipped", "xfailed"):
            detail = case.find("failure")
            if detail is None:
                detail = case.find("error")
            if detail is None:
                detail = case.find("skipped")
            node_id = f"{case.get('classname')}::{case.get('name')}"
            problems.append((result, node_id, first_line(detail.get("message")), float(case.get("time") or 0)))

    suite = root if root.tag == "testsuite" else root.find("testsuite")
    total_time = float(suite.get("time") or 0) if suite is not None else 0.0
    host = suite.get("hostname", "?") if suite is not None else "?"
    stamp = suite.get("timestamp", "?") if suite is not None else "?"
    print(f"Report: {path}  (host {host}, started {stamp}, {total_time:.1f} s)")
    print("  ".join(f"{name}: {number}" for name, number in counts.items()) + f"  total: {len(cases)}")
    order = {"error": 0, "failed": 1, "xfailed": 2, "skipped": 3}
    if problems:
        print("\nNeeds a look (errors first):")
        for result, node_id, message, seconds in sorted(problems, key=lambda item: order[item[0]]):
            print(f"  {result.upper():<8} {node_id}  [{seconds:.2f} s]")
            if message:
                print(f"           {message}")
    if slowest:
        print(f"\nSlowest {slowest}:")
        timed = sorted(cases, key=lambda case: float(case.get("time") or 0), reverse=True)[:slowest]
        for case in timed:
            print(f"  {float(case.get('time') or 0):6.2f} s  {case.get('classname')}::{case.get('name')}")
    return 1 if counts["failed"] or counts["error"] else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="Summarise a JUnit XML test report.")
    parser.add_argument("report", help="path to the JUnit XML file")
    parser.add_argument("--slowest", type=int, default=3, help="how many of the slowest tests to list (0 for none)")
    args = parser.parse_args(argv)
    return summarise(args.report, args.slowest)


if __name__ == "__main__":
    sys.exit(main())
