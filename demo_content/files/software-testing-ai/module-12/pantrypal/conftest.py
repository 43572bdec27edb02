"""Shared fixtures for the PantryPal suites. The shop's address comes from SHOP_BASE_URL."""

import os

import pytest
import requests


@pytest.fixture(scope="session")
def shop_url():
    return os.environ.get("SHOP_BASE_URL", "http://127.0.0.1:8000").rstrip("/")


@pytest.fixture(scope="session")
def api(shop_url):
    """A requests session with a timeout on every call, so a hung shop fails fast instead of hanging CI."""
    session = requests.Session()
    session.headers["User-Agent"] = "pantrypal-tests"
    original = session.request

    def request(method, url, **kwargs):
        kwargs.setdefault("timeout", 5)
        return original(method, shop_url + url, **kwargs)

    session.request = request
    yield session
    session.close()


@pytest.fixture
def basket(api):
    """A fresh, empty basket for each test that needs one."""
    response = api.post("/api/baskets", json={})
    assert response.status_code == 201, response.text
    return response.json()
