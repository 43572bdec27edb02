"""Starter for your technique-based suite in the lab "AI Versus Technique".

Copy this file to test_refunds_technique.py and grow it rule by rule (R1 to R6 in
lab-worksheet.md). Keep one behaviour per test id, and start every id with its rule number, so the
bug hunt report and your test design table point at each other.

Run it:            python -m pytest -v test_refunds_technique.py
Measure it:        python run_bug_hunt.py test_refunds_ai.py test_refunds_technique.py
"""

import pytest

from refunds import refund_cents

# One hour is the unit; use a small step for "just before" and "just after" a boundary.
ONE_MINUTE = 1 / 60


@pytest.mark.parametrize(
    "hours, expected",
    [
        pytest.param(48, 9_800, id="R5-exactly-48h-full-minus-fee"),
        pytest.param(48 - ONE_MINUTE, 5_000, id="R5-one-minute-under-48h-half"),
        # TODO: 24 hours and one minute under; a price with an odd number of cents in the 50% band.
    ],
)
def test_standard_bands(hours, expected):
    assert refund_cents("standard", 10_000, hours) == expected


def test_r1_unknown_ticket_type_is_refused():
    with pytest.raises(ValueError, match="unknown ticket type"):
        refund_cents("first", 10_000, 72)


# TODO R1: price validation (negative, float, bool).
# TODO R2: operator cancellation for EVERY ticket type, before and after departure.
# TODO R3: departure boundary: exactly 0 hours and just after (negative, fractional).
# TODO R4: flexible at the departure boundary.
# TODO R5: the admin fee when the price is below $2.00 (the refund may not go negative).
# TODO R6: saver tickets, with and without operator cancellation.
