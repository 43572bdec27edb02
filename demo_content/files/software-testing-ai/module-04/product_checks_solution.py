"""product_checks_solution.py - Module 4, Lesson 5: worked solution of the product file exercise.

Reads products.csv (next to this script), checks every row against the catalogue rules,
and writes product-problems.csv. Run:
    python product_checks_solution.py                 # uses products.csv
    python product_checks_solution.py missing.csv     # shows the friendly missing-file message

Rules: sku unique; name not empty; price a number greater than 0;
stock a whole number of 0 or more; active is "true" or "false".

Expected: 30 rows read, 8 problems in 7 rows.
"""

import csv
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).parent
FIELDS = ["row", "sku", "field", "value", "problem"]


def check_row(row_number, row, seen_skus):
    """Return a list of problem dictionaries for one CSV row."""
    problems = []

    def problem(field, message):
        problems.append(
            {"row": row_number, "sku": row["sku"], "field": field, "value": row[field], "problem": message}
        )

    if row["sku"] in seen_skus:
        problem("sku", "duplicate sku")
    seen_skus.add(row["sku"])

    if not row["name"].strip():
        problem("name", "empty name")

    try:
        if Decimal(row["price"]) <= 0:
            problem("price", "price must be greater than 0")
    except InvalidOperation:
        problem("price", "price is not a number")

    try:
        if int(row["stock"]) < 0:
            problem("stock", "stock must be 0 or more")
    except ValueError:
        problem("stock", "stock is not a whole number")

    if row["active"] not in ("true", "false"):
        problem("active", "active must be true or false")

    return problems


def main():
    source = HERE / (sys.argv[1] if len(sys.argv) > 1 else "products.csv")
    try:
        with open(source, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        print(f"Cannot find {source.name} in {source.parent}. Check the file name and try again.")
        sys.exit(1)

    all_problems = []
    seen_skus = set()
    # Row 1 of the file is the header, so the first data row is line 2 in a spreadsheet.
    for row_number, row in enumerate(rows, start=2):
        all_problems.extend(check_row(row_number, row, seen_skus))

    with open(HERE / "product-problems.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(all_problems)

    bad_rows = {p["row"] for p in all_problems}
    print(f"{len(rows)} rows read, {len(all_problems)} problems in {len(bad_rows)} rows")
    for p in all_problems:
        print(f" - line {p['row']} {p['sku']}: {p['problem']} ({p['field']}={p['value']!r})")


if __name__ == "__main__":
    main()
