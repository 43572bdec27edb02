"""Server-side validation tests for the Fernwood booking API (Module 7, "Forms, Validation and Usability").

The booking form checks some rules in the browser. These tests skip the browser and send the
request straight to the server, the way an attacker, a buggy mobile app or a script would.
Every rule the form enforces must also hold here; each failing test is a server-side gap to report.

    pip install pytest requests
    python fernwood_practice_site.py          # in another terminal
    pytest test_booking_api_validation.py -v
    BASE_URL=http://localhost:8123 pytest test_booking_api_validation.py -v

Each POST takes about 2.5 seconds: the practice site's booking service is slow on purpose.
"""

import os

import pytest
import requests

BASE_URL = os.environ.get("BASE_URL", "http://localhost:8000")
VALID = {
    "room_id": 2,  # Lake View Double: sleeps 2, available
    "name": "Amira Haddad",
    "email": "amira.haddad@example.com",
    "checkin": "2026-07-10",
    "checkout": "2026-07-13",
    "guests": 2,
    "promo": "",
}


def post_booking(**changes):
    payload = {**VALID, **changes}
    payload = {key: value for key, value in payload.items() if value is not None}  # None = leave the field out
    return requests.post(f"{BASE_URL}/api/bookings", json=payload, timeout=10)


def test_valid_booking_is_created():
    response = post_booking()
    assert response.status_code == 201
    body = response.json()
    assert body["nights"] == 3
    assert body["total"] == 3 * 139
    assert body["reference"].startswith("FW-")


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"name": "   "}, id="blank-name"),
        pytest.param({"email": None}, id="missing-email"),
        pytest.param({"email": "amira.example.com"}, id="email-without-at"),
        pytest.param({"guests": 0}, id="guests-below-1"),
        pytest.param({"guests": 5}, id="guests-above-4"),
        pytest.param({"room_id": 1, "guests": 2}, id="guests-above-room-capacity"),
        pytest.param({"checkout": "2026-07-10"}, id="zero-nights"),
        pytest.param({"checkout": "2026-07-07"}, id="checkout-before-checkin"),
        pytest.param({"checkin": "2026-02-30"}, id="impossible-date"),
        pytest.param({"room_id": 3}, id="sold-out-room"),
    ],
)
def test_invalid_booking_is_rejected_with_422(changes):
    response = post_booking(**changes)
    assert response.status_code == 422, (
        f"expected 422 for {changes}, got {response.status_code}: {response.text[:120]}"
    )
    assert "error" in response.json()
