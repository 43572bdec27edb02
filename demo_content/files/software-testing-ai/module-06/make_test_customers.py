"""Generate synthetic Harbour Shop customers: realistic, repeatable and safe to share.

Every email uses the reserved example.com domain, names come from Faker, and a handful of edge-case
rows (apostrophes, accents, the longest allowed name) are always included so tests meet them.
The same --seed always produces the same rows, so a failing test can be re-run on identical data.

Install:  pip install Faker
Usage:    python make_test_customers.py --count 200 --csv customers.csv
          python make_test_customers.py --count 200 --db harbour_shop.db --first-id 1000
"""

import argparse
import csv
import random
import sqlite3
import unicodedata
from datetime import date, timedelta

from faker import Faker

COUNTRIES = {"GB": ("en_GB", 40), "US": ("en_US", 25), "DE": ("de_DE", 15), "FR": ("fr_FR", 10), "IE": ("en_IE", 10)}

# Rows every run includes: the values that break naive code.
EDGE_CASES = [
    ("Liam O'Connor", "IE"),            # apostrophe: breaks SQL built with string concatenation
    ("Zoë Müller-Łukaszewicz", "DE"),  # accents and a hyphen: encoding and sorting
    ("Al", "GB"),                       # very short name
    ("A" * 100, "US"),                  # exactly the VARCHAR(100) limit
]


def ascii_slug(text):
    """'Zoë Müller' -> 'zoe.muller', for an email local part."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = ["".join(ch for ch in word.lower() if ch.isalnum()) for word in plain.split()]
    return ".".join(part for part in parts if part)[:40] or "customer"


def make_customers(count, first_id, seed):
    Faker.seed(seed)
    rng = random.Random(seed)
    fakers = {code: Faker(locale) for code, (locale, _weight) in COUNTRIES.items()}
    codes = list(COUNTRIES)
    weights = [COUNTRIES[code][1] for code in codes]
    start = date(2025, 1, 1)
    rows = []
    for index in range(count):
        customer_id = first_id + index
        if index < len(EDGE_CASES):
            name, country = EDGE_CASES[index]
        else:
            country = rng.choices(codes, weights)[0]
            name = fakers[country].name()
        email = f"{ascii_slug(name)}.{customer_id}@example.com"  # the id keeps every email unique
        created_at = start + timedelta(days=rng.randrange(0, 450))
        rows.append({"customer_id": customer_id, "email": email, "full_name": name,
                     "country": country, "created_at": created_at.isoformat()})
    return rows


def check(rows):
    """The generator's own tests: fail loudly rather than hand out bad data."""
    emails = [row["email"] for row in rows]
    assert len(emails) == len(set(e.lower() for e in emails)), "emails must be unique ignoring case"
    assert all(e.endswith("@example.com") for e in emails), "only the reserved example.com domain"
    assert all(1 <= len(row["full_name"]) <= 100 for row in rows), "full_name must fit VARCHAR(100)"
    assert all(row["country"] in COUNTRIES for row in rows), "unknown country code"


def write_csv(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def insert_sqlite(rows, path):
    with sqlite3.connect(path) as connection:  # commits on success, rolls back on error
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executemany(
            "INSERT INTO customers (customer_id, email, full_name, country, created_at) "
            "VALUES (:customer_id, :email, :full_name, :country, :created_at)",
            rows,  # named parameters: the apostrophe in O'Connor is no problem
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--first-id", type=int, default=1000, help="ids start here, clear of real ones")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--csv", help="write the rows to this CSV file")
    parser.add_argument("--db", help="insert the rows into this SQLite Harbour Shop database")
    args = parser.parse_args()
    if args.count < len(EDGE_CASES):
        parser.error(f"--count must be at least {len(EDGE_CASES)} so every edge case is included")
    rows = make_customers(args.count, args.first_id, args.seed)
    check(rows)
    if args.csv:
        write_csv(rows, args.csv)
    if args.db:
        insert_sqlite(rows, args.db)
    if not (args.csv or args.db):
        for row in rows[:10]:
            print(row)
    print(f"{len(rows)} customers, ids {rows[0]['customer_id']} to {rows[-1]['customer_id']}, seed {args.seed}")


if __name__ == "__main__":
    main()
