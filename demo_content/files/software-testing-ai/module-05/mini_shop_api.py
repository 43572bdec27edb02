"""Mini Shop API: a small practice REST API for Module 5 (API Testing Mastery).

Run it with nothing but Python 3.10 or newer (no packages needed):

    python mini_shop_api.py                  # serves http://127.0.0.1:8000
    python mini_shop_api.py --port 8001      # another port
    python mini_shop_api.py --token-ttl 30   # tokens expire after 30 seconds (default 900)

Stop it with Ctrl+C. All data lives in memory: a restart, or POST /test/reset, brings back the
starting data. The API is described in mini-shop-api-reference.md.

This API contains a handful of deliberate bugs for you to find with the lessons' techniques.
Test it from the outside first, like a real tester: reading this code first spoils the exercises.
It listens on 127.0.0.1 only and is not meant to be put on a network.
"""

import argparse
import base64
import hashlib
import hmac
import json
import time
from copy import deepcopy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SECRET = b"mini-shop-practice-secret-not-for-production"  # practice only: a real service keeps its key out of the code
TOKEN_TTL = 900

USERS = {
    "alice": {"password": "alice-pass-123", "role": "customer"},
    "bob": {"password": "bob-pass-456", "role": "customer"},
    "admin": {"password": "admin-pass-789", "role": "admin"},
}

START_PRODUCTS = [
    {"id": 1, "name": "Espresso Cup Set", "category": "kitchen", "price": 18.50, "stock": 25},
    {"id": 2, "name": "Pour-Over Kettle", "category": "kitchen", "price": 42.00, "stock": 8},
    {"id": 3, "name": "Testing Computer Software (paperback)", "category": "books", "price": 20.00, "stock": 12},
    {"id": 4, "name": "Lessons Learned in Software Testing", "category": "books", "price": 31.99, "stock": 0},
    {"id": 5, "name": "Bamboo Notebook", "category": "stationery", "price": "7.99", "stock": 140},
    {"id": 6, "name": "Fountain Pen", "category": "stationery", "price": 24.75, "stock": 30},
]

MAX_QUANTITY = 10

state = {}


def reset():
    state["products"] = deepcopy(START_PRODUCTS)
    state["orders"] = {}
    state["next_order_id"] = 1001


# Tokens: JSON Web Tokens signed with HMAC-SHA256 ----------------------------------------------


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(username):
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {"sub": username, "role": USERS[username]["role"], "iat": now, "exp": now + TOKEN_TTL}
    header_part = b64url(json.dumps(header, separators=(",", ":")).encode())
    payload_part = b64url(json.dumps(payload, separators=(",", ":")).encode())
    signing_input = f"{header_part}.{payload_part}"
    signature = hmac.new(SECRET, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def read_token(token):
    """The token's claims, or None when it is malformed, badly signed or expired."""
    try:
        header_part, payload_part, signature_part = token.split(".")
        header = json.loads(b64url_decode(header_part))
        payload = json.loads(b64url_decode(payload_part))
    except (ValueError, json.JSONDecodeError):
        return None
    if header.get("alg") != "none":
        expected = hmac.new(SECRET, f"{header_part}.{payload_part}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, b64url_decode(signature_part)):
            return None
    if payload.get("exp", 0) < time.time():
        return None
    return payload


# HTTP ------------------------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    server_version = "MiniShop/1.0"
    protocol_version = "HTTP/1.1"

    def log_request(self, code="-", size="-"):  # one short line per request
        print(f"{self.command} {self.path} -> {code}")

    def send_json(self, status, body=None, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        if status != 204:
            self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, message):
        self.send_json(status, {"error": message})

    def body(self):
        return json.loads(self.raw_body or b"null")

    def user(self):
        """The caller's claims, or None after sending 401."""
        auth = self.headers.get("Authorization", "")
        scheme, _, token = auth.partition(" ")
        claims = read_token(token.strip()) if scheme.lower() == "bearer" else None
        if claims is None:
            self.send_json(401, {"error": "missing or invalid token"}, {"WWW-Authenticate": "Bearer"})
        return claims

    def route(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        self.raw_body = self.rfile.read(length) if length > 0 else b""
        url = urlparse(self.path)
        parts = [part for part in url.path.split("/") if part]
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        try:
            handler = {
                ("GET", "health"): self.health,
                ("POST", "test"): self.test_reset,
                ("POST", "auth"): self.login,
                ("GET", "me"): self.me,
                ("GET", "products"): self.get_products,
                ("POST", "products"): self.create_product,
                ("GET", "orders"): self.get_order,
                ("POST", "orders"): self.create_order,
                ("DELETE", "orders"): self.cancel_order,
            }.get((method, parts[0] if parts else ""))
            if handler is None:
                known = {"health", "test", "auth", "me", "products", "orders"}
                if parts and parts[0] in known:
                    return self.error(405, f"method {method} not allowed here")
                return self.error(404, "no such endpoint")
            handler(parts[1:], query)
        except Exception as problem:  # noqa: BLE001 - a practice server reports what went wrong
            self.error(500, f"{type(problem).__name__}: {problem}")

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def do_PUT(self):
        self.route("PUT")

    def do_DELETE(self):
        self.route("DELETE")

    # Endpoints ---------------------------------------------------------------------------------

    def health(self, rest, query):
        self.send_json(200, {"status": "ok"})

    def test_reset(self, rest, query):
        if rest != ["reset"]:
            return self.error(404, "no such endpoint")
        reset()
        self.send_json(204)

    def login(self, rest, query):
        if rest != ["login"]:
            return self.error(404, "no such endpoint")
        try:
            data = self.body()
        except json.JSONDecodeError:
            return self.error(400, "body must be JSON")
        if not isinstance(data, dict) or not data.get("username") or not data.get("password"):
            return self.error(400, "username and password are required")
        account = USERS.get(data["username"])
        if account is None or not hmac.compare_digest(account["password"], str(data["password"])):
            return self.error(401, "invalid username or password")
        token = make_token(data["username"])
        self.send_json(200, {"access_token": token, "token_type": "Bearer", "expires_in": TOKEN_TTL})

    def me(self, rest, query):
        claims = self.user()
        if claims:
            self.send_json(200, {"username": claims["sub"], "role": claims["role"]})

    def get_products(self, rest, query):
        if rest:
            if not rest[0].isdigit():
                return self.error(400, "product id must be a whole number")
            product = next((p for p in state["products"] if p["id"] == int(rest[0])), None)
            if product is None:
                return self.error(404, "product not found")
            return self.send_json(200, product)
        products = state["products"]
        if "category" in query:
            products = [p for p in products if p["category"] == query["category"]]
        if "max_price" in query:
            try:
                limit = float(query["max_price"])
            except ValueError:
                return self.error(400, "max_price must be a number")
            products = [p for p in products if float(p["price"]) < limit]
        self.send_json(200, products)

    def create_product(self, rest, query):
        claims = self.user()
        if not claims:
            return
        if claims["role"] != "admin":
            return self.error(403, "only admins can add products")
        data = self.body()
        problems = []
        if not isinstance(data, dict):
            return self.error(422, "body must be a JSON object")
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            problems.append("name is required")
        if not isinstance(data.get("price"), int | float) or data["price"] <= 0:
            problems.append("price must be a number above 0")
        if not isinstance(data.get("stock"), int) or data["stock"] < 0:
            problems.append("stock must be a whole number of 0 or more")
        if problems:
            return self.error(422, "; ".join(problems))
        product = {
            "id": max(p["id"] for p in state["products"]) + 1,
            "name": data["name"].strip(),
            "category": str(data.get("category") or "misc"),
            "price": round(float(data["price"]), 2),
            "stock": data["stock"],
        }
        state["products"].append(product)
        self.send_json(201, product, {"Location": f"/products/{product['id']}"})

    def create_order(self, rest, query):
        claims = self.user()
        if not claims:
            return
        data = self.body()
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list) or not items:
            return self.error(422, "items must be a non-empty list")
        lines, total = [], 0.0
        for item in items:
            product = next((p for p in state["products"] if p["id"] == item.get("product_id")), None)
            quantity = item.get("quantity")
            if product is None:
                return self.error(422, f"unknown product_id {item.get('product_id')!r}")
            if not isinstance(quantity, int) or quantity < 0 or quantity > MAX_QUANTITY:
                return self.error(422, f"quantity must be 1 to {MAX_QUANTITY}")
            if quantity > product["stock"]:
                return self.error(409, f"only {product['stock']} of product {product['id']} in stock")
            lines.append({"product_id": product["id"], "quantity": quantity, "unit_price": float(product["price"])})
            total += quantity * float(product["price"])
        for line in lines:
            product = next(p for p in state["products"] if p["id"] == line["product_id"])
            product["stock"] -= line["quantity"]
        order = {
            "id": state["next_order_id"],
            "user": claims["sub"],
            "items": lines,
            "total": round(total, 2),
            "status": "placed",
        }
        state["orders"][order["id"]] = order
        state["next_order_id"] += 1
        self.send_json(201, order, {"Location": f"/orders/{order['id']}"})

    def find_order(self, rest):
        if len(rest) != 1 or not rest[0].isdigit():
            self.error(400, "order id must be a whole number")
            return None
        order = state["orders"].get(int(rest[0]))
        if order is None:
            self.error(404, "order not found")
        return order

    def get_order(self, rest, query):
        claims = self.user()
        if not claims:
            return
        order = self.find_order(rest)
        if order:
            self.send_json(200, order)

    def cancel_order(self, rest, query):
        claims = self.user()
        if not claims:
            return
        order = self.find_order(rest)
        if not order:
            return
        if order["user"] != claims["sub"] and claims["role"] != "admin":
            return self.error(403, "you can only cancel your own orders")
        if order["status"] == "cancelled":
            return self.error(409, "order is already cancelled")
        order["status"] = "cancelled"
        for line in order["items"]:
            product = next(p for p in state["products"] if p["id"] == line["product_id"])
            product["stock"] += line["quantity"]
        self.send_json(204)


def main():
    global TOKEN_TTL
    parser = argparse.ArgumentParser(description="Mini Shop practice API")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--token-ttl", type=int, default=TOKEN_TTL, help="token lifetime in seconds")
    args = parser.parse_args()
    TOKEN_TTL = args.token_ttl
    reset()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"Mini Shop API on http://127.0.0.1:{args.port} (tokens last {TOKEN_TTL} s). Ctrl+C stops it.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
