"""Module 1, lesson "The Test Process": trace results back to requirements.

Joins a traceability table (CSV: requirement, criterion, test_condition, test_case, ...)
with a JUnit XML result file, the format pytest writes with --junitxml and most CI tools
read, and prints, for every acceptance criterion, how many of its tests passed, failed
or have no result yet. It ends with a non-zero exit code while anything failed or is
missing, so a pipeline could use it as a gate later in the course (Module 12).

    pytest --junitxml=results.xml test_stay_price.py
    python trace_check.py stay-price-traceability.csv results.xml

A test is matched by the test case id in square brackets, e.g. test_stay_total[TC-214-03].
Manual tests have no entry in the XML: record them in the CSV's optional "manual_result"
column (passed / failed) or they stay "no result".
"""

import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

CASE_ID = re.compile(r"\[([A-Z]+-[\w-]+)\]")


def read_results(path):
    results = {}
    for case in ET.parse(path).iter("testcase"):
        match = CASE_ID.search(case.get("name", ""))
        if not match:
            continue
        if case.find("failure") is not None or case.find("error") is not None:
            results[match.group(1)] = "failed"
        elif case.find("skipped") is not None:
            results[match.group(1)] = "skipped"
        else:
            results[match.group(1)] = "passed"
    return results


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python trace_check.py TRACEABILITY.csv RESULTS.xml")
    with open(sys.argv[1], newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    results = read_results(sys.argv[2])
    by_criterion = defaultdict(lambda: defaultdict(list))
    for row in rows:
        status = results.get(row["test_case"]) or (row.get("manual_result") or "").strip().lower() or "no result"
        by_criterion[(row["requirement"], row["criterion"])][status].append(row["test_case"])

    problems = 0
    print(f"{'requirement':12} {'criterion':10} {'passed':>6} {'failed':>6} {'no result':>9}  verdict")
    for (requirement, criterion), statuses in sorted(by_criterion.items()):
        failed, missing = statuses["failed"], statuses["no result"] + statuses["skipped"]
        verdict = "FAILED " + ", ".join(failed) if failed else ("OPEN " + ", ".join(missing) if missing else "ok")
        problems += bool(failed or missing)
        print(f"{requirement:12} {criterion:10} {len(statuses['passed']):6} {len(failed):6} {len(missing):9}  {verdict}")
    unknown = sorted(set(results) - {row["test_case"] for row in rows})
    if unknown:
        print("Tests with no requirement in the table: " + ", ".join(unknown))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
