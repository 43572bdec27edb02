"""Access control matrix tests for the HarbourBank practice app (Module 13, Lesson 3: Broken Access Control).

Setup, once (the same tools as Module 5):
    python -m venv .venv
    .venv/bin/pip install requests pytest          (Windows: .venv\\Scripts\\pip install requests pytest)

Terminal 1:  python harbourbank_app.py             (or: python harbourbank_app.py --fixed)
Terminal 2:  .venv/bin/pytest -v test_access_matrix.py

Against the vulnerable bank, four rows of the matrix and both extra tests fail: those are the
bugs to report.
Against --fixed, every test passes. Point the tests at another copy with HARBOURBANK_URL.
Only ever run them against an application you are allowed to test.
"""

import os
import re
from decimal import Decimal

import pytest
import requests

BASE_URL = os.environ.get("HARBOURBANK_URL", "http://127.0.0.1:8013")
TIMEOUT = 5
PASSWORDS = {"alice": "alice-pass-2026", "bob": "bob-pass-2026", "carol": "carol-admin-2026"}
DENIED = {302, 303, 401, 403, 404}  # any clear refusal; the report says which one you saw


@pytest.fixture(autouse=True)
def fresh_bank():
    """Every test starts from the same balances and with no one signed in."""
    response = requests.post(f"{BASE_URL}/test/reset", timeout=TIMEOUT)
    assert response.status_code == 204, "could not reset HarbourBank: is it running?"


def signed_in(user):
    """A requests.Session carrying this user's session cookie ('anonymous' signs in as no one)."""
    session = requests.Session()
    if user != "anonymous":
        response = session.post(
            f"{BASE_URL}/login",
            data={"username": user, "password": PASSWORDS[user]},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        assert response.status_code == 303, f"sign-in failed for {user}: {response.status_code}"
    return session


def balance(session, account_id):
    page = session.get(f"{BASE_URL}/accounts/{account_id}", timeout=TIMEOUT).text
    return Decimal(re.search(r"Balance: &pound;([0-9.]+)", page).group(1))


TRANSFER_10 = {"from_account": "1001", "to_account": "1002", "amount": "10.00"}

# One row per cell of the access control matrix: who, what, and whether the rules allow it.
# Alice owns 1001 and 1003, Bob owns 1002, Carol is an administrator.
MATRIX = [
    ("anonymous", "GET", "/accounts/1001", None, False),
    ("alice", "GET", "/accounts/1001", None, True),
    ("bob", "GET", "/accounts/1001", None, False),  # horizontal: another customer's account
    ("bob", "GET", "/accounts/1003/transactions", None, False),  # the same rule, a deeper page
    ("carol", "GET", "/accounts/1001", None, True),  # support staff may look
    ("alice", "GET", "/admin/users", None, False),  # vertical: a customer on an admin page
    ("carol", "GET", "/admin/users", None, True),
    ("alice", "POST", "/transfer", TRANSFER_10, True),
    ("bob", "POST", "/transfer", TRANSFER_10, False),  # horizontal, and it moves money
]


@pytest.mark.parametrize(
    "who, method, path, data, allowed",
    MATRIX,
    ids=[f"{who}-{method}-{path}" for who, method, path, _data, _allowed in MATRIX],
)
def test_access_matrix(who, method, path, data, allowed):
    session = signed_in(who)
    response = session.request(method, BASE_URL + path, data=data, allow_redirects=False, timeout=TIMEOUT)
    if allowed:
        assert response.status_code == 200, f"{who} should be allowed {method} {path}, got {response.status_code}"
    else:
        assert response.status_code in DENIED, (
            f"{who} must not be able to {method} {path}, but got {response.status_code}"
        )


def test_refused_transfer_moves_no_money():
    """A refusal is only half the check: the balances must not change either."""
    bob = signed_in("bob")
    bob.post(f"{BASE_URL}/transfer", data=TRANSFER_10, allow_redirects=False, timeout=TIMEOUT)
    alice = signed_in("alice")
    assert balance(alice, 1001) == Decimal("2450.00"), "money left Alice's account on Bob's request"


def test_admin_link_hidden_is_not_enough():
    """The customer menu hides the admin link; the server must refuse the page as well."""
    alice = signed_in("alice")
    menu = alice.get(f"{BASE_URL}/accounts", timeout=TIMEOUT).text
    assert "/admin/users" not in menu, "the admin link is shown to customers"
    direct = alice.get(f"{BASE_URL}/admin/users", allow_redirects=False, timeout=TIMEOUT)
    assert direct.status_code in DENIED, f"typing the admin URL works for a customer: {direct.status_code}"
