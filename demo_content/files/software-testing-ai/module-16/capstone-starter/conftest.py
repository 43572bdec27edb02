"""Shared fixtures for the ReelHouse capstone suite (Module 16).

The server address comes from pytest.ini (base_url) or from --base-url on the command line,
so API and UI tests always talk to the same copy of the app.
"""

import pytest
import requests

PASSWORD = "Popcorn-2026!"


@pytest.fixture(scope="session")
def api_url(base_url):
    return base_url.rstrip("/") + "/api"


@pytest.fixture(autouse=True)
def fresh_data(api_url):
    """Every test starts from the same seats and no bookings, so tests never depend on each other."""
    requests.post(f"{api_url}/reset", timeout=5).raise_for_status()


def logged_in_session(api_url, email):
    session = requests.Session()
    response = session.post(f"{api_url}/login", json={"email": email, "password": PASSWORD}, timeout=5)
    assert response.status_code == 200, response.text
    session.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return session


@pytest.fixture
def alex(api_url):
    """A requests.Session logged in as the first customer."""
    with logged_in_session(api_url, "alex@reelhouse.test") as session:
        yield session


@pytest.fixture
def jordan(api_url):
    """A second customer, for checks that people only see their own bookings."""
    with logged_in_session(api_url, "jordan@reelhouse.test") as session:
        yield session
