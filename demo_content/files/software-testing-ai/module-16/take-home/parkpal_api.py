"""ParkPal parking fee API: the practice take-home test for Module 16
(lesson "Take-Home Tests: A Timed Practice").

Treat this like a real take-home: you get the rules below and a running service, not the source.
Do not read the code under the rules until you have handed in; the review checklist explains why.

Run it with Python 3.10 or newer (standard library only):
    python parkpal_api.py              # http://localhost:8026
    python parkpal_api.py --fixed      # the "fixed" build, to check your bug reports afterwards

THE RULES (the specification you test against)
  POST /api/quote   body: {"entry": "2026-03-06T09:00", "exit": "2026-03-06T11:30",
                           "vehicle": "car", "blue_badge": false}
  R1  Times are local ISO 8601 to the minute (YYYY-MM-DDTHH:MM). Anything else: 400.
  R2  The exit must be after the entry (an exit equal to the entry is a free 0-minute stay).
      An exit before the entry: 400 "exit must be after entry".
  R3  Stays of 30 minutes or less are free.
  R4  Longer stays pay for every started hour from the start of the stay:
        car $2.50 an hour, motorbike $1.25, van $3.50. Vehicle names are not case-sensitive;
        any other vehicle: 400 "unknown vehicle".
  R5  Each full 24 hours of a stay costs at most the daily cap: car $18.00, motorbike $9.00,
      van $25.00. The part after the last full 24 hours is charged by R4, also capped at one day.
      Example: a car for 25 hours pays $18.00 + $2.50 = $20.50.
  R6  Blue badge holders (blue_badge: true) park free.
  R7  The maximum stay is 7 days (10,080 minutes). Longer: 400 "maximum stay is 7 days".
  Response 200: {"minutes": 150, "vehicle": "car", "fee": "7.50", "currency": "USD"}
  GET /api/health -> {"status": "ok"}
"""

import argparse
import json
import math
from datetime import datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RATES = {"car": (Decimal("2.50"), Decimal("18.00")), "motorbike": (Decimal("1.25"), Decimal("9.00")),
         "van": (Decimal("3.50"), Decimal("25.00"))}
FIXED = False


class QuoteError(Exception):
    pass


def parse_time(value):
    try:
        if not isinstance(value, str) or len(value) != 16:
            raise ValueError
        return datetime.strptime(value, "%Y-%m-%dT%H:%M")
    except ValueError:
        raise QuoteError("times must look like 2026-03-06T09:00") from None


def quote(data):
    entry, exit_ = parse_time(data.get("entry")), parse_time(data.get("exit"))
    vehicle = str(data.get("vehicle", "")).strip().lower()
    if vehicle not in RATES:
        raise QuoteError("unknown vehicle")
    minutes = int((exit_ - entry).total_seconds() // 60)
    if minutes < 0:
        if FIXED:
            raise QuoteError("exit must be after entry")
        minutes = 0  # planted defect
    if minutes > 7 * 24 * 60:
        raise QuoteError("maximum stay is 7 days")
    rate, cap = RATES[vehicle]
    free = minutes <= 30 if FIXED else minutes < 30  # planted defect
    if data.get("blue_badge") is True or free:
        fee = Decimal("0.00")
    elif FIXED:
        days, rest = divmod(minutes, 24 * 60)
        fee = days * cap + min(math.ceil(rest / 60) * rate, cap)
    else:
        fee = min(math.ceil(minutes / 60) * rate, cap)  # planted defect: one cap for the whole stay
    return {"minutes": minutes, "vehicle": vehicle, "fee": f"{fee:.2f}", "currency": "USD"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/api/health":
            return self.reply(200, {"status": "ok"})
        self.reply(404, {"error": "not found"})

    def do_POST(self):
        if self.path != "/api/quote":
            return self.reply(404, {"error": "not found"})
        try:
            data = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            if not isinstance(data, dict):
                raise QuoteError("send a JSON object")
            self.reply(200, quote(data))
        except (ValueError, UnicodeDecodeError):
            self.reply(400, {"error": "send a JSON object"})
        except QuoteError as error:
            self.reply(400, {"error": str(error)})


def main():
    global FIXED
    parser = argparse.ArgumentParser(description="ParkPal parking fee API (Module 16 take-home)")
    parser.add_argument("--port", type=int, default=8026)
    parser.add_argument("--fixed", action="store_true")
    args = parser.parse_args()
    FIXED = args.fixed
    print(f"ParkPal on http://127.0.0.1:{args.port} ({'fixed' if FIXED else 'take-home build'})")
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
