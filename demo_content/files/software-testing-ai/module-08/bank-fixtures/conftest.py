"""Shared fixtures for the bank tests (Module 8, "Fixtures and Test Setup").

pytest loads this file automatically; every test in this folder and below can ask for these
fixtures by naming them as parameters. Run `python -m pytest --setup-show` to watch them work.
"""

import itertools
import json

import pytest

import bank


@pytest.fixture(scope="session")
def exchange_rates():
    """Read-only reference data, loaded once for the whole run. Never change it in a test."""
    return json.loads('{"EUR": 0.92, "GBP": 0.79, "USD": 1.0}')


@pytest.fixture
def db():
    """A fresh, empty in-memory bank for every test, closed afterwards even if the test fails."""
    conn = bank.connect()
    yield conn
    conn.close()


@pytest.fixture
def alice_and_bob(db):
    """Two accounts with known balances: Alice has $100.00, Bob has $0.00."""
    bank.open_account(db, "ACC-1", "Alice", 10_000)
    bank.open_account(db, "ACC-2", "Bob", 0)
    return db


@pytest.fixture
def make_account(db):
    """A factory: call make_account(balance_cents=...) as often as a test needs."""
    numbers = itertools.count(1)

    def _make(balance_cents=0, owner="Test Customer"):
        account_id = f"T-{next(numbers):03d}"
        bank.open_account(db, account_id, owner, balance_cents)
        return account_id

    return _make
