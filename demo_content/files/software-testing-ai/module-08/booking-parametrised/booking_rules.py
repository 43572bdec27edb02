"""BookNest's room quote rules, for practising parametrised tests (Module 8, "Data-Driven Tests").

Rules from the product owner:
  * A stay is 1 to 30 nights.
  * A room takes 1 to 4 guests. Each guest beyond the second pays $15.00 per night.
  * The nightly rate must be positive.
  * Stays of 7 nights or more get 10% off the whole stay, rounded to the nearest cent (half up).
  * When several inputs are wrong, the first error reported is about the nights.

This file contains ONE deliberate defect for the lesson to find. Do not fix it before the lesson asks.
"""

from decimal import ROUND_HALF_UP, Decimal

MIN_NIGHTS, MAX_NIGHTS = 1, 30
MIN_GUESTS, MAX_GUESTS = 1, 4
EXTRA_GUEST_CENTS = 1_500
WEEKLY_NIGHTS = 7
WEEKLY_DISCOUNT = Decimal("0.10")


class BookingError(ValueError):
    """A stay BookNest refuses to quote."""


def quote(nights, guests, nightly_rate_cents):
    """Total price of a stay in cents."""
    if not MIN_NIGHTS <= nights <= MAX_NIGHTS:
        raise BookingError("stay must be 1 to 30 nights")
    if not MIN_GUESTS <= guests <= MAX_GUESTS:
        raise BookingError("a room takes 1 to 4 guests")
    if nightly_rate_cents <= 0:
        raise BookingError("nightly rate must be positive")
    per_night = nightly_rate_cents + max(0, guests - 2) * EXTRA_GUEST_CENTS
    total = Decimal(per_night * nights)
    if nights > WEEKLY_NIGHTS:  # the deliberate defect: the rule says "7 nights or more"
        total = total * (1 - WEEKLY_DISCOUNT)
    return int(total.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
