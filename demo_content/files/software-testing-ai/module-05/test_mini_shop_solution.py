"""A worked solution to the exercise in test_mini_shop_starter.py (Module 5, lesson 5).

Put this file next to test_mini_shop_starter.py and run:  pytest -v test_mini_shop_solution.py
Against the Mini Shop as shipped, the tests marked "finds a bug" fail on purpose: each failure is a
defect to report. Once a bug is reported, teams often mark its test with
@pytest.mark.xfail(reason="BUG-123 ...", strict=True) so the suite stays green until the fix lands,
and strict=True turns the test red again the day the bug is fixed, as a reminder to remove the mark.
"""

import pytest

from test_mini_shop_starter import BASE_URL, TIMEOUT, alice_headers, api, bob_headers, fresh_data  # noqa: F401


def place_order(api, headers, product_id=1, quantity=1):
    return api.post(
        f"{BASE_URL}/orders",
        json={"items": [{"product_id": product_id, "quantity": quantity}]},
        headers=headers,
        timeout=TIMEOUT,
    )


@pytest.mark.parametrize(
    "quantity, expected_status",
    [(-1, 422), (0, 422), (1, 201), (10, 201), (11, 422)],
    ids=["below-min", "zero (finds a bug)", "min", "max", "above-max"],
)
def test_order_quantity_must_be_1_to_10(api, alice_headers, quantity, expected_status):
    stock_before = api.get(f"{BASE_URL}/products/5", timeout=TIMEOUT).json()["stock"]

    response = place_order(api, alice_headers, product_id=5, quantity=quantity)

    assert response.status_code == expected_status, response.text
    stock_after = api.get(f"{BASE_URL}/products/5", timeout=TIMEOUT).json()["stock"]
    if expected_status == 422:
        assert stock_after == stock_before, "a refused order must not change the stock"


def test_max_price_filter_includes_the_limit(api):  # finds a bug
    response = api.get(f"{BASE_URL}/products", params={"max_price": 20}, timeout=TIMEOUT)

    assert response.status_code == 200
    ids = {product["id"] for product in response.json()}
    assert 3 in ids, f"product 3 costs exactly 20.00 and must be included; got {sorted(ids)}"


def test_a_customer_cannot_read_someone_elses_order(api, alice_headers, bob_headers):  # finds a bug
    order_id = place_order(api, alice_headers).json()["id"]

    response = api.get(f"{BASE_URL}/orders/{order_id}", headers=bob_headers, timeout=TIMEOUT)

    assert response.status_code in (403, 404), f"Bob read Alice's order: {response.text}"


def test_a_body_that_is_not_json_gets_400(api, alice_headers):  # finds a bug
    response = api.post(
        f"{BASE_URL}/orders",
        data='{"items": [',
        headers={**alice_headers, "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )

    assert response.status_code == 400, f"expected 400, got {response.status_code}: {response.text}"


def test_every_product_has_a_numeric_price(api):  # finds a bug
    products = api.get(f"{BASE_URL}/products", timeout=TIMEOUT).json()

    wrong = [p for p in products if isinstance(p["price"], bool) or not isinstance(p["price"], int | float)]
    assert not wrong, f"prices that are not numbers: {wrong}"
