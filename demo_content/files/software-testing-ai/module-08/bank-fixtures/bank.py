"""A tiny bank back end for practising pytest fixtures (Module 8, "Fixtures and Test Setup").

Accounts live in SQLite; money is stored in integer cents, as real banking systems do.
"""

import csv
import os
import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    balance_cents INTEGER NOT NULL CHECK (balance_cents >= 0)
);
CREATE TABLE transfers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    from_id TEXT NOT NULL REFERENCES accounts(id),
    to_id TEXT NOT NULL REFERENCES accounts(id),
    amount_cents INTEGER NOT NULL
);
"""
DEFAULT_DAILY_LIMIT_CENTS = 500_000  # $5,000.00


class TransferError(ValueError):
    """A transfer the bank refuses."""


def connect(path=":memory:"):
    """A connection to a new, empty bank database (in memory unless a file path is given)."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    return conn


def open_account(conn, account_id, owner, balance_cents=0):
    with conn:
        conn.execute(
            "INSERT INTO accounts (id, owner, balance_cents) VALUES (?, ?, ?)",
            (account_id, owner, balance_cents),
        )


def balance(conn, account_id):
    row = conn.execute("SELECT balance_cents FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise KeyError(account_id)
    return row[0]


def daily_limit_cents():
    """The per-transfer limit, configurable per environment with BANK_DAILY_LIMIT_CENTS."""
    return int(os.environ.get("BANK_DAILY_LIMIT_CENTS", DEFAULT_DAILY_LIMIT_CENTS))


def transfer(conn, from_id, to_id, amount_cents):
    """Move money between two accounts in one database transaction."""
    if amount_cents <= 0:
        raise TransferError("amount must be positive")
    if from_id == to_id:
        raise TransferError("cannot transfer to the same account")
    if amount_cents > daily_limit_cents():
        raise TransferError("amount is over the daily limit")
    if balance(conn, from_id) < amount_cents:
        raise TransferError("insufficient funds")
    with conn:  # commits both updates together, or neither
        conn.execute("UPDATE accounts SET balance_cents = balance_cents - ? WHERE id = ?", (amount_cents, from_id))
        conn.execute("UPDATE accounts SET balance_cents = balance_cents + ? WHERE id = ?", (amount_cents, to_id))
        conn.execute(
            "INSERT INTO transfers (from_id, to_id, amount_cents) VALUES (?, ?, ?)", (from_id, to_id, amount_cents)
        )


def export_statement(conn, account_id, folder):
    """Write the account's transfers to statement-<id>.csv in folder and return the file's path."""
    path = Path(folder) / f"statement-{account_id}.csv"
    rows = conn.execute(
        "SELECT id, from_id, to_id, amount_cents FROM transfers WHERE from_id = ? OR to_id = ? ORDER BY id",
        (account_id, account_id),
    ).fetchall()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["transfer_id", "direction", "counterparty", "amount_cents"])
        for transfer_id, from_id, to_id, amount in rows:
            outgoing = from_id == account_id
            writer.writerow([transfer_id, "out" if outgoing else "in", to_id if outgoing else from_id, amount])
    return path
