"""Practice helpers for the ISTQB Foundation (CTFL v4.0) exam calculations.

    python ctfl_calc.py bva 18 65              # 2-value and 3-value boundary values of 18..65
    python ctfl_calc.py bva 0.01 999.99 --step 0.01
    python ctfl_calc.py estimate 6 9 18        # three-point estimate: optimistic, most likely, pessimistic
    python ctfl_calc.py drill ctfl-flashcards.csv --count 10

Use it to CHECK answers you worked out on paper: in the exam you only have a pencil.
Standard library only (Python 3.10 or later).
"""

import argparse
import csv
import random
from decimal import Decimal


def _d(value):
    return Decimal(str(value))


def bva(low, high, step=1, values=2):
    """Coverage items for a valid partition low..high, with invalid partitions on both sides.

    The boundary values are low and high (valid) and low-step and high+step (invalid).
    2-value BVA: each boundary value and its closest neighbour in the adjacent partition.
    3-value BVA: each boundary value and BOTH its neighbours (CTFL v4.0, section 4.2.2).
    """
    low, high, step = _d(low), _d(high), _d(step)
    if high < low:
        raise ValueError("high must not be below low")
    boundary_values = [low - step, low, high, high + step]
    if values == 2:
        items = set(boundary_values)
    elif values == 3:
        items = {v + delta for v in boundary_values for delta in (-step, 0, step)}
    else:
        raise ValueError("values must be 2 or 3")
    return sorted(items)


def three_point(optimistic, most_likely, pessimistic):
    """Return (estimate, standard deviation): E = (a + 4m + b) / 6 and SD = (b - a) / 6."""
    a, m, b = _d(optimistic), _d(most_likely), _d(pessimistic)
    if not a <= m <= b:
        raise ValueError("expected optimistic <= most likely <= pessimistic")
    return (a + 4 * m + b) / 6, (b - a) / 6


def drill(path, count):
    with open(path, newline="", encoding="utf-8") as f:
        cards = list(csv.DictReader(f))
    score = 0
    for card in random.sample(cards, min(count, len(cards))):
        input(f"\n[{card['chapter']}] {card['term']}? (press Enter to see the answer) ")
        print(f"  {card['definition']}")
        score += input("  Did you know it? [y/n] ").strip().lower() == "y"
    print(f"\nYou knew {score} of {min(count, len(cards))}. Re-read the syllabus sections of the others.")


def main(argv=None):
    parser = argparse.ArgumentParser(description="CTFL practice calculator")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("bva")
    p.add_argument("low")
    p.add_argument("high")
    p.add_argument("--step", default="1")
    p = sub.add_parser("estimate")
    p.add_argument("optimistic")
    p.add_argument("most_likely")
    p.add_argument("pessimistic")
    p = sub.add_parser("drill")
    p.add_argument("csv_file")
    p.add_argument("--count", type=int, default=10)
    args = parser.parse_args(argv)
    if args.command == "bva":
        for n in (2, 3):
            items = bva(args.low, args.high, args.step, n)
            print(f"{n}-value BVA: {len(items)} coverage items: {', '.join(str(v) for v in items)}")
    elif args.command == "estimate":
        estimate, sd = three_point(args.optimistic, args.most_likely, args.pessimistic)
        print(f"E = {estimate:.2f}, SD = {sd:.2f}, so about {estimate - sd:.2f} to {estimate + sd:.2f}")
    else:
        drill(args.csv_file, args.count)


if __name__ == "__main__":
    main()
