"""Module 1, lesson "What Testing Is, and What It Is Not": static and dynamic testing on one file.

The rule (from the bank's fee schedule):
    Domestic transfers are free. International transfers cost 1% of the amount,
    at least $3.00 and at most $25.00. Express delivery adds $10.00.

This file has two planted defects. One is found by running the tests (dynamic testing),
the other by reading the code with a linter, without running anything (static testing).

    pip install pytest ruff
    ruff check --output-format concise test_transfer_fee.py   # static: reads the code
    pytest -v test_transfer_fee.py                             # dynamic: runs the code

Expected: ruff reports one F821 (undefined name); pytest reports 1 failed, 3 passed.
Notice that no test runs the express branch, so only the linter sees its defect.
"""

import logging
from decimal import Decimal

logger = logging.getLogger("payments")

MIN_FEE = Decimal("3.00")
MAX_FEE = Decimal("25.00")
EXPRESS_SURCHARGE = Decimal("10.00")


def transfer_fee(amount: Decimal, international: bool, express: bool = False) -> Decimal:
    """The fee in dollars for sending `amount` dollars."""
    if not international:
        return Decimal("0.00")
    fee = (amount * Decimal("0.01")).quantize(Decimal("0.01"))
    if amount < MIN_FEE:  # defect 1: compares the amount, not the fee, with the minimum
        fee = MIN_FEE
    fee = min(fee, MAX_FEE)
    if express:
        fee += EXPRESS_SURCHARGE
        logger.info("Express surcharge added to a transfer of %s", ammount)  # defect 2: a typo
    return fee


def test_domestic_transfer_is_free():
    assert transfer_fee(Decimal("750.00"), international=False) == Decimal("0.00")


def test_small_international_transfer_pays_the_minimum_fee():
    assert transfer_fee(Decimal("100.00"), international=True) == Decimal("3.00")


def test_international_transfer_pays_one_percent():
    assert transfer_fee(Decimal("1000.00"), international=True) == Decimal("10.00")


def test_large_international_transfer_is_capped():
    assert transfer_fee(Decimal("5000.00"), international=True) == Decimal("25.00")
