"""run_pricing_checks.py - boundary checks for pricing.delivery_cost."""

from decimal import Decimal

from pricing import delivery_cost

cases = [
    # id,     basket total,       member, expected delivery
    ("TC-01", Decimal("49.99"), False, Decimal("4.99")),
    ("TC-02", Decimal("50.00"), False, Decimal("0.00")),
    ("TC-03", Decimal("50.01"), False, Decimal("0.00")),
    ("TC-04", Decimal("24.99"), True, Decimal("4.99")),
    ("TC-05", Decimal("25.00"), True, Decimal("0.00")),
    ("TC-06", Decimal("0.00"), False, Decimal("4.99")),
]

failures = 0
for case_id, total, member, expected in cases:
    actual = delivery_cost(total, is_member=member)
    verdict = "PASS" if actual == expected else "FAIL"
    if verdict == "FAIL":
        failures += 1
    print(f"{case_id} total={total} member={member} expected={expected} actual={actual} {verdict}")

print(f"{len(cases) - failures} passed, {failures} failed")
