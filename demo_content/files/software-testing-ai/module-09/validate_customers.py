"""Validate generated test customers before they go anywhere near a test environment.

Module 9, lesson "AI for Test Data".

    python -m pip install jsonschema
    python validate_customers.py ai-generated-customers.json
    python validate_customers.py my-data.json --schema greenbasket-customer.schema.json --today 2026-06-01

Three layers of checks:
1. Structure: every record against the JSON Schema, with format checking switched ON
   (in JSON Schema 2020-12 "format" is only an annotation unless you ask for it to be checked).
2. Rules the schema cannot express: unique ids and emails, safe email domains only, adult age on
   the reference date, no birth dates in the future.
3. Edge-case coverage: does the set contain the awkward values you asked for?

Exit code 0 when the data is clean, 1 when any record has a problem.
"""

import argparse
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path

from jsonschema import Draft202012Validator

SAFE_DOMAINS = {"example.com", "example.org", "example.net"}  # reserved for documentation (RFC 2606)
SAFE_TLDS = (".test", ".example", ".invalid")                   # reserved top-level domains
MIN_AGE, MAX_AGE = 18, 120


def age_on(born, today):
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def rule_problems(records, today):
    problems = []
    seen_ids, seen_emails = {}, {}
    for index, record in enumerate(records, start=1):
        where = f"record {index} ({record.get('customer_id', '?')})"
        cid = record.get("customer_id")
        if cid in seen_ids:
            problems.append(f"{where}: duplicate customer_id, first used by record {seen_ids[cid]}")
        seen_ids.setdefault(cid, index)
        email = str(record.get("email", ""))
        key = email.lower()
        if key in seen_emails:
            problems.append(f"{where}: duplicate email (ignoring case) of record {seen_emails[key]}")
        seen_emails.setdefault(key, index)
        domain = key.rpartition("@")[2]
        if domain not in SAFE_DOMAINS and not domain.endswith(SAFE_TLDS):
            problems.append(f"{where}: email domain '{domain}' is not reserved for testing")
        try:
            born = date.fromisoformat(str(record.get("date_of_birth")))
        except ValueError:
            continue  # the schema layer already reports impossible dates
        if born > today:
            problems.append(f"{where}: date_of_birth {born} is in the future")
        elif not MIN_AGE <= age_on(born, today) <= MAX_AGE:
            problems.append(f"{where}: age {age_on(born, today)} on {today} is outside {MIN_AGE}-{MAX_AGE}")
    return problems


def edge_coverage(records, today):
    def born(record):
        try:
            return date.fromisoformat(str(record.get("date_of_birth")))
        except ValueError:
            return None

    names = [str(r.get("full_name", "")) for r in records]
    births = [b for b in map(born, records) if b]
    return {
        "name with letters outside ASCII (Zoë, Nguyễn)": any(any(ord(c) > 127 for c in n) for n in names),
        "name with an apostrophe or hyphen": any("'" in n or "-" in n for n in names),
        "name in a non-Latin script (山田 花子)": any(any(c.isalpha() and "LATIN" not in unicodedata.name(c, "") for c in n) for n in names),
        "name of exactly 100 characters": any(len(n) == 100 for n in names),
        "customer who turns 18 exactly on the reference date": any(age_on(b, today) == 18 and
            (b.month, b.day) == (today.month, today.day) for b in births),
        "customer born on 29 February": any((b.month, b.day) == (2, 29) for b in births),
        "email with plus addressing (sam+test@)": any("+" in str(r.get("email", "")) for r in records),
        "every loyalty tier present": {r.get("loyalty_tier") for r in records} >= {"none", "green", "gold"},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Validate synthetic GreenBasket customers.")
    parser.add_argument("data")
    parser.add_argument("--schema", default=str(Path(__file__).with_name("greenbasket-customer.schema.json")))
    parser.add_argument("--today", default="2026-06-01", help="reference date for ages (YYYY-MM-DD)")
    args = parser.parse_args(argv)

    records = json.loads(Path(args.data).read_text(encoding="utf-8"))
    schema = json.loads(Path(args.schema).read_text(encoding="utf-8"))
    today = date.fromisoformat(args.today)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    problems = []
    for index, record in enumerate(records, start=1):
        for error in sorted(validator.iter_errors(record), key=lambda e: list(e.path)):
            field = ".".join(str(p) for p in error.path) or "(record)"
            problems.append(f"record {index} ({record.get('customer_id', '?')}): {field}: {error.message}")
    problems += rule_problems(records, today)

    print(f"{len(records)} records checked against {Path(args.schema).name}, reference date {today}\n")
    print("PROBLEMS" if problems else "No problems found.")
    for problem in problems:
        print("  " + problem)
    print("\nEDGE-CASE COVERAGE")
    for label, present in edge_coverage(records, today).items():
        print(f"  [{'x' if present else ' '}] {label}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
