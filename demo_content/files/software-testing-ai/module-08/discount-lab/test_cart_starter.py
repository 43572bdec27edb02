"""Starter file for "Lab: Automate the Discount Rules" (Module 8).

Put this file next to cart.py, then:
    python -m pip install pytest pytest-html
    python -m pytest -v test_cart_starter.py

Two example tests are written for you. Add the rest, rule by rule, from cart-spec.md and
cart-test-cases.csv. Keep one parametrised test per behaviour, with ids like "R3-49.99-no-discount".
"""

from decimal import Decimal

import pytest

from cart import Cart, CartError

# Fill this in when a case fails because of a defect you have reported:
# "case id": "TICKET-ID: one-line summary"
KNOWN_BUGS = {}


def case(*values, id):
    """A pytest.param with a readable id, marked as a strict xfail when it belongs to a known bug."""
    marks = []
    if id in KNOWN_BUGS:
        marks.append(pytest.mark.xfail(reason=KNOWN_BUGS[id], strict=True))
    return pytest.param(*values, id=id, marks=marks)


@pytest.fixture
def cart():
    """An empty cart for a customer who is not a member."""
    return Cart()


@pytest.fixture
def cart_worth():
    """Factory: a cart with one line whose subtotal is exactly `amount` (a string such as "49.99")."""

    def _make(amount, member=False, bulky=False):
        new_cart = Cart(member=member)
        new_cart.add("ITEM-1", amount, bulky=bulky)
        return new_cart

    return _make


# Example 1: a boundary pair for R1, written as one parametrised test.
@pytest.mark.parametrize("quantity", [case(1, id="R1-1-of-an-item"), case(10, id="R1-10-of-an-item")])
def test_allowed_quantities_are_added(cart, quantity):
    cart.add("MUG-02", "8.99", quantity=quantity)
    assert cart.item_count() == quantity


# Example 2: an expected refusal for R5, with the message checked.
def test_an_unknown_code_is_refused(cart):
    with pytest.raises(CartError, match="does not exist"):
        cart.apply_code("WINTER5")


# TODO R1: quantities 0 and 11 are refused; adding the same item again cannot pass 10.
# TODO R2: 20 items are accepted (19 + 1, 10 + 10); a 21st item is refused (20 + 1, 15 + 6).
# TODO R3: SAVE10 at 49.99, 50.00, 50.01 and a rounding case (123.45 -> 12.35).
# TODO R4: VIP20 gives members 20% at any subtotal; non-members are refused.
# TODO R5: a second code is refused and the first discount stays.
# TODO R6: shipping at 75.00 and 75.01; with SAVE10 at 80.00, 83.33 and 90.00 (threshold AFTER discount).
# TODO R7: express adds 12.00; costs 12.00 over the threshold; refused for bulky items; standard is fine for bulky.
# TODO R8: one end-to-end total for a cart with two lines and SAVE10.
#
# Remember: money is Decimal. Compare with Decimal("5.99"), never with 5.99.
