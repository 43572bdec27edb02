"""Weekly pipeline trends and flaky-test detection from a run history CSV (Module 12).

    python ci_trends.py pipeline-run-history.csv

The CSV has one row per pipeline attempt: run_id, started_utc, branch, commit, attempt,
duration_minutes, tests, passed, failed, skipped, failed_tests (node ids separated by ";").

What it reports:
- per ISO week: runs, first-attempt pass rate, median and slowest duration, test count
- flaky tests: failed on one attempt and passed on a rerun of the SAME commit
- consistent failures: failed on every attempt of a commit (a real defect or a broken test)
Standard library only.
"""

import csv
import statistics
import sys
from collections import Counter, defaultdict
from datetime import datetime


def load(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["started"] = datetime.strptime(row["started_utc"], "%Y-%m-%d %H:%M")
        row["attempt"] = int(row["attempt"])
        row["duration"] = float(row["duration_minutes"])
        row["failed_set"] = {name for name in row["failed_tests"].split(";") if name}
    return rows


def weekly(rows):
    weeks = defaultdict(list)
    for row in rows:
        year, week, _ = row["started"].isocalendar()
        weeks[f"{year}-W{week:02d}"].append(row)
    print("week      runs  first-try pass  median min  slowest min  tests")
    for week, items in sorted(weeks.items()):
        first = [r for r in items if r["attempt"] == 1]
        green = sum(1 for r in first if not r["failed_set"])
        durations = [r["duration"] for r in items]
        print(
            f"{week}  {len(first):4}  {100 * green / len(first):13.0f}%  {statistics.median(durations):10.1f}"
            f"  {max(durations):11.1f}  {max(int(r['tests']) for r in items):5}"
        )


def flaky_and_consistent(rows):
    by_commit = defaultdict(list)
    for row in rows:
        by_commit[row["commit"]].append(row)
    flaky, consistent = Counter(), Counter()
    for attempts in by_commit.values():
        failed_somewhere = set().union(*(r["failed_set"] for r in attempts))
        for test in failed_somewhere:
            outcomes = [test in r["failed_set"] for r in attempts]
            if len(attempts) > 1 and not all(outcomes):
                flaky[test] += 1  # same code, different result: the test (or its environment) is unreliable
            else:
                consistent[test] += 1  # failed every time it ran on this commit
    return flaky, consistent


def main(path):
    rows = load(path)
    print(f"{len(rows)} attempts from {rows[0]['started_utc']} to {rows[-1]['started_utc']}\n")
    weekly(rows)
    flaky, consistent = flaky_and_consistent(rows)
    print("\nFlaky tests (failed, then passed on a rerun of the same commit):")
    for test, times in flaky.most_common() or [("none", 0)]:
        print(f"  {times} x {test}")
    print("\nConsistent failures (failed on every attempt of a commit) - investigate as defects:")
    for test, commits in consistent.most_common() or [("none", 0)]:
        print(f"  {commits} commit(s): {test}")
    reruns = sum(1 for r in rows if r["attempt"] > 1)
    print(
        f"\nReruns: {reruns} of {len(rows)} attempts ({100 * reruns / len(rows):.0f}%) - every rerun costs a developer wait"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "pipeline-run-history.csv")
