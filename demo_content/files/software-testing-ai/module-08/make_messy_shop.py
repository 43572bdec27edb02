"""Create "messy-shop", a small but badly organised test project to tidy up (Module 8, lesson
"Organising a Test Project").

Usage:
    python make_messy_shop.py            # creates the folder messy-shop where you run it
    cd messy-shop
    python -m pip install pytest         # pytest 9 (or 8) in your virtual environment
    python -m pytest                     # see what goes wrong

The project holds 18 tests, but a plain run finds only some of them, crashes on one file and
warns about markers. Your job is to reorganise it so that all 18 run, `-m smoke` selects 4,
and nothing is left to guess. Only the Python standard library is used to create the files.
"""

import sys
from pathlib import Path

FILES = {
    "shop/__init__.py": "",
    "shop/auth.py": '''\
def password_is_valid(password):
    """8 to 64 characters, with at least one digit."""
    return 8 <= len(password) <= 64 and any(ch.isdigit() for ch in password)
''',
    "shop/cart.py": '''\
def line_total(price_cents, quantity):
    if not 1 <= quantity <= 10:
        raise ValueError("quantity must be 1 to 10")
    return price_cents * quantity


def cart_total(lines):
    """lines: a list of (price_cents, quantity) pairs."""
    return sum(line_total(price, quantity) for price, quantity in lines)
''',
    "shop/orders.py": '''\
TRANSITIONS = {
    ("open", "pay"): "paid",
    ("paid", "ship"): "shipped",
    ("open", "cancel"): "cancelled",
    ("paid", "cancel"): "cancelled",
}


def next_status(current, event):
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        raise ValueError(f"cannot {event} an order that is {current}") from None
''',
    "shop/api.py": '''\
def order_to_json(order_id, status, total_cents):
    return {"id": order_id, "status": status, "total": f"{total_cents / 100:.2f}", "currency": "USD"}
''',
    "login_test_new.py": '''\
import pytest

from shop.auth import password_is_valid

ADMIN_PASSWORD = "changeme123"  # the real admin password, "just for now"


@pytest.mark.smoke
def test_valid_password():
    assert password_is_valid("Sunny2026day")


def test_7_chars():
    assert not password_is_valid("abc1234")


def test_65_chars():
    assert not password_is_valid("a1" * 32 + "b")
''',
    "tests1.py": '''\
import pytest

from shop.cart import line_total


@pytest.mark.smoke
def test_line():
    assert line_total(1_250, 2) == 2_500


def test_qty0():
    with pytest.raises(ValueError):
        line_total(1_250, 0)


def test_qty11():
    with pytest.raises(ValueError):
        line_total(1_250, 11)
''',
    "cart_checks.py": '''\
from shop.cart import cart_total


def test_empty_cart():
    assert cart_total([]) == 0


def test_two_lines():
    assert cart_total([(1_000, 1), (250, 4)]) == 2_000


def test_ten_of_one_item():
    assert cart_total([(999, 10)]) == 9_990
''',
    "test_orders.py": '''\
import pytest

from shop.orders import next_status


@pytest.mark.smoke
def test_pay():
    assert next_status("open", "pay") == "paid"


def test_ship():
    assert next_status("paid", "ship") == "shipped"


def test_cancel_shipped():
    with pytest.raises(ValueError):
        next_status("shipped", "cancel")
''',
    "api/test_orders.py": '''\
import pytest

from shop.api import order_to_json


@pytest.mark.api
def test_json_keys():
    assert set(order_to_json(7, "paid", 2_500)) == {"id", "status", "total", "currency"}


@pytest.mark.api
def test_json_total_has_two_decimals():
    assert order_to_json(7, "paid", 2_500)["total"] == "25.00"


@pytest.mark.api
def test_json_currency():
    assert order_to_json(7, "paid", 2_500)["currency"] == "USD"
''',
    "test_everything.py": '''\
import csv
import time

import pytest

from shop.cart import line_total
from shop.orders import next_status


def test_prices_from_file():
    with open("data.csv", newline="") as handle:     # only works when pytest runs from this folder
        for row in csv.DictReader(handle):
            assert line_total(int(row["price_cents"]), 1) == int(row["price_cents"])


@pytest.mark.smok
def test_cancel_open_order():
    assert next_status("open", "cancel") == "cancelled"


@pytest.mark.slow
def test_big_order():
    time.sleep(2)   # pretend this talks to a slow system
    assert line_total(99_999, 10) == 999_990
''',
    "data.csv": "sku,price_cents\nTEE-01,1999\nMUG-02,899\nCAP-03,1450\n",
    "utils.py": '''\
# 600 lines of helpers used to live here. Nobody knows which are still used.
def money(cents):
    return f"${cents / 100:.2f}"
''',
}


def main(target="messy-shop"):
    root = Path(target)
    if root.exists():
        print(f"{root} already exists; delete it or pass another folder name.")
        return 1
    for name, content in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    print(f"Created {root} with {len(FILES)} files. Next: cd {root} && python -m pytest")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
