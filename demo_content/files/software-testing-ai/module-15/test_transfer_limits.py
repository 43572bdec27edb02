"""Step definitions for transfer_limits.feature (pytest-bdd 8 or later).

    pip install pytest pytest-bdd
    pytest -v test_transfer_limits.py

Keep transfers.py and transfer_limits.feature in the same folder as this file.
"""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from transfers import Account

scenarios("transfer_limits.feature")

NOW = datetime(2026, 3, 12, 14, 30)  # a fixed clock: scenarios must not depend on when they run


@pytest.fixture
def outcome():
    return {}


@given(parsers.parse("Alex has {balance} in a current account"), target_fixture="account")
def account_with_balance(balance):
    return Account(balance=Decimal(balance))  # Decimal, never float, for money


@given(parsers.parse("Alex has already sent {sent} today"))
def already_sent(account, sent):
    account.sent_today = Decimal(sent)


@given(parsers.parse("Alex added {payee} as a payee {days:d} days ago"))
def payee_added_days_ago(account, payee, days):
    account.add_payee(payee, NOW - timedelta(days=days))


@given(parsers.parse("Alex added {payee} as a payee {hours:d} hours ago"))
def payee_added_hours_ago(account, payee, hours):
    account.add_payee(payee, NOW - timedelta(hours=hours))


@when(parsers.parse("Alex sends {amount} to {payee}"))
def send(account, outcome, amount, payee):
    outcome["result"] = account.transfer(payee, Decimal(amount), now=NOW)


# parsers.re must match the whole step text, so this step cannot swallow
# 'the transfer is refused with "..."' (a greedy parsers.parse("the transfer is {expected}") would).
@then(parsers.re(r"the transfer is (?P<expected>accepted|refused)"))
def accepted_or_refused(outcome, expected):
    assert outcome["result"].accepted == (expected == "accepted"), outcome["result"].message


@then(parsers.parse('the transfer is refused with "{message}"'))
def refused_with(outcome, message):
    assert not outcome["result"].accepted
    assert message in outcome["result"].message


@then(parsers.parse("Alex has sent {total} today"))
def sent_total(account, total):
    assert account.sent_today == Decimal(total)


@then(parsers.parse("Alex still has {balance} in the current account"))
def balance_unchanged(account, balance):
    assert account.balance == Decimal(balance)
