"""Larkspur Bank transfer rules: a small domain model for the BDD lesson.

Rules (agreed with the product owner in the three amigos session):
  1. A customer may send at most 5,000.00 per calendar day in total.
  2. To a payee added less than 24 hours ago, a single transfer may be at most 500.00.
  3. A refused transfer says why and how much can still be sent, and moves no money.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

DAILY_LIMIT = Decimal("5000.00")
NEW_PAYEE_LIMIT = Decimal("500.00")
NEW_PAYEE_PERIOD = timedelta(hours=24)


@dataclass
class Result:
    accepted: bool
    message: str


@dataclass
class Account:
    balance: Decimal
    sent_today: Decimal = Decimal("0.00")
    payees: dict = field(default_factory=dict)  # payee name -> datetime the payee was added

    def add_payee(self, name: str, added_at: datetime) -> None:
        self.payees[name] = added_at

    def transfer(self, payee: str, amount: Decimal, now: datetime) -> Result:
        if payee not in self.payees:
            return Result(False, f"{payee} is not one of your payees.")
        if amount <= 0:
            return Result(False, "Enter an amount greater than 0.00.")
        if amount > self.balance:
            return Result(False, "You do not have enough money in this account.")
        if now - self.payees[payee] < NEW_PAYEE_PERIOD and amount > NEW_PAYEE_LIMIT:
            return Result(False, f"New payees can receive up to {NEW_PAYEE_LIMIT} per transfer for the first 24 hours.")
        remaining = DAILY_LIMIT - self.sent_today
        if amount > remaining:
            return Result(False, f"This is over your daily limit. You can send up to {remaining} more today.")
        self.balance -= amount
        self.sent_today += amount
        return Result(True, f"{amount} sent to {payee}.")
