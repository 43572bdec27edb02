"""Summarise a step-load test per load level and point at the knee (Module 11).

Reads Locust's <prefix>_stats_history.csv (written by --csv) and, if you pass it, the
server_metrics.csv that shop_workload_locustfile.py writes. Standard library only.

  python find_knee.py results/step_stats_history.csv
  python find_knee.py results/step_stats_history.csv --server results/server_metrics.csv --p95-target 800

It can also read a summary file with the columns users,rps,p95_ms,error_pct (and optionally
requests_waiting_for_connection), such as step-test-results.csv from the lesson; rows with the
same number of users are averaged into one step.

For each step it prints throughput, 95th percentile and error rate, and flags:
  KNEE      throughput grew by less than a third of the growth in users, or p95 doubled
  TARGET    p95 above the target you passed, or errors at 1% or more
"""

import argparse
import csv
import statistics
from collections import defaultdict

SETTLE_S = 10  # ignore the first seconds of each step, while new users log in


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def steps_from_locust(path):
    rows = defaultdict(list)
    first_seen = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] != "Aggregated" or number(row["95%"]) is None:
                continue
            users, stamp = int(row["User Count"]), int(row["Timestamp"])
            first_seen.setdefault(users, stamp)
            if users and stamp - first_seen[users] >= SETTLE_S:
                rows[users].append(row)
    steps = []
    for users, items in sorted(rows.items()):
        rps = statistics.mean(number(r["Requests/s"]) for r in items)
        fails = statistics.mean(number(r["Failures/s"]) for r in items)
        steps.append({"users": users, "rps": rps, "p95_ms": statistics.median(number(r["95%"]) for r in items),
                      "error_pct": 100 * fails / rps if rps else 0.0,
                      "start": first_seen[users], "end": int(items[-1]["Timestamp"])})
    return steps


def steps_from_summary(path):
    """Rows with the same number of users are one step: average them."""
    by_users = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_users[int(row["users"])].append(row)
    steps = []
    for users, items in sorted(by_users.items()):
        waits = [number(r.get("requests_waiting_for_connection") or r.get("db_waiting")) for r in items]
        waits = [w for w in waits if w is not None]
        steps.append({"users": users,
                      "rps": statistics.mean(float(r["rps"]) for r in items),
                      "p95_ms": statistics.median(float(r["p95_ms"]) for r in items),
                      "error_pct": statistics.mean(float(r["error_pct"]) for r in items),
                      "db_waiting": statistics.mean(waits) if waits else None})
    return steps


def add_server_metrics(steps, path):
    with open(path, newline="", encoding="utf-8") as handle:
        samples = [r for r in csv.DictReader(handle) if number(r.get("db_waiting")) is not None]
    for step in steps:
        inside = [number(r["db_waiting"]) for r in samples
                  if step.get("start", 0) <= int(r["timestamp"]) <= step.get("end", 0)]
        step["db_waiting"] = statistics.mean(inside) if inside else None


def main():
    parser = argparse.ArgumentParser(description="Summarise a step-load test per load level.")
    parser.add_argument("results", help="Locust *_stats_history.csv or a users,rps,p95_ms,error_pct summary")
    parser.add_argument("--server", help="server_metrics.csv written during the same test")
    parser.add_argument("--p95-target", type=float, default=800, help="p95 target in ms (default 800)")
    args = parser.parse_args()

    with open(args.results, encoding="utf-8") as handle:
        header = handle.readline()
    steps = steps_from_locust(args.results) if "User Count" in header else steps_from_summary(args.results)
    if args.server:
        add_server_metrics(steps, args.server)

    print(f"{'users':>6} {'req/s':>7} {'p95 ms':>7} {'errors':>7} {'db wait':>8}  notes")
    previous = None
    for step in steps:
        notes = []
        if previous:
            user_growth = step["users"] / previous["users"] - 1
            rps_growth = step["rps"] / previous["rps"] - 1 if previous["rps"] else 0
            if rps_growth < user_growth / 3 or step["p95_ms"] >= 2 * previous["p95_ms"]:
                notes.append("KNEE")
        if step["p95_ms"] > args.p95_target or step["error_pct"] >= 1:
            notes.append("TARGET")
        wait = step.get("db_waiting")
        wait_text = f"{wait:8.1f}" if wait is not None else f"{'-':>8}"
        print(f"{step['users']:>6} {step['rps']:>7.1f} {step['p95_ms']:>7.0f} {step['error_pct']:>6.1f}% "
              f"{wait_text}  {' '.join(notes)}")
        previous = step
    good = [s for s in steps if s["p95_ms"] <= args.p95_target and s["error_pct"] < 1]
    if good:
        print(f"\nHighest load level that met p95 <= {args.p95_target:.0f} ms with errors < 1%: "
              f"{good[-1]['users']} users, {good[-1]['rps']:.1f} req/s")
    else:
        print("\nNo load level met the target: start the next test lower.")


if __name__ == "__main__":
    main()
