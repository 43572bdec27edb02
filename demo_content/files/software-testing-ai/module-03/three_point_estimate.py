"""Three-point (PERT) estimate for a list of test tasks.

Usage:
    python three_point_estimate.py estimation-worksheet.csv [hours_per_day]

The CSV needs the columns task, optimistic_hours, most_likely_hours and pessimistic_hours.
For each task:   E  = (O + 4M + P) / 6      SD = (P - O) / 6
For the total:   E is the sum of the tasks' E; SD is the square root of the sum of the
tasks' SD squared (this assumes the tasks' overruns are independent, which is optimistic:
one late environment delays everything, so say that in your assumptions).
hours_per_day is the productive testing time per person per day (default 6, not 8:
meetings, e-mail and interruptions are real). Standard library only.
"""

import csv
import math
import sys


def estimate(optimistic, likely, pessimistic):
    if not optimistic <= likely <= pessimistic:
        raise ValueError("need optimistic <= most likely <= pessimistic")
    return (optimistic + 4 * likely + pessimistic) / 6, (pessimistic - optimistic) / 6


def main(path, hours_per_day=6.0):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total, variance = 0.0, 0.0
    print(f"{'Task':<62} {'O':>5} {'M':>5} {'P':>5} {'E':>6} {'SD':>5}")
    for row in rows:
        o, m, p = (float(row[key]) for key in ("optimistic_hours", "most_likely_hours", "pessimistic_hours"))
        e, sd = estimate(o, m, p)
        total += e
        variance += sd * sd
        print(f"{row['task'][:62]:<62} {o:>5g} {m:>5g} {p:>5g} {e:>6.1f} {sd:>5.1f}")
    sd_total = math.sqrt(variance)
    low, high = total - 2 * sd_total, total + 2 * sd_total
    print()
    print(f"Expected total: {total:.1f} hours (SD {sd_total:.1f})")
    print(f"Likely range (E +/- 2 SD): {low:.0f} to {high:.0f} hours")
    print(
        f"At {hours_per_day:g} productive hours a day: {total / hours_per_day:.1f} person-days "
        f"(range {low / hours_per_day:.1f} to {high / hours_per_day:.1f})"
    )


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python three_point_estimate.py <worksheet.csv> [hours_per_day]")
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) == 3 else 6.0)
