"""Safe injection and XSS probes for HarbourBank's transaction search (Module 13, Lesson 4).

Terminal 1:  python harbourbank_app.py             (or: python harbourbank_app.py --fixed)
Terminal 2:  .venv/bin/pytest -v test_injection_probes.py

The probes only read data and only show that input changes the query or the page. None of them
deletes, updates or extracts anything. Against the vulnerable bank most tests fail; against --fixed
they all pass, which is how you verify a fix. Use them only where you have written permission.
"""

import os

import pytest
import requests

BASE_URL = os.environ.get("HARBOURBANK_URL", "http://127.0.0.1:8013")
TIMEOUT = 5
SEARCH = f"{BASE_URL}/accounts/1001/transactions"
LEAK_SIGNS = ["sqlite", "operationalerror", "syntax error", "select ", "traceback"]


@pytest.fixture(scope="module")
def alice():
    requests.post(f"{BASE_URL}/test/reset", timeout=TIMEOUT).raise_for_status()
    session = requests.Session()
    response = session.post(
        f"{BASE_URL}/login",
        data={"username": "alice", "password": "alice-pass-2026"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert response.status_code == 303, "could not sign in as alice: is HarbourBank running?"
    return session


def search(session, term):
    return session.get(SEARCH, params={"q": term}, timeout=TIMEOUT)


def row_count(response):
    return response.text.count("class='txn'")


# 1. Characters that break a query built by gluing strings together --------------------------

BREAKERS = ["'", '"', "\\", "O'Neill", "coffee' --", "%", "_"]


@pytest.mark.parametrize("term", BREAKERS)
def test_search_handles_special_characters(alice, term):
    response = search(alice, term)
    assert response.status_code == 200, f"search for {term!r} answered {response.status_code}"
    body = response.text.lower()
    leaks = [sign for sign in LEAK_SIGNS if sign in body]
    assert not leaks, f"search for {term!r} shows internal details: {leaks}"


def test_real_name_with_apostrophe_is_found(alice):
    """Not a security probe at all: a customer searching for a real shop name."""
    response = search(alice, "O'Neill")
    assert "Refund from O&#x27;Neill Books" in response.text or "Refund from O'Neill Books" in response.text


# 2. The boolean pair: two conditions that differ only in being true or false -----------------


def test_boolean_pair_is_treated_as_text(alice):
    always_true = search(alice, "%' AND 1=1 --")
    always_false = search(alice, "%' AND 1=2 --")
    assert row_count(always_true) == row_count(always_false), (
        f"'1=1' gave {row_count(always_true)} rows and '1=2' gave {row_count(always_false)}: "
        "the input is changing the SQL query (SQL injection)"
    )


# 3. Reflected cross-site scripting: does markup come back as markup? -------------------------

MARKER = "qa13<b>mark</b>"
XSS_PROBES = [
    MARKER,
    "\"><img src=x onerror=alert(document.domain)>",
    "<svg onload=alert(document.domain)>",
]


@pytest.mark.parametrize("probe", XSS_PROBES)
def test_search_term_is_encoded_in_the_page(alice, probe):
    response = search(alice, probe)
    assert probe not in response.text, f"the page contains the raw probe {probe!r}: reflected XSS"


def test_marker_is_shown_as_text(alice):
    response = search(alice, MARKER)
    assert "qa13&lt;b&gt;mark&lt;/b&gt;" in response.text, "the search term should be visible, encoded"


def test_content_security_policy_is_set(alice):
    """Defence in depth: a CSP limits the damage if an encoding bug slips through."""
    response = search(alice, "coffee")
    assert "Content-Security-Policy" in response.headers
