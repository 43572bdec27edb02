"""registration_data_solution.py - Module 4 lab: model solution of the test data generator.

Generates boundary and invalid test data for the TripNest registration form
(rules in registration-form-rules.md), writes registration-test-data.csv next to
this script, then reads the file back and checks it. Run:

    python registration_data_solution.py

Expected last line: ALL CHECKS PASSED (54 rows)
Run it twice: the CSV must be byte-for-byte identical, because the random
generator is seeded.
"""

import csv
import random
import string
import sys
from pathlib import Path

HERE = Path(__file__).parent
OUTPUT = HERE / "registration-test-data.csv"
COLUMNS = ["case_id", "field", "value", "expected", "reason"]

USERNAME_MIN, USERNAME_MAX = 3, 20
PASSWORD_MIN, PASSWORD_MAX = 8, 64
AGE_MIN, AGE_MAX = 18, 120
EMAIL_MAX = 254
LOCAL_MAX = 64
COUNTRIES = ["GB", "US", "DE", "FR", "ES", "IT", "NL", "PL"]
USERNAME_CHARS = string.ascii_letters + string.digits + "_"

rng = random.Random(2026)  # seeded: the same data on every run and every machine


# --- Building blocks ----------------------------------------------------------------------


def boundaries(low, high):
    """The six two-value boundary values of an inclusive range low..high."""
    return [low - 1, low, low + 1, high - 1, high, high + 1]


def username_of_length(length):
    """A username of exactly `length` characters that is valid apart from its length."""
    if length <= 0:
        return ""
    first = rng.choice(string.ascii_letters)
    rest = "".join(rng.choice(USERNAME_CHARS) for _ in range(length - 1))
    return first + rest


def password_of_length(length):
    """A password of exactly `length` characters with an upper-case letter and a digit."""
    if length < 2:
        return "A"[:length]
    filler = "".join(rng.choice(string.ascii_lowercase) for _ in range(length - 2))
    return "A" + filler + "7"


def email_of_length(length):
    """A realistic address of exactly `length` characters: tester@sss...example.com.

    The extra length goes into sub-domain labels of at most 63 characters each,
    so the only rule a long address can break is the total length.
    """
    local, suffix = "tester", "example.com"
    remaining = length - len(local) - 1 - len(suffix)  # characters for "label." parts
    labels = []
    while remaining > 0:
        size = min(63, remaining - 1)
        labels.append("s" * size)
        remaining -= size + 1
    return local + "@" + ".".join(labels + [suffix])


# --- Generators, one per field --------------------------------------------------------------


def username_cases():
    cases = []
    for length in boundaries(USERNAME_MIN, USERNAME_MAX):
        valid = USERNAME_MIN <= length <= USERNAME_MAX
        cases.append(("username", username_of_length(length), valid, f"length {length}"))
    cases.append(("username", "1tripper", False, "starts with a digit"))
    cases.append(("username", "_tripper", False, "starts with an underscore"))
    cases.append(("username", "trip per", False, "contains a space"))
    cases.append(("username", "trip-per", False, "contains a hyphen"))
    cases.append(("username", "Zoë_travels", False, "contains a non-ASCII letter"))
    return cases


def email_cases():
    cases = []
    cases.append(("email", "sam.rivera@example.com", True, "typical address"))
    cases.append(("email", "sam+trips@example.com", True, "plus sign in local part"))
    cases.append(("email", email_of_length(EMAIL_MAX), True, f"length {EMAIL_MAX}"))
    cases.append(("email", email_of_length(EMAIL_MAX + 1), False, f"length {EMAIL_MAX + 1}"))
    cases.append(("email", "t" * LOCAL_MAX + "@example.com", True, f"local part of {LOCAL_MAX} characters"))
    cases.append(("email", "t" * (LOCAL_MAX + 1) + "@example.com", False, f"local part of {LOCAL_MAX + 1} characters"))
    cases.append(("email", "sam.rivera.example.com", False, "no @"))
    cases.append(("email", "sam@@example.com", False, "two @"))
    cases.append(("email", "@example.com", False, "empty local part"))
    cases.append(("email", "sam@example", False, "no dot in domain"))
    cases.append(("email", "", False, "empty"))
    return cases


def age_cases():
    cases = []
    for age in boundaries(AGE_MIN, AGE_MAX):
        cases.append(("age", str(age), AGE_MIN <= age <= AGE_MAX, f"age {age}"))
    cases.append(("age", "0", False, "zero"))
    cases.append(("age", "-1", False, "negative"))
    cases.append(("age", "18.5", False, "not a whole number"))
    cases.append(("age", "eighteen", False, "not a number"))
    cases.append(("age", "", False, "empty"))
    return cases


def password_cases():
    cases = []
    for length in boundaries(PASSWORD_MIN, PASSWORD_MAX):
        valid = PASSWORD_MIN <= length <= PASSWORD_MAX
        cases.append(("password", password_of_length(length), valid, f"length {length}"))
    cases.append(("password", "abcdefg7", False, "no upper-case letter"))
    cases.append(("password", "Abcdefgh", False, "no digit"))
    cases.append(("password", "", False, "empty"))
    return cases


def country_cases():
    cases = []
    for code in COUNTRIES:
        cases.append(("country", code, True, "supported country"))
    cases.append(("country", "gb", False, "lower case"))
    cases.append(("country", "XX", False, "unsupported code"))
    cases.append(("country", "GBR", False, "three letters"))
    cases.append(("country", "", False, "empty"))
    return cases


def generate():
    """All cases as row dictionaries with ids TD-001, TD-002, ..."""
    rows = []
    generators = [username_cases, email_cases, age_cases, password_cases, country_cases]
    for generator in generators:
        for field, value, valid, reason in generator():
            rows.append(
                {
                    "case_id": f"TD-{len(rows) + 1:03d}",
                    "field": field,
                    "value": value,
                    "expected": "valid" if valid else "invalid",
                    "reason": reason,
                }
            )
    return rows


def write_csv(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


# --- Independent oracle: the rules written again, from the specification -------------------


def is_valid(field, value):
    if field == "username":
        return (
            USERNAME_MIN <= len(value) <= USERNAME_MAX
            and value[0] in string.ascii_letters
            and all(char in USERNAME_CHARS for char in value)
        )
    if field == "email":
        local, at, domain = value.partition("@")
        return (
            at == "@"
            and 1 <= len(local) <= LOCAL_MAX
            and "@" not in domain
            and "." in domain
            and len(value) <= EMAIL_MAX
        )
    if field == "age":
        return value.isdigit() and AGE_MIN <= int(value) <= AGE_MAX
    if field == "password":
        return (
            PASSWORD_MIN <= len(value) <= PASSWORD_MAX
            and any(char.isupper() for char in value)
            and any(char.isdigit() for char in value)
        )
    if field == "country":
        return value in COUNTRIES
    raise ValueError(f"unknown field {field!r}")


def check_file(path):
    """Read the CSV back and return a list of problems (empty means the data is good)."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        rows = list(reader)

    problems = []
    if header != COLUMNS:
        problems.append(f"header is {header}, expected {COLUMNS}")
    ids = [row["case_id"] for row in rows]
    if len(ids) != len(set(ids)):
        problems.append("duplicate case ids")
    for field in ["username", "email", "age", "password", "country"]:
        expectations = {row["expected"] for row in rows if row["field"] == field}
        if expectations != {"valid", "invalid"}:
            problems.append(f"{field}: needs both valid and invalid rows, has {sorted(expectations)}")
    for row in rows:
        oracle = "valid" if is_valid(row["field"], row["value"]) else "invalid"
        if oracle != row["expected"]:
            problems.append(f"{row['case_id']} {row['field']}={row['value']!r}: file says {row['expected']}, rules say {oracle}")
        if row["reason"].startswith("length "):
            wanted = int(row["reason"].split()[1])
            if len(row["value"]) != wanted:
                problems.append(f"{row['case_id']}: reason says {wanted} characters, value has {len(row['value'])}")
    required = {
        "username": boundaries(USERNAME_MIN, USERNAME_MAX),
        "password": boundaries(PASSWORD_MIN, PASSWORD_MAX),
    }
    for field, lengths in required.items():
        present = {len(row["value"]) for row in rows if row["field"] == field}
        missing = [n for n in lengths if n not in present]
        if missing:
            problems.append(f"{field}: missing boundary lengths {missing}")
    ages = {row["value"] for row in rows if row["field"] == "age"}
    missing_ages = [a for a in boundaries(AGE_MIN, AGE_MAX) if str(a) not in ages]
    if missing_ages:
        problems.append(f"age: missing boundary values {missing_ages}")
    return problems, len(rows)


def main():
    rows = generate()
    write_csv(rows, OUTPUT)
    print(f"Wrote {len(rows)} rows to {OUTPUT.name}")
    problems, count = check_file(OUTPUT)
    for problem in problems:
        print("PROBLEM:", problem)
    if problems:
        print(f"{len(problems)} PROBLEM(S) in {count} rows")
        sys.exit(1)
    print(f"ALL CHECKS PASSED ({count} rows)")


if __name__ == "__main__":
    main()
