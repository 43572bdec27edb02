"""The BookNest booking suite as the team inherited it (Module 8, "Lab: Stabilise a Flaky Suite").

Every test here passed on the author's laptop. Several fail now and then in CI. Find out which,
why, and fix them. Run it many ways:
    python -m pytest -p no:randomly test_flaky_bookings.py          # file order
    python -m pytest test_flaky_bookings.py                          # shuffled (pytest-randomly)
    python -m pytest -p no:randomly --count=30 test_flaky_bookings.py
    python -m pytest -n 4 --count=10 test_flaky_bookings.py          # parallel (pytest-xdist)
"""

import csv
import time

from booking_service import BookingService

service = BookingService()


def test_new_service_has_no_bookings():
    assert service.bookings == []


def test_booking_is_stored_with_a_reference():
    booking = service.book("Ana Lima", "Lisbon Hotel 2", nights=3)
    assert booking["reference"].startswith("BN-")
    assert service.bookings == [booking]


def test_booking_keeps_the_guest_name():
    booking = BookingService().book("Chen Wei", "Porto Hotel 1", nights=1)
    assert booking["guest"] == "Chen Wei"


def test_booking_references_are_unique():
    fresh = BookingService()
    references = {fresh.book(f"Guest {n}", "Faro Hotel 1", 1)["reference"] for n in range(50)}
    assert len(references) == 50


def test_daytime_checkin_has_no_late_fee():
    assert BookingService().late_checkin_fee() == 0


def test_search_returns_three_hotels():
    assert len(BookingService().search("Lisbon")) == 3


def test_search_is_fast():
    started = time.perf_counter()
    BookingService().search("Lisbon")
    assert time.perf_counter() - started < 0.25


def test_export_writes_a_header_and_one_row_per_booking():
    exporter = BookingService()
    for n in range(3):
        exporter.book(f"Guest {n}", "Braga Hotel 3", 2)
    exporter.export_bookings("bookings_export.csv")
    with open("bookings_export.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 4


def test_export_of_an_empty_service_has_only_the_header():
    BookingService().export_bookings("bookings_export.csv")
    with open("bookings_export.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["reference", "guest", "hotel", "nights"]]


def test_nights_are_stored_as_given():
    assert BookingService().book("Sam Ortiz", "Lisbon Hotel 1", nights=7)["nights"] == 7
