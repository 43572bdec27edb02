"""Fernwood Hotel: a small practice website for Module 7 (Web UI Testing Foundations).

It is a hotel booking site with defects planted on purpose: layout, accessibility, console,
network, storage and validation problems of the kinds you will meet in real products.
Your job in the module is to find them with browser tools, not by reading this file.
(Reading it afterwards to confirm a finding is fine: that is what developers do too.)

Run it with Python 3.10 or newer; it needs nothing but the standard library:

    python fernwood_practice_site.py            # serves http://localhost:8000
    python fernwood_practice_site.py 8123       # another port

Pages:  /  (rooms and search)   /room/1 .. /room/3   /book?room=2   /confirmation?ref=FW-1001
API:    GET /api/rooms   GET /api/bookings   POST /api/bookings (JSON)
Stop it with Ctrl+C. Bookings live in memory and disappear when you stop it.
"""

import json
import random
import sys
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ROOMS = [
    {"id": 1, "name": "Garden Single", "price": 89, "max_guests": 1, "available": True},
    {"id": 2, "name": "Lake View Double", "price": 139, "max_guests": 2, "available": True},
    {"id": 3, "name": "Family Loft", "price": 189, "max_guests": 4, "available": False},
]
BOOKINGS = []
PROMO_CODES = {"SUMMER10": 10}

STYLE = """
body { font-family: Arial, sans-serif; margin: 0; color: #222; }
header { display: flex; align-items: center; gap: 24px; padding: 12px 24px; background: #1d4d3a; white-space: nowrap; }
header a { color: #fff; text-decoration: none; }
a:focus, .btn:focus { outline: none; }
main { padding: 24px; max-width: 1000px; }
.rooms { display: flex; gap: 16px; flex-wrap: wrap; }
.room-card { border: 1px solid #ccc; border-radius: 6px; padding: 16px; width: 260px; }
.note { color: #b5b5b5; font-size: 13px; }
.price-table { width: 900px; border-collapse: collapse; }
.price-table td, .price-table th { border: 1px solid #ddd; padding: 8px; }
.btn { display: inline-block; background: #1d4d3a; color: #fff; padding: 10px 18px; border-radius: 4px; cursor: pointer; }
.css-1x9k2j { background: #c2562b; }
.promo-error { color: #d00000; }
.badge { font-size: 12px; padding: 2px 6px; border-radius: 3px; background: #e6f2ea; }
#cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; background: #333; color: #eee; padding: 12px 24px; }
#cookie-banner .close { display: inline-block; width: 14px; height: 14px; font-size: 12px; line-height: 14px; cursor: pointer; }
@media (max-width: 600px) { .phone { display: none; } }
"""

HERO_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="960" height="240" viewBox="0 0 960 240">
<rect width="960" height="240" fill="#8fbf9f"/><polygon points="0,240 260,90 520,240" fill="#3f7a5a"/>
<polygon points="380,240 640,60 900,240" fill="#2d5e45"/><rect y="200" width="960" height="40" fill="#6fa3c7"/></svg>"""

COMMON_SCRIPT = """
// Analytics snippet (the real function was removed in the last release).
trackPageView(location.pathname);
"""


def page(title, body, script=""):
    # Defect: no lang attribute on <html>.
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
  <img src="/static/logo.svg" width="40" height="40" alt="Fernwood Hotel logo">
  <a href="/">Rooms</a><a href="/book?room=2">Book</a><a href="#contact">Contact</a>
  <span class="phone" style="color:#fff">Call us: +44 20 7946 0321</span>
</header>
<main>
{body}
</main>
<footer id="contact" style="padding:24px">Fernwood Hotel, 12 Lake Road, Windermere.
  <span class="phone">Reception: +44 20 7946 0321</span></footer>
<div id="cookie-banner">We use cookies to remember your booking details.
  <span class="close" onclick="this.parentElement.remove()">&times;</span></div>
<script>{COMMON_SCRIPT}</script>
<script>{script}</script>
</body>
</html>"""


def home_page():
    cards = "".join(
        f"""<div class="room-card" data-testid="room-card-{room['id']}" data-room-id="{room['id']}">
  <h3>{room['name']}</h3>
  <p>From &pound;{room['price']} a night</p>
  <p class="note">Prices include breakfast. Free cancellation up to 48 hours before arrival.</p>
  <span class="badge">checking&hellip;</span>
  <a class="btn" href="/room/{room['id']}">View room</a>
</div>"""
        for room in ROOMS
    )
    body = f"""
<img src="/static/hero.svg" width="100%">
<h1>Stay at Fernwood</h1>
<form id="search" action="/" method="get">
  <label for="checkin">Check-in</label> <input id="checkin" name="checkin" type="date">
  <label for="checkout">Check-out</label> <input id="checkout" name="checkout" type="date">
  <label for="guests-select">Guests</label>
  <select id="guests-select" name="guests"><option>1</option><option selected>2</option><option>3</option><option>4</option></select>
  <button type="submit" data-testid="search-rooms">Search rooms</button>
</form>
<h2>Our rooms</h2>
<div class="rooms">{cards}</div>
<h2>Seasonal prices</h2>
<table class="price-table">
  <tr><th>Room</th><th>Winter</th><th>Spring</th><th>Summer</th><th>Autumn</th></tr>
  <tr><td>Garden Single</td><td>&pound;79</td><td>&pound;89</td><td>&pound;109</td><td>&pound;89</td></tr>
  <tr><td>Lake View Double</td><td>&pound;119</td><td>&pound;139</td><td>&pound;169</td><td>&pound;139</td></tr>
  <tr><td>Family Loft</td><td>&pound;159</td><td>&pound;189</td><td>&pound;229</td><td>&pound;189</td></tr>
</table>
"""
    # Availability badges are filled in by JavaScript after the page loads (not in View Source).
    script = """
fetch('/api/rooms').then(r => r.json()).then(rooms => {
  for (const room of rooms) {
    const badge = document.querySelector(`[data-room-id="${room.id}"] .badge`);
    badge.textContent = room.available ? 'Available' : 'Sold out';
    if (!room.available) badge.style.background = '#f6dede';
  }
});
"""
    return page("Fernwood Hotel - Rooms", body, script)


def room_page(room):
    # Defect: two elements share id="price".
    body = f"""
<h1>{room['name']}</h1>
<p id="price">&pound;{room['price']} per night</p>
<p>Sleeps up to {room['max_guests']}. Lake-side garden, free Wi-Fi, breakfast included.</p>
<p class="note" id="price">Weekend supplement: &pound;20 per night.</p>
<a class="btn" href="/book?room={room['id']}" data-testid="book-room">Book this room</a>
"""
    return page(f"Fernwood Hotel - {room['name']}", body)


def booking_page(room):
    promo_id = f"input-{random.randint(1000, 9999)}"  # a generated id that changes on every load
    # Defects: email has no label, heading levels jump from h1 to h4, the confirm "button" is a div.
    body = f"""
<h1>Book the {room['name']}</h1>
<h4>Your details</h4>
<form id="booking-form" novalidate>
  <input type="hidden" name="room_id" value="{room['id']}">
  <p><label for="full-name">Full name</label><br><input id="full-name" name="name" required></p>
  <p><input name="email" type="email" placeholder="Email address" required></p>
  <p><label for="checkin">Check-in</label><br><input id="checkin" name="checkin" type="date" required></p>
  <p><label for="checkout">Check-out</label><br><input id="checkout" name="checkout" type="date" required></p>
  <p><label for="guests">Guests</label><br><input id="guests" name="guests" type="number" min="1" max="4" value="2"></p>
  <p><label for="{promo_id}">Promo code</label><br><input id="{promo_id}" name="promo">
     <button type="button" id="apply-promo">Apply</button> <span id="promo-message"></span></p>
  <div class="btn css-1x9k2j" onclick="submitBooking()">Confirm booking</div>
  <p id="form-error" role="alert"></p>
</form>
"""
    script = """
const form = document.getElementById('booking-form');
document.getElementById('apply-promo').addEventListener('click', () => {
  const input = form.querySelector('[name=promo]');
  const message = document.getElementById('promo-message');
  if (input.value.trim().toUpperCase() === 'SUMMER10') {
    message.textContent = '10% off applied'; message.className = '';
  } else {
    message.textContent = ''; input.className = 'promo-error'; input.style.borderColor = '#d00000';
  }
});
function submitBooking() {
  const data = Object.fromEntries(new FormData(form));
  const guests = Number(data.guests);
  if (guests < 1 || guests > 4) {
    document.getElementById('form-error').textContent = 'Guests must be between 1 and 4.';
    return;
  }
  localStorage.setItem('fw_last_email', data.email);
  document.cookie = 'fw_guest_name=' + encodeURIComponent(data.name) + '; path=/';
  const payload = {room_id: Number(data.room_id), name: data.name, checkin: data.checkin,
                   checkout: data.checkout, guests: guests, promo: data.promo};
  if (data.email) payload.email = data.email;
  fetch('/api/bookings', {method: 'POST', headers: {'Content-Type': 'application/json'},
                          body: JSON.stringify(payload)})
    .then(async response => {
      if (response.ok) {
        const booking = await response.json();
        location.href = '/confirmation?ref=' + booking.reference;
      } else {
        document.getElementById('form-error').textContent = 'Error ' + response.status;
      }
    });
}
"""
    return page(f"Fernwood Hotel - Book {room['name']}", body, script)


def confirmation_page(reference):
    booking = next((b for b in BOOKINGS if b["reference"] == reference), None)
    if booking is None:
        body = "<h1>Booking not found</h1><p>Check the reference in your email.</p>"
    else:
        body = f"""
<h1>Thank you, {booking['name']}!</h1>
<p data-testid="booking-reference">Your reference: <b>{booking['reference']}</b></p>
<p>{booking['nights']} nights, {booking['guests']} guests, total &pound;{booking['total']}.</p>
"""
    return page("Fernwood Hotel - Confirmation", body)


def create_booking(data):
    """Server-side validation, with gaps on purpose: compare it with the client-side rules."""
    if not str(data.get("name", "")).strip():
        return 422, {"error": "name is required"}
    room = next((r for r in ROOMS if r["id"] == data.get("room_id")), None)
    if room is None:
        return 404, {"error": "room not found"}
    try:
        checkin = date.fromisoformat(data["checkin"])
        checkout = date.fromisoformat(data["checkout"])
    except (KeyError, TypeError, ValueError):
        return 422, {"error": "checkin and checkout must be dates like 2026-07-01"}
    email = data["email"]  # Defect: a missing email raises KeyError, which becomes a 500.
    nights = (checkout - checkin).days  # Defect: check-out before check-in is not rejected.
    guests = int(data.get("guests", 1))  # Defect: no 1..4 or room capacity check on the server.
    total = nights * room["price"]
    discount = PROMO_CODES.get(str(data.get("promo", "")).upper())
    if discount:
        total = round(total * (100 - discount) / 100, 2)
    booking = {
        "reference": f"FW-{1001 + len(BOOKINGS)}",
        "room_id": room["id"],
        "name": data["name"],
        "email": email,
        "checkin": checkin.isoformat(),
        "checkout": checkout.isoformat(),
        "nights": nights,
        "guests": guests,
        "total": total,
    }
    BOOKINGS.append(booking)
    return 201, booking


class Handler(BaseHTTPRequestHandler):
    server_version = "FernwoodPractice/1.0"

    def send(self, status, body, content_type="text/html; charset=utf-8"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status, value):
        self.send(status, json.dumps(value), "application/json")

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/":
            return self.send(200, home_page())
        if url.path == "/static/hero.svg":
            return self.send(200, HERO_SVG, "image/svg+xml")
        if url.path.startswith("/room/"):
            room = next((r for r in ROOMS if str(r["id"]) == url.path.rsplit("/", 1)[-1]), None)
            return self.send(200, room_page(room)) if room else self.send(404, page("Not found", "<h1>Room not found</h1>"))
        if url.path == "/book":
            room = next((r for r in ROOMS if str(r["id"]) == query.get("room", ["2"])[0]), ROOMS[1])
            return self.send(200, booking_page(room))
        if url.path == "/confirmation":
            return self.send(200, confirmation_page(query.get("ref", [""])[0]))
        if url.path == "/api/rooms":
            time.sleep(0.4)
            return self.send_json(200, ROOMS)
        if url.path == "/api/bookings":
            return self.send_json(200, BOOKINGS)
        return self.send(404, page("Not found", "<h1>Page not found</h1>"))  # /static/logo.svg lands here

    def do_POST(self):
        if urlsplit(self.path).path != "/api/bookings":
            return self.send_json(404, {"error": "not found"})
        length = int(self.headers.get("Content-Length") or 0)
        try:
            data = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            return self.send_json(400, {"error": "body must be JSON"})
        time.sleep(2.5)  # a slow booking service: watch the timing in the Network panel
        try:
            status, value = create_booking(data)
        except Exception as error:  # noqa: BLE001 - the planted 500 must not stop the server
            return self.send(500, f"Internal Server Error: {type(error).__name__}: {error}", "text/plain")
        return self.send_json(status, value)

    def log_message(self, format, *args):  # one short line per request in the terminal
        sys.stderr.write(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else ''}\n")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"Fernwood Hotel practice site on http://localhost:{port} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
