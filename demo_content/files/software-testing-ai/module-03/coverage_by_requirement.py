"""Coverage by requirement from a requirements list and a test list.

Usage:
    python coverage_by_requirement.py tickethub-requirements.csv tickethub-tests.csv

requirements CSV: req_id, title, priority
tests CSV:        test_id, title, requirements (ids separated by ;), type, result
Results: Passed, Failed, Blocked, Not run.

For each requirement it prints how many tests trace to it and a verdict:
  NOT COVERED   no test traces to it (a gap in the test design)
  FAILING       at least one of its tests failed
  INCOMPLETE    nothing failed, but some tests are blocked or not run
  PASSED        every test that traces to it passed
Then it lists orphan tests: tests with no requirement, or with an id that is not in the list.
Standard library only.
"""

import csv
import sys
from collections import defaultdict


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def verdict(results):
    if not results:
        return "NOT COVERED"
    if "Failed" in results:
        return "FAILING"
    if any(result != "Passed" for result in results):
        return "INCOMPLETE"
    return "PASSED"


def main(requirements_path, tests_path):
    requirements = read(requirements_path)
    known = {row["req_id"] for row in requirements}
    results_by_req = defaultdict(list)
    orphans = []
    for test in read(tests_path):
        ids = [part.strip() for part in (test["requirements"] or "").split(";") if part.strip()]
        unknown = [req for req in ids if req not in known]
        if not ids or unknown:
            orphans.append((test["test_id"], test["title"], ", ".join(unknown) or "no requirement"))
        for req in ids:
            if req in known:
                results_by_req[req].append(test["result"])
    counts = defaultdict(int)
    print(f"{'Req':<8} {'Prio':<7} {'Tests':>5}  {'Verdict':<12} Title")
    for req in requirements:
        results = results_by_req[req["req_id"]]
        result = verdict(results)
        counts[result] += 1
        print(f"{req['req_id']:<8} {req['priority']:<7} {len(results):>5}  {result:<12} {req['title']}")
    covered = len(requirements) - counts["NOT COVERED"]
    print()
    print(f"Covered: {covered} of {len(requirements)} requirements ({100 * covered / len(requirements):.0f}%)")
    print(f"Passed: {counts['PASSED']}, failing: {counts['FAILING']}, incomplete: {counts['INCOMPLETE']}, "
          f"not covered: {counts['NOT COVERED']}")
    if orphans:
        print("Orphan tests (trace to nothing we know):")
        for test_id, title, why in orphans:
            print(f"  {test_id} {title} ({why})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python coverage_by_requirement.py <requirements.csv> <tests.csv>")
    main(sys.argv[1], sys.argv[2])
