"""Every test gets its own fresh copy of the masked StayWell database (Module 6 lab).

Before running:  python staywell_lab.py snapshot --db staywell_masked.db --to staywell_golden.db
Run:             pytest -v test_staywell_reset.py
Prove independence by running the tests in the opposite order as well:
                 pytest -v "test_staywell_reset.py::test_other_tests_see_the_original_data" \
                           "test_staywell_reset.py::test_cancelling_a_booking_changes_only_that_booking"
Both orders must pass. If one order fails, a test is leaking data into another.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("staywell_golden.db")


@pytest.fixture
def db(tmp_path):
    """A private copy of the golden database, deleted with tmp_path after the test."""
    if not GOLDEN.exists():
        pytest.skip("create staywell_golden.db first with: python staywell_lab.py snapshot ...")
    path = tmp_path / "staywell_test.db"
    shutil.copyfile(GOLDEN, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def scalar(connection, sql, params=()):
    return connection.execute(sql, params).fetchone()[0]


def test_cancelling_a_booking_changes_only_that_booking(db):
    before = scalar(db, "SELECT COUNT(*) FROM bookings WHERE status = 'cancelled'")
    db.execute("UPDATE bookings SET status = 'cancelled' WHERE booking_id = ?", (5001,))
    db.commit()
    assert scalar(db, "SELECT status FROM bookings WHERE booking_id = ?", (5001,)) == "cancelled"
    assert scalar(db, "SELECT COUNT(*) FROM bookings WHERE status = 'cancelled'") == before + 1


def test_other_tests_see_the_original_data(db):
    # Booking 5001 is checked_out in the golden copy, whatever the other test did to its own copy.
    assert scalar(db, "SELECT status FROM bookings WHERE booking_id = ?", (5001,)) == "checked_out"
    assert scalar(db, "SELECT COUNT(*) FROM bookings WHERE status = 'cancelled'") == 10


def test_masked_data_is_what_the_tests_expect(db):
    assert scalar(db, "SELECT COUNT(*) FROM guests WHERE email NOT LIKE '%@example.com'") == 0
    assert scalar(db, "SELECT COUNT(*) FROM bookings WHERE booking_id < 9000") == 40  # seeded rows start at 9001


def test_a_room_cannot_be_booked_with_check_out_before_check_in(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO bookings (booking_id, guest_id, room_id, check_in, check_out, status, total) "
            "VALUES (9901, 1, 1, '2026-06-12', '2026-06-11', 'confirmed', 79.00)"
        )
