"""CityHop ticket refunds: the code under test in the Module 9 lab "AI Versus Technique".

The rules are in lab-worksheet.md (R1 to R6). Do not change this file: your tests must check it,
not repair it. run_bug_hunt.py swaps in seeded buggy versions of refund_cents() to measure how
many bugs each test suite would catch.

Usage from a test:
    from refunds import refund_cents
    assert refund_cents("standard", 10_000, 72) == 9_800
"""

TICKET_TYPES = ("flexible", "standard", "saver")
ADMIN_FEE_CENTS = 200
FULL_REFUND_HOURS = 48
HALF_REFUND_HOURS = 24


def refund_cents(ticket_type, price_cents, hours_before_departure, operator_cancelled=False):
    """Return the refund in whole cents for a cancelled CityHop ticket.

    ticket_type: "flexible", "standard" or "saver" (lower case, exactly).
    price_cents: what the passenger paid, a non-negative int, not a bool (4999 means $49.99).
    hours_before_departure: hours between the refund request and the scheduled departure;
        0 is the moment of departure, negative values mean the train has already left.
    operator_cancelled: True when CityHop cancelled the train.
    """
    # R1: validate the input.
    if ticket_type not in TICKET_TYPES:
        raise ValueError(f"unknown ticket type: {ticket_type!r}")
    if isinstance(price_cents, bool) or not isinstance(price_cents, int) or price_cents < 0:
        raise ValueError(f"price_cents must be a non-negative int, got {price_cents!r}")

    # R2: the operator cancelled the train: full refund, any ticket, any time, no fee.
    if operator_cancelled:
        return price_cents

    # R3: the train has left (departure itself, at 0 hours, is not "left").
    if hours_before_departure < 0:
        return 0

    # R4: flexible tickets are refunded in full up to departure.
    if ticket_type == "flexible":
        return price_cents

    # R6: saver tickets are not refundable.
    if ticket_type == "saver":
        return 0

    # R5: standard tickets depend on how early the passenger cancels.
    if hours_before_departure >= FULL_REFUND_HOURS:
        return max(0, price_cents - ADMIN_FEE_CENTS)
    if hours_before_departure >= HALF_REFUND_HOURS:
        return price_cents // 2  # half, rounded down to the whole cent, no fee
    return 0
