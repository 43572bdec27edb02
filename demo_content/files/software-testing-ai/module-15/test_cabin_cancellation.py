"""Model step definitions for cabin_cancellation.feature (pytest-bdd 8 or later).

    pip install pytest pytest-bdd
    pytest -v test_cabin_cancellation.py

Keep cancellation.py and cabin_cancellation.feature in the same folder.
"""

from datetime import datetime
from decimal import Decimal

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from cancellation import Booking, refund_for

scenarios("cabin_cancellation.feature")


@pytest.fixture
def cabin():
    return {}


@given(parsers.parse("a cabin costs {price} a night with a cleaning fee of {fee}"))
def cabin_prices(cabin, price, fee):
    cabin["price"], cabin["fee"] = Decimal(price), Decimal(fee)


@given(parsers.parse("check-in is on {day} at {time} cabin time"))
def check_in(cabin, day, time):
    cabin["check_in"] = datetime.fromisoformat(f"{day}T{time}")


@given(parsers.re(r"Dana has an? (?P<rate>flexible|non-refundable) booking for (?P<nights>\d+) nights?"),
       target_fixture="booking")
def dana_booking(cabin, rate, nights):
    return Booking(rate=rate, nightly_price=cabin["price"], nights=int(nights),
                   cleaning_fee=cabin["fee"], check_in=cabin["check_in"])


@when(parsers.re(r"(?P<who>Dana|Coastline) cancels(?: the booking)? on (?P<day>\S+) at (?P<time>\S+)"),
      target_fixture="refund")
def cancel(booking, who, day, time):
    cancelled_by = "owner" if who == "Coastline" else "guest"
    return refund_for(booking, datetime.fromisoformat(f"{day}T{time}"), cancelled_by)


@then(parsers.parse("Dana is refunded {amount}"))
def refunded(refund, amount):
    assert refund == Decimal(amount)
