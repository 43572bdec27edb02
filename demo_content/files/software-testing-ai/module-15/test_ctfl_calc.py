"""Checks for ctfl_calc.py: run with  pytest -v test_ctfl_calc.py"""

from decimal import Decimal

import pytest

from ctfl_calc import bva, three_point


def test_two_value_bva_of_age_18_to_65():
    assert bva(18, 65) == [17, 18, 65, 66]


def test_three_value_bva_includes_both_neighbours_of_every_boundary_value():
    # boundary values 17, 18, 65, 66; their neighbours add 16, 19, 64 and 67
    assert bva(18, 65, values=3) == [16, 17, 18, 19, 64, 65, 66, 67]


def test_bva_works_for_money_in_cents():
    assert bva("0.01", "999.99", step="0.01") == [Decimal("0.00"), Decimal("0.01"), Decimal("999.99"), Decimal("1000.00")]


def test_three_point_estimate():
    estimate, sd = three_point(6, 9, 18)
    assert estimate == 10
    assert sd == 2


def test_three_point_rejects_values_in_the_wrong_order():
    with pytest.raises(ValueError):
        three_point(9, 6, 18)
