"""transfer_rule.py - Module 4, Lesson 2 exercise.

Requirement (from the product owner of a mobile banking app):
    A transfer is allowed when the amount is more than $0.00,
    not more than the account balance, and not more than the
    daily limit of $2,000.00.

This is the developer's version. It may contain defects: find them by
testing the boundaries, do not read the code first!

Run it with the amount, and optionally the balance (default 1500.00):
    python transfer_rule.py 0.01
    python transfer_rule.py 2000.00 5000.00
"""

import sys
from decimal import Decimal

DAILY_LIMIT = Decimal("2000.00")

amount = Decimal(sys.argv[1]) if len(sys.argv) > 1 else Decimal("100.00")
balance = Decimal(sys.argv[2]) if len(sys.argv) > 2 else Decimal("1500.00")

transfer_allowed = amount >= Decimal("0.00") and amount <= balance and amount < DAILY_LIMIT

if transfer_allowed:
    print(f"ALLOWED  amount={amount} balance={balance}")
else:
    print(f"REFUSED  amount={amount} balance={balance}")
