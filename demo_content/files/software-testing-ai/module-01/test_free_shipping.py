"""Module 1, lesson "Why Software Fails": an error, a defect and a failure you can run.

The requirement (from the shop's product owner):
    "Orders over $50.00 ship free. Orders of $50.00 or less pay $4.99 shipping."

The developer misread "over $50" as "from $50" (the error). That left the comparison
below wrong (the defect). A customer whose basket is exactly $50.00 gets free shipping
the business never offered (the failure). Only one basket total in the whole range shows it.

Run it (Python 3.10 or newer):
    python -m venv .venv
    source .venv/bin/activate          # Windows: .venv\\Scripts\\activate
    pip install pytest
    pytest -v test_free_shipping.py

Expected: 4 tests pass and 1 fails (exactly $50.00). Fix the defect by changing >= to >,
run pytest again, and all 5 pass: that second run is your confirmation test.
"""

from decimal import Decimal

import pytest

SHIPPING_FEE = Decimal("4.99")
FREE_SHIPPING_OVER = Decimal("50.00")


def shipping_cost(basket_total: Decimal) -> Decimal:
    """Shipping for a basket total, in dollars."""
    if basket_total >= FREE_SHIPPING_OVER:  # the defect: the requirement says "over", so this should be >
        return Decimal("0.00")
    return SHIPPING_FEE


@pytest.mark.parametrize(
    ("basket_total", "expected"),
    [
        (Decimal("12.00"), Decimal("4.99")),   # a typical small basket
        (Decimal("49.99"), Decimal("4.99")),   # just below the boundary
        (Decimal("50.00"), Decimal("4.99")),   # on the boundary: "over $50" means $50.00 still pays
        (Decimal("50.01"), Decimal("0.00")),   # just above the boundary
        (Decimal("180.00"), Decimal("0.00")),  # a typical large basket
    ],
    ids=["small-basket", "just-below", "on-boundary", "just-above", "large-basket"],
)
def test_shipping_cost(basket_total, expected):
    assert shipping_cost(basket_total) == expected
