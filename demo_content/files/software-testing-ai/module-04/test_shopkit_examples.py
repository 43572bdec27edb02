"""test_shopkit_examples.py - five example checks for the Module 4 project.

Copy the patterns into your own test_shopkit.py and add at least ten more.
Run from the project folder:   python -m pytest -v
Until you implement shopkit.py, every check fails with NotImplementedError: that is expected.
"""

from decimal import Decimal

from shopkit import apply_voucher, delivery_cost, loyalty_points


# Pattern 1: one behaviour, exact expected value from the specification.
def test_delivery_is_free_at_exactly_50():
    assert delivery_cost(Decimal("50.00")) == Decimal("0.00")


# Pattern 2: the value just on the other side of the same boundary.
def test_delivery_is_charged_just_below_free_threshold():
    assert delivery_cost(Decimal("49.99")) == Decimal("4.99")


# Pattern 3: a keyword argument makes the condition readable.
def test_members_ship_free_from_25():
    assert delivery_cost(Decimal("25.00"), is_member=True) == Decimal("0.00")


# Pattern 4: an expected error. The error is the pass; returning normally is the failure.
def test_unknown_voucher_is_rejected():
    try:
        apply_voucher(Decimal("40.00"), "FREE100")
    except ValueError:
        return
    raise AssertionError("expected ValueError for an unknown voucher code")


# Pattern 5: a message that explains the failure in words.
def test_points_doubled_at_exactly_100():
    points = loyalty_points(Decimal("100.00"))
    assert points == 200, f"expected 200 points for 100.00, got {points}"
