"""Starter API tests for the Mini Shop practice API (Module 5, "API Tests in Python with requests and pytest").

Setup, once:
    python -m venv .venv
    .venv/bin/pip install requests pytest          (Windows: .venv\\Scripts\\pip install requests pytest)

Run the API in one terminal:   python mini_shop_api.py
Run the tests in another:      .venv/bin/pytest -v test_mini_shop_starter.py

Every test here passes against a correct Mini Shop. The exercise at the bottom asks you to add tests
that do not pass, because they find bugs. In a real project the fixtures below live in conftest.py.
"""

import os

import pytest
import requests

BASE_URL = os.environ.get("MINI_SHOP_URL", "http://127.0.0.1:8000")
TIMEOUT = 5  # seconds; without a timeout a hung server hangs your whole test run


# Fixtures -------------------------------------------------------------------------------------


@pytest.fixture
def api():
    """One HTTP session per test: connections are reused, headers set once."""
    with requests.Session() as session:
        session.headers.update({"Accept": "application/json"})
        yield session


@pytest.fixture(autouse=True)
def fresh_data(api):
    """Every test starts from the same data, so no test depends on another."""
    response = api.post(f"{BASE_URL}/test/reset", timeout=TIMEOUT)
    assert response.status_code == 204, "could not reset the Mini Shop: is it running?"


def token_for(api, username, password):
    response = api.post(
        f"{BASE_URL}/auth/login", json={"username": username, "password": password}, timeout=TIMEOUT
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


@pytest.fixture
def alice_headers(api):
    return {"Authorization": f"Bearer {token_for(api, 'alice', 'alice-pass-123')}"}


@pytest.fixture
def bob_headers(api):
    return {"Authorization": f"Bearer {token_for(api, 'bob', 'bob-pass-456')}"}


# Tests ----------------------------------------------------------------------------------------


def test_health_check_says_ok(api):
    response = api.get(f"{BASE_URL}/health", timeout=TIMEOUT)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_product_has_the_documented_fields(api):
    response = api.get(f"{BASE_URL}/products/1", timeout=TIMEOUT)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    product = response.json()
    assert set(product) == {"id", "name", "category", "price", "stock"}
    assert product["id"] == 1


def test_unknown_product_returns_404_with_a_message(api):
    response = api.get(f"{BASE_URL}/products/999", timeout=TIMEOUT)

    assert response.status_code == 404
    assert "not found" in response.json()["error"]


@pytest.mark.parametrize("category, expected_ids", [("kitchen", {1, 2}), ("books", {3, 4}), ("garden", set())])
def test_category_filter_returns_only_that_category(api, category, expected_ids):
    response = api.get(f"{BASE_URL}/products", params={"category": category}, timeout=TIMEOUT)

    assert response.status_code == 200
    assert {product["id"] for product in response.json()} == expected_ids


def test_login_with_a_wrong_password_is_refused(api):
    response = api.post(
        f"{BASE_URL}/auth/login", json={"username": "alice", "password": "wrong"}, timeout=TIMEOUT
    )

    assert response.status_code == 401
    assert "access_token" not in response.json()


def test_orders_need_a_token(api):
    response = api.post(f"{BASE_URL}/orders", json={"items": [{"product_id": 1, "quantity": 1}]}, timeout=TIMEOUT)

    assert response.status_code == 401


def test_placing_an_order_returns_201_and_its_location(api, alice_headers):
    response = api.post(
        f"{BASE_URL}/orders",
        json={"items": [{"product_id": 1, "quantity": 2}]},
        headers=alice_headers,
        timeout=TIMEOUT,
    )

    assert response.status_code == 201
    order = response.json()
    assert response.headers["Location"] == f"/orders/{order['id']}"
    assert order["user"] == "alice"
    assert order["status"] == "placed"
    assert order["total"] == pytest.approx(2 * 18.50)


def test_placing_an_order_reduces_stock(api, alice_headers):
    before = api.get(f"{BASE_URL}/products/2", timeout=TIMEOUT).json()["stock"]

    api.post(
        f"{BASE_URL}/orders",
        json={"items": [{"product_id": 2, "quantity": 3}]},
        headers=alice_headers,
        timeout=TIMEOUT,
    )

    after = api.get(f"{BASE_URL}/products/2", timeout=TIMEOUT).json()["stock"]
    assert after == before - 3


def test_a_customer_cannot_cancel_someone_elses_order(api, alice_headers, bob_headers):
    order = api.post(
        f"{BASE_URL}/orders",
        json={"items": [{"product_id": 6, "quantity": 1}]},
        headers=alice_headers,
        timeout=TIMEOUT,
    ).json()

    response = api.delete(f"{BASE_URL}/orders/{order['id']}", headers=bob_headers, timeout=TIMEOUT)

    assert response.status_code == 403


# Exercise -------------------------------------------------------------------------------------
# Add these tests. Each one checks a rule from mini-shop-api-reference.md; at least three of them
# fail against the Mini Shop, because they find real (deliberate) bugs. A failing test that finds a
# bug is a good test: keep it, and write the bug report.
#
# 1. A quantity of 0, of 11 and of -1 is refused with 422; 1 and 10 are accepted (parametrise it).
# 2. GET /products?max_price=20 includes product 3, which costs exactly 20.00.
# 3. Bob reading Alice's order with GET /orders/{id} gets 403 or 404, never the order.
# 4. A body that is not valid JSON on POST /orders gets 400, not 500.
# 5. Every product in GET /products has a numeric price.
