"""Bug hunt runner for the Module 9 lab "AI Versus Technique".

It runs each test suite you name against the correct refunds.py and then against twelve seeded
buggy versions of refund_cents(), and reports which bugs each suite catches.

    python run_bug_hunt.py test_refunds_ai.py test_refunds_technique.py
    python run_bug_hunt.py --reveal test_refunds_ai.py test_refunds_technique.py   # after the lab

A suite must pass on the correct code first. A suite that fails there has a wrong expected value
somewhere, and a "caught" bug would mean nothing, so the runner stops and shows the failures.

Keep this file closed until the debrief: the seeded bugs are described at the bottom of it.
The runner also works as a pytest plugin (-p run_bug_hunt), which is how it swaps the buggy
version in before your test files are imported.
"""

import argparse
import csv
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENV_NAME = "REFUND_VARIANT"
TIMEOUT_SECONDS = 120


# --- the seeded bugs (spoilers below this line) -----------------------------------------------

BUGS = {
    "B01": "Standard: exactly 48 hours gets the 50% band (uses > 48 instead of >= 48)",
    "B02": "Standard: exactly 24 hours gets nothing (uses > 24 instead of >= 24)",
    "B03": "Standard: the $2.00 admin fee is also taken in the 50% band",
    "B04": "Standard: the admin fee can make the refund negative (no floor at 0)",
    "B05": "Saver: operator cancellation is ignored, refund stays 0",
    "B06": "Flexible: still refunded in full after the train has left",
    "B07": "Standard: the 50% band rounds half a cent up instead of down",
    "B08": "Hours truncated with int(): -0.5 hours counts as 'not yet departed'",
    "B09": "Operator cancellation after departure gives 0 (departure checked first)",
    "B10": "Exactly 0 hours (the departure minute) counts as departed",
    "B11": "A negative price is accepted instead of raising ValueError",
    "B12": "Wrong admin fee constant: $2.50 instead of $2.00",
}


def buggy_refund_cents(bug):
    """A version of refund_cents() with one seeded bug."""
    import refunds

    def refund_cents(ticket_type, price_cents, hours_before_departure, operator_cancelled=False):
        if ticket_type not in refunds.TICKET_TYPES:
            raise ValueError(f"unknown ticket type: {ticket_type!r}")
        if isinstance(price_cents, bool) or not isinstance(price_cents, int):
            raise ValueError(f"price_cents must be a non-negative int, got {price_cents!r}")
        if price_cents < 0 and bug != "B11":
            raise ValueError(f"price_cents must be a non-negative int, got {price_cents!r}")
        hours = int(hours_before_departure) if bug == "B08" else hours_before_departure
        departed = hours <= 0 if bug == "B10" else hours < 0
        if bug == "B09" and departed:
            return 0
        if operator_cancelled and not (bug == "B05" and ticket_type == "saver"):
            return price_cents
        if departed and not (bug == "B06" and ticket_type == "flexible"):
            return 0
        if ticket_type == "flexible":
            return price_cents
        if ticket_type == "saver":
            return 0
        fee = 250 if bug == "B12" else refunds.ADMIN_FEE_CENTS
        full_band = hours > 48 if bug == "B01" else hours >= 48
        half_band = hours > 24 if bug == "B02" else hours >= 24
        if full_band:
            refund = price_cents - fee
            return refund if bug == "B04" else max(0, refund)
        if half_band:
            half = (price_cents + 1) // 2 if bug == "B07" else price_cents // 2
            return half - fee if bug == "B03" else half
        return 0

    return refund_cents


# --- pytest plugin: swap the buggy version in before test modules are imported ---------------

def pytest_configure(config):
    bug = os.environ.get(ENV_NAME)
    if bug:
        import refunds

        refunds.refund_cents = buggy_refund_cents(bug)


# --- the runner -------------------------------------------------------------------------------

def run_suite(test_file, bug=None):
    env = dict(os.environ)
    env.pop(ENV_NAME, None)
    if bug:
        env[ENV_NAME] = bug
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "run_bug_hunt",
               "-p", "no:cacheprovider", str(test_file)]
    done = subprocess.run(command, cwd=HERE, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT_SECONDS)
    return done.returncode, done.stdout + done.stderr


def count_tests(output):
    match = re.search(r"(\d+) passed", output)
    return int(match.group(1)) if match else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", nargs="+", help="pytest files to compare")
    parser.add_argument("--reveal", action="store_true", help="describe each seeded bug (debrief)")
    parser.add_argument("--csv", default="bug-hunt-results.csv", help="where to write the results")
    args = parser.parse_args(argv)

    suites = [Path(name).resolve() for name in args.suites]
    for suite in suites:
        if not suite.exists():
            parser.error(f"no such file: {suite}")

    sizes = {}
    for suite in suites:
        code, output = run_suite(suite)
        if code != 0:
            print(f"\n{suite.name} does not pass on the CORRECT code (pytest exit code {code}).")
            print("Fix the wrong expected values first; a suite that fails on correct code proves nothing.\n")
            print("\n".join(output.strip().splitlines()[-25:]))
            return 2
        sizes[suite.name] = count_tests(output)

    results = {}
    for bug in BUGS:
        for suite in suites:
            code, output = run_suite(suite, bug)
            if code == 1:
                results[bug, suite.name] = "caught"
            elif code == 0:
                results[bug, suite.name] = "missed"
            else:
                results[bug, suite.name] = f"error {code}"

    names = [suite.name for suite in suites]
    width = max(len(name) for name in names + ["bug"]) + 2
    print("bug".ljust(6) + "".join(name.ljust(width) for name in names))
    for bug in BUGS:
        row = bug.ljust(6) + "".join(results[bug, name].ljust(width) for name in names)
        print(row + (f"  {BUGS[bug]}" if args.reveal else ""))
    print()
    for name in names:
        caught = sum(results[bug, name] == "caught" for bug in BUGS)
        print(f"{name}: {sizes[name]} tests, caught {caught} of {len(BUGS)} seeded bugs "
              f"({100 * caught / len(BUGS):.0f}%)")
    if len(names) > 1:
        union = sum(any(results[bug, name] == "caught" for name in names) for bug in BUGS)
        print(f"all suites together: caught {union} of {len(BUGS)} ({100 * union / len(BUGS):.0f}%)")

    with open(args.csv, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["bug", *names])
        for bug in BUGS:
            writer.writerow([bug, *(results[bug, name] for name in names)])
    print(f"\nresults written to {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
