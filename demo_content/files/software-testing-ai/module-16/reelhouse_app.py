"""ReelHouse Cinemas: the capstone product for Module 16 (a cinema ticket booking site and its API).

You test it end to end: plan, test design, exploratory sessions, API and UI automation, a CI
pipeline, a Locust performance smoke and an OWASP ZAP baseline scan. The rules it should follow
are in capstone-product-spec.md. Several defects are planted on purpose, of different kinds
(functional, security, performance). Find them with tests and sessions, not by reading this file:
in a real job you will not have the source open, and your report must show evidence.

Run it with Python 3.10 or newer; it needs only the standard library:

    python reelhouse_app.py               # http://localhost:8016
    python reelhouse_app.py --port 8123   # another port
    python reelhouse_app.py --fixed       # planted defects switched off ("the developers fixed them")

Accounts (password for both: Popcorn-2026!)
    alex@reelhouse.test     a regular customer
    jordan@reelhouse.test   a second customer, to check that people only see their own bookings

Pages: /  /films/<id>  /showings/<id>  /login  /logout  /my-bookings  /bookings/<ref>
API:   GET /api/health   POST /api/login   GET /api/films   GET /api/films/<id>/showings
       GET /api/showings/<id>/seats   POST /api/quote   GET|POST /api/bookings
       GET /api/bookings/<ref>   POST /api/bookings/<ref>/cancel   POST /api/reset
Showing times are created relative to the moment the app starts (or is reset), so the
"starts in 90 minutes" and "next Tuesday" showings always exist. Everything lives in memory.
Only run scans and load tests against your own copy on your own machine. Stop it with Ctrl+C.
"""

import argparse
import html
import json
import secrets
import threading
import time
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

VERSION = "1.4.0"
PASSWORD = "Popcorn-2026!"
USERS = {"alex@reelhouse.test": "Alex", "jordan@reelhouse.test": "Jordan"}
FILMS = [
    {"id": 1, "title": "The Lighthouse Keeper", "rating": "PG", "minutes": 104},
    {"id": 2, "title": "Night Train to Lisbon", "rating": "PG-13", "minutes": 117},
    {"id": 3, "title": "Robo Pup", "rating": "G", "minutes": 88},
    {"id": 4, "title": "Cold Harbour", "rating": "R", "minutes": 121},
]
ROWS, SEATS_PER_ROW, MAX_SEATS = "ABCDEF", 10, 8
PRICES = {"adult": Decimal("12.00"), "child": Decimal("8.00"), "senior": Decimal("9.00")}
TUESDAY_PRICE, BOOKING_FEE = Decimal("7.00"), Decimal("1.50")
PROMO_CODE, CANCEL_HOURS = "FILMFAN10", 2
FIXED = False
LOCK = threading.Lock()
SESSIONS = {}  # token -> email
STATE = {}


def money(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def reset_state():
    now = datetime.now().replace(second=0, microsecond=0)
    day = now.date() + timedelta(days=1)
    while day.weekday() == 1:  # the ordinary showings are never on a Tuesday
        day += timedelta(days=1)
    tuesday = now.date() + timedelta(days=1)
    while tuesday.weekday() != 1:
        tuesday += timedelta(days=1)
    at = lambda d, h, m: datetime(d.year, d.month, d.day, h, m)  # noqa: E731
    soon = now + timedelta(minutes=90 - now.minute % 5)
    showings = [
        (101, 1, at(day, 18, 0), "Screen 1"), (102, 1, at(tuesday, 20, 0), "Screen 2"),
        (103, 2, soon, "Screen 3"), (104, 3, at(day, 14, 0), "Screen 1"),
        (105, 4, at(day, 21, 0), "Screen 2"), (106, 2, at(day + timedelta(days=1), 19, 30), "Screen 3"),
    ]
    STATE.clear()
    STATE["showings"] = {s[0]: {"id": s[0], "film_id": s[1], "starts_at": s[2], "screen": s[3]} for s in showings}
    STATE["taken"] = {sid: set() for sid in STATE["showings"]}
    STATE["taken"][101] |= {"A1", "A2", "A3", "A4", "C5", "C6"}
    STATE["taken"][104] |= {f"E{n}" for n in range(1, 11)}  # a school group has row E
    STATE["bookings"] = {}
    STATE["next_ref"] = 10001


def is_tuesday(showing):
    return showing["starts_at"].weekday() == 1


def showing_json(showing):
    return {"id": showing["id"], "film_id": showing["film_id"], "screen": showing["screen"],
            "starts_at": showing["starts_at"].isoformat(timespec="minutes"), "is_tuesday": is_tuesday(showing)}


class BookingError(Exception):
    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def quote_price(showing, tickets, promo):
    """Validate the ticket mix and the promo code, and return the price breakdown."""
    if tickets is not None and not isinstance(tickets, dict):
        raise BookingError(400, "'tickets' must be an object such as {\"adult\": 2}")
    counts = {}
    for kind in PRICES:
        value = (tickets or {}).get(kind, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise BookingError(400, f"'{kind}' must be a whole number of 0 or more")
        counts[kind] = value
    unknown = set(tickets or {}) - set(PRICES)
    if unknown:
        raise BookingError(400, f"Unknown ticket type: {sorted(unknown)[0]}")
    count = sum(counts.values())
    if count == 0:
        raise BookingError(400, "Choose at least one ticket")
    if is_tuesday(showing):
        tickets_total = TUESDAY_PRICE * count
    else:
        tickets_total = sum(PRICES[kind] * n for kind, n in counts.items())
    discount = Decimal("0.00")
    code = (promo or "").strip().upper()
    if code:
        if code != PROMO_CODE:
            raise BookingError(400, "Unknown promo code")
        if is_tuesday(showing):
            raise BookingError(400, "FILMFAN10 is not valid on Tuesdays")
        if count < 2:
            raise BookingError(400, "FILMFAN10 needs at least 2 tickets")
        base = tickets_total if FIXED else tickets_total + BOOKING_FEE  # planted defect
        discount = money(base * Decimal("0.10"))
    total = tickets_total - discount + BOOKING_FEE
    return {"tickets": counts, "ticket_count": count, "tickets_total": str(money(tickets_total)),
            "discount": str(discount), "fee": str(BOOKING_FEE), "total": str(money(total)),
            "promo": code or None}


def valid_seat(seat):
    return (isinstance(seat, str) and len(seat) >= 2 and seat[0] in ROWS and seat[1:].isdigit()
            and 1 <= int(seat[1:]) <= SEATS_PER_ROW and str(int(seat[1:])) == seat[1:])


def create_booking(email, showing_id, seats, tickets, promo):
    showing = STATE["showings"].get(showing_id)
    if showing is None:
        raise BookingError(404, "No such showing")
    if showing["starts_at"] <= datetime.now():
        raise BookingError(409, "This showing has already started")
    if not isinstance(seats, list) or not seats:
        raise BookingError(400, "Choose at least one seat")
    bad = [s for s in seats if not valid_seat(s)]
    if bad:
        raise BookingError(400, f"No such seat: {bad[0]}")
    if len(set(seats)) != len(seats):
        raise BookingError(400, "The same seat is listed twice")
    limit = MAX_SEATS if FIXED else MAX_SEATS + 1  # planted defect
    if len(seats) > limit:
        raise BookingError(400, f"You can book at most {MAX_SEATS} seats")
    price = quote_price(showing, tickets, promo)
    if price["ticket_count"] != len(seats):
        raise BookingError(400, "The number of tickets must match the number of seats")

    def commit():
        taken = sorted(set(seats) & STATE["taken"][showing_id])
        if taken:
            raise BookingError(409, f"Seat {taken[0]} is already taken", taken=taken)
        STATE["taken"][showing_id] |= set(seats)
        ref = f"RH-{STATE['next_ref']}"
        STATE["next_ref"] += 1
        booking = {"ref": ref, "owner": email, "showing_id": showing_id, "seats": sorted(seats),
                   "status": "confirmed", "refund": None, **price}
        STATE["bookings"][ref] = booking
        return booking

    if FIXED:
        time.sleep(0.4)  # the payment provider answers outside the lock
        with LOCK:
            return commit()
    with LOCK:  # planted defect: every booking waits for the one before it
        time.sleep(0.4)
        return commit()


def cancel_booking(email, ref):
    with LOCK:
        booking = STATE["bookings"].get(ref)
        if booking is None or booking["owner"] != email:
            raise BookingError(404, "No such booking")
        if booking["status"] == "cancelled":
            raise BookingError(409, "This booking is already cancelled")
        showing = STATE["showings"][booking["showing_id"]]
        if showing["starts_at"] - datetime.now() < timedelta(hours=CANCEL_HOURS):
            raise BookingError(409, f"Bookings can be cancelled up to {CANCEL_HOURS} hours before the showing")
        booking["status"] = "cancelled"
        booking["refund"] = str(Decimal(booking["total"]) - BOOKING_FEE)
        if FIXED:  # planted defect: without --fixed the seats stay taken
            STATE["taken"][booking["showing_id"]] -= set(booking["seats"])
        return booking


def public_booking(booking):
    return {k: v for k, v in booking.items() if k != "owner"}


def film(film_id):
    return next((f for f in FILMS if f["id"] == film_id), None)


def when(dt):
    return dt.strftime("%a %d %b, %H:%M")


PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - ReelHouse Cinemas</title>
<style>body{{font-family:sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem}}nav a{{margin-right:1rem}}
.seats label{{display:inline-block;width:3.2rem}}[role=alert]{{color:#a00;font-weight:bold}}</style></head>
<body><nav><a href="/">Films</a><a href="/my-bookings">My bookings</a>{auth}</nav><main><h1>{title}</h1>{body}</main></body></html>"""


class Handler(BaseHTTPRequestHandler):
    server_version = "ReelHouse/" + VERSION

    def log_message(self, fmt, *args):
        pass

    # ----- helpers
    def user(self):
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            return SESSIONS.get(auth[7:].strip())
        for part in self.headers.get("Cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "rh_session":
                return SESSIONS.get(value)
        return None

    def send(self, status, body, content_type, headers=()):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if FIXED:
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")
            self.send_header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def json(self, status, payload, headers=()):
        self.send(status, json.dumps(payload), "application/json", headers)

    def page(self, title, body, status=200, headers=()):
        email = self.user()
        auth = (f'<span>Logged in as {USERS[email]}</span> <a href="/logout">Log out</a>' if email
                else '<a href="/login">Log in</a>')
        self.send(status, PAGE.format(title=html.escape(title), body=body, auth=auth), "text/html; charset=utf-8", headers)

    def redirect(self, location, headers=()):
        self.send(303, "", "text/plain", [("Location", location), *headers])

    def body_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        try:
            value = json.loads(self.rfile.read(length) or b"{}")
        except (ValueError, UnicodeDecodeError):
            return None
        return value if isinstance(value, dict) else None

    def body_form(self):
        length = int(self.headers.get("Content-Length") or 0)
        return parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)

    def login(self, email, password):
        email = (email or "").strip().lower()
        if email not in USERS:
            return None, ("Email or password is incorrect" if FIXED else "No account for that email")
        if password != PASSWORD:
            return None, ("Email or password is incorrect" if FIXED else "Wrong password")
        token = secrets.token_urlsafe(16)
        SESSIONS[token] = email
        return token, None

    def cookie(self, token):
        flags = "; HttpOnly; SameSite=Lax" if FIXED else ""
        return ("Set-Cookie", f"rh_session={token}; Path=/{flags}")

    # ----- routing
    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

    def route(self, method):
        path = urlsplit(self.path).path.rstrip("/") or "/"
        parts = path.strip("/").split("/")
        try:
            if parts[0] == "api":
                return self.api(method, parts[1:])
            return self.ui(method, path, parts)
        except BookingError as error:
            if parts[0] == "api":
                return self.json(error.status, {"error": error.message, **error.extra})
            raise

    def api(self, method, parts):
        email = self.user()
        if method == "GET" and parts == ["health"]:
            return self.json(200, {"status": "ok", "version": VERSION})
        if method == "POST" and parts == ["reset"]:
            with LOCK:
                reset_state()
            return self.json(200, {"status": "reset"})
        if method == "POST" and parts == ["login"]:
            data = self.body_json()
            if data is None or not data.get("email") or not data.get("password"):
                return self.json(400, {"error": "email and password are required"})
            token, error = self.login(data["email"], data["password"])
            if error:
                return self.json(401, {"error": error})
            return self.json(200, {"token": token, "name": USERS[SESSIONS[token]]})
        if method == "GET" and parts == ["films"]:
            return self.json(200, {"films": FILMS})
        if method == "GET" and len(parts) == 3 and parts[0] == "films" and parts[2] == "showings":
            if not parts[1].isdigit() or film(int(parts[1])) is None:
                return self.json(404, {"error": "No such film"})
            shows = [showing_json(s) for s in STATE["showings"].values() if s["film_id"] == int(parts[1])]
            return self.json(200, {"showings": shows})
        if method == "GET" and len(parts) == 3 and parts[0] == "showings" and parts[2] == "seats":
            showing = STATE["showings"].get(int(parts[1])) if parts[1].isdigit() else None
            if showing is None:
                return self.json(404, {"error": "No such showing"})
            return self.json(200, {"showing_id": showing["id"], "rows": ROWS, "seats_per_row": SEATS_PER_ROW,
                                   "taken": sorted(STATE["taken"][showing["id"]])})
        if method == "POST" and parts == ["quote"]:
            data = self.body_json()
            if data is None:
                return self.json(400, {"error": "Send a JSON object"})
            showing = STATE["showings"].get(data.get("showing_id"))
            if showing is None:
                return self.json(404, {"error": "No such showing"})
            return self.json(200, quote_price(showing, data.get("tickets"), data.get("promo")))
        if parts and parts[0] == "bookings":
            if email is None:
                return self.json(401, {"error": "Log in first"})
            if method == "GET" and len(parts) == 1:
                mine = [public_booking(b) for b in STATE["bookings"].values() if b["owner"] == email]
                return self.json(200, {"bookings": mine})
            if method == "POST" and len(parts) == 1:
                data = self.body_json()
                if data is None:
                    return self.json(400, {"error": "Send a JSON object"})
                booking = create_booking(email, data.get("showing_id"), data.get("seats"),
                                         data.get("tickets"), data.get("promo"))
                return self.json(201, public_booking(booking), [("Location", f"/api/bookings/{booking['ref']}")])
            if method == "GET" and len(parts) == 2:
                booking = STATE["bookings"].get(parts[1])
                if booking is None or (FIXED and booking["owner"] != email):  # planted defect
                    return self.json(404, {"error": "No such booking"})
                return self.json(200, public_booking(booking))
            if method == "POST" and len(parts) == 3 and parts[2] == "cancel":
                return self.json(200, public_booking(cancel_booking(email, parts[1])))
        return self.json(404, {"error": "Not found"})

    def ui(self, method, path, parts):
        email = self.user()
        if method == "GET" and path == "/":
            cards = "".join(
                f'<article data-testid="film-card"><h2>{html.escape(f["title"])}</h2><p>{f["rating"]} &middot; '
                f'{f["minutes"]} min</p><a href="/films/{f["id"]}">See showings</a></article>' for f in FILMS)
            return self.page("Now showing", cards)
        if path == "/login":
            target = parse_qs(urlsplit(self.path).query).get("next", ["/"])[0]
            target = target if target.startswith("/") and not target.startswith("//") else "/"
            error = ""
            if method == "POST":
                form = self.body_form()
                token, message = self.login(form.get("email", [""])[0], form.get("password", [""])[0])
                if token:
                    return self.redirect(target, [self.cookie(token)])
                error = f'<p role="alert" data-testid="error">{html.escape(message)}</p>'
            form_html = (f'{error}<form method="post" action="/login?next={quote(target)}">'
                         '<p><label for="email">Email</label> <input id="email" name="email" type="email"></p>'
                         '<p><label for="password">Password</label> <input id="password" name="password" type="password"></p>'
                         '<button type="submit">Log in</button></form>')
            return self.page("Log in", form_html, 401 if error else 200)
        if path == "/logout":
            for token in [t for t, e in SESSIONS.items() if e == email]:
                del SESSIONS[token]
            return self.redirect("/", [("Set-Cookie", "rh_session=; Path=/; Max-Age=0")])
        if method == "GET" and len(parts) == 2 and parts[0] == "films" and parts[1].isdigit() and film(int(parts[1])):
            shows = [s for s in STATE["showings"].values() if s["film_id"] == int(parts[1])]
            items = "".join(f'<li data-testid="showing"><a href="/showings/{s["id"]}">{when(s["starts_at"])} &middot; '
                            f'{s["screen"]}</a>{" (Tuesday price: every ticket $7.00)" if is_tuesday(s) else ""}</li>'
                            for s in shows)
            return self.page(film(int(parts[1]))["title"], f"<ul>{items}</ul>")
        if len(parts) >= 2 and parts[0] == "showings" and parts[1].isdigit() and int(parts[1]) in STATE["showings"]:
            showing = STATE["showings"][int(parts[1])]
            error, status = "", 200
            if method == "POST" and parts[2:] == ["book"]:
                if email is None:
                    return self.redirect(f"/login?next=/showings/{showing['id']}")
                form = self.body_form()
                try:
                    tickets = {k: int(form.get(k, ["0"])[0] or 0) for k in PRICES}
                    booking = create_booking(email, showing["id"], form.get("seat", []), tickets,
                                             form.get("promo", [""])[0])
                    return self.redirect(f"/bookings/{booking['ref']}")
                except ValueError:
                    error, status = "Ticket numbers must be whole numbers", 400
                except BookingError as exc:
                    error, status = exc.message, exc.status
            return self.page(f"{film(showing['film_id'])['title']}, {when(showing['starts_at'])}",
                             self.seat_form(showing, error), status)
        if method == "GET" and path == "/my-bookings":
            if email is None:
                return self.redirect("/login?next=/my-bookings")
            rows = "".join(f'<tr data-testid="booking-row"><td><a href="/bookings/{b["ref"]}">{b["ref"]}</a></td>'
                           f'<td>{", ".join(b["seats"])}</td><td>${b["total"]}</td><td>{b["status"]}</td></tr>'
                           for b in STATE["bookings"].values() if b["owner"] == email)
            body = (f"<table><tr><th>Reference</th><th>Seats</th><th>Total</th><th>Status</th></tr>{rows}</table>"
                    if rows else '<p data-testid="no-bookings">You have no bookings yet.</p>')
            return self.page("My bookings", body)
        if len(parts) >= 2 and parts[0] == "bookings":
            if email is None:
                return self.redirect(f"/login?next=/bookings/{parts[1]}")
            booking = STATE["bookings"].get(parts[1])
            if booking is None or (FIXED and booking["owner"] != email):  # planted defect
                return self.page("Booking not found", "<p>No such booking.</p>", 404)
            error = ""
            if method == "POST" and parts[2:] == ["cancel"]:
                try:
                    cancel_booking(email, booking["ref"])
                    return self.redirect(f"/bookings/{booking['ref']}")
                except BookingError as exc:
                    error = f'<p role="alert" data-testid="error">{html.escape(exc.message)}</p>'
            return self.page("Your booking" if booking["status"] == "confirmed" else "Booking cancelled",
                             error + self.booking_html(booking))
        return self.page("Page not found", "<p>Sorry, there is nothing here.</p>", 404)

    def seat_form(self, showing, error):
        taken = STATE["taken"][showing["id"]]
        rows = "".join(
            f'<p>Row {row}: ' + "".join(
                f'<label><input type="checkbox" name="seat" value="{row}{n}" data-testid="seat-{row}{n}"'
                f'{" disabled" if f"{row}{n}" in taken else ""}>{row}{n}</label>' for n in range(1, SEATS_PER_ROW + 1))
            + "</p>" for row in ROWS)
        price = {k: (TUESDAY_PRICE if is_tuesday(showing) else v) for k, v in PRICES.items()}
        names = {"adult": "Adults", "child": "Children (under 16)", "senior": "Seniors (65+)"}
        inputs = "".join(f'<p><label for="{k}">{names[k]} (${price[k]})</label> '
                         f'<input id="{k}" name="{k}" type="number" min="0" max="{MAX_SEATS}" value="0"></p>'
                         for k in PRICES)
        alert = f'<p role="alert" data-testid="error">{html.escape(error)}</p>' if error else ""
        return (f'{alert}<form method="post" action="/showings/{showing["id"]}/book">'
                f'<fieldset class="seats"><legend>Seats (screen this way)</legend>{rows}</fieldset>{inputs}'
                '<p><label for="promo">Promo code</label> <input id="promo" name="promo"></p>'
                f'<p>Booking fee: ${BOOKING_FEE} per booking.</p><button type="submit">Book seats</button></form>')

    def booking_html(self, b):
        showing = STATE["showings"][b["showing_id"]]
        refund = f'<p data-testid="refund">Refund: ${b["refund"]}</p>' if b["refund"] else ""
        cancel = ('<form method="post" action="/bookings/{0}/cancel"><button type="submit">Cancel booking</button>'
                  "</form>".format(b["ref"]) if b["status"] == "confirmed" else "")
        return (f'<p>Reference: <b data-testid="booking-ref">{b["ref"]}</b></p>'
                f'<p>{html.escape(film(showing["film_id"])["title"])}, {when(showing["starts_at"])}, {showing["screen"]}</p>'
                f'<p data-testid="seats">Seats: {", ".join(b["seats"])}</p>'
                f'<p>Tickets: ${b["tickets_total"]} &middot; Discount: ${b["discount"]} &middot; Booking fee: ${b["fee"]}</p>'
                f'<p data-testid="total">Total: ${b["total"]}</p><p data-testid="status">Status: {b["status"]}</p>'
                f"{refund}{cancel}")


def main():
    global FIXED
    parser = argparse.ArgumentParser(description="ReelHouse Cinemas, the Module 16 capstone app")
    parser.add_argument("--port", type=int, default=8016)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--fixed", action="store_true", help="switch the planted defects off")
    args = parser.parse_args()
    FIXED = args.fixed
    reset_state()
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print(f"ReelHouse Cinemas {VERSION} on http://{args.host}:{args.port} ({'fixed' if FIXED else 'with planted defects'})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
