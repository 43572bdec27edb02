"""A sample AI-drafted suite for the CityHop refund rules, kept exactly as the assistant wrote it.

Use it in the lab "AI Versus Technique" if you have no AI assistant at work or at home. It was
produced for this course by giving a general-purpose chat assistant the rules from
lab-worksheet.md and the prompt "Write pytest tests for refund_cents() that cover these rules".
It is typical of first drafts: tidy, readable and plausible. Review it before you trust it.
One test has a wrong expected value, so the suite fails on the correct code until you fix it.
"""

import pytest

from refunds import refund_cents


def test_flexible_ticket_full_refund():
    assert refund_cents("flexible", 5000, 10) == 5000


def test_standard_ticket_more_than_48_hours():
    assert refund_cents("standard", 10000, 72) == 9800


def test_standard_ticket_exactly_48_hours():
    assert refund_cents("standard", 10000, 48) == 9800


def test_standard_ticket_between_24_and_48_hours():
    assert refund_cents("standard", 10000, 36) == 5000


def test_standard_ticket_exactly_24_hours():
    # Less than or equal to 24 hours before departure: no refund.
    assert refund_cents("standard", 10000, 24) == 0


def test_standard_ticket_less_than_24_hours():
    assert refund_cents("standard", 10000, 12) == 0


def test_saver_ticket_no_refund():
    assert refund_cents("saver", 3000, 100) == 0


def test_operator_cancelled_full_refund():
    assert refund_cents("standard", 10000, 10, operator_cancelled=True) == 10000


def test_no_refund_after_departure():
    assert refund_cents("standard", 10000, -2) == 0


def test_invalid_ticket_type():
    with pytest.raises(ValueError):
        refund_cents("business", 10000, 72)


def test_negative_price():
    with pytest.raises(ValueError):
        refund_cents("standard", -100, 72)


@pytest.mark.parametrize("price", [0, 1, 999999])
def test_refund_never_exceeds_price(price):
    assert refund_cents("standard", price, 72) <= price
