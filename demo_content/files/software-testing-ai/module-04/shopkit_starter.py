"""shopkit.py - pricing rules of the Trailhead outdoor shop (Module 4 project starter).

Save this file as shopkit.py in your shopkit-checks folder, then replace each
`raise NotImplementedError` with an implementation of the rule in its docstring.
Rules: money is Decimal, every limit is a named constant, no print() or input().
"""

from decimal import ROUND_HALF_UP, Decimal  # noqa: F401  (ROUND_HALF_UP is for apply_voucher)

CENT = Decimal("0.01")

# Delivery
STANDARD_DELIVERY = Decimal("4.99")
FREE_SHIPPING_FROM = Decimal("50.00")
MEMBER_FREE_SHIPPING_FROM = Decimal("25.00")

# Vouchers: code -> (minimum order, kind, amount)
VOUCHERS = {
    "SAVE10": (Decimal("30.00"), "percent", Decimal("10")),
    "FLAT5": (Decimal("20.00"), "fixed", Decimal("5.00")),
}

# Loyalty
DOUBLE_POINTS_FROM = Decimal("100.00")


def delivery_cost(total: Decimal, is_member: bool = False) -> Decimal:
    """Delivery charge for a basket total.

    Standard delivery is 4.99. Orders of 50.00 or more ship free.
    Loyalty members ship free from 25.00. A negative total raises ValueError.
    """
    raise NotImplementedError


def apply_voucher(total: Decimal, code: str) -> Decimal:
    """Basket total after a voucher, rounded to the cent (ROUND_HALF_UP).

    SAVE10: 10% off orders of 30.00 or more.
    FLAT5: 5.00 off orders of 20.00 or more.
    Below its minimum a voucher changes nothing.
    Codes ignore case and surrounding spaces (" save10 " works).
    An unknown code raises ValueError.
    """
    raise NotImplementedError


def loyalty_points(total: Decimal) -> int:
    """Loyalty points for an order total.

    One point per whole dollar spent (49.99 earns 49).
    Orders of 100.00 or more earn double points.
    """
    raise NotImplementedError
