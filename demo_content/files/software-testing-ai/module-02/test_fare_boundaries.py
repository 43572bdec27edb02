"""Boundary tests for Coastline Rail passenger fares (Module 2, Equivalence Partitioning and Boundaries).

The rules (story RAIL-77):
  age 0 to 4     travels free
  age 5 to 15    child fare, 50% of the adult fare
  age 16 to 59   adult fare, £24.00
  age 60 to 120  senior fare, 30% off the adult fare
  any other age  refused with "Enter an age between 0 and 120"

Run it:   python -m pip install pytest
          python -m pytest -v test_fare_boundaries.py

One test fails on purpose: the code under test has an off-by-one defect that only a boundary value
finds. Read the failure, then find the line in fare_for() that causes it.
"""

from decimal import Decimal

import pytest

ADULT_FARE = Decimal("24.00")
CENT = Decimal("0.01")


# --- Code under test (in a real project this lives in the application, not in the test file) ---
def fare_for(age):
    if isinstance(age, bool) or not isinstance(age, int):
        raise TypeError("age must be a whole number")
    if age < 0 or age > 120:
        raise ValueError("Enter an age between 0 and 120")
    if age <= 4:
        return Decimal("0.00")
    if age <= 15:
        return (ADULT_FARE * Decimal("0.5")).quantize(CENT)
    if age <= 60:  # planted defect: the story says seniors start at 60
        return ADULT_FARE
    return (ADULT_FARE * Decimal("0.7")).quantize(CENT)


# --- Tests designed with equivalence partitioning and two-value boundary analysis ---
@pytest.mark.parametrize(
    ("age", "expected"),
    [
        pytest.param(0, "0.00", id="free-lowest-age-0"),
        pytest.param(4, "0.00", id="free-upper-edge-4"),
        pytest.param(5, "12.00", id="child-lower-edge-5"),
        pytest.param(15, "12.00", id="child-upper-edge-15"),
        pytest.param(16, "24.00", id="adult-lower-edge-16"),
        pytest.param(59, "24.00", id="adult-upper-edge-59"),
        pytest.param(60, "16.80", id="senior-lower-edge-60"),
        pytest.param(120, "16.80", id="senior-upper-edge-120"),
    ],
)
def test_fare_at_each_boundary(age, expected):
    assert fare_for(age) == Decimal(expected)


@pytest.mark.parametrize("age", [pytest.param(-1, id="below-range-minus-1"), pytest.param(121, id="above-range-121")])
def test_age_outside_the_range_is_refused(age):
    with pytest.raises(ValueError, match="Enter an age between 0 and 120"):
        fare_for(age)


@pytest.mark.parametrize("age", [pytest.param("7", id="text-7"), pytest.param(7.5, id="decimal-7.5"), pytest.param(None, id="empty")])
def test_age_that_is_not_a_whole_number_is_refused(age):
    with pytest.raises(TypeError):
        fare_for(age)
