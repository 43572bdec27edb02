"""Model solution: a technique-based suite for the CityHop refund rules (lab "AI Versus Technique").

Open it after your own attempt. Every test id starts with the rule it checks and names the
technique that produced it: EP (equivalence partition), BVA (boundary value), DT (decision table
column). 32 cases, all on the public behaviour of refund_cents(); none reads the code.
"""

import pytest

from refunds import refund_cents

ONE_MINUTE = 1 / 60
PRICE = 10_000  # $100.00, an even price for the band tests


# R1: input validation (EP: valid and invalid partitions of each input) -----------------------

@pytest.mark.parametrize(
    "ticket_type",
    [
        pytest.param("first", id="R1-EP-unknown-type"),
        pytest.param("Standard", id="R1-EP-wrong-case"),
        pytest.param("", id="R1-EP-empty-type"),
    ],
)
def test_r1_invalid_ticket_type_raises(ticket_type):
    with pytest.raises(ValueError, match="unknown ticket type"):
        refund_cents(ticket_type, PRICE, 72)


@pytest.mark.parametrize(
    "price",
    [
        pytest.param(-1, id="R1-BVA-price-minus-1-cent"),
        pytest.param(49.99, id="R1-EP-price-as-float"),
        pytest.param(True, id="R1-EP-price-as-bool"),
    ],
)
def test_r1_invalid_price_raises(price):
    with pytest.raises(ValueError, match="price_cents"):
        refund_cents("standard", price, 72)


def test_r1_bva_zero_price_is_valid():
    assert refund_cents("flexible", 0, 72) == 0


# R2 and R3: decision table, operator cancellation x departure state x ticket type -------------

@pytest.mark.parametrize("ticket_type", ["flexible", "standard", "saver"])
@pytest.mark.parametrize(
    "hours",
    [pytest.param(10, id="before"), pytest.param(-3, id="after")],
)
def test_r2_dt_operator_cancellation_refunds_everything(ticket_type, hours):
    assert refund_cents(ticket_type, 4_999, hours, operator_cancelled=True) == 4_999


@pytest.mark.parametrize(
    "ticket_type, hours, expected",
    [
        pytest.param("flexible", 0, PRICE, id="R3-BVA-flexible-at-departure-still-refunded"),
        pytest.param("flexible", -ONE_MINUTE, 0, id="R3-BVA-flexible-one-minute-after-departure"),
        pytest.param("flexible", -0.5, 0, id="R3-BVA-flexible-half-hour-after-departure"),
        pytest.param("standard", -ONE_MINUTE, 0, id="R3-BVA-standard-one-minute-after-departure"),
        pytest.param("flexible", -48, 0, id="R3-EP-flexible-long-after-departure"),
    ],
)
def test_r3_departure_boundary(ticket_type, hours, expected):
    assert refund_cents(ticket_type, PRICE, hours) == expected


# R4: flexible (EP) ------------------------------------------------------------------------------

def test_r4_ep_flexible_well_before_departure():
    assert refund_cents("flexible", 4_999, 200) == 4_999


# R5: standard bands (BVA on 48 and 24, EP inside each band) -----------------------------------

@pytest.mark.parametrize(
    "hours, expected",
    [
        pytest.param(72, 9_800, id="R5-EP-72h-full-minus-fee"),
        pytest.param(48, 9_800, id="R5-BVA-exactly-48h"),
        pytest.param(48 - ONE_MINUTE, 5_000, id="R5-BVA-one-minute-under-48h"),
        pytest.param(36, 5_000, id="R5-EP-36h-half"),
        pytest.param(24, 5_000, id="R5-BVA-exactly-24h"),
        pytest.param(24 - ONE_MINUTE, 0, id="R5-BVA-one-minute-under-24h"),
        pytest.param(0, 0, id="R5-BVA-standard-at-departure"),
    ],
)
def test_r5_standard_bands(hours, expected):
    assert refund_cents("standard", PRICE, hours) == expected


@pytest.mark.parametrize(
    "price, expected",
    [
        pytest.param(4_999, 2_499, id="R5-odd-cents-rounds-down"),
        pytest.param(1, 0, id="R5-one-cent-rounds-down-to-zero"),
    ],
)
def test_r5_half_band_rounds_down(price, expected):
    assert refund_cents("standard", price, 30) == expected


@pytest.mark.parametrize(
    "price, expected",
    [
        pytest.param(200, 0, id="R5-BVA-price-equals-fee"),
        pytest.param(201, 1, id="R5-BVA-price-one-cent-over-fee"),
        pytest.param(150, 0, id="R5-BVA-price-below-fee-never-negative"),
    ],
)
def test_r5_fee_never_makes_refund_negative(price, expected):
    assert refund_cents("standard", price, 60) == expected


# R6: saver (EP) ---------------------------------------------------------------------------------

def test_r6_ep_saver_not_refundable_even_early():
    assert refund_cents("saver", 3_000, 500) == 0
