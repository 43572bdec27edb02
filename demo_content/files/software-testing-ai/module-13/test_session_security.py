"""Authentication and session checks for the HarbourBank practice app (Module 13, Lesson 6).

Terminal 1:  python harbourbank_app.py             (or: python harbourbank_app.py --fixed)
Terminal 2:  .venv/bin/pytest -v test_session_security.py

Each test checks one rule from the lesson's checklist. Against the vulnerable bank six fail;
against --fixed they pass, and the Secure-flag test is skipped because it needs HTTPS.
Run against a staging copy with HARBOURBANK_URL=https://... to include it.
"""

import os

import pytest
import requests

BASE_URL = os.environ.get("HARBOURBANK_URL", "http://127.0.0.1:8013")
TIMEOUT = 5
ALICE = {"username": "alice", "password": "alice-pass-2026"}


@pytest.fixture(autouse=True)
def fresh_bank():
    response = requests.post(f"{BASE_URL}/test/reset", timeout=TIMEOUT)
    assert response.status_code == 204, "could not reset HarbourBank: is it running?"


def login(session, username, password):
    return session.post(
        f"{BASE_URL}/login",
        data={"username": username, "password": password},
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def session_cookie_header(response):
    """The Set-Cookie header that sets the session cookie, as the server sent it."""
    for name, value in response.raw.headers.items():
        if name.lower() == "set-cookie" and value.startswith("session=") and not value.startswith("session=;"):
            return value
    return None


# Cookie flags -------------------------------------------------------------------------------


def test_session_cookie_is_httponly_and_samesite():
    response = login(requests.Session(), **ALICE)
    header = session_cookie_header(response)
    assert header, "login set no session cookie"
    attributes = [part.strip().lower() for part in header.split(";")[1:]]
    assert "httponly" in attributes, f"no HttpOnly: page scripts (and XSS) can read the session: {header}"
    assert any(a in ("samesite=lax", "samesite=strict") for a in attributes), f"no SameSite=Lax/Strict: {header}"


@pytest.mark.skipif(not BASE_URL.startswith("https://"), reason="the Secure flag can only be checked over HTTPS")
def test_session_cookie_is_secure():
    header = session_cookie_header(login(requests.Session(), **ALICE))
    assert "secure" in [part.strip().lower() for part in header.split(";")[1:]], header


# Session lifecycle --------------------------------------------------------------------------


def test_session_id_changes_at_login():
    """Session fixation: the id a visitor had before signing in must not become a signed-in id."""
    browser = requests.Session()
    browser.get(f"{BASE_URL}/", timeout=TIMEOUT)
    before = browser.cookies.get("session")
    assert before, "the login page gave no pre-login session cookie (then this test does not apply)"
    login(browser, **ALICE)
    assert browser.cookies.get("session") != before, "the session id stayed the same across login"


def test_logout_ends_the_session_on_the_server():
    browser = requests.Session()
    login(browser, **ALICE)
    stolen = browser.cookies.get("session")  # what an attacker would have copied
    browser.get(f"{BASE_URL}/logout", allow_redirects=False, timeout=TIMEOUT)
    attacker = requests.Session()
    attacker.cookies.set("session", stolen)
    response = attacker.get(f"{BASE_URL}/accounts", allow_redirects=False, timeout=TIMEOUT)
    assert response.status_code in (302, 303, 401), "the old session cookie still works after logout"


# Login and reset messages -------------------------------------------------------------------


def test_login_failure_does_not_reveal_which_part_was_wrong():
    unknown = login(requests.Session(), "zelda", "whatever-1")
    wrong_password = login(requests.Session(), "alice", "whatever-1")
    assert unknown.status_code == wrong_password.status_code
    assert "Unknown username" not in unknown.text and "Wrong password for" not in wrong_password.text, (
        "the messages tell an attacker which usernames exist"
    )


def test_account_locks_after_five_failures():
    for _attempt in range(5):
        login(requests.Session(), "alice", "not-her-password")
    sixth = login(requests.Session(), **ALICE)  # even the right password is refused while locked
    assert sixth.status_code == 429, f"no lock-out after 5 failures: got {sixth.status_code}"


def test_forgot_password_answers_the_same_for_unknown_users():
    known = requests.post(f"{BASE_URL}/forgot-password", data={"username": "alice"}, timeout=TIMEOUT)
    unknown = requests.post(f"{BASE_URL}/forgot-password", data={"username": "zelda"}, timeout=TIMEOUT)
    assert known.status_code == unknown.status_code, (
        f"status {known.status_code} for a real user but {unknown.status_code} for an unknown one"
    )
    assert known.text == unknown.text, "the reset page reveals which usernames exist"
