"""PantryPal delivery pricing (the code under test for "GitHub Actions for Testers").

Rules, all amounts in cents so no floating-point rounding creeps in:
- Delivery costs 499 cents for a basket subtotal under 4000 cents ($40.00).
- Delivery is free from 4000 cents upwards.
- Members get 10% off the subtotal, rounded down to a whole cent, before the delivery rule is applied.
- A subtotal below zero is an error.
"""

FREE_DELIVERY_FROM = 4000
DELIVERY_FEE = 499
MEMBER_DISCOUNT_PERCENT = 10


def discounted_subtotal(subtotal_cents: int, member: bool = False) -> int:
    if subtotal_cents < 0:
        raise ValueError("subtotal cannot be negative")
    if member:
        return subtotal_cents - subtotal_cents * MEMBER_DISCOUNT_PERCENT // 100
    return subtotal_cents


def delivery_fee(subtotal_cents: int, member: bool = False) -> int:
    return 0 if discounted_subtotal(subtotal_cents, member) >= FREE_DELIVERY_FROM else DELIVERY_FEE


def order_total(subtotal_cents: int, member: bool = False) -> int:
    return discounted_subtotal(subtotal_cents, member) + delivery_fee(subtotal_cents, member)
