"""HarbourBank: a tiny online bank with deliberate security bugs (Module 13, Security Testing Basics).

Run it with Python 3.10 or newer. Nothing to install:

    python harbourbank_app.py             # the vulnerable bank on http://127.0.0.1:8013
    python harbourbank_app.py --fixed     # the same bank with its bugs fixed, to verify fixes
    python harbourbank_app.py --port 8014 # another port

Stop it with Ctrl+C. All data lives in memory; a restart, or POST /test/reset, brings back the
starting data. The app listens on 127.0.0.1 only. Never put it on a network: it is built to be attacked.
Test it from the outside first, like a real tester; reading this code first spoils the exercises.

Test users (all fake data):
    alice / alice-pass-2026    customer: current account 1001 and savings account 1003
    bob   / bob-pass-2026      customer: current account 1002
    carol / carol-admin-2026   bank administrator

Pages and actions:
    GET  /                                   login form (also gives visitors a session cookie)
    POST /login                              form fields: username, password
    GET  /accounts                           your accounts
    GET  /accounts/<id>                      one account: balance, search box and transfer form
    GET  /accounts/<id>/transactions?q=text  search an account's transactions
    POST /transfer                           form fields: from_account, to_account, amount
    GET  /admin/users                        administrators only: all customers
    GET  /forgot-password, POST /forgot-password   form field: username
    GET  /logout
    POST /test/reset                         test helper: restore the starting data, answers 204
"""

import argparse
import html
import secrets
import sqlite3
import threading
import time
import uuid
from decimal import Decimal, InvalidOperation
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

FIXED = False  # set by --fixed
MAX_FAILED_LOGINS = 5
LOCK_SECONDS = 15 * 60

USERS = {
    "alice": {"password": "alice-pass-2026", "role": "customer", "name": "Alice Moreno", "email": "alice@example.com"},
    "bob": {"password": "bob-pass-2026", "role": "customer", "name": "Bob Okafor", "email": "bob@example.com"},
    "carol": {"password": "carol-admin-2026", "role": "admin", "name": "Carol Nguyen", "email": "carol@example.com"},
}

START_ACCOUNTS = [
    (1001, "alice", "Everyday current account", "GB00HRBR00000000001001", "2450.00"),
    (1002, "bob", "Everyday current account", "GB00HRBR00000000001002", "310.75"),
    (1003, "alice", "Rainy-day savings", "GB00HRBR00000000001003", "12000.00"),
]

START_TRANSACTIONS = [
    (1001, "2026-03-02", "Salary Northwind Traders", "3200.00"),
    (1001, "2026-03-03", "Rent Harbour Lettings", "-1150.00"),
    (1001, "2026-03-05", "Corner Coffee", "-3.80"),
    (1001, "2026-03-07", "Refund from O'Neill Books", "24.99"),
    (1001, "2026-03-09", "Groceries FreshCart", "-86.42"),
    (1002, "2026-03-01", "Salary Contoso Ltd", "1980.00"),
    (1002, "2026-03-04", "Phone bill", "-35.00"),
    (1002, "2026-03-06", "Corner Coffee", "-4.10"),
    (1003, "2026-03-01", "Interest", "18.40"),
]

lock = threading.Lock()
db = sqlite3.connect(":memory:", check_same_thread=False)
sessions = {}  # session id -> {"user": name or None, "created": time}
failed_logins = {}  # username -> (count, locked_until)


def reset():
    """Restore the starting data. Callers hold the lock (or the server is not running yet)."""
    db.executescript(
        """
        DROP TABLE IF EXISTS transactions;
        DROP TABLE IF EXISTS accounts;
        CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT, name TEXT, iban TEXT, balance TEXT);
        CREATE TABLE transactions (id INTEGER PRIMARY KEY, account_id INTEGER, day TEXT, description TEXT, amount TEXT);
        """
    )
    db.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?, ?)", START_ACCOUNTS)
    db.executemany(
        "INSERT INTO transactions (account_id, day, description, amount) VALUES (?, ?, ?, ?)", START_TRANSACTIONS
    )
    db.commit()
    sessions.clear()
    failed_logins.clear()


def page(title, body, user=None):
    nav = ""
    if user:
        nav = '<nav><a href="/accounts">My accounts</a>'
        if USERS[user]["role"] == "admin":
            nav += ' | <a href="/admin/users">Customers</a>'  # the only thing that "hides" the admin page
        nav += f' | signed in as {html.escape(user)} | <a href="/logout">Sign out</a></nav>'
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} - HarbourBank</title></head>"
        f"<body><h1>HarbourBank</h1>{nav}<h2>{html.escape(title)}</h2>{body}</body></html>"
    )


class Bank(BaseHTTPRequestHandler):
    server_version = "HarbourBank/0.9"

    def version_string(self):
        # The vulnerable app tells everyone its exact software versions; the fixed one does not.
        return "HarbourBank" if FIXED else f"{self.server_version} {self.sys_version}"

    def log_message(self, fmt, *args):
        print(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else ''}")

    # Helpers ----------------------------------------------------------------------------------

    def send(self, status, body, cookies=(), extra_headers=None):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if FIXED:
            self.send_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-store")
        for cookie in cookies:
            self.send_header("Set-Cookie", cookie)
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location, cookies=()):
        self.send(303, "", cookies, {"Location": location})

    def session_cookie(self, session_id):
        if FIXED:
            # Production also adds "Secure"; over plain http://127.0.0.1 a client would not send it back.
            return f"session={session_id}; Path=/; HttpOnly; SameSite=Lax"
        return f"session={session_id}; Path=/"

    def session_id(self):
        cookie = SimpleCookie(self.headers.get("Cookie", ""))
        value = cookie["session"].value if "session" in cookie else None
        return value if value in sessions else None

    def current_user(self):
        sid = self.session_id()
        return sessions[sid]["user"] if sid else None

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        fields = parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
        return {key: values[0] for key, values in fields.items()}

    def account_for(self, user, account_id):
        """The account row if this user may see it, else None (the fixed app answers 404 either way)."""
        row = db.execute("SELECT id, owner, name, iban, balance FROM accounts WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            return None
        if FIXED and row[1] != user and USERS[user]["role"] != "admin":
            return None
        return row  # the vulnerable app only checks that you are logged in

    # Routing ----------------------------------------------------------------------------------

    def do_GET(self):
        self.handle_request("GET")

    def do_POST(self):
        self.handle_request("POST")

    def handle_request(self, method):
        url = urlparse(self.path)
        parts = [part for part in url.path.split("/") if part]
        try:
            with lock:
                self.route(method, url, parts)
        except Exception as error:  # noqa: BLE001 - the error page is part of the exercise
            if FIXED:
                reference = uuid.uuid4().hex[:8]
                print(f"error {reference}: {error!r}")  # the detail goes to the server log only
                self.send(500, page("Something went wrong", f"<p>Please try again. Reference: {reference}</p>"))
            else:
                detail = f"{type(error).__name__}: {error}\n{getattr(error, 'query', '')}"
                self.send(500, page("Error", f"<pre>{html.escape(detail)}</pre>"))  # leaks the query

    def route(self, method, url, parts):
        if method == "POST" and parts == ["test", "reset"]:
            reset()
            self.send(204, "")
            return
        if parts == [] and method == "GET":
            return self.login_form()
        if parts == ["login"] and method == "POST":
            return self.login()
        if parts == ["forgot-password"]:
            return self.forgot_password(method)
        user = self.current_user()
        if user is None:
            return self.redirect("/")
        if parts == ["logout"]:
            return self.logout()
        if parts == ["accounts"] and method == "GET":
            return self.accounts(user)
        if len(parts) == 2 and parts[0] == "accounts" and parts[1].isdigit() and method == "GET":
            return self.account(user, int(parts[1]))
        if len(parts) == 3 and parts[0] == "accounts" and parts[2] == "transactions" and method == "GET":
            return self.transactions(user, parts[1], parse_qs(url.query).get("q", [""])[0])
        if parts == ["transfer"] and method == "POST":
            return self.transfer(user)
        if parts == ["admin", "users"] and method == "GET":
            return self.admin_users(user)
        self.send(404, page("Not found", "<p>There is no such page.</p>", user))

    # Pages ------------------------------------------------------------------------------------

    def login_form(self, message="", status=200):
        cookies = []
        if self.session_id() is None:
            sid = secrets.token_urlsafe(24)
            sessions[sid] = {"user": None, "created": time.time()}
            cookies.append(self.session_cookie(sid))
        body = (
            (f"<p class='error'>{html.escape(message)}</p>" if message else "")
            + "<form method='post' action='/login'>"
            "<label>Username <input name='username'></label> "
            "<label>Password <input name='password' type='password'></label> "
            "<button>Sign in</button></form>"
            "<p><a href='/forgot-password'>Forgot your password?</a></p>"
        )
        self.send(status, page("Sign in", body), cookies)

    def login(self):
        fields = self.form()
        username, password = fields.get("username", ""), fields.get("password", "")
        count, locked_until = failed_logins.get(username, (0, 0))
        if FIXED and locked_until > time.time():
            return self.login_form("Too many failed attempts. Try again in 15 minutes or reset your password.", 429)
        known = username in USERS
        if not known or USERS[username]["password"] != password:
            count += 1
            failed_logins[username] = (count, time.time() + LOCK_SECONDS if count >= MAX_FAILED_LOGINS else 0)
            if FIXED:
                return self.login_form("Wrong username or password.", 401)
            message = "Unknown username." if not known else f"Wrong password for {username}."
            return self.login_form(message, 401)
        failed_logins.pop(username, None)
        old = self.session_id()
        if FIXED or old is None:
            if old:
                del sessions[old]  # a fresh id at login defeats session fixation
            sid = secrets.token_urlsafe(24)
        else:
            sid = old  # vulnerable: keeps the id the visitor had before logging in
        sessions[sid] = {"user": username, "created": time.time()}
        self.redirect("/accounts", [self.session_cookie(sid)])

    def logout(self):
        sid = self.session_id()
        if FIXED and sid:
            del sessions[sid]  # the server forgets the session, so a copied cookie stops working
        self.redirect("/", ["session=; Path=/; Max-Age=0"])

    def forgot_password(self, method):
        if method == "GET":
            form = "<form method='post'><label>Username <input name='username'></label> <button>Send link</button></form>"
            return self.send(200, page("Reset your password", form))
        username = self.form().get("username", "")
        if FIXED:
            message = "If that username exists, we have sent a reset link to its email address."
            return self.send(200, page("Reset your password", f"<p>{message}</p>"))
        if username not in USERS:
            return self.send(404, page("Reset your password", "<p>No customer with that username.</p>"))
        email = USERS[username]["email"]
        masked = email[0] + "***" + email[email.index("@") :]
        self.send(200, page("Reset your password", f"<p>We sent a reset link to {html.escape(masked)}.</p>"))

    def accounts(self, user):
        rows = db.execute("SELECT id, name, balance FROM accounts WHERE owner = ? ORDER BY id", (user,)).fetchall()
        items = "".join(
            f"<li><a href='/accounts/{row[0]}'>{row[0]} {html.escape(row[1])}</a>: &pound;{row[2]}</li>" for row in rows
        )
        self.send(200, page("My accounts", f"<ul>{items}</ul>", user))

    def account(self, user, account_id):
        row = self.account_for(user, account_id)
        if row is None:
            return self.send(404, page("Not found", "<p>There is no such account.</p>", user))
        body = (
            f"<p>Account {row[0]}: {html.escape(row[2])}</p><p>Holder: {html.escape(USERS[row[1]]['name'])}</p>"
            f"<p>IBAN: {row[3]}</p><p class='balance'>Balance: &pound;{row[4]}</p>"
            f"<form action='/accounts/{row[0]}/transactions'><input name='q'> <button>Search transactions</button></form>"
            "<h3>Transfer money</h3><form method='post' action='/transfer'>"
            f"<input type='hidden' name='from_account' value='{row[0]}'>"
            "<label>To account <input name='to_account'></label> "
            "<label>Amount <input name='amount'></label> <button>Transfer</button></form>"
        )
        self.send(200, page("Account", body, user))

    def transactions(self, user, account_id, term):
        if not account_id.isdigit() or self.account_for(user, int(account_id)) is None:
            return self.send(404, page("Not found", "<p>There is no such account.</p>", user))
        if FIXED:
            rows = db.execute(
                "SELECT day, description, amount FROM transactions WHERE account_id = ? AND description LIKE ? ORDER BY day",
                (int(account_id), f"%{term}%"),
            ).fetchall()
            shown = html.escape(term)
        else:
            query = (
                "SELECT day, description, amount FROM transactions "
                f"WHERE account_id = {account_id} AND description LIKE '%{term}%' ORDER BY day"
            )
            try:
                rows = db.execute(query).fetchall()
            except sqlite3.Error as error:
                error.query = query  # shown on the error page: a second bug
                raise
            shown = term  # reflected without encoding
        lines = "".join(
            f"<tr class='txn'><td>{day}</td><td>{html.escape(text)}</td><td>{amount}</td></tr>" for day, text, amount in rows
        )
        body = f"<p>{len(rows)} results for <b>{shown}</b></p><table>{lines}</table>"
        self.send(200, page("Transactions", body, user))

    def transfer(self, user):
        fields = self.form()
        source, target = fields.get("from_account", ""), fields.get("to_account", "")
        try:
            amount = Decimal(fields.get("amount", ""))
        except InvalidOperation:
            amount = Decimal("0")
        if not amount.is_finite():
            amount = Decimal("0")
        if not source.isdigit() or self.account_for(user, int(source)) is None:
            return self.send(404, page("Not found", "<p>There is no such account.</p>", user))
        if FIXED and db.execute("SELECT owner FROM accounts WHERE id = ?", (int(source),)).fetchone()[0] != user:
            return self.send(404, page("Not found", "<p>There is no such account.</p>", user))  # even admins
        to_row = db.execute("SELECT balance FROM accounts WHERE id = ?", (target,)).fetchone()
        from_balance = Decimal(db.execute("SELECT balance FROM accounts WHERE id = ?", (int(source),)).fetchone()[0])
        if to_row is None or source == target or amount <= 0 or amount > from_balance or amount.as_tuple().exponent < -2:
            return self.send(400, page("Transfer refused", "<p>Check the accounts and the amount.</p>", user))
        db.execute("UPDATE accounts SET balance = ? WHERE id = ?", (str(from_balance - amount), int(source)))
        db.execute("UPDATE accounts SET balance = ? WHERE id = ?", (str(Decimal(to_row[0]) + amount), int(target)))
        db.commit()
        self.send(200, page("Transfer done", f"<p>Transferred &pound;{amount:.2f} from {source} to {target}.</p>", user))

    def admin_users(self, user):
        if FIXED and USERS[user]["role"] != "admin":
            return self.send(403, page("Forbidden", "<p>You do not have access to this page.</p>", user))
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(info['name'])}</td><td>{info['email']}</td>"
            f"<td>{info['role']}</td></tr>"
            for name, info in USERS.items()
        )
        self.send(200, page("Customers", f"<table>{rows}</table>", user))


def main():
    global FIXED
    parser = argparse.ArgumentParser(description="HarbourBank practice app (deliberately vulnerable).")
    parser.add_argument("--port", type=int, default=8013)
    parser.add_argument("--fixed", action="store_true", help="run the version with the security bugs fixed")
    args = parser.parse_args()
    FIXED = args.fixed
    reset()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Bank)
    mode = "FIXED" if FIXED else "VULNERABLE"
    print(f"HarbourBank ({mode}) on http://127.0.0.1:{args.port}  - Ctrl+C to stop")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
