"""check_order.py - Module 4, Lesson 5: verify a saved order API response.

Needs order-response.json and pricing.py in the same folder. Run:  python check_order.py
Writes order-check-results.csv next to this script.
"""

import csv
import json
from decimal import Decimal
from pathlib import Path

from pricing import delivery_cost

HERE = Path(__file__).parent
results = []


def record(check, expected, actual):
    verdict = "PASS" if expected == actual else "FAIL"
    results.append({"check": check, "expected": str(expected), "actual": str(actual), "verdict": verdict})


order = json.loads((HERE / "order-response.json").read_text(encoding="utf-8"))

subtotal = Decimal("0.00")
for item in order["items"]:
    line_total = Decimal(item["unit_price"]) * item["quantity"]
    record(f"line {item['sku']}", line_total, Decimal(item["line_total"]))
    subtotal += line_total

record("subtotal", subtotal, Decimal(order["subtotal"]))
expected_delivery = delivery_cost(subtotal, is_member=order["customer"]["is_member"])
record("delivery", expected_delivery, Decimal(order["delivery"]))
record("total", subtotal + expected_delivery, Decimal(order["total"]))

with open(HERE / "order-check-results.csv", "w", newline="", encoding="utf-8") as handle:
    writer = csv.DictWriter(handle, fieldnames=["check", "expected", "actual", "verdict"])
    writer.writeheader()
    writer.writerows(results)

failed = [r for r in results if r["verdict"] == "FAIL"]
print(f"{order['order_id']}: {len(results)} checks, {len(failed)} failed")
for r in failed:
    print(f" - {r['check']}: expected {r['expected']}, got {r['actual']}")
