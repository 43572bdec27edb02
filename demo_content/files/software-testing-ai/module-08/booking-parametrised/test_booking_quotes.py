"""Data-driven tests for BookNest's room quotes (Module 8, "Data-Driven Tests with Parametrisation").

The cases live in booking-quote-cases.csv next to this file: one row per test case, with the
technique that produced it. Run:  python -m pytest -v
"""

import csv
from pathlib import Path

import pytest

from booking_rules import BookingError, quote

CASES_FILE = Path(__file__).parent / "booking-quote-cases.csv"

# Cases that fail because of a reported, still-open bug. strict=True makes the run fail as soon as
# the bug is fixed (XPASS), which reminds you to delete the entry.
KNOWN_BUGS = {
    "BV-04": "BN-231: no weekly discount at exactly 7 nights",
    "BV-11": "BN-231: no weekly discount at exactly 7 nights",
}


def load_cases(outcome):
    """The CSV rows with this outcome, as pytest.param objects with readable ids."""
    cases = []
    with CASES_FILE.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["outcome"] != outcome:
                continue
            marks = []
            if row["case_id"] in KNOWN_BUGS:
                marks.append(pytest.mark.xfail(reason=KNOWN_BUGS[row["case_id"]], strict=True))
            cases.append(
                pytest.param(
                    int(row["nights"]),
                    int(row["guests"]),
                    int(row["nightly_rate_cents"]),
                    row["expected"],
                    id=f"{row['case_id']}-{row['label']}",
                    marks=marks,
                )
            )
    return cases


@pytest.mark.parametrize("nights, guests, rate_cents, expected", load_cases("accepted"))
def test_accepted_stays_are_priced_correctly(nights, guests, rate_cents, expected):
    assert quote(nights, guests, rate_cents) == int(expected)


@pytest.mark.parametrize("nights, guests, rate_cents, expected", load_cases("refused"))
def test_refused_stays_raise_a_clear_error(nights, guests, rate_cents, expected):
    with pytest.raises(BookingError, match=expected):
        quote(nights, guests, rate_cents)
