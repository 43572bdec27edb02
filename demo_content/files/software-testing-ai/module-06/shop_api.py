"""Harbour Shop API: a tiny REST API over the Harbour Shop SQLite database, for practising database checks.

Standard library only (Python 3.10+). It loads harbour-shop.sql from the same folder into a fresh
database file, then serves JSON on http://127.0.0.1:8000.

    python shop_api.py --db harbour_api.db --reset      # (re)create the database and serve
    python shop_api.py --db harbour_api.db              # serve an existing database

Endpoints
    GET  /health                      -> 200 {"status": "ok"}
    GET  /orders/<id>                 -> 200 the order with its items, or 404
    POST /orders                      -> 201 {"order_id", "status", "total"}
         body {"customer_id": 3, "items": [{"product_id": 2, "quantity": 1}, ...]}
         422 if the customer or a product does not exist, a quantity is outside 1..10,
             or there is not enough stock
    POST /orders/<id>/payments        -> 201 {"payment_id", "order_id", "amount", "status": "paid"}
         body {"method": "card" | "paypal"}; 409 unless the order is placed
    POST /orders/<id>/cancel          -> 200 {"order_id", "status": "cancelled"}; stock goes back on the shelf
         409 if the order is shipped or already cancelled

Like many real systems, this one has defects that its HTTP responses do not show. Every response
looks right; only the database tells the whole story. Finding them is the point of the project.
"""

import argparse
import json
import re
import sqlite3
from datetime import datetime, timezone
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEED = Path(__file__).with_name("harbour-shop.sql")


def reset_database(db_path):
    """Create (or recreate) the database from harbour-shop.sql."""
    with sqlite3.connect(db_path) as connection:
        connection.executescript(SEED.read_text(encoding="utf-8"))


def connect(db_path):
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, message


def money(value):
    return float(Decimal(str(value)).quantize(Decimal("0.01")))


def get_order(connection, order_id):
    order = connection.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
    if order is None:
        raise ApiError(404, f"order {order_id} not found")
    items = connection.execute(
        "SELECT product_id, quantity, unit_price FROM order_items WHERE order_id = ? ORDER BY product_id",
        (order_id,),
    ).fetchall()
    return {**dict(order), "total": money(order["total"]), "items": [dict(item) for item in items]}


def create_order(connection, body):
    customer_id, items = body.get("customer_id"), body.get("items")
    if not isinstance(customer_id, int) or not isinstance(items, list) or not items:
        raise ApiError(422, "customer_id (integer) and a non-empty items list are required")
    if connection.execute("SELECT 1 FROM customers WHERE customer_id = ?", (customer_id,)).fetchone() is None:
        raise ApiError(422, f"customer {customer_id} does not exist")
    lines = []
    for item in items:
        product_id, quantity = item.get("product_id"), item.get("quantity")
        if not isinstance(quantity, int) or not 1 <= quantity <= 10:
            raise ApiError(422, "quantity must be a whole number from 1 to 10")
        product = connection.execute("SELECT * FROM products WHERE product_id = ?", (product_id,)).fetchone()
        if product is None:
            raise ApiError(422, f"product {product_id} does not exist")
        lines.append((product, quantity))
    if len({product["product_id"] for product, _ in lines}) != len(lines):
        raise ApiError(422, "each product may appear only once; change the quantity instead")

    today = datetime.now(timezone.utc).date().isoformat()
    cursor = connection.execute(
        "INSERT INTO orders (customer_id, order_date, status, total) VALUES (?, ?, 'placed', 0)",
        (customer_id, today),
    )
    order_id = cursor.lastrowid
    connection.commit()

    total = Decimal("0")
    for product, quantity in lines:
        if product["stock_qty"] < quantity:
            raise ApiError(422, f"not enough stock for {product['sku']}")
        price = Decimal(str(product["price"]))
        connection.execute(
            "INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (?, ?, ?, ?)",
            (order_id, product["product_id"], quantity, float(price)),
        )
        connection.execute(
            "UPDATE products SET stock_qty = stock_qty - ? WHERE product_id = ?",
            (quantity, product["product_id"]),
        )
        total += price * quantity
    connection.execute("UPDATE orders SET total = ? WHERE order_id = ?", (float(total), order_id))
    connection.commit()
    return {"order_id": order_id, "status": "placed", "total": money(total)}


def pay_order(connection, order_id, body):
    method = body.get("method")
    if method not in ("card", "paypal"):
        raise ApiError(422, "method must be card or paypal")
    order = get_order(connection, order_id)
    if order["status"] != "placed":
        raise ApiError(409, f"order {order_id} is {order['status']}, only placed orders can be paid")
    paid_at = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    cursor = connection.execute(
        "INSERT INTO payments (order_id, amount, method, paid_at) VALUES (?, ?, ?, ?)",
        (order_id, order["total"], method, paid_at),
    )
    connection.execute("UPDATE orders SET status = 'paid' WHERE order_id = ?", (order_id,))
    connection.commit()
    return {"payment_id": cursor.lastrowid, "order_id": order_id, "amount": order["total"], "status": "paid"}


def cancel_order(connection, order_id):
    order = get_order(connection, order_id)
    if order["status"] in ("shipped", "cancelled"):
        raise ApiError(409, f"order {order_id} is {order['status']} and cannot be cancelled")
    item = connection.execute(
        "SELECT product_id, quantity FROM order_items WHERE order_id = ?", (order_id,)
    ).fetchone()
    if item is not None:
        connection.execute(
            "UPDATE products SET stock_qty = stock_qty + ? WHERE product_id = ?",
            (item["quantity"], item["product_id"]),
        )
    connection.execute("UPDATE orders SET status = 'cancelled' WHERE order_id = ?", (order_id,))
    connection.commit()
    return {"order_id": order_id, "status": "cancelled"}


ROUTES = [
    ("GET", re.compile(r"^/health$"), lambda c, m, b: (200, {"status": "ok"})),
    ("GET", re.compile(r"^/orders/(\d+)$"), lambda c, m, b: (200, get_order(c, int(m[1])))),
    ("POST", re.compile(r"^/orders$"), lambda c, m, b: (201, create_order(c, b))),
    ("POST", re.compile(r"^/orders/(\d+)/payments$"), lambda c, m, b: (201, pay_order(c, int(m[1]), b))),
    ("POST", re.compile(r"^/orders/(\d+)/cancel$"), lambda c, m, b: (200, cancel_order(c, int(m[1])))),
]


class Handler(BaseHTTPRequestHandler):
    db_path = "harbour_api.db"

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def send_json(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_method(self, method):
        for route_method, pattern, action in ROUTES:
            match = pattern.match(self.path)
            if match and route_method == method:
                break
        else:
            return self.send_json(404, {"error": f"no route for {method} {self.path}"})
        body = {}
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except json.JSONDecodeError:
                return self.send_json(400, {"error": "the body is not valid JSON"})
            if not isinstance(body, dict):
                return self.send_json(400, {"error": "the body must be a JSON object"})
        connection = connect(self.db_path)
        try:
            status, payload = action(connection, match, body)
        except ApiError as error:
            connection.rollback()
            status, payload = error.status, {"error": error.message}
        finally:
            connection.close()
        self.send_json(status, payload)

    def do_GET(self):
        self.handle_method("GET")

    def do_POST(self):
        self.handle_method("POST")


def make_server(db_path, host="127.0.0.1", port=8000):
    """A server bound to db_path; port=0 picks a free port (read it from server.server_port)."""
    handler = type("BoundHandler", (Handler,), {"db_path": str(db_path)})
    return ThreadingHTTPServer((host, port), handler)


def main():
    parser = argparse.ArgumentParser(description="Harbour Shop practice API")
    parser.add_argument("--db", default="harbour_api.db")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--reset", action="store_true", help="recreate the database from harbour-shop.sql")
    args = parser.parse_args()
    if args.reset or not Path(args.db).exists():
        reset_database(args.db)
    server = make_server(args.db, port=args.port)
    print(f"Harbour Shop API on http://127.0.0.1:{server.server_port} using {args.db} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


if __name__ == "__main__":
    main()
