"""Check a pipeline's quality gates from its reports, and fail the job when a blocking gate fails.

Reads pytest's JUnit XML (--junitxml) and coverage.py's JSON report (coverage json, or
pytest --cov --cov-report=json). Standard library only.

    python check_quality_gates.py --junit reports/unit-junit.xml --junit reports/api-junit.xml \
        --coverage reports/coverage.json --min-coverage 80 --baseline-coverage 84.2 --min-tests 50

Try it on the samples from the lesson:
    python check_quality_gates.py --junit sample-junit.xml --coverage sample-coverage.json \
        --min-coverage 80 --baseline-coverage 84.2 --min-tests 8

Exit code 0: every blocking gate passed (warnings are printed but do not fail the job).
Exit code 1: at least one blocking gate failed.
Exit code 2: a report is missing or unreadable - treated as a failure, never as a pass.
"""

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET


def read_junit(paths):
    """Counts and total time over one or more JUnit XML files."""
    counts = {"tests": 0, "failed": 0, "errors": 0, "skipped": 0, "time": 0.0}
    failing = []
    for path in paths:
        root = ET.parse(path).getroot()
        for case in root.iter("testcase"):
            counts["tests"] += 1
            counts["time"] += float(case.get("time") or 0)
            name = f"{case.get('classname')}::{case.get('name')}"
            if case.find("failure") is not None:
                counts["failed"] += 1
                failing.append(name)
            elif case.find("error") is not None:
                counts["errors"] += 1
                failing.append(name)
            elif case.find("skipped") is not None:
                counts["skipped"] += 1
    return counts, failing


def read_coverage(path):
    with open(path, encoding="utf-8") as handle:
        return float(json.load(handle)["totals"]["percent_covered"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--junit", action="append", required=True, help="JUnit XML file (repeat for several)")
    parser.add_argument("--coverage", help="coverage.py JSON report")
    parser.add_argument("--min-coverage", type=float, default=80.0, help="blocking: line coverage at least this")
    parser.add_argument("--baseline-coverage", type=float, help="blocking: not more than 0.5 points below this")
    parser.add_argument("--min-tests", type=int, default=1, help="blocking: at least this many tests ran")
    parser.add_argument("--max-skipped", type=int, default=0, help="warning: more skipped tests than this")
    parser.add_argument("--time-budget", type=float, default=300.0, help="warning: total test time in seconds")
    args = parser.parse_args(argv)

    try:
        counts, failing = read_junit(args.junit)
        coverage = read_coverage(args.coverage) if args.coverage else None
    except (OSError, ET.ParseError, KeyError, ValueError) as error:
        print(f"GATE ERROR: cannot read a report ({error}). A missing report is a failed gate.")
        return 2

    gates = []  # (name, passed, blocking, detail)
    broken = counts["failed"] + counts["errors"]
    ran, skipped, seconds = counts["tests"], counts["skipped"], counts["time"]
    gates.append(("No failed or errored tests", broken == 0, True, f"{broken} failing"))
    gates.append(("Enough tests ran", ran >= args.min_tests, True, f"{ran} ran (minimum {args.min_tests})"))
    if coverage is not None:
        detail = f"{coverage:.1f}% (minimum {args.min_coverage:.0f}%)"
        gates.append(("Line coverage", coverage >= args.min_coverage, True, detail))
        if args.baseline_coverage is not None:
            detail = f"{coverage:.1f}% vs {args.baseline_coverage:.1f}% on main"
            gates.append(("Coverage not lower than main", args.baseline_coverage - coverage <= 0.5, True, detail))
    detail = f"{skipped} skipped (allowed {args.max_skipped})"
    gates.append(("Skipped tests", skipped <= args.max_skipped, False, detail))
    detail = f"{seconds:.0f} s of {args.time_budget:.0f} s"
    gates.append(("Test time budget", seconds <= args.time_budget, False, detail))

    lines = ["| Gate | Result | Detail |", "| --- | --- | --- |"]
    for name, passed, blocking, detail in gates:
        result = "PASS" if passed else ("FAIL" if blocking else "WARN")
        lines.append(f"| {name} | {result} | {detail} |")
        print(f"{result:4}  {name}: {detail}")
    for name in failing:
        print(f"      failing: {name}")

    blocked = [name for name, passed, blocking, _ in gates if blocking and not passed]
    verdict = "BLOCKED by: " + ", ".join(blocked) if blocked else "all blocking gates passed"
    print(verdict)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:  # in GitHub Actions, also show the table on the run's summary page
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write("### Quality gates\n\n" + "\n".join(lines) + f"\n\n**{verdict}**\n")
    return 1 if blocked else 0


if __name__ == "__main__":
    sys.exit(main())
