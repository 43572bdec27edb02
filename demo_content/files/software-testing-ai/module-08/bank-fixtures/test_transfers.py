"""Transfer tests that use the fixtures in conftest.py (Module 8, "Fixtures and Test Setup")."""

import csv

import pytest

import bank


def test_transfer_moves_money_between_accounts(alice_and_bob):
    bank.transfer(alice_and_bob, "ACC-1", "ACC-2", 2_500)

    assert bank.balance(alice_and_bob, "ACC-1") == 7_500
    assert bank.balance(alice_and_bob, "ACC-2") == 2_500


def test_overdraft_is_refused_and_nothing_moves(alice_and_bob):
    with pytest.raises(bank.TransferError, match="insufficient funds"):
        bank.transfer(alice_and_bob, "ACC-2", "ACC-1", 1)

    assert bank.balance(alice_and_bob, "ACC-1") == 10_000


def test_factory_builds_exactly_the_accounts_a_test_needs(db, make_account):
    rich = make_account(balance_cents=1_000_000)
    poor = make_account()

    bank.transfer(db, rich, poor, 400_000)

    assert bank.balance(db, poor) == 400_000


def test_statement_is_written_as_csv(alice_and_bob, tmp_path):
    bank.transfer(alice_and_bob, "ACC-1", "ACC-2", 1_999)

    path = bank.export_statement(alice_and_bob, "ACC-2", tmp_path)

    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [{"transfer_id": "1", "direction": "in", "counterparty": "ACC-1", "amount_cents": "1999"}]


def test_daily_limit_comes_from_the_environment(alice_and_bob, monkeypatch):
    monkeypatch.setenv("BANK_DAILY_LIMIT_CENTS", "1000")

    with pytest.raises(bank.TransferError, match="daily limit"):
        bank.transfer(alice_and_bob, "ACC-1", "ACC-2", 1_001)


def test_rates_are_shared_reference_data(exchange_rates):
    assert exchange_rates["USD"] == 1.0
