"""Shipping rules of the demo shop, from the Module 2 shopping cart specification.

Free standard shipping over $75.00, otherwise $5.99. Express adds $12.00 and is not
available for bulky items. Used by test_shipping.py in Module 8, lesson "pytest from Zero".
"""

FREE_SHIPPING_OVER = 75.00
STANDARD_RATE = 5.99
EXPRESS_SURCHARGE = 12.00


class ShippingError(ValueError):
    """Raised for an order the shop cannot ship the way the customer asked."""


def shipping_cost(subtotal, express=False, bulky=False):
    """Shipping cost in dollars for an order subtotal."""
    if subtotal < 0:
        raise ShippingError("subtotal cannot be negative")
    if express and bulky:
        raise ShippingError("express shipping is not available for bulky items")
    cost = 0.0 if subtotal > FREE_SHIPPING_OVER else STANDARD_RATE
    if express:
        cost += EXPRESS_SURCHARGE
    return cost
