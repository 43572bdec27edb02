"""A small stand-in for Stripe's API on 127.0.0.1, for the tests and for trying checkout in the demo
(`make run STRIPE_FAKE=1`). The real `stripe` package talks to it: point STRIPE_API_BASE at it.

It keeps Checkout Sessions, subscriptions, prices and refunds in memory and serves a checkout page
with a "Pay" button. When a `webhook_url` is given it delivers the events Stripe would send
(checkout.session.completed, customer.subscription.created, charge.refunded), signed with the
webhook secret exactly as Stripe signs them.
"""

import argparse
import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.request
from html import escape
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from learning_site.local_server import LocalServer

DEMO_PRICE = {"id": "price_demo_membership", "unit_amount": 2900, "currency": "usd", "interval": "month"}


def sign(payload: str, secret: str, timestamp=None) -> str:
    """The Stripe-Signature header Stripe sends with `payload`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def nested(pairs):
    """Stripe's form encoding (`line_items[0][price_data][currency]=usd`) as dicts and lists."""
    root = {}
    for key, value in pairs:
        parts = key.replace("]", "").split("[")
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _lists(root)


def _lists(node):
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_lists(node[key]) for key in sorted(node, key=int)]
    return {key: _lists(value) for key, value in node.items()}


class FakeStripe(LocalServer):
    def __init__(self, *, webhook_url="", webhook_secret="", port=0, price=None):
        self.webhook_url = webhook_url
        self.webhook_secret = webhook_secret
        self.sessions, self.subscriptions, self.refunds = {}, {}, []
        self.prices = {}
        price = price or DEMO_PRICE
        self.add_price(price["id"], price["unit_amount"], price["currency"], price["interval"])
        self.requests = []  # (method, path, parsed params)
        self.fail_next = None  # (status, error message) for the next API call
        self.ids = itertools.count(1)
        self.lock = threading.Lock()
        super().__init__(self.handler_class(), port)

    def new_id(self, prefix):
        return f"{prefix}_test_{next(self.ids):06d}{int(time.time() * 1000) % 100000:05d}"

    def add_price(self, price_id, unit_amount, currency="usd", interval="month"):
        self.prices[price_id] = {
            "id": price_id,
            "object": "price",
            "unit_amount": unit_amount,
            "currency": currency,
            "recurring": {"interval": interval, "interval_count": 1},
            "type": "recurring",
        }

    # The API ------------------------------------------------------------------------------------

    def api(self, method, path, params):
        with self.lock:
            self.requests.append((method, path, params))
            if self.fail_next:
                status, message = self.fail_next
                self.fail_next = None
                return status, {"error": {"type": "api_error", "message": message}}
        parts = path.strip("/").split("/")
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self.create_session(params)
        if method == "GET" and parts[:3] == ["v1", "checkout", "sessions"] and len(parts) == 4:
            return self.found(self.sessions.get(parts[3]))
        if method == "GET" and parts[:2] == ["v1", "prices"] and len(parts) == 3:
            return self.found(self.prices.get(parts[2]))
        if method == "GET" and parts[:2] == ["v1", "subscriptions"] and len(parts) == 3:
            return self.found(self.subscriptions.get(parts[2]))
        if method == "DELETE" and parts[:2] == ["v1", "subscriptions"] and len(parts) == 3:
            subscription = self.subscriptions.get(parts[2])
            if subscription is not None:
                subscription["status"] = "canceled"
                self.deliver_later("customer.subscription.deleted", subscription)
            return self.found(subscription)
        if method == "POST" and path == "/v1/refunds":
            return self.create_refund(params)
        return 404, {"error": {"type": "invalid_request_error", "message": f"Unknown request {method} {path}"}}

    @staticmethod
    def found(thing):
        if thing is None:
            return 404, {"error": {"type": "invalid_request_error", "message": "No such object"}}
        return 200, thing

    def create_session(self, params):
        session_id = self.new_id("cs")
        mode = params.get("mode", "payment")
        total = 0
        for item in params.get("line_items", []):
            quantity = int(item.get("quantity", 1))
            if "price_data" in item:
                total += int(item["price_data"]["unit_amount"]) * quantity
            else:
                total += self.prices.get(item.get("price"), {}).get("unit_amount", 0) * quantity
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": mode,
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": total,
            "currency": params.get("currency") or "usd",
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "metadata": params.get("metadata", {}),
            "subscription_data": params.get("subscription_data", {}),
            "line_items": params.get("line_items", []),
            "payment_intent": None,
            "subscription": None,
            "customer": None,
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "url": f"{self.url}/checkout/{session_id}",
        }
        self.sessions[session_id] = session
        return session

    def create_refund(self, params):
        payment_intent = params.get("payment_intent")
        session = next((s for s in self.sessions.values() if s["payment_intent"] == payment_intent), None)
        if session is None:
            return 400, {"error": {"type": "invalid_request_error", "message": "No such payment_intent"}}
        amount = int(params.get("amount") or session["amount_total"])
        refund = {"id": self.new_id("re"), "object": "refund", "payment_intent": payment_intent, "amount": amount}
        refund["status"] = "succeeded"
        refund["metadata"] = params.get("metadata", {})
        self.refunds.append(refund)
        self.deliver_later("charge.refunded", self.charge(session, amount_refunded=amount))
        return 200, refund

    # What a buyer does on the checkout page -------------------------------------------------------

    def pay(self, session_id):
        """Complete the session as Stripe would after a successful card payment; returns the events."""
        session = self.sessions[session_id]
        session["status"] = "complete"
        session["payment_status"] = "paid"
        session["customer"] = session["customer"] or self.new_id("cus")
        events = []
        if session["mode"] == "subscription":
            subscription = self.create_subscription(session)
            session["subscription"] = subscription["id"]
            events.append(self.event("customer.subscription.created", subscription))
        else:
            session["payment_intent"] = self.new_id("pi")
        events.insert(0, self.event("checkout.session.completed", session))
        return events

    def create_subscription(self, session):
        period_end = int(time.time()) + 30 * 24 * 3600
        price_id = session["line_items"][0].get("price", "") if session["line_items"] else ""
        subscription = {
            "id": self.new_id("sub"),
            "object": "subscription",
            "customer": session["customer"],
            "status": "active",
            "cancel_at_period_end": False,
            "metadata": session.get("subscription_data", {}).get("metadata", {}),
            "items": {"data": [{"price": {"id": price_id}, "current_period_end": period_end}]},
        }
        self.subscriptions[subscription["id"]] = subscription
        return subscription

    def charge(self, session, *, amount_refunded):
        return {
            "id": self.new_id("ch"),
            "object": "charge",
            "payment_intent": session["payment_intent"],
            "amount": session["amount_total"],
            "amount_refunded": amount_refunded,
            "refunded": amount_refunded >= session["amount_total"],
        }

    def event(self, event_type, obj):
        return {
            "id": self.new_id("evt"),
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "data": {"object": json.loads(json.dumps(obj))},
        }

    def deliver(self, events):
        for event in events:
            payload = json.dumps(event)
            request = urllib.request.Request(  # noqa: S310 - a local address we were given
                self.webhook_url,
                data=payload.encode(),
                headers={"Content-Type": "application/json", "Stripe-Signature": sign(payload, self.webhook_secret)},
            )
            try:
                urllib.request.urlopen(request, timeout=10).close()  # noqa: S310 - a local address we were given
            except OSError as error:
                print(f"fake Stripe: could not deliver {event['type']}: {error}")

    def deliver_later(self, event_type, obj):
        if self.webhook_url:
            event = self.event(event_type, obj)
            threading.Timer(0.2, self.deliver, args=[[event]]).start()

    def checkout_page(self, session):
        amount = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
        names = ", ".join(
            item.get("price_data", {}).get("product_data", {}).get("name") or "Membership"
            for item in session["line_items"]
        )
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Test checkout</title></head>"
            "<body style='font-family:sans-serif;max-width:32rem;margin:3rem auto'>"
            "<p><strong>Test mode</strong>: this is the site's fake Stripe, no card is charged.</p>"
            f"<h1>{escape(names)}</h1><p>Total: {escape(amount)}</p>"
            f"<form method='post' action='/checkout/{escape(session['id'])}/pay'>"
            "<button type='submit' style='font-size:1.2rem;padding:.5rem 1.5rem'>Pay</button></form>"
            f"<p><a href='{escape(session['cancel_url'] or '/')}'>Cancel and go back</a></p></body></html>"
        )

    def handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                path = urlsplit(self.path).path
                parts = path.strip("/").split("/")
                if parts[0] == "checkout" and len(parts) == 2 and parts[1] in fake.sessions:
                    return self.reply(200, fake.checkout_page(fake.sessions[parts[1]]), "text/html; charset=utf-8")
                status, body = fake.api("GET", path, {})
                return self.reply(status, body)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                path = urlsplit(self.path).path
                parts = path.strip("/").split("/")
                if parts[0] == "checkout" and len(parts) == 3 and parts[2] == "pay" and parts[1] in fake.sessions:
                    session = fake.sessions[parts[1]]
                    events = fake.pay(session["id"])
                    if fake.webhook_url:
                        fake.deliver(events)
                    self.send_response(303)
                    self.send_header("Location", session["success_url"].replace("{CHECKOUT_SESSION_ID}", session["id"]))
                    self.end_headers()
                    return None
                status, body = fake.api("POST", path, nested(parse_qsl(raw, keep_blank_values=True)))
                return self.reply(status, body)

            def do_DELETE(self):
                status, body = fake.api("DELETE", urlsplit(self.path).path, {})
                return self.reply(status, body)

            def reply(self, status, body, content_type="application/json"):
                data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler


def main():
    parser = argparse.ArgumentParser(description="Run the fake Stripe server for trying checkout locally.")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--webhook-url", default="http://127.0.0.1:8000/payments/stripe/webhook/")
    parser.add_argument("--webhook-secret", default="whsec_demo")
    args = parser.parse_args()
    fake = FakeStripe(webhook_url=args.webhook_url, webhook_secret=args.webhook_secret, port=args.port)
    print(f"Fake Stripe on {fake.url}, sending events to {args.webhook_url}")
    fake.server.serve_forever()


if __name__ == "__main__":
    main()
