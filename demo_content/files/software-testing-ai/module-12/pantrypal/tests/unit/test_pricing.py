"""Tests for PantryPal delivery pricing. Run locally with: python -m pytest -v"""

import pytest

from pricing import delivery_fee, discounted_subtotal, order_total


@pytest.mark.parametrize(
    ("subtotal", "fee"),
    [(0, 499), (3999, 499), (4000, 0), (4001, 0)],
    ids=["empty", "one-cent-below", "threshold", "one-cent-above"],
)
def test_delivery_fee_around_the_40_dollar_threshold(subtotal, fee):
    assert delivery_fee(subtotal) == fee


def test_member_discount_is_ten_percent_rounded_down():
    assert discounted_subtotal(1999, member=True) == 1800  # 199.9 cents off, rounded down to 199


def test_member_discount_can_push_basket_below_free_delivery():
    # $42.00 becomes $37.80 for a member, so delivery is charged again
    assert delivery_fee(4200, member=True) == 499


def test_order_total_for_a_typical_basket():
    assert order_total(2550) == 3049


def test_negative_subtotal_is_rejected():
    with pytest.raises(ValueError, match="cannot be negative"):
        order_total(-1)
