"""BookNest's booking service, for "Lab: Stabilise a Flaky Suite" (Module 8).

The developers built it with two seams for testing: the clock and the partner hotel API can be
passed in. In production they default to the real clock and the (slow) real partner API.
You may read this file but not change it. One problem you will find is a real product bug:
report it instead of hiding it.
"""

import csv
import random
import time
from datetime import datetime
from pathlib import Path

LATE_CHECKIN_FEE_CENTS = 2_500
LATE_FROM_HOUR, LATE_UNTIL_HOUR = 22, 6  # 22:00 to 05:59 counts as late


def slow_partner_search(city):
    """Stands in for the partner hotels' API: correct answers, unpredictable speed."""
    time.sleep(random.uniform(0.05, 0.30))
    return sorted(f"{city} Hotel {number}" for number in range(1, 4))


class BookingService:
    def __init__(self, clock=datetime.now, partner=slow_partner_search):
        self.clock = clock
        self.partner = partner
        self.bookings = []

    def new_reference(self):
        return f"BN-{random.randint(1000, 9999)}"

    def book(self, guest, hotel, nights):
        booking = {"reference": self.new_reference(), "guest": guest, "hotel": hotel, "nights": nights}
        self.bookings.append(booking)
        return booking

    def late_checkin_fee(self):
        """$25.00 when a guest checks in between 22:00 and 05:59 (by the service's clock)."""
        hour = self.clock().hour
        late = hour >= LATE_FROM_HOUR or hour < LATE_UNTIL_HOUR
        return LATE_CHECKIN_FEE_CENTS if late else 0

    def search(self, city):
        return self.partner(city)

    def export_bookings(self, path):
        """Write all bookings to a CSV file, one row per booking, and return the path."""
        path = Path(path)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["reference", "guest", "hotel", "nights"])
            handle.flush()
            for booking in self.bookings:
                time.sleep(0.01)  # the real export formats each row slowly
                writer.writerow([booking["reference"], booking["guest"], booking["hotel"], booking["nights"]])
        return path
