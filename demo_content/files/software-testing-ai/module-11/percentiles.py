"""Response time percentiles from a CSV file, the way performance tools compute them (Module 11).

  python percentiles.py checkout-response-times.csv
  python percentiles.py my-results.csv --column elapsed --group label     # a JMeter .jtl (CSV) file

Uses the nearest-rank method: the p-th percentile is the value at position ceil(p/100 * n)
in the sorted list, so it is always a response time that really happened. Tools differ slightly
in method (some interpolate, Locust rounds into buckets), so expect small differences.
Standard library only.
"""

import argparse
import csv
import math
import statistics
from collections import defaultdict

PERCENTILES = (50, 90, 95, 99)


def nearest_rank(sorted_values, p):
    """Value below or at which p percent of the samples fall (nearest-rank method)."""
    if not sorted_values:
        raise ValueError("no samples")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def describe(values):
    ordered = sorted(values)
    row = {"n": len(ordered), "mean": statistics.mean(ordered), "min": ordered[0], "max": ordered[-1]}
    row.update({f"p{p}": nearest_rank(ordered, p) for p in PERCENTILES})
    return row


def main():
    parser = argparse.ArgumentParser(description="Print response time percentiles from a CSV file.")
    parser.add_argument("csv_file")
    parser.add_argument("--column", default="response_ms", help="column with times in ms (default response_ms)")
    parser.add_argument("--group", default="endpoint", help="column to group by (default endpoint)")
    parser.add_argument("--status", default="status", help="status column, to show successful requests apart")
    args = parser.parse_args()

    groups = defaultdict(list)
    ok_groups = defaultdict(list)
    with open(args.csv_file, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row.get(args.group) or "all"
            value = float(row[args.column])
            groups[name].append(value)
            status = row.get(args.status) or row.get("responseCode") or "200"
            if status.isdigit() and int(status) < 400:
                ok_groups[name].append(value)

    header = f"{'group':<24} {'requests':<10} {'n':>5} {'mean':>7} {'min':>6} " + " ".join(f"{'p' + str(p):>7}" for p in PERCENTILES) + f" {'max':>7}"
    print(header)
    for title, data in (("all", groups), ("ok only", ok_groups)):
        for name, values in sorted(data.items()):
            if not values:
                continue
            d = describe(values)
            print(f"{name[:24]:<24} {title:<10} {d['n']:>5} {d['mean']:>7.0f} {d['min']:>6.0f} "
                  + " ".join(f"{d['p' + str(p)]:>7.0f}" for p in PERCENTILES) + f" {d['max']:>7.0f}")
    small = [name for name, values in groups.items() if len(values) < 100]
    if small:
        print("\nNote: fewer than 100 samples in", ", ".join(small) + ":",
              "p99 is then simply one of the slowest few requests. Collect more before you trust it.")


if __name__ == "__main__":
    main()
