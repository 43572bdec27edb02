"""The demo shop's shopping cart, built from the Module 2 specification (Module 8, "Lab: Automate the
Discount Rules").

Read cart-spec.md for the rules. This version was handed to testing by the developers. It has NOT been
tested yet: expect some rules to be implemented wrongly. Do not change this file; your tests must
find and report what is wrong.

Money is handled as decimal.Decimal, so compare with Decimal("5.99"), never with the float 5.99.
"""

from decimal import ROUND_HALF_UP, Decimal

MAX_QUANTITY_PER_ITEM = 10
MAX_ITEMS_PER_CART = 20
SAVE10_MINIMUM = Decimal("50.00")
FREE_SHIPPING_OVER = Decimal("75.00")
STANDARD_SHIPPING = Decimal("5.99")
EXPRESS_SURCHARGE = Decimal("12.00")
CODES = {"SAVE10": Decimal("0.10"), "VIP20": Decimal("0.20")}
CENT = Decimal("0.01")


class CartError(ValueError):
    """Something the cart refuses to do, with a message for the customer."""


def money(value):
    """A price as a Decimal rounded to the cent; accepts strings, ints and Decimals."""
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


class Cart:
    def __init__(self, member=False):
        self.member = member
        self.lines = {}  # sku -> {"price": Decimal, "quantity": int, "bulky": bool}
        self.code = None

    # Items -----------------------------------------------------------------------------

    def add(self, sku, price, quantity=1, bulky=False):
        """Add quantity of an item; adding the same sku again increases its quantity."""
        if quantity < 1:
            raise CartError("quantity must be at least 1")
        line = self.lines.get(sku)
        new_quantity = quantity + (line["quantity"] if line else 0)
        if new_quantity > MAX_QUANTITY_PER_ITEM:
            raise CartError("you can buy at most 10 of one item")
        if self.item_count() > MAX_ITEMS_PER_CART:
            raise CartError("a cart holds at most 20 items")
        self.lines[sku] = {"price": money(price), "quantity": new_quantity, "bulky": bulky}

    def item_count(self):
        return sum(line["quantity"] for line in self.lines.values())

    def subtotal(self):
        return sum((line["price"] * line["quantity"] for line in self.lines.values()), Decimal("0.00"))

    # Discount codes --------------------------------------------------------------------------

    def apply_code(self, code):
        if code not in CODES:
            raise CartError("this discount code does not exist")
        if self.code is not None:
            raise CartError("only one discount code per order")
        if code == "VIP20" and not self.member:
            raise CartError("VIP20 is for members only")
        self.code = code

    def discount(self):
        if self.code == "SAVE10":
            if self.subtotal() > SAVE10_MINIMUM:
                return (self.subtotal() * CODES["SAVE10"]).quantize(CENT, rounding=ROUND_HALF_UP)
            return Decimal("0.00")
        if self.code == "VIP20":
            return (self.subtotal() * CODES["VIP20"]).quantize(CENT, rounding=ROUND_HALF_UP)
        return Decimal("0.00")

    # Shipping and total --------------------------------------------------------------------------

    def shipping(self, express=False):
        if express and any(line["bulky"] for line in self.lines.values()):
            raise CartError("express shipping is not available for bulky items")
        cost = Decimal("0.00") if self.subtotal() > FREE_SHIPPING_OVER else STANDARD_SHIPPING
        if express:
            cost += EXPRESS_SURCHARGE
        return cost

    def total(self, express=False):
        return self.subtotal() - self.discount() + self.shipping(express)
