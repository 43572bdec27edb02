"""Module 1, lesson "The Test Process": the test cases for user story US-214, ready to execute.

US-214  As a guest, I can book a stay of 1 to 14 nights.
  AC1  Stays of 1 to 6 nights cost nights x nightly rate.
  AC2  Stays of 7 nights or more get 10% off the room total.
  AC3  0 nights, or more than 14, are refused with "Choose between 1 and 14 nights."

stay_total() below stands in for StayFinder's pricing code. It contains one planted defect
that these tests find. Run them and keep a machine-readable result for the traceability check:

    pip install pytest
    pytest -v --junitxml=results.xml test_stay_price.py
    python trace_check.py stay-price-traceability.csv results.xml
"""

from decimal import Decimal

import pytest

MIN_NIGHTS, MAX_NIGHTS, LONG_STAY_NIGHTS = 1, 14, 7
LONG_STAY_DISCOUNT = Decimal("0.10")


class StayRefused(ValueError):
    pass


def stay_total(nights: int, nightly_rate: Decimal) -> Decimal:
    if not MIN_NIGHTS <= nights <= MAX_NIGHTS:
        raise StayRefused("Choose between 1 and 14 nights.")
    total = nightly_rate * nights
    if nights > LONG_STAY_NIGHTS:  # the planted defect: AC2 says "7 nights or more"
        total -= total * LONG_STAY_DISCOUNT
    return total.quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("nights", "expected"),
    [
        pytest.param(1, "90.00", id="TC-214-01"),     # AC1 lower boundary
        pytest.param(6, "540.00", id="TC-214-02"),    # AC1 upper boundary
        pytest.param(7, "567.00", id="TC-214-03"),    # AC2 lower boundary: 630.00 - 10%
        pytest.param(14, "1134.00", id="TC-214-04"),  # AC2 and the maximum stay: 1260.00 - 10%
    ],
)
def test_stay_total(nights, expected):
    assert stay_total(nights, Decimal("90.00")) == Decimal(expected)


@pytest.mark.parametrize("nights", [pytest.param(0, id="TC-214-05"), pytest.param(15, id="TC-214-06")])
def test_stay_refused(nights):
    with pytest.raises(StayRefused, match="Choose between 1 and 14 nights."):
        stay_total(nights, Decimal("90.00"))
