"""First pytest tests for the demo shop's shipping rules (Module 8, "pytest from Zero").

Run from this folder:  python -m pytest -v
"""

import pytest

from shipping import ShippingError, shipping_cost


def test_standard_rate_below_threshold():
    assert shipping_cost(40.00) == 5.99


def test_threshold_itself_is_not_free():
    assert shipping_cost(75.00) == 5.99


def test_free_shipping_one_cent_over_threshold():
    assert shipping_cost(75.01) == 0


def test_express_adds_surcharge_to_standard_rate():
    assert shipping_cost(40.00, express=True) == pytest.approx(17.99)


def test_express_is_refused_for_bulky_items():
    with pytest.raises(ShippingError, match="not available for bulky"):
        shipping_cost(40.00, express=True, bulky=True)
