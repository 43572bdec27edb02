"""Demo Shop for performance practice: a small shop API with one realistic bottleneck.

Module 11 of "Software Testing with AI-Driven Test Automation". Standard library only
(Python 3.10 or newer), so there is nothing to install:

    python demo_shop_perf.py                  # http://127.0.0.1:8000
    python demo_shop_perf.py --port 8001 --db-pool 6 --accounts 100

Load test it only on your own computer. It listens on 127.0.0.1 and is not built to face
the internet. Ctrl+C stops it.

Endpoints (JSON unless noted)
  GET  /                       small HTML home page
  GET  /health                 {"status": "ok"}
  GET  /metrics                server-side numbers to correlate with your load tool
  GET  /api/products?page=1    20 products per page, 3 pages
  GET  /api/products/<id>      one product (ids 1 to 60)
  GET  /api/search?q=<term>    search by name; needs a database connection
  POST /api/login              {"username": "shopper01", "password": "Shop-Perf-2025"} -> {"token": ...}
  GET  /api/cart               the cart of the logged-in user (Authorization: Bearer <token>)
  POST /api/cart/items         {"product_id": 7, "quantity": 1} -> 201
  POST /api/checkout           turns the cart into an order -> 201; needs a database connection

The bottleneck is deliberate. Product pages, search and checkout borrow a connection from a
small pool (3 by default). When all connections are busy, requests queue for up to 2 seconds and then
fail with 503 "database pool exhausted". Search terms shorter than 3 characters are not
served by the index and take much longer. The search cache is never emptied, so memory
grows during a long (soak) run: watch cache_entries in /metrics.
"""

import argparse
import json
import random
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

CATEGORIES = ["kitchen", "garden", "books", "toys", "sports", "office"]
WORDS = ["kettle", "lamp", "chair", "mug", "teapot", "blender", "rake", "hose", "shovel", "novel",
         "atlas", "puzzle", "robot", "kite", "ball", "racket", "helmet", "desk", "stapler", "notebook"]
PRODUCTS = [
    {
        "id": i,
        "name": f"{random.Random(i).choice(['Classic', 'Smart', 'Mini', 'Deluxe', 'Eco'])} {WORDS[i % len(WORDS)]} {i}",
        "category": CATEGORIES[i % len(CATEGORIES)],
        "price": round(4.99 + (i * 7.31) % 120, 2),
        "stock": 100_000,
    }
    for i in range(1, 61)
]
USERS = {}  # filled in main(): shopper01 ... shopper50 by default, all with the password Shop-Perf-2025


class Shop:
    """All shared state, protected by one lock, plus the database connection pool."""

    def __init__(self, pool_size, pool_timeout):
        self.lock = threading.Lock()
        self.pool = threading.BoundedSemaphore(pool_size)
        self.pool_size = pool_size
        self.pool_timeout = pool_timeout
        self.started = time.time()
        self.tokens = {}
        self.carts = {}
        self.orders = 0
        self.search_cache = {}
        self.counters = {"requests_total": 0, "in_flight": 0, "db_in_use": 0, "db_waiting": 0,
                         "db_timeouts": 0, "errors_5xx": 0}

    def count(self, name, delta=1):
        with self.lock:
            self.counters[name] += delta

    def query(self, seconds):
        """Borrow a database connection for `seconds`; False if none became free in time."""
        self.count("db_waiting")
        got = self.pool.acquire(timeout=self.pool_timeout)
        self.count("db_waiting", -1)
        if not got:
            self.count("db_timeouts")
            return False
        self.count("db_in_use")
        try:
            time.sleep(seconds * random.uniform(0.8, 1.3))
        finally:
            self.count("db_in_use", -1)
            self.pool.release()
        return True

    def metrics(self):
        with self.lock:
            data = dict(self.counters)
            data.update(uptime_s=round(time.time() - self.started, 1), db_pool_size=self.pool_size,
                        orders=self.orders, logged_in_users=len(set(self.tokens.values())),
                        cache_entries=len(self.search_cache))
        return data


class Handler(BaseHTTPRequestHandler):
    shop = None  # set in main()
    protocol_version = "HTTP/1.1"
    server_version = "DemoShopPerf/1.0"

    def log_message(self, fmt, *args):  # keep the terminal quiet under load
        pass

    # helpers -----------------------------------------------------------------
    def send_json(self, status, body):
        data = json.dumps(body).encode()
        if status >= 500:
            self.shop.count("errors_5xx")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            return json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            return None

    def user(self):
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return None
        with self.shop.lock:
            return self.shop.tokens.get(auth[len("Bearer "):])

    def do_GET(self):
        self.busy(self.get)

    def do_POST(self):
        self.busy(self.post)

    def busy(self, route):
        """Count requests and how many are being worked on right now (in_flight)."""
        self.shop.count("requests_total")
        self.shop.count("in_flight")
        try:
            route()
        finally:
            self.shop.count("in_flight", -1)

    # routes ------------------------------------------------------------------
    def get(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path == "/":
            page = b"<!doctype html><title>Demo Shop</title><h1>Demo Shop</h1><p>60 products. Try /api/products.</p>"
            time.sleep(0.005)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
        elif url.path == "/health":
            self.send_json(200, {"status": "ok"})
        elif url.path == "/metrics":
            self.send_json(200, self.shop.metrics())
        elif url.path == "/api/products":
            try:
                page = max(1, int(query.get("page", ["1"])[0]))
            except ValueError:
                return self.send_json(400, {"error": "page must be a number"})
            time.sleep(random.uniform(0.010, 0.025))  # served from an in-memory cache
            items = PRODUCTS[(page - 1) * 20: page * 20]
            self.send_json(200, {"page": page, "pages": 3, "items": items})
        elif url.path.startswith("/api/products/"):
            try:
                product = PRODUCTS[int(url.path.rsplit("/", 1)[1]) - 1]
            except (ValueError, IndexError):
                return self.send_json(404, {"error": "no such product"})
            if not self.shop.query(0.060):  # stock and reviews come from the database
                return self.send_json(503, {"error": "database pool exhausted"})
            self.send_json(200, product)
        elif url.path == "/api/search":
            term = query.get("q", [""])[0].strip().lower()
            if not term:
                return self.send_json(400, {"error": "q is required"})
            # Short terms are not served by the index: a slow full scan.
            cost = 0.090 if len(term) >= 3 else 0.600
            if not self.shop.query(cost):
                return self.send_json(503, {"error": "database pool exhausted"})
            hits = [p for p in PRODUCTS if term in p["name"].lower()]
            with self.shop.lock:  # the deliberate leak: one entry per request, never evicted
                self.shop.search_cache[f"{term}:{time.time_ns()}"] = [p["id"] for p in hits]
            self.send_json(200, {"query": term, "count": len(hits), "items": hits[:20]})
        elif url.path == "/api/cart":
            user = self.user()
            if user is None:
                return self.send_json(401, {"error": "log in first"})
            with self.shop.lock:
                cart = list(self.shop.carts.get(user, []))
            self.send_json(200, {"user": user, "items": cart})
        else:
            self.send_json(404, {"error": "not found"})

    def post(self):
        path = urlparse(self.path).path
        body = self.read_json()
        if body is None:
            return self.send_json(400, {"error": "body must be JSON"})
        if path == "/api/login":
            username, password = body.get("username"), body.get("password")
            time.sleep(random.uniform(0.040, 0.060))  # password hashing is slow on purpose
            if USERS.get(username) != password:
                return self.send_json(401, {"error": "wrong username or password"})
            token = secrets.token_hex(16)
            with self.shop.lock:
                self.shop.tokens[token] = username
            self.send_json(200, {"token": token, "user": username})
        elif path == "/api/cart/items":
            user = self.user()
            if user is None:
                return self.send_json(401, {"error": "log in first"})
            try:
                product = PRODUCTS[int(body.get("product_id")) - 1]
                quantity = int(body.get("quantity", 1))
            except (TypeError, ValueError, IndexError):
                return self.send_json(422, {"error": "product_id must be 1 to 60"})
            if not 1 <= quantity <= 10:
                return self.send_json(422, {"error": "quantity must be 1 to 10"})
            time.sleep(random.uniform(0.010, 0.020))
            with self.shop.lock:
                self.shop.carts.setdefault(user, []).append(
                    {"product_id": product["id"], "quantity": quantity, "price": product["price"]})
            self.send_json(201, {"added": product["id"], "quantity": quantity})
        elif path == "/api/checkout":
            user = self.user()
            if user is None:
                return self.send_json(401, {"error": "log in first"})
            with self.shop.lock:
                cart = self.shop.carts.pop(user, [])
            if not cart:
                return self.send_json(409, {"error": "cart is empty"})
            if not self.shop.query(0.350):  # stock check, payment record and order rows
                with self.shop.lock:
                    self.shop.carts[user] = cart + self.shop.carts.get(user, [])
                return self.send_json(503, {"error": "database pool exhausted"})
            with self.shop.lock:
                self.shop.orders += 1
                order_id = 100_000 + self.shop.orders
            total = round(sum(i["price"] * i["quantity"] for i in cart), 2)
            self.send_json(201, {"order_id": order_id, "items": len(cart), "total": total})
        else:
            self.send_json(404, {"error": "not found"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--db-pool", type=int, default=3, help="database connections (default 3)")
    parser.add_argument("--pool-timeout", type=float, default=2.0, help="seconds to wait for a connection")
    parser.add_argument("--accounts", type=int, default=50, help="test accounts shopper01, shopper02, ... (default 50)")
    args = parser.parse_args()
    USERS.update({f"shopper{n:02d}": "Shop-Perf-2025" for n in range(1, args.accounts + 1)})
    Handler.shop = Shop(args.db_pool, args.pool_timeout)
    ThreadingHTTPServer.request_queue_size = 256  # accept bursts of new connections without stalling
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"Demo Shop on http://127.0.0.1:{args.port} (db pool {args.db_pool}, {args.accounts} accounts). "
          "Ctrl+C stops it.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
