"""Module 1, lesson "Types of Testing": the code under test for test_discount_codes.py.

Rules (from the shop's promotions page):
    SAVE10  10% off orders of $50.00 or more, for everyone.
    VIP20   20% off any order, for loyalty-club members only.
    Codes are not case sensitive. Only one code per order. Unknown codes are refused.
"""

from decimal import ROUND_HALF_UP, Decimal


class CodeRefused(ValueError):
    """The code cannot be used on this order; the message is shown to the customer."""


def discounted_total(total: Decimal, code: str, is_member: bool = False) -> Decimal:
    code = code.strip().upper()
    if code == "SAVE10":
        if total < Decimal("50.00"):
            raise CodeRefused("SAVE10 needs an order of $50.00 or more.")
        rate = Decimal("0.10")
    elif code == "VIP20":
        if not is_member:
            raise CodeRefused("VIP20 is for loyalty-club members.")
        rate = Decimal("0.20")
    else:
        raise CodeRefused(f"We do not know the code {code}.")
    return (total * (1 - rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
