"""PantryPal: a tiny online grocery shop to practise CI/CD testing on (Module 12).

Standard library only, plus psycopg when you point it at PostgreSQL.

    python pantrypal_app.py                       # SQLite in memory, http://127.0.0.1:8000
    DATABASE_URL=postgresql://pantry:pantry@127.0.0.1:5432/pantry python pantrypal_app.py
    HOST=0.0.0.0 PORT=8000 python pantrypal_app.py   # what the container does

Endpoints
    GET  /                         search page (HTML, with data-testid attributes)
    GET  /health                   200 {"status": "ok", "database": "sqlite" | "postgres", "version": ...}
                                   503 {"status": "error", ...} when the database cannot be reached
    GET  /api/products?q=oat       products whose name contains q (case-insensitive)
    GET  /api/products/<id>        one product, or 404
    POST /api/baskets              create an empty basket -> 201
    GET  /api/baskets/<id>         basket with items and total_cents
    POST /api/baskets/<id>/items   {"product_id": 1, "quantity": 2} -> 201
                                   400 bad quantity (1 to 10), 404 unknown product, 409 not enough stock
"""

import html
import json
import os
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

VERSION = os.environ.get("APP_VERSION", "1.4.0")
MAX_QUANTITY = 10

PRODUCTS = [
    # sku, name, price in cents, stock, category
    ("DRK-001", "Oat milk 1L", 189, 40, "dairy-free"),
    ("DRK-002", "Organic oat milk 1L", 249, 25, "dairy-free"),
    ("DRK-003", "Almond milk 1L", 219, 30, "dairy-free"),
    ("BAK-001", "Sourdough loaf", 350, 12, "bakery"),
    ("EGG-006", "Free-range eggs x6", 275, 50, "dairy"),
    ("DAI-010", "Greek yoghurt 500g", 310, 18, "dairy"),
    ("FRU-005", "Bananas x5", 120, 60, "fruit"),
    ("PAN-100", "Basmati rice 1kg", 260, 35, "pantry"),
    ("SNK-020", "Dark chocolate 100g", 199, 45, "snacks"),
    ("COF-500", "Coffee beans 500g", 795, 0, "pantry"),
    ("DAI-400", "Cheddar 400g", 425, 20, "dairy"),
    ("PAN-200", "Rolled oats 1kg", 175, 28, "pantry"),
]

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS products (
        id INTEGER PRIMARY KEY, sku TEXT UNIQUE NOT NULL, name TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents > 0), stock INTEGER NOT NULL CHECK (stock >= 0),
        category TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS baskets (id INTEGER PRIMARY KEY)",
    """CREATE TABLE IF NOT EXISTS basket_items (
        basket_id INTEGER NOT NULL REFERENCES baskets(id), product_id INTEGER NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0), PRIMARY KEY (basket_id, product_id))""",
]


class Database:
    """One small interface over SQLite (default) and PostgreSQL (when DATABASE_URL says so)."""

    def __init__(self, url):
        self.url = url or ""
        self.kind = "postgres" if self.url.startswith(("postgres://", "postgresql://")) else "sqlite"
        self.lock = threading.Lock()
        if self.kind == "sqlite":
            self.conn = sqlite3.connect(self.url or ":memory:", check_same_thread=False)
        self.setup()

    def run(self, sql, params=(), *, fetch="all"):
        if self.kind == "postgres":
            import psycopg  # only needed for PostgreSQL: pip install "psycopg[binary]"

            sql = sql.replace("?", "%s")
            with psycopg.connect(self.url, autocommit=True) as conn:
                cur = conn.execute(sql, params)
                return self._fetch(cur, fetch)
        with self.lock:
            cur = self.conn.execute(sql, params)
            result = self._fetch(cur, fetch)
            self.conn.commit()
            return result

    @staticmethod
    def _fetch(cur, fetch):
        if fetch == "none" or cur.description is None:
            return None
        return cur.fetchone() if fetch == "one" else cur.fetchall()

    def setup(self):
        for statement in SCHEMA:
            self.run(statement, fetch="none")
        if self.run("SELECT COUNT(*) FROM products", fetch="one")[0] == 0:
            for number, row in enumerate(PRODUCTS, start=1):
                self.run(
                    "INSERT INTO products (id, sku, name, price_cents, stock, category) VALUES (?, ?, ?, ?, ?, ?)",
                    (number, *row),
                    fetch="none",
                )


PRODUCT_COLUMNS = "id, sku, name, price_cents, stock, category"


def product_dict(row):
    keys = ["id", "sku", "name", "price_cents", "stock", "category"]
    item = dict(zip(keys, row, strict=True))
    item["in_stock"] = item["stock"] > 0
    return item


def search_products(db, query):
    rows = db.run(
        f"SELECT {PRODUCT_COLUMNS} FROM products WHERE LOWER(name) LIKE ? ORDER BY id",
        (f"%{query.lower()}%",),
    )
    return [product_dict(row) for row in rows]


def basket_dict(db, basket_id):
    if not db.run("SELECT id FROM baskets WHERE id = ?", (basket_id,), fetch="one"):
        return None
    rows = db.run(
        """SELECT p.id, p.name, p.price_cents, i.quantity FROM basket_items i
           JOIN products p ON p.id = i.product_id WHERE i.basket_id = ? ORDER BY p.id""",
        (basket_id,),
    )
    items = [
        {"product_id": pid, "name": name, "unit_price_cents": price, "quantity": qty, "line_total_cents": price * qty}
        for pid, name, price, qty in rows
    ]
    return {"id": basket_id, "items": items, "total_cents": sum(item["line_total_cents"] for item in items)}


def add_item(db, basket_id, payload):
    """(status, body) for adding a product to a basket."""
    if basket_dict(db, basket_id) is None:
        return 404, {"error": "basket not found"}
    product_id, quantity = payload.get("product_id"), payload.get("quantity", 1)
    if not isinstance(quantity, int) or isinstance(quantity, bool) or not 1 <= quantity <= MAX_QUANTITY:
        return 400, {"error": f"quantity must be a whole number from 1 to {MAX_QUANTITY}"}
    product = db.run("SELECT id, stock FROM products WHERE id = ?", (product_id,), fetch="one")
    if product is None:
        return 404, {"error": "product not found"}
    current = db.run(
        "SELECT quantity FROM basket_items WHERE basket_id = ? AND product_id = ?", (basket_id, product_id), fetch="one"
    )
    wanted = quantity + (current[0] if current else 0)
    if wanted > MAX_QUANTITY:
        return 400, {"error": f"at most {MAX_QUANTITY} of one product per basket"}
    if wanted > product[1]:
        return 409, {"error": "not enough stock", "available": product[1]}
    if current:
        db.run(
            "UPDATE basket_items SET quantity = ? WHERE basket_id = ? AND product_id = ?",
            (wanted, basket_id, product_id),
            fetch="none",
        )
    else:
        db.run(
            "INSERT INTO basket_items (basket_id, product_id, quantity) VALUES (?, ?, ?)",
            (basket_id, product_id, quantity),
            fetch="none",
        )
    return 201, basket_dict(db, basket_id)


def search_page(products, query):
    rows = "".join(
        f'<li data-testid="product">{html.escape(p["name"])} - ${p["price_cents"] / 100:.2f}'
        f"{'' if p['in_stock'] else ' (out of stock)'}</li>"
        for p in products
    )
    if products:
        results = f'<ul data-testid="results">{rows}</ul>'
    else:
        results = '<p data-testid="no-results">No products match your search.</p>'
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PantryPal - search</title></head>
<body>
<h1>PantryPal</h1>
<form action="/" method="get" role="search">
  <label for="q">Search groceries</label>
  <input id="q" name="q" data-testid="search-input" value="{html.escape(query)}">
  <button type="submit" data-testid="search-button">Search</button>
</form>
<p data-testid="result-count">{len(products)} product(s)</p>
{results}
</body></html>"""


class Handler(BaseHTTPRequestHandler):
    db = None  # set in main()
    server_version = "PantryPal/" + VERSION

    def send(self, status, body, content_type="application/json"):
        data = (json.dumps(body) if content_type == "application/json" else body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # the method name http.server calls for GET requests
        url = urlparse(self.path)
        query = parse_qs(url.query).get("q", [""])[0]
        if url.path == "/health":
            try:
                self.db.run("SELECT 1", fetch="one")
            except Exception as error:  # any database problem makes the shop unhealthy
                return self.send(503, {"status": "error", "database": self.db.kind, "detail": str(error)[:200]})
            return self.send(200, {"status": "ok", "database": self.db.kind, "version": VERSION})
        if url.path == "/":
            return self.send(200, search_page(search_products(self.db, query) if query else [], query), "text/html")
        if url.path == "/api/products":
            return self.send(200, search_products(self.db, query))
        if match := re.fullmatch(r"/api/products/(\d+)", url.path):
            row = self.db.run(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE id = ?", (int(match[1]),), fetch="one")
            return self.send(200, product_dict(row)) if row else self.send(404, {"error": "product not found"})
        if match := re.fullmatch(r"/api/baskets/(\d+)", url.path):
            basket = basket_dict(self.db, int(match[1]))
            return self.send(200, basket) if basket else self.send(404, {"error": "basket not found"})
        return self.send(404, {"error": "not found"})

    def do_POST(self):
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        try:
            payload = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            return self.send(400, {"error": "body must be JSON"})
        if url.path == "/api/baskets":
            new_id = self.db.run("SELECT COALESCE(MAX(id), 0) + 1 FROM baskets", fetch="one")[0]
            self.db.run("INSERT INTO baskets (id) VALUES (?)", (new_id,), fetch="none")
            return self.send(201, basket_dict(self.db, new_id))
        if match := re.fullmatch(r"/api/baskets/(\d+)/items", url.path):
            if not isinstance(payload, dict):
                return self.send(400, {"error": "body must be a JSON object"})
            return self.send(*add_item(self.db, int(match[1]), payload))
        return self.send(404, {"error": "not found"})

    def log_message(self, format, *args):  # one short line per request, to stdout
        print(f"{self.address_string()} {format % args}", flush=True)


def main():
    Handler.db = Database(os.environ.get("DATABASE_URL"))
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8000"))
    print(f"PantryPal {VERSION} on http://{host}:{port} using {Handler.db.kind}", flush=True)
    ThreadingHTTPServer((host, port), Handler).serve_forever()


if __name__ == "__main__":
    main()
