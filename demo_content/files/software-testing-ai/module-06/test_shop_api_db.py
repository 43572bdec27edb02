"""Starter suite for the Module 6 project: API tests with database checks (Harbour Shop practice API).

Put this file, shop_api.py and harbour-shop.sql in one folder, then:

    pip install pytest requests
    pytest -v

Every test gets a fresh copy of the database and its own API server on a free port, so tests never
share data and can run in any order. Step 1 of the project: move the fixtures into conftest.py and
the helpers into db_checks.py, then grow the suite.
"""

import shutil
import sqlite3
import threading
from contextlib import closing

import pytest
import requests

import shop_api

TABLES = ("customers", "products", "orders", "order_items", "payments")

# Zero-row checks run after every test (see integrity_after_each_test). Add the rest of the pack.
INTEGRITY_CHECKS = {
    "order_without_items": """
        SELECT o.order_id FROM orders o
        WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)""",
    "order_total_mismatch": """
        SELECT o.order_id FROM orders o JOIN order_items i ON i.order_id = o.order_id
        GROUP BY o.order_id, o.total
        HAVING ABS(o.total - SUM(i.quantity * i.unit_price)) > 0.005""",
    "negative_stock": "SELECT product_id FROM products WHERE stock_qty < 0",
}


# Fixtures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def golden_db(tmp_path_factory):
    """Harbour Shop loaded once per test session; every test copies it."""
    path = tmp_path_factory.mktemp("golden") / "harbour_golden.db"
    shop_api.reset_database(path)
    return path


@pytest.fixture
def db_path(golden_db, tmp_path):
    path = tmp_path / "harbour_test.db"
    shutil.copyfile(golden_db, path)
    return path


@pytest.fixture
def api(db_path):
    """The practice API serving this test's private database; yields its base URL."""
    server = shop_api.make_server(db_path, port=0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def db(db_path):
    """query(sql, params) on a READ-ONLY connection, so a check can never change the data it checks."""
    def query(sql, params=()):
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as connection:
            connection.row_factory = sqlite3.Row
            return [dict(row) for row in connection.execute(sql, params)]
    return query


@pytest.fixture(autouse=True)
def integrity_after_each_test(db):
    yield
    problems = {name: rows for name, sql in INTEGRITY_CHECKS.items() if (rows := db(sql))}
    assert not problems, f"integrity checks failed after the test: {problems}"


# Helpers ----------------------------------------------------------------------------------------

def row_counts(db):
    return {table: db(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] for table in TABLES}


def stock(db, *product_ids):
    marks = ", ".join("?" for _ in product_ids)
    rows = db(f"SELECT product_id, stock_qty FROM products WHERE product_id IN ({marks})", product_ids)
    return {row["product_id"]: row["stock_qty"] for row in rows}


def place_order(api, customer_id, *lines):
    body = {"customer_id": customer_id, "items": [{"product_id": p, "quantity": q} for p, q in lines]}
    return requests.post(f"{api}/orders", json=body, timeout=5)


# Tests ------------------------------------------------------------------------------------------

def test_placing_an_order_writes_its_footprint(api, db):
    before, stock_before = row_counts(db), stock(db, 2, 9)

    response = place_order(api, 3, (2, 1), (9, 2))

    assert response.status_code == 201
    order_id = response.json()["order_id"]
    [order] = db("SELECT customer_id, status, total FROM orders WHERE order_id = ?", (order_id,))
    assert (order["customer_id"], order["status"], round(order["total"], 2)) == (3, "placed", 98.98)
    items = db("SELECT product_id, quantity, unit_price FROM order_items WHERE order_id = ? ORDER BY product_id",
               (order_id,))
    assert [(i["product_id"], i["quantity"], i["unit_price"]) for i in items] == [(2, 1, 49.0), (9, 2, 24.99)]
    assert stock(db, 2, 9) == {2: stock_before[2] - 1, 9: stock_before[9] - 2}
    assert row_counts(db) == {**before, "orders": before["orders"] + 1, "order_items": before["order_items"] + 2}


@pytest.mark.parametrize("body", [
    {"customer_id": 99, "items": [{"product_id": 2, "quantity": 1}]},   # unknown customer
    {"customer_id": 3, "items": [{"product_id": 2, "quantity": 0}]},    # quantity below the range
    {"customer_id": 3, "items": [{"product_id": 2, "quantity": 11}]},   # quantity above the range
    {"customer_id": 3, "items": [{"product_id": 99, "quantity": 1}]},   # unknown product
], ids=["unknown-customer", "quantity-0", "quantity-11", "unknown-product"])
def test_a_rejected_order_leaves_the_database_unchanged(api, db, body):
    before, stock_before = row_counts(db), stock(db, 2)

    response = requests.post(f"{api}/orders", json=body, timeout=5)

    assert response.status_code == 422
    assert row_counts(db) == before
    assert stock(db, 2) == stock_before


def test_paying_an_order_writes_exactly_one_payment(api, db):
    order = place_order(api, 5, (1, 2)).json()

    first = requests.post(f"{api}/orders/{order['order_id']}/payments", json={"method": "card"}, timeout=5)
    second = requests.post(f"{api}/orders/{order['order_id']}/payments", json={"method": "card"}, timeout=5)

    assert (first.status_code, second.status_code) == (201, 409)
    payments = db("SELECT amount, method FROM payments WHERE order_id = ?", (order["order_id"],))
    assert payments == [{"amount": 69.98, "method": "card"}]
    [row] = db("SELECT status FROM orders WHERE order_id = ?", (order["order_id"],))
    assert row["status"] == "paid"
