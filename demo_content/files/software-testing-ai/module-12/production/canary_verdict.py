"""Judge a canary release window by window against rollback rules agreed BEFORE the release.

    python canary_verdict.py canary-metrics.csv
    python canary_verdict.py canary-metrics.csv --max-error-gap 0.5 --max-latency-ratio 1.25 --windows 2

The CSV has two rows per five-minute window, one for the stable version and one for the canary:
window_start_utc, version, requests, errors_5xx, p95_ms, baskets_created. The version text must
contain "stable" or "canary".

Rules (all configurable):
  error rule    canary error rate more than --max-error-gap percentage points above stable
  latency rule  canary p95 more than --max-latency-ratio times stable p95
  basket rule   canary baskets per 100 requests more than --max-basket-drop percent below stable
  A rule must be broken in --windows consecutive windows to trigger a rollback, and a window
  with fewer than --min-requests canary requests is "not enough data" and never passes or fails.
Exit code 1 when the verdict is ROLLBACK. Standard library only.
"""

import argparse
import csv
import sys
from collections import defaultdict


def load(path):
    windows = defaultdict(dict)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            side = "canary" if "canary" in row["version"] else "stable"
            windows[row["window_start_utc"]][side] = {
                "requests": int(row["requests"]),
                "errors": int(row["errors_5xx"]),
                "p95": float(row["p95_ms"]),
                "baskets": int(row["baskets_created"]),
            }
    return dict(sorted(windows.items()))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv_file")
    parser.add_argument("--max-error-gap", type=float, default=0.5, help="percentage points")
    parser.add_argument("--max-latency-ratio", type=float, default=1.25)
    parser.add_argument("--max-basket-drop", type=float, default=15.0, help="percent")
    parser.add_argument("--windows", type=int, default=2, help="consecutive breaches needed")
    parser.add_argument("--min-requests", type=int, default=200)
    args = parser.parse_args(argv)

    streak = {"error": 0, "latency": 0, "basket": 0}
    print("window            canary err%  stable err%  p95 ratio  basket rate c/s  breaches")
    for window, sides in load(args.csv_file).items():
        canary, stable = sides["canary"], sides["stable"]
        if canary["requests"] < args.min_requests:
            print(f"{window}  not enough data ({canary['requests']} canary requests)")
            continue
        c_err = 100 * canary["errors"] / canary["requests"]
        s_err = 100 * stable["errors"] / stable["requests"]
        ratio = canary["p95"] / stable["p95"]
        c_bask = 100 * canary["baskets"] / canary["requests"]
        s_bask = 100 * stable["baskets"] / stable["requests"]
        broken = {
            "error": c_err - s_err > args.max_error_gap,
            "latency": ratio > args.max_latency_ratio,
            "basket": c_bask < s_bask * (1 - args.max_basket_drop / 100),
        }
        for rule, is_broken in broken.items():
            streak[rule] = streak[rule] + 1 if is_broken else 0
        names = ", ".join(rule for rule, is_broken in broken.items() if is_broken) or "-"
        print(f"{window}  {c_err:10.2f}%  {s_err:10.2f}%  {ratio:9.2f}  {c_bask:6.1f} / {s_bask:4.1f}     {names}")
        triggered = [rule for rule, count in streak.items() if count >= args.windows]
        if triggered:
            print(
                f"\nVERDICT: ROLLBACK at {window}. Broken in {args.windows} consecutive windows: "
                f"{' and '.join(triggered)} rule. Route all traffic back to the stable version."
            )
            return 1
    print("\nVERDICT: CONTINUE - no rule broken for long enough. Promote to the next traffic step.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
