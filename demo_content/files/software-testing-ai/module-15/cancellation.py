"""Coastline Cabins: refund rules for cancelled bookings (system under test for the BDD lab).

All times are the cabin's local time. Check-in is at 16:00 on the arrival day.
Rules, as the product owner states them in the role cards:
  R1 Flexible rate, cancelled 48 hours or more before check-in: everything is refunded.
  R2 Flexible rate, cancelled less than 48 hours before check-in: the first night is charged,
     the other nights and the cleaning fee are refunded.
  R3 Non-refundable rate: only the cleaning fee is refunded.
  R4 If Coastline cancels the booking (cancelled_by="owner"), everything is refunded on any rate.
  R5 A guest who cancels at or after check-in time gets nothing back (treated as a no-show).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

FREE_CANCELLATION = timedelta(hours=48)
RATES = ("flexible", "non-refundable")


@dataclass
class Booking:
    rate: str
    nightly_price: Decimal
    nights: int
    cleaning_fee: Decimal
    check_in: datetime

    def __post_init__(self):
        if self.rate not in RATES:
            raise ValueError(f"unknown rate {self.rate!r}")
        if self.nights < 1:
            raise ValueError("a booking has at least one night")

    @property
    def total(self) -> Decimal:
        return self.nightly_price * self.nights + self.cleaning_fee


def refund_for(booking: Booking, cancelled_at: datetime, cancelled_by: str = "guest") -> Decimal:
    """Amount refunded to the guest when the booking is cancelled at `cancelled_at`."""
    if cancelled_by == "owner":
        return booking.total                                          # R4
    if cancelled_at >= booking.check_in:
        return Decimal("0.00")                                        # R5
    if booking.rate == "non-refundable":
        return booking.cleaning_fee                                   # R3
    if booking.check_in - cancelled_at >= FREE_CANCELLATION:
        return booking.total                                          # R1
    return booking.total - booking.nightly_price                      # R2
