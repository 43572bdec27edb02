"""Sample StayFinder tests tagged by ISO/IEC 25010:2023 characteristic.

Run with the conftest_quality.py hooks installed (copy it to conftest.py next to this file):
    pip install pytest requests
    pytest -v test_quality_sample.py                              # HTTP tests are skipped
    STAYFINDER_URL=https://staging.stayfinder.example pytest -v   # run them against your own staging

The local functions stand in for StayFinder's pricing code, so the file runs anywhere.
"""

import os
import statistics
import time

import pytest

BASE_URL = os.environ.get("STAYFINDER_URL")
needs_server = pytest.mark.skipif(not BASE_URL, reason="set STAYFINDER_URL to run HTTP checks")


def stay_price(nights: int, nightly_rate: float, weekly_discount: float = 0.10) -> float:
    """StayFinder rule: stays of 7 nights or more get 10% off; 1 to 30 nights allowed."""
    if not 1 <= nights <= 30:
        raise ValueError("nights must be between 1 and 30")
    total = nights * nightly_rate
    if nights >= 7:
        total *= 1 - weekly_discount
    return round(total, 2)


@pytest.mark.quality("functional suitability")
@pytest.mark.parametrize("nights, expected", [(6, 720.00), (7, 756.00)])
def test_weekly_discount_starts_at_seven_nights(nights, expected):
    assert stay_price(nights, 120.00) == expected


@pytest.mark.quality("functional suitability")
@pytest.mark.parametrize("nights", [0, 31])
def test_stay_length_outside_1_to_30_is_refused(nights):
    with pytest.raises(ValueError, match="between 1 and 30"):
        stay_price(nights, 120.00)


@pytest.mark.quality("interaction capability")
def test_error_message_tells_the_guest_how_to_fix_it():
    # user error protection: the message names the allowed range instead of "invalid input"
    with pytest.raises(ValueError) as error:
        stay_price(45, 120.00)
    assert "1 and 30" in str(error.value)


@needs_server
@pytest.mark.quality("security")
def test_search_response_sets_security_headers():
    import requests

    response = requests.get(f"{BASE_URL}/api/search", params={"city": "Lisbon"}, timeout=10)
    assert response.status_code == 200
    assert "max-age=" in response.headers.get("Strict-Transport-Security", "")
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


@needs_server
@pytest.mark.quality("performance efficiency")
def test_search_p95_single_user_under_800_ms():
    # a smoke-level time-behaviour check; the load test itself belongs in Locust or JMeter (Module 11)
    import requests

    timings = []
    with requests.Session() as session:
        for _ in range(20):
            start = time.perf_counter()
            session.get(f"{BASE_URL}/api/search", params={"city": "Lisbon"}, timeout=10).raise_for_status()
            timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1]
    assert p95 < 800, f"p95 was {p95:.0f} ms"
