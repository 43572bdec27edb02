"""Check, or generate, pairwise coverage for a simple PICT-style model (standard library only).

Usage:
  python pairs_covered.py MODEL ROWS [--forbid A=x,B=y ...]
      Report which value pairs of MODEL the rows in ROWS (TSV from PICT, or CSV) do not cover.
  python pairs_covered.py MODEL --generate [--forbid A=x,B=y ...]
      Print a small pairwise set of rows as TSV, for when PICT is not installed.

MODEL lines look like "Browser: Chrome, Safari". Comments (#) and constraint lines (IF ... ;) are
ignored, so pass forbidden pairs with --forbid, e.g. --forbid Membership=Guest,Payment=PayPal
"""

import argparse
import csv
import itertools
import sys


def read_model(path):
    parameters = {}
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].strip()
            if not line or line.upper().startswith("IF ") or line.endswith(";") or ":" not in line:
                continue
            name, values = line.split(":", 1)
            parameters[name.strip()] = [value.strip() for value in values.split(",") if value.strip()]
    if len(parameters) < 2:
        sys.exit(f"{path}: a model needs at least two parameters")
    return parameters


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        sample = handle.read(2048)
        handle.seek(0)
        dialect = "excel-tab" if "\t" in sample else "excel"
        return list(csv.DictReader(handle, dialect=dialect))


def parse_forbidden(specs):
    forbidden = set()
    for spec in specs or []:
        (a, x), (b, y) = (part.split("=", 1) for part in spec.split(","))
        forbidden.add(frozenset({(a.strip(), x.strip()), (b.strip(), y.strip())}))
    return forbidden


def all_pairs(parameters, forbidden):
    pairs = set()
    for (a, values_a), (b, values_b) in itertools.combinations(parameters.items(), 2):
        for x, y in itertools.product(values_a, values_b):
            pair = frozenset({(a, x), (b, y)})
            if pair not in forbidden:
                pairs.add(pair)
    return pairs


def pairs_in(row, names):
    return {frozenset({(a, row[a]), (b, row[b])}) for a, b in itertools.combinations(names, 2)}


def allowed(row, forbidden):
    items = list(row.items())
    return not any(frozenset({p, q}) in forbidden for p, q in itertools.combinations(items, 2))


def generate(parameters, forbidden):
    """Greedy generation: each new row starts from an uncovered pair and fills the other parameters
    with the values that cover the most still-uncovered pairs."""
    names = list(parameters)
    uncovered = all_pairs(parameters, forbidden)
    rows = []
    while uncovered:
        seed = sorted(uncovered, key=lambda pair: sorted(pair))[0]
        row = dict(seed)
        for name in names:
            if name in row:
                continue
            best, best_gain = None, -1
            for value in parameters[name]:
                candidate = {**row, name: value}
                if not allowed(candidate, forbidden):
                    continue
                gain = sum(
                    1 for other, other_value in row.items()
                    if frozenset({(name, value), (other, other_value)}) in uncovered
                )
                if gain > best_gain:
                    best, best_gain = value, gain
            if best is None:
                sys.exit(f"no allowed value for {name}: check the --forbid rules")
            row[name] = best
        rows.append({name: row[name] for name in names})
        uncovered -= pairs_in(row, names)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("rows", nargs="?")
    parser.add_argument("--generate", action="store_true")
    parser.add_argument("--forbid", action="append", metavar="A=x,B=y")
    args = parser.parse_args()
    parameters = read_model(args.model)
    forbidden = parse_forbidden(args.forbid)
    names = list(parameters)
    exhaustive = 1
    for values in parameters.values():
        exhaustive *= len(values)

    if args.generate:
        rows = generate(parameters, forbidden)
        print("\t".join(names))
        for row in rows:
            print("\t".join(row[name] for name in names))
        print(f"{len(rows)} rows instead of {exhaustive} combinations", file=sys.stderr)
        return
    if not args.rows:
        parser.error("give a ROWS file, or --generate")

    rows = read_rows(args.rows)
    missing_columns = [name for name in names if name not in (rows[0] if rows else {})]
    if missing_columns:
        sys.exit(f"{args.rows}: no column for {', '.join(missing_columns)}")
    needed = all_pairs(parameters, forbidden)
    covered = set()
    for row in rows:
        covered |= pairs_in({name: row[name].strip() for name in names}, names)
    missing = needed - covered
    print(f"{len(rows)} rows; exhaustive testing would need {exhaustive} combinations")
    print(f"pairs covered: {len(needed) - len(missing)} of {len(needed)}")
    for pair in sorted(missing, key=lambda p: sorted(p)):
        print("  missing: " + " + ".join(f"{name}={value}" for name, value in sorted(pair)))
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
