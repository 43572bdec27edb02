"""Break-even calculator for test automation candidates (Module 8, lesson 1).

Usage:
    python automation_roi.py automation-candidate-scorecard.csv
    python automation_roi.py automation-candidate-scorecard.csv --runs-per-year 104
    python automation_roi.py --manual 25 --build-hours 8 --run-cost 2 --runs-per-year 26

The formula:
    break-even runs = build minutes / (manual minutes per run - maintenance minutes per run)
    payback months  = break-even runs / (runs per year / 12)

"Runs per year" means manual runs the automated test replaces: how often someone would otherwise
run the test by hand (every release, every hotfix). Extra runs in CI give faster feedback, which is
real value, but they save no manual minutes, so they are not counted here.
A candidate whose maintenance per run is as large as the manual run never pays back.
Only the Python standard library is needed.
"""

import argparse
import csv
import math
import sys


def break_even(manual_minutes, build_hours, run_cost_minutes, runs_per_year):
    """(break-even runs, payback months); both are math.inf when automation never pays back."""
    saving_per_run = manual_minutes - run_cost_minutes
    if saving_per_run <= 0 or runs_per_year <= 0:
        return math.inf, math.inf
    runs = build_hours * 60 / saving_per_run
    months = runs / (runs_per_year / 12)
    return runs, months


def verdict(months):
    if months <= 6:
        return "automate first"
    if months <= 18:
        return "automate later"
    return "keep manual (for now)"


def show(value):
    return "never" if math.isinf(value) else f"{value:.1f}"


def from_file(path, runs_override):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    results = []
    for row in rows:
        runs_per_year = runs_override or float(row["runs_per_year"])
        runs, months = break_even(
            float(row["manual_minutes"]),
            float(row["build_hours"]),
            float(row["maintenance_minutes_per_run"]),
            runs_per_year,
        )
        if row.get("clear_oracle", "yes").strip().lower() == "no":
            advice = "keep manual: needs human judgement"
        else:
            advice = verdict(months)
        results.append((months, row["id"], row["test_case"], runs, advice))
    results.sort(key=lambda item: item[0])
    print(f"{'id':<6} {'break-even runs':>15} {'payback months':>14}  advice / test case")
    for months, test_id, name, runs, advice in results:
        print(f"{test_id:<6} {show(runs):>15} {show(months):>14}  {advice} / {name}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv_file", nargs="?", help="a scorecard CSV with the columns of the template")
    parser.add_argument("--runs-per-year", type=float, help="override every row's manual runs per year (e.g. 104 for two releases a week)")
    parser.add_argument("--manual", type=float, help="manual minutes per run (single candidate)")
    parser.add_argument("--build-hours", type=float, help="hours to build the automated test")
    parser.add_argument("--run-cost", type=float, default=0, help="maintenance minutes per automated run")
    args = parser.parse_args(argv)
    if args.csv_file:
        from_file(args.csv_file, args.runs_per_year)
        return 0
    if args.manual is None or args.build_hours is None or args.runs_per_year is None:
        parser.error("give a CSV file, or --manual, --build-hours and --runs-per-year")
    runs, months = break_even(args.manual, args.build_hours, args.run_cost, args.runs_per_year)
    print(f"break-even after {show(runs)} runs, about {show(months)} months: {verdict(months)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
