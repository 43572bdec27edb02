"""TrailMart: a small outdoor-gear shop to practise browser automation on (Module 10).

It behaves like a real single-page-ish shop: products load from an API after a delay, the cart
badge updates after a network call, toasts appear and vanish, the review page enables its
"Place order" button only when a delivery estimate arrives. That is exactly what makes UI tests
flaky when they do not wait properly, so it is the right place to learn.

It also has the "tricky bits": a support chat inside an iframe, links that open new tabs, a
confirm dialog, a file upload, a CSV download and a newsletter widget inside a shadow DOM.

Two defects are planted on purpose for the checkout lab. Find them with tests, not by reading
this file. Start the server with --fixed to switch them off (as if the developers had fixed them).

Run it with Python 3.10 or newer; it needs only the standard library:

    python trailmart.py                      # http://localhost:8010, normal speed
    python trailmart.py --port 8123          # another port
    python trailmart.py --speed slow         # every delay x2.5: a good suite still passes
    python trailmart.py --speed fast         # no delays: quick local runs
    python trailmart.py --fixed              # planted defects switched off

Accounts (password for all: Trail-2026!)
    shopper@trailmart.test   normal customer
    slow@trailmart.test      the product list takes about 4 seconds to load
    locked@trailmart.test    login refused: "This account is locked. Contact support."

Pages:  /login  /products  /cart  /checkout  /checkout/review  /order/<ref>  /help  /returns
        /terms  /size-guide  /widget/chat (inside the iframe on /help)
API:    POST /api/login {email, password}   GET /api/products   GET|POST /api/cart
        POST /api/cart/clear   POST /api/promo {code}   GET /api/delivery-estimate
        POST /api/reset (empties your cart)   GET /api/health
Every session (browser cookie) has its own cart, so parallel tests do not collide.
Stop it with Ctrl+C. Everything lives in memory.
"""

import argparse
import email.parser
import email.policy
import html
import json
import random
import secrets
import threading
import time
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PASSWORD = "Trail-2026!"
USERS = {
    "shopper@trailmart.test": {"name": "Sam Shopper", "locked": False, "slow": False},
    "slow@trailmart.test": {"name": "Sid Slow", "locked": False, "slow": True},
    "locked@trailmart.test": {"name": "Lou Locked", "locked": True, "slow": False},
}
PRODUCTS = [
    {"sku": "TM-101", "name": "Ridge 30L Daypack", "price": "59.00", "stock": 12},
    {"sku": "TM-102", "name": "Summit Down Jacket", "price": "189.00", "stock": 4},
    {"sku": "TM-103", "name": "Trail Runner Shoes", "price": "119.50", "stock": 9},
    {"sku": "TM-104", "name": "Merino Hiking Socks (2 pack)", "price": "24.00", "stock": 30},
    {"sku": "TM-105", "name": "Headlamp 400", "price": "41.00", "stock": 15},
    {"sku": "TM-106", "name": "Insulated Bottle 750 ml", "price": "27.50", "stock": 20},
    {"sku": "TM-107", "name": "Camp Stove Mini", "price": "44.00", "stock": 0},
    {"sku": "TM-108", "name": "Trekking Poles (pair)", "price": "79.00", "stock": 6},
]
BY_SKU = {p["sku"]: p for p in PRODUCTS}
PROMO_CODES = {"TRAIL10": Decimal("0.10")}
STANDARD_SHIPPING = Decimal("4.95")
EXPRESS_SHIPPING = Decimal("12.00")
FREE_SHIPPING_FROM = Decimal("100.00")   # rule: standard shipping is free from $100.00 subtotal
MAX_QTY = 10
MAX_UPLOAD = 1_000_000

SESSIONS = {}      # token -> {"user", "cart": {sku: qty}, "checkout": {...}, "promo": code}
ORDERS = {}        # ref -> order dict
RETURNS = []
LOCK = threading.Lock()
COUNTERS = {"order": 10000, "return": 5000}
SETTINGS = {"speed": 1.0, "fixed": False}


def pause(low, high):
    """Sleep a random time between low and high seconds, scaled by --speed."""
    if SETTINGS["speed"]:
        time.sleep(random.uniform(low, high) * SETTINGS["speed"])


def money(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt(value):
    return f"${money(value):,.2f}"


def totals(session, for_confirmation=False):
    lines = []
    subtotal = Decimal("0.00")
    for sku, qty in session["cart"].items():
        product = BY_SKU[sku]
        line_total = money(Decimal(product["price"]) * qty)
        subtotal += line_total
        lines.append({"sku": sku, "name": product["name"], "qty": qty,
                      "price": product["price"], "line_total": str(line_total)})
    shipping_choice = session.get("checkout", {}).get("shipping", "standard")
    if shipping_choice == "express":
        shipping = EXPRESS_SHIPPING
    else:
        # Planted defect 1: "from $100.00" is coded as "more than $100.00".
        free = subtotal >= FREE_SHIPPING_FROM if SETTINGS["fixed"] else subtotal > FREE_SHIPPING_FROM
        shipping = Decimal("0.00") if free else STANDARD_SHIPPING
    if not lines:
        shipping = Decimal("0.00")
    rate = PROMO_CODES.get(session.get("promo") or "", Decimal("0"))
    discount = money(subtotal * rate)
    if for_confirmation and not SETTINGS["fixed"] and shipping_choice == "express":
        # Planted defect 2: the confirmation forgets the promo discount on express orders.
        discount = Decimal("0.00")
    total = subtotal - discount + shipping
    return {"lines": lines, "subtotal": str(money(subtotal)), "discount": str(discount),
            "shipping": str(money(shipping)), "total": str(money(total)),
            "items": sum(session["cart"].values())}


STYLE = """
body { font-family: system-ui, Arial, sans-serif; margin: 0; color: #1f2a24; }
header { display: flex; gap: 20px; align-items: center; padding: 12px 24px; background: #24553f; }
header a, header span { color: #fff; text-decoration: none; }
header .brand { font-weight: bold; font-size: 20px; margin-right: auto; }
main { padding: 24px; max-width: 960px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 16px; padding: 0; }
.product-card { list-style: none; border: 1px solid #cfd8d3; border-radius: 6px; padding: 14px; }
button, .button { background: #24553f; color: #fff; border: 0; padding: 9px 16px; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
button[disabled] { background: #9aa8a0; cursor: not-allowed; }
.error { color: #a4161a; }
.toast { position: fixed; right: 24px; bottom: 24px; background: #1f2a24; color: #fff; padding: 12px 18px; border-radius: 6px; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #dde3df; padding: 8px 12px; text-align: left; }
label { display: block; margin-top: 10px; } input, select { padding: 6px; }
#loading { padding: 20px; color: #54635a; }
"""


def page(title, body, session=None, script=""):
    nav = ""
    if session and session.get("user"):
        count = sum(session["cart"].values())
        nav = (f'<a href="/products">Products</a><a href="/cart" data-testid="cart-link">Cart '
               f'(<span data-testid="cart-count">{count}</span>)</a><a href="/help">Help</a>'
               f'<a href="/returns">Returns</a><a href="/logout" data-testid="logout">Log out</a>')
    else:
        nav = '<a href="/login">Log in</a><a href="/help">Help</a>'
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | TrailMart</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>
<body><header><span class="brand">TrailMart</span>{nav}</header>
<main>{body}</main><script>{script}</script></body></html>"""


LOGIN_FORM = """<h1>Log in</h1>
{error}
<form id="login-form" method="post" action="/login">
  <label for="email">Email</label><input id="email" name="email" type="email" data-testid="email" value="{email}">
  <label for="password">Password</label><input id="password" name="password" type="password" data-testid="password">
  <p><button id="login-button" type="submit" data-testid="login-button">Log in</button></p>
</form>
<p>Practice accounts: shopper@trailmart.test, slow@trailmart.test, locked@trailmart.test.
Password: Trail-2026!</p>"""

PRODUCTS_SCRIPT = """
const list = document.querySelector('[data-testid="product-list"]');
const loading = document.getElementById('loading');
let products = [];
function render() {
  const order = document.querySelector('[data-testid="sort"]').value;
  const sorted = [...products].sort((a, b) => order === 'price-asc' ? a.price - b.price
      : order === 'price-desc' ? b.price - a.price : a.name.localeCompare(b.name));
  list.innerHTML = '';
  for (const p of sorted) {
    const li = document.createElement('li');
    li.className = 'product-card';
    li.dataset.testid = 'product-' + p.sku;
    const sold = p.stock === 0;
    li.innerHTML = `<h3>${p.name}</h3><p class="price" data-testid="price-${p.sku}">$${p.price.toFixed(2)}</p>
      <button type="button" data-testid="add-${p.sku}" ${sold ? 'disabled' : ''}>${sold ? 'Sold out' : 'Add to cart'}</button>`;
    li.querySelector('button').addEventListener('click', (e) => addToCart(p, e.target));
    list.appendChild(li);
  }
}
async function addToCart(p, button) {
  button.disabled = true; button.textContent = 'Adding…';
  const r = await fetch('/api/cart', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                      body: JSON.stringify({sku: p.sku, add: 1})});
  const data = await r.json();
  button.disabled = false; button.textContent = r.ok ? 'Add another' : 'Add to cart';
  document.querySelector('[data-testid="cart-count"]').textContent = data.items;
  const toast = document.createElement('div');
  toast.className = 'toast'; toast.dataset.testid = 'toast'; toast.setAttribute('role', 'status');
  toast.textContent = r.ok ? `Added ${p.name} to your cart` : data.error;
  document.body.appendChild(toast);
  setTimeout(() => toast.remove(), 2500);
}
document.querySelector('[data-testid="sort"]').addEventListener('change', () => {
  list.setAttribute('aria-busy', 'true');
  setTimeout(() => { render(); list.removeAttribute('aria-busy'); }, 300);
});
fetch('/api/products').then(r => r.json()).then(data => {
  products = data.products.map(p => ({...p, price: parseFloat(p.price)}));
  render(); loading.remove(); list.hidden = false;
});
"""

CART_SCRIPT = """
document.querySelectorAll('[data-testid^="qty-"]').forEach(input => input.addEventListener('change', async () => {
  const qty = parseInt(input.value, 10);
  if (Number.isNaN(qty)) return;  // an empty box is "still typing", not "remove"
  const r = await fetch('/api/cart', {method: 'POST', headers: {'Content-Type': 'application/json'},
                        body: JSON.stringify({sku: input.dataset.sku, qty: qty})});
  if (r.ok) { location.reload(); } else { alert((await r.json()).error); }
}));
document.querySelectorAll('[data-testid^="remove-"]').forEach(b => b.addEventListener('click', async () => {
  await fetch('/api/cart', {method: 'POST', headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({sku: b.dataset.sku, qty: 0})});
  location.reload();
}));
const empty = document.querySelector('[data-testid="empty-cart"]');
if (empty) empty.addEventListener('click', async () => {
  if (confirm('Remove all items from your cart?')) {
    await fetch('/api/cart/clear', {method: 'POST'});
    location.reload();
  }
});
"""

REVIEW_SCRIPT = """
const place = document.querySelector('[data-testid="place-order"]');
fetch('/api/delivery-estimate').then(r => r.json()).then(d => {
  document.querySelector('[data-testid="delivery-estimate"]').textContent = 'Arrives by ' + d.date;
  place.disabled = false; place.textContent = 'Place order';
});
document.querySelector('[data-testid="apply-promo"]').addEventListener('click', async () => {
  const message = document.querySelector('[data-testid="promo-message"]');
  message.textContent = 'Checking code…';
  const r = await fetch('/api/promo', {method: 'POST', headers: {'Content-Type': 'application/json'},
                        body: JSON.stringify({code: document.querySelector('[data-testid="promo"]').value})});
  const d = await r.json();
  message.textContent = r.ok ? `Code ${d.code} applied: -$${d.discount}` : d.error;
  document.querySelector('[data-testid="discount"]').textContent = '-$' + d.discount;
  document.querySelector('[data-testid="total"]').textContent = '$' + d.total;
});
"""

CHAT_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support chat</title>
<style>body{font-family:system-ui,Arial,sans-serif;margin:8px} li{margin:4px 0}</style></head><body>
<h2>Chat with TrailMart</h2>
<ul data-testid="chat-messages"><li>Hi! How can we help?</li></ul>
<label for="chat-input">Your message</label>
<input id="chat-input" data-testid="chat-input"> <button type="button" data-testid="chat-send">Send</button>
<script>
document.querySelector('[data-testid="chat-send"]').addEventListener('click', () => {
  const input = document.querySelector('[data-testid="chat-input"]');
  const list = document.querySelector('[data-testid="chat-messages"]');
  const mine = document.createElement('li'); mine.textContent = 'You: ' + input.value; list.appendChild(mine);
  input.value = '';
  setTimeout(() => { const r = document.createElement('li'); r.dataset.testid = 'chat-reply';
    r.textContent = 'Thanks! An agent will reply within 2 hours.'; list.appendChild(r); }, DELAY);
});
</script></body></html>"""

NEWSLETTER_SCRIPT = """
class TmNewsletter extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: 'open'});
    root.innerHTML = `<style>p{margin:4px 0}</style><form>
      <label for="nl-email">Get trail news by email</label>
      <input id="nl-email" type="email" data-testid="newsletter-email">
      <button type="submit" data-testid="newsletter-submit">Subscribe</button>
      <p data-testid="newsletter-message" role="status"></p></form>`;
    root.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = root.querySelector('input').value;
      root.querySelector('p').textContent = value.includes('@') ? 'Subscribed: ' + value : 'Please enter a valid email';
    });
  }
}
customElements.define('tm-newsletter', TmNewsletter);
document.querySelector('[data-testid="return-policy"]').addEventListener('click', () =>
  alert('You can return unused items within 30 days.'));
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "TrailMart/1.0"

    # ---------- helpers ----------
    def log_message(self, fmt_, *args):
        print(f"{self.address_string()} {self.command} {self.path} -> {args[1] if len(args) > 1 else ''}")

    def session(self, create=False):
        token = None
        for part in (self.headers.get("Cookie") or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "tm_session":
                token = value
        with LOCK:
            if token in SESSIONS:
                return token, SESSIONS[token]
            if not create:
                return None, None
            token = secrets.token_hex(16)
            SESSIONS[token] = {"user": None, "cart": {}, "checkout": {}, "promo": None}
            return token, SESSIONS[token]

    def send(self, status, body, content_type="text/html; charset=utf-8", headers=None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def json(self, status, payload, headers=None):
        self.send(status, json.dumps(payload), "application/json", headers)

    def redirect(self, location, headers=None):
        self.send_response(303)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def body_bytes(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def form(self):
        return {k: v[0] for k, v in parse_qs(self.body_bytes().decode("utf-8")).items()}

    def body_json(self):
        try:
            return json.loads(self.body_bytes() or b"{}")
        except ValueError:
            return {}

    def require_login(self):
        token, session = self.session()
        if not session or not session["user"]:
            self.redirect("/login")
            return None
        return session

    # ---------- routing ----------
    def do_GET(self):
        path = urlsplit(self.path).path
        routes = {
            "/": lambda: self.redirect("/products"), "/login": self.get_login, "/logout": self.logout,
            "/products": self.get_products, "/cart": self.get_cart, "/checkout": self.get_checkout,
            "/checkout/review": self.get_review, "/help": self.get_help, "/returns": self.get_returns,
            "/terms": self.get_terms, "/size-guide": self.get_size_guide, "/widget/chat": self.get_chat,
            "/api/products": self.api_products, "/api/cart": self.api_cart_get,
            "/api/delivery-estimate": self.api_delivery, "/api/health": lambda: self.json(200, {"status": "ok"}),
        }
        if path in routes:
            return routes[path]()
        if path.startswith("/order/"):
            return self.get_order(path)
        self.send(404, page("Not found", "<h1>Page not found</h1>"))

    def do_POST(self):
        path = urlsplit(self.path).path
        routes = {
            "/login": self.post_login, "/checkout": self.post_checkout, "/checkout/place": self.post_place,
            "/returns": self.post_returns, "/api/login": self.api_login, "/api/cart": self.api_cart_post,
            "/api/cart/clear": self.api_cart_clear, "/api/promo": self.api_promo, "/api/reset": self.api_reset,
        }
        if path in routes:
            return routes[path]()
        self.json(404, {"error": "not found"})

    # ---------- pages ----------
    def get_login(self, error="", email_value=""):
        token, session = self.session(create=True)
        message = f'<p class="error" role="alert" data-testid="login-error">{html.escape(error)}</p>' if error else ""
        body = LOGIN_FORM.format(error=message, email=html.escape(email_value))
        self.send(200 if not error else 401, page("Log in", body, session),
                  headers={"Set-Cookie": f"tm_session={token}; Path=/; HttpOnly; SameSite=Lax"})

    def check_credentials(self, email_value, password):
        user = USERS.get((email_value or "").strip().lower())
        if not email_value or not password:
            return None, "Enter your email and password."
        if not user or password != PASSWORD:
            return None, "Email or password is incorrect."
        if user["locked"]:
            return None, "This account is locked. Contact support."
        return email_value.strip().lower(), ""

    def post_login(self):
        fields = self.form()
        user, error = self.check_credentials(fields.get("email"), fields.get("password"))
        if error:
            return self.get_login(error, fields.get("email", ""))
        token, session = self.session(create=True)
        session["user"] = user
        self.redirect("/products", {"Set-Cookie": f"tm_session={token}; Path=/; HttpOnly; SameSite=Lax"})

    def logout(self):
        token, session = self.session()
        if session:
            session.update({"user": None, "cart": {}, "checkout": {}, "promo": None})
        self.redirect("/login")

    def get_products(self):
        session = self.require_login()
        if not session:
            return
        name = USERS[session["user"]]["name"]
        body = f"""<h1>All products</h1><p data-testid="welcome">Welcome back, {html.escape(name)}</p>
<label for="sort">Sort by</label>
<select id="sort" data-testid="sort"><option value="name">Name (A to Z)</option>
<option value="price-asc">Price (low to high)</option><option value="price-desc">Price (high to low)</option></select>
<div id="loading" data-testid="loading">Loading products…</div>
<ul class="grid" data-testid="product-list" hidden></ul>"""
        self.send(200, page("Products", body, session, PRODUCTS_SCRIPT))

    def get_cart(self):
        session = self.require_login()
        if not session:
            return
        t = totals(session)
        if not t["lines"]:
            body = '<h1>Your cart</h1><p data-testid="empty-message">Your cart is empty.</p><a class="button" href="/products">Keep shopping</a>'
            return self.send(200, page("Cart", body, session, CART_SCRIPT))
        rows = "".join(
            f'<tr data-testid="cart-line-{l["sku"]}"><td>{html.escape(l["name"])}</td><td>${l["price"]}</td>'
            f'<td><label class="sr" for="qty-{l["sku"]}" hidden>Quantity</label><input id="qty-{l["sku"]}" type="number" min="0" max="{MAX_QTY}" '
            f'value="{l["qty"]}" data-sku="{l["sku"]}" data-testid="qty-{l["sku"]}"></td>'
            f'<td data-testid="line-total-{l["sku"]}">${l["line_total"]}</td>'
            f'<td><button type="button" data-sku="{l["sku"]}" data-testid="remove-{l["sku"]}">Remove</button></td></tr>'
            for l in t["lines"])
        body = f"""<h1>Your cart</h1><table><tr><th>Product</th><th>Price</th><th>Qty</th><th>Total</th><th></th></tr>{rows}</table>
<p>Subtotal: <b data-testid="subtotal">${t["subtotal"]}</b></p>
<p>Standard shipping is free for orders from $100.00.</p>
<button type="button" data-testid="empty-cart">Empty cart</button>
<a class="button" href="/checkout" data-testid="checkout">Checkout</a>"""
        self.send(200, page("Cart", body, session, CART_SCRIPT))

    def checkout_form(self, session, errors=None, values=None):
        v = values or session.get("checkout") or {}
        err = ""
        if errors:
            err = '<ul class="error" role="alert" data-testid="form-errors">' + "".join(
                f"<li>{html.escape(e)}</li>" for e in errors) + "</ul>"
        checked = "express" if v.get("shipping") == "express" else "standard"

        def field(name, label, kind="text"):
            return (f'<label for="{name}">{label}</label><input id="{name}" name="{name}" type="{kind}" '
                    f'data-testid="{name}" value="{html.escape(v.get(name, ""))}">')
        return f"""<h1>Checkout</h1>{err}<form method="post" action="/checkout" novalidate>
{field("first_name", "First name")}{field("last_name", "Last name")}{field("email", "Email", "email")}{field("postcode", "Postcode")}
<fieldset><legend>Shipping</legend>
<label><input type="radio" name="shipping" value="standard" data-testid="shipping-standard" {"checked" if checked == "standard" else ""}> Standard, 3 to 5 days ($4.95, free from $100.00)</label>
<label><input type="radio" name="shipping" value="express" data-testid="shipping-express" {"checked" if checked == "express" else ""}> Express, next working day ($12.00)</label>
</fieldset><p><button type="submit" data-testid="continue">Continue to review</button></p></form>"""

    def get_checkout(self):
        session = self.require_login()
        if not session:
            return
        if not session["cart"]:
            return self.redirect("/cart")
        self.send(200, page("Checkout", self.checkout_form(session), session))

    def post_checkout(self):
        session = self.require_login()
        if not session:
            return
        v = {k: (val or "").strip() for k, val in self.form().items()}
        errors = []
        for name, label in (("first_name", "First name"), ("last_name", "Last name"), ("email", "Email"), ("postcode", "Postcode")):
            if not v.get(name):
                errors.append(f"{label} is required.")
        if v.get("email") and ("@" not in v["email"] or "." not in v["email"].split("@")[-1]):
            errors.append("Enter a valid email address.")
        pc = v.get("postcode", "").replace(" ", "")
        if v.get("postcode") and not (3 <= len(pc) <= 10 and pc.isalnum()):
            errors.append("Enter a valid postcode.")
        if v.get("shipping") not in ("standard", "express"):
            v["shipping"] = "standard"
        if errors:
            return self.send(422, page("Checkout", self.checkout_form(session, errors, v), session))
        session["checkout"] = v
        self.redirect("/checkout/review")

    def get_review(self):
        session = self.require_login()
        if not session:
            return
        if not session["cart"] or not session.get("checkout"):
            return self.redirect("/checkout")
        t = totals(session)
        rows = "".join(f'<tr><td>{html.escape(l["name"])}</td><td>{l["qty"]}</td><td>${l["line_total"]}</td></tr>' for l in t["lines"])
        c = session["checkout"]
        body = f"""<h1>Review your order</h1><table><tr><th>Product</th><th>Qty</th><th>Total</th></tr>{rows}</table>
<p>Deliver to {html.escape(c["first_name"])} {html.escape(c["last_name"])}, {html.escape(c["postcode"])} ({c["shipping"]} shipping)</p>
<p><label for="promo">Promo code</label><input id="promo" data-testid="promo"> <button type="button" data-testid="apply-promo">Apply</button>
<span data-testid="promo-message" role="status"></span></p>
<p>Subtotal: <span data-testid="subtotal">${t["subtotal"]}</span><br>
Discount: <span data-testid="discount">-${t["discount"]}</span><br>
Shipping: <span data-testid="shipping">${t["shipping"]}</span><br>
Total: <b data-testid="total">${t["total"]}</b></p>
<p data-testid="delivery-estimate">Calculating delivery date…</p>
<form method="post" action="/checkout/place"><button type="submit" data-testid="place-order" disabled>Please wait…</button></form>"""
        self.send(200, page("Review", body, session, REVIEW_SCRIPT))

    def post_place(self):
        session = self.require_login()
        if not session:
            return
        if not session["cart"] or not session.get("checkout"):
            return self.redirect("/cart")
        pause(0.5, 1.2)
        t = totals(session, for_confirmation=True)
        with LOCK:
            COUNTERS["order"] += 1
            ref = f"TM-{COUNTERS['order']}"
        ORDERS[ref] = {"ref": ref, "user": session["user"], "totals": t, "checkout": dict(session["checkout"]),
                       "promo": session.get("promo"), "placed": date.today().isoformat()}
        session.update({"cart": {}, "checkout": {}, "promo": None})
        self.redirect(f"/order/{ref}")

    def get_order(self, path):
        session = self.require_login()
        if not session:
            return
        parts = path.strip("/").split("/")
        order = ORDERS.get(parts[1]) if len(parts) > 1 else None
        if not order or order["user"] != session["user"]:
            return self.send(404, page("Not found", "<h1>Order not found</h1>", session))
        t = order["totals"]
        if len(parts) == 3 and parts[2] == "invoice.csv":
            rows = ["sku,name,qty,unit_price,line_total"] + [
                f'{l["sku"]},"{l["name"]}",{l["qty"]},{l["price"]},{l["line_total"]}' for l in t["lines"]]
            rows += [f',"Discount",,,-{t["discount"]}', f',"Shipping",,,{t["shipping"]}', f',"Total",,,{t["total"]}']
            return self.send(200, "\n".join(rows) + "\n", "text/csv; charset=utf-8",
                             {"Content-Disposition": f'attachment; filename="invoice-{order["ref"]}.csv"'})
        body = f"""<h1 data-testid="order-confirmation">Thank you for your order!</h1>
<p>Order reference <b data-testid="order-ref">{order["ref"]}</b></p>
<p>Items: {t["items"]}. Total paid: <b data-testid="order-total">${t["total"]}</b></p>
<p><a href="/order/{order["ref"]}/invoice.csv" data-testid="invoice-link">Download invoice (CSV)</a></p>
<p><a href="/terms" target="_blank" rel="noopener" data-testid="terms-link">Terms of sale</a></p>"""
        self.send(200, page("Order confirmed", body, session))

    def get_help(self):
        token, session = self.session()
        body = """<h1>Help and support</h1>
<p>Questions about sizes? <a href="/size-guide" target="_blank" rel="noopener" data-testid="size-guide-link">Open the size guide</a> (opens in a new tab).</p>
<p><button type="button" data-testid="return-policy">What can I return?</button></p>
<iframe id="support-chat" title="Support chat" src="/widget/chat" width="420" height="260"></iframe>
<h2>Newsletter</h2><tm-newsletter data-testid="newsletter"></tm-newsletter>"""
        self.send(200, page("Help", body, session, NEWSLETTER_SCRIPT))

    def get_chat(self):
        delay = int(1000 * SETTINGS["speed"])
        self.send(200, CHAT_PAGE.replace("DELAY", str(delay)))

    def get_terms(self):
        self.send(200, page("Terms of sale", "<h1>Terms of sale</h1><p>Returns are accepted within 30 days.</p>"))

    def get_size_guide(self):
        self.send(200, page("Size guide", "<h1>Size guide</h1><table><tr><th>Size</th><th>Chest (cm)</th></tr>"
                            "<tr><td>S</td><td>86-91</td></tr><tr><td>M</td><td>96-101</td></tr><tr><td>L</td><td>106-111</td></tr></table>"))

    def returns_form(self, session, message="", error=""):
        msg = f'<p role="status" data-testid="return-result">{html.escape(message)}</p>' if message else ""
        err = f'<p class="error" role="alert" data-testid="return-error">{html.escape(error)}</p>' if error else ""
        return page("Returns", f"""<h1>Return an item</h1>{msg}{err}
<form method="post" action="/returns" enctype="multipart/form-data">
<label for="order_ref">Order reference</label><input id="order_ref" name="order_ref" data-testid="return-order-ref">
<label for="reason">Reason</label><select id="reason" name="reason" data-testid="return-reason">
<option value="too-small">Too small</option><option value="damaged">Arrived damaged</option><option value="other">Other</option></select>
<label for="receipt">Photo or PDF of your receipt (max 1 MB)</label>
<input id="receipt" name="receipt" type="file" accept=".pdf,.png,.jpg,.jpeg" data-testid="return-receipt">
<p><button type="submit" data-testid="return-submit">Request return</button></p></form>""", session)

    def get_returns(self):
        session = self.require_login()
        if session:
            self.send(200, self.returns_form(session))

    def post_returns(self):
        session = self.require_login()
        if not session:
            return
        raw = self.body_bytes()
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
            b"Content-Type: " + self.headers.get("Content-Type", "").encode() + b"\r\n\r\n" + raw)
        fields, upload = {}, None
        for part in message.iter_parts() if message.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename:
                upload = (filename, payload)
            elif name:
                fields[name] = payload.decode("utf-8", "replace").strip()
        if not fields.get("order_ref"):
            return self.send(422, self.returns_form(session, error="Enter the order reference."))
        if not upload or not upload[0]:
            return self.send(422, self.returns_form(session, error="Attach a photo or PDF of your receipt."))
        filename, payload = upload
        if not filename.lower().endswith((".pdf", ".png", ".jpg", ".jpeg")):
            return self.send(422, self.returns_form(session, error="Receipts must be PDF, PNG or JPG files."))
        if len(payload) > MAX_UPLOAD:
            return self.send(422, self.returns_form(session, error="The receipt is larger than 1 MB."))
        with LOCK:
            COUNTERS["return"] += 1
            ref = f"RT-{COUNTERS['return']}"
        RETURNS.append({"ref": ref, "order": fields["order_ref"], "file": filename, "bytes": len(payload)})
        self.send(200, self.returns_form(
            session, message=f"Return {ref} requested. We received {filename} ({len(payload):,} bytes)."))

    # ---------- API ----------
    def api_login(self):
        data = self.body_json()
        user, error = self.check_credentials(data.get("email"), data.get("password"))
        if error:
            return self.json(401, {"error": error})
        token, session = self.session(create=True)
        session["user"] = user
        self.json(200, {"user": user, "token": token},
                  {"Set-Cookie": f"tm_session={token}; Path=/; HttpOnly; SameSite=Lax"})

    def api_session(self):
        token, session = self.session()
        if not session or not session["user"]:
            self.json(401, {"error": "Log in first."})
            return None
        return session

    def api_products(self):
        session = self.api_session()
        if not session:
            return
        if USERS[session["user"]]["slow"]:
            pause(3.8, 4.2)
        else:
            pause(0.6, 1.6)
        self.json(200, {"products": PRODUCTS})

    def api_cart_get(self):
        session = self.api_session()
        if session:
            self.json(200, totals(session))

    def api_cart_post(self):
        session = self.api_session()
        if not session:
            return
        data = self.body_json()
        sku = data.get("sku")
        if sku not in BY_SKU:
            return self.json(404, {"error": "Unknown product.", **totals(session)})
        current = session["cart"].get(sku, 0)
        try:
            qty = current + int(data["add"]) if "add" in data else int(data["qty"])
        except (KeyError, TypeError, ValueError):
            return self.json(400, {"error": "Send add or qty as a whole number.", **totals(session)})
        pause(0.4, 1.2)
        if qty > MAX_QTY:
            return self.json(409, {"error": f"You can buy at most {MAX_QTY} of one product.", **totals(session)})
        if qty > BY_SKU[sku]["stock"]:
            return self.json(409, {"error": "Sorry, not enough stock.", **totals(session)})
        if qty <= 0:
            session["cart"].pop(sku, None)
        else:
            session["cart"][sku] = qty
        self.json(200, totals(session))

    def api_cart_clear(self):
        session = self.api_session()
        if session:
            session.update({"cart": {}, "promo": None})
            self.json(200, totals(session))

    def api_promo(self):
        session = self.api_session()
        if not session:
            return
        code = (self.body_json().get("code") or "").strip().upper()
        pause(0.5, 1.0)
        if code not in PROMO_CODES:
            session["promo"] = None
            return self.json(400, {"error": "That code is not valid.", **totals(session)})
        session["promo"] = code
        self.json(200, {"code": code, **totals(session)})

    def api_delivery(self):
        session = self.api_session()
        if not session:
            return
        pause(1.0, 2.0)
        days = 1 if session.get("checkout", {}).get("shipping") == "express" else 4
        self.json(200, {"date": (date.today() + timedelta(days=days)).strftime("%d %B %Y")})

    def api_reset(self):
        session = self.api_session()
        if session:
            session.update({"cart": {}, "checkout": {}, "promo": None})
            self.json(200, {"reset": True})


def main():
    parser = argparse.ArgumentParser(description="TrailMart practice shop for UI automation")
    parser.add_argument("--port", type=int, default=8010)
    parser.add_argument("--speed", choices=["fast", "normal", "slow"], default="normal")
    parser.add_argument("--fixed", action="store_true", help="switch the planted defects off")
    args = parser.parse_args()
    SETTINGS["speed"] = {"fast": 0.0, "normal": 1.0, "slow": 2.5}[args.speed]
    SETTINGS["fixed"] = args.fixed
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"TrailMart running on http://localhost:{args.port}  (speed={args.speed}, "
          f"planted defects {'off' if args.fixed else 'on'}). Ctrl+C to stop.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nBye.")


if __name__ == "__main__":
    main()
