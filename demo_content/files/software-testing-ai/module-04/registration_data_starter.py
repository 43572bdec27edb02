"""registration_data_starter.py - Module 4 lab: automate a test data generator.

Generates boundary and invalid test data for the TripNest registration form
(rules in registration-form-rules.md), writes registration-test-data.csv next to
this script, then reads the file back and checks it.

The username part is done for you as a worked pattern. Complete every TODO.
Run after each part:   python registration_data_starter.py
The self-check at the end tells you what is still missing. You are done when
the last line reads ALL CHECKS PASSED and the file has at least 45 rows.
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
FIELDS = ["username", "email", "age", "password", "country"]

rng = random.Random(2026)  # seeded: the same data on every run and every machine


# --- Building blocks (done) ---------------------------------------------------------------


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


# TODO 1: password_of_length(length) -> a password of exactly `length` characters
#         that contains one upper-case letter and one digit, so that only its
#         length can make it invalid.


# --- Generators, one per field --------------------------------------------------------------
# Each generator returns a list of tuples: (field, value, is_valid, reason)


def username_cases():
    cases = []
    for length in boundaries(USERNAME_MIN, USERNAME_MAX):
        valid = USERNAME_MIN <= length <= USERNAME_MAX
        cases.append(("username", username_of_length(length), valid, f"length {length}"))
    cases.append(("username", "1tripper", False, "starts with a digit"))
    cases.append(("username", "trip per", False, "contains a space"))
    cases.append(("username", "trip-per", False, "contains a hyphen"))
    return cases


def age_cases():
    cases = []
    # TODO 2: the six boundary values of AGE_MIN..AGE_MAX (as text, like a web form sends them),
    #         plus invalid partitions: negative, not a whole number, not a number, empty.
    return cases


def password_cases():
    cases = []
    # TODO 3: the six length boundaries using password_of_length, plus one password
    #         without an upper-case letter, one without a digit, and an empty one.
    return cases


def email_cases():
    cases = []
    # TODO 4: at least two valid addresses, the total length boundary (254 / 255),
    #         the local part boundary (64 / 65), and invalid partitions from the rules.
    return cases


def country_cases():
    cases = []
    # TODO 5: every supported code as valid, plus lower case, unknown, three letters, empty.
    return cases


def generate():
    """All cases as row dictionaries with ids TD-001, TD-002, ..."""
    rows = []
    for generator in [username_cases, email_cases, age_cases, password_cases, country_cases]:
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


# --- Independent oracle: the rules written again, straight from the specification --------


def is_valid(field, value):
    if field == "username":
        return (
            USERNAME_MIN <= len(value) <= USERNAME_MAX
            and value[0] in string.ascii_letters
            and all(char in USERNAME_CHARS for char in value)
        )
    # TODO 6: the rules for email, age, password and country. Write them from
    #         registration-form-rules.md, NOT by copying your generators.
    raise ValueError(f"no rule written yet for {field!r}")


def check_file(path):
    """Read the CSV back and return (problems, row count); no problems means good data."""
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
    for field in FIELDS:
        expectations = {row["expected"] for row in rows if row["field"] == field}
        if expectations != {"valid", "invalid"}:
            problems.append(f"{field}: needs both valid and invalid rows, has {sorted(expectations)}")
    for row in rows:
        try:
            oracle = "valid" if is_valid(row["field"], row["value"]) else "invalid"
        except ValueError as error:
            problems.append(f"{row['case_id']}: {error}")
            continue
        if oracle != row["expected"]:
            problems.append(
                f"{row['case_id']} {row['field']}={row['value']!r}: file says {row['expected']}, rules say {oracle}"
            )
    # TODO 7: check that every "length N" row really has N characters, and that the
    #         username, password and age boundary values are all present.
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
