"""pricing.py - the online shop's delivery and order total rules."""

from decimal import Decimal

FREE_SHIPPING_FROM = Decimal("50.00")
MEMBER_FREE_SHIPPING_FROM = Decimal("25.00")
STANDARD_DELIVERY = Decimal("4.99")


def delivery_cost(total: Decimal, is_member: bool = False) -> Decimal:
    """Return the delivery charge for a basket total.

    Orders of 50.00 or more ship free; loyalty members ship free from 25.00.
    A negative total is a programming error and raises ValueError.
    """
    if total < 0:
        raise ValueError(f"basket total cannot be negative: {total}")
    threshold = MEMBER_FREE_SHIPPING_FROM if is_member else FREE_SHIPPING_FROM
    if total >= threshold:
        return Decimal("0.00")
    return STANDARD_DELIVERY


def order_total(items_total: Decimal, is_member: bool = False) -> Decimal:
    """Return what the customer pays: items plus delivery."""
    return items_total + delivery_cost(items_total, is_member)


if __name__ == "__main__":
    # Runs only when you start this file directly, never on import.
    print("49.99 ->", delivery_cost(Decimal("49.99")))
