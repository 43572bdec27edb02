"""Module 1 lab, "Find the Bugs in a Login Form": a practice login page with planted defects.

It implements the login form specification from the lab (login-form-spec.md), badly on
purpose: several rules of the specification are broken, in the ways real login forms break.
Find them by testing, not by reading this file. (Reading it afterwards to confirm a
finding is fine: that is what developers do too.)

Run it with Python 3.10 or newer; it needs nothing but the standard library:

    python login_practice_app.py          # serves http://localhost:8001/login
    python login_practice_app.py 8123     # another port

Test accounts
    sam@example.com    Correct-Horse-42
    long@example.com   Sixty-four-characters-long-password-for-boundary-tests-2025-ok!!
                       (that password is exactly 64 characters)

Pages
    /login             the login form; /login?next=/orders returns you to /orders afterwards
    /dashboard         where you land after logging in
    /orders            a page that needs you to be logged in
    /test              test controls, not part of the product: move the clock forward
                       (to test the 15-minute rules without waiting) and reset all data

Stop it with Ctrl+C. Everything lives in memory and is forgotten when you stop it.
"""

import html
import secrets
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

USERS = {
    "sam@example.com": {"name": "Sam", "password": "Correct-Horse-42"},
    "long@example.com": {
        "name": "Lee",
        "password": "Sixty-four-characters-long-password-for-boundary-tests-2025-ok!!",
    },
}
WINDOW_SECONDS = 15 * 60
LOCK_SECONDS = 15 * 60
STATE = {"offset": 0.0, "failures": {}, "locked_until": {}, "sessions": {}}

STYLE = """
body { font-family: Arial, sans-serif; background: #f3f5f8; color: #1e2430; margin: 0; }
main { max-width: 380px; margin: 60px auto; background: #fff; padding: 28px 32px; border-radius: 8px;
       box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 24px; margin-top: 0; }
label { display: block; margin-top: 14px; font-weight: bold; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 9px; margin-top: 6px;
       border: 1px solid #9aa3b2; border-radius: 4px; font-size: 15px; }
.remember { margin-top: 14px; font-weight: normal; }
button { margin-top: 18px; width: 100%; padding: 10px; font-size: 16px; background: #2456c8; color: #fff;
       border: 0; border-radius: 4px; cursor: pointer; }
button:disabled { background: #9fb3e0; cursor: not-allowed; }
.error { background: #fde8e8; color: #8a1111; padding: 10px; border-radius: 4px; }
.ok { background: #e5f5ea; color: #14532d; padding: 10px; border-radius: 4px; }
.small { font-size: 13px; color: #555; }
"""

LOGIN_SCRIPT = """
const email = document.getElementById('email');
const password = document.getElementById('password');
const button = document.getElementById('login-button');
function update() { button.disabled = !(email.value && password.value); }
email.addEventListener('keyup', update);
password.addEventListener('keyup', update);
update();
"""


def now():
    return time.time() + STATE["offset"]


def page(title, body, script=""):
    script_tag = f"<script>{script}</script>" if script else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - PocketShop</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
        f"<body><main>{body}</main>{script_tag}</body></html>"
    )


def login_page(message="", email="", next_url=""):
    alert = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    body = f"""
<h1>Log in to PocketShop</h1>
{alert}
<form method="post" action="/login">
  <input type="hidden" name="next" value="{html.escape(next_url)}">
  <label for="email">Email</label>
  <input id="email" name="email" type="text" autocomplete="username" value="{html.escape(email)}">
  <input id="password" name="password" type="password" maxlength="60" autocomplete="current-password"
         placeholder="Password" style="margin-top:14px">
  <label class="remember"><input type="checkbox" name="remember" value="1"> Remember me</label>
  <button id="login-button" type="submit" disabled>Log in</button>
</form>
<p class="small">Test controls for this practice app: <a href="/test">/test</a></p>
"""
    return page("Log in", body, LOGIN_SCRIPT)


def attempt_login(form):
    email = form.get("email", [""])[0].lstrip()
    password = form.get("password", [""])[0]
    key = email  # failures and locks are recorded per address as typed
    moment = now()
    if STATE["locked_until"].get(key, 0) > moment:
        minutes = int((STATE["locked_until"][key] - moment) // 60) + 1
        return None, f"Your account is locked. Try again in {minutes} minutes."
    user = USERS.get(email.lower())
    if user is None:
        return None, "No account found for this email address."
    if password != user["password"]:
        recent = [t for t in STATE["failures"].get(key, []) if moment - t < WINDOW_SECONDS]
        recent.append(moment)
        STATE["failures"][key] = recent
        if len(recent) > 5:
            STATE["locked_until"][key] = moment + LOCK_SECONDS
            return None, "Too many failed attempts. Your account is locked for 15 minutes."
        return None, "Email or password is incorrect."
    return email.lower(), ""


class Handler(BaseHTTPRequestHandler):
    server_version = "PocketShop/1.0"

    def send_page(self, markup, status=200, headers=()):
        data = markup.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location, headers=()):
        self.send_response(303)
        self.send_header("Location", location)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def current_user(self):
        for part in self.headers.get("Cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "session" and value in STATE["sessions"]:
                return STATE["sessions"][value]
        return None

    def read_form(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        return parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/":
            self.redirect("/login")
        elif url.path == "/login":
            self.send_page(login_page(next_url=query.get("next", [""])[0]))
        elif url.path in ("/dashboard", "/orders"):
            email = self.current_user()
            if email is None:
                self.redirect("/login?next=" + quote(url.path))
                return
            name = USERS[email]["name"]
            if url.path == "/dashboard":
                body = f'<h1>Hi {name}</h1><p class="ok" role="status">You are logged in as {email}.</p>'
            else:
                body = f"<h1>Your orders</h1><p>{name}, you have 2 orders: #10452 (shipped), #10487 (paid).</p>"
            body += '<form method="post" action="/logout"><button type="submit">Log out</button></form>'
            self.send_page(page("Account", body))
        elif url.path == "/test":
            clock = time.strftime("%H:%M", time.localtime(now()))
            locks = [email for email, until in STATE["locked_until"].items() if until > now()]
            body = f"""
<h1>Test controls</h1>
<p>Not part of the product. Simulated time: <b id="clock">{clock}</b>
(offset {STATE["offset"] / 60:.0f} minutes). Locked right now: {html.escape(", ".join(locks) or "nobody")}.</p>
<form method="post" action="/test/advance"><input type="hidden" name="minutes" value="1">
<button type="submit">Advance the clock 1 minute</button></form>
<form method="post" action="/test/advance"><input type="hidden" name="minutes" value="15">
<button type="submit">Advance the clock 15 minutes</button></form>
<form method="post" action="/test/reset"><button type="submit">Reset all data</button></form>
<p><a href="/login">Back to the login page</a></p>"""
            self.send_page(page("Test controls", body))
        else:
            self.send_page(page("Not found", "<h1>Page not found</h1>"), status=404)

    def do_POST(self):
        url = urlsplit(self.path)
        form = self.read_form()
        if url.path == "/login":
            email, message = attempt_login(form)
            next_url = form.get("next", [""])[0]
            if email is None:
                typed = form.get("email", [""])[0]
                self.send_page(login_page(message, typed, next_url), status=200)
                return
            token = secrets.token_urlsafe(16)
            STATE["sessions"][token] = email
            cookie = f"session={token}; Path=/; HttpOnly; SameSite=Lax"
            if form.get("remember", [""])[0] == "1":
                cookie += "; Max-Age=604800"
            self.redirect(next_url or "/dashboard", headers=[("Set-Cookie", cookie)])
        elif url.path == "/logout":
            self.redirect("/login", headers=[("Set-Cookie", "session=; Path=/; Max-Age=0")])
        elif url.path == "/test/advance":
            STATE["offset"] += 60 * int(form.get("minutes", ["1"])[0])
            self.redirect("/test")
        elif url.path == "/test/reset":
            STATE.update(offset=0.0, failures={}, locked_until={}, sessions={})
            self.redirect("/test")
        else:
            self.send_page(page("Not found", "<h1>Page not found</h1>"), status=404)

    def log_message(self, format, *args):
        sys.stderr.write(f"{self.log_date_time_string()} {format % args}\n")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8001
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"PocketShop login practice app on http://localhost:{port}/login  (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
