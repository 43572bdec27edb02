"""Generate synthetic GreenBasket test customers with Faker: repeatable, varied, and safe.

Module 9, lesson "AI for Test Data". The deterministic alternative to asking a chat assistant
for data: the same seed gives the same file every time, so a failing test can be re-run with the
exact data that broke it.

    python -m pip install faker jsonschema
    python make_customers.py --count 40 --seed 2026 --out customers.json
    python validate_customers.py customers.json

Ordinary customers come from Faker's en_GB provider. Edge cases are written out by hand below,
because random generation rarely hits an exact boundary. Emails use example.com and phones use
Ofcom's drama range, so nothing can reach a real person.
"""

import argparse
import json
from datetime import date, timedelta

from faker import Faker

TIERS = ["none", "green", "gold"]


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year - years, day=28)


def edge_cases(today):
    """Awkward but valid customers that random generation would rarely produce."""
    return [
        {"full_name": "Siobhán O'Neill-Byrne", "date_of_birth": years_before(today, 40)},
        {"full_name": "Nguyễn Thị Minh Khai", "date_of_birth": years_before(today, 33)},
        {"full_name": "山田 花子", "date_of_birth": years_before(today, 51)},
        {"full_name": "Teller", "date_of_birth": years_before(today, 77)},
        {"full_name": ("Maximiliana " + "Featherstonehaugh-" * 6)[:99] + "Z",
         "date_of_birth": years_before(today, 29)},
        {"full_name": "Eighteen Today", "date_of_birth": years_before(today, 18)},
        {"full_name": "Leap Day", "date_of_birth": date(2004, 2, 29)},
        {"full_name": "Plus Address", "email_local": "sam+test", "date_of_birth": years_before(today, 25)},
    ]


def build(count, seed, today):
    fake = Faker("en_GB")
    Faker.seed(seed)
    people = edge_cases(today)
    oldest, youngest = years_before(today, 90), years_before(today, 18) - timedelta(days=1)
    while len(people) < count:
        people.append({"full_name": fake.name(),
                       "date_of_birth": fake.date_between_dates(date_start=oldest, date_end=youngest)})
    customers = []
    for number, person in enumerate(people[:count], start=1):
        local = person.get("email_local") or f"customer{number:05d}"
        customers.append({
            "customer_id": f"TC-{number:05d}",
            "full_name": person["full_name"],
            "email": f"{local}@example.com",
            "phone": f"+44 7700 900{number % 1000:03d}",
            "date_of_birth": person["date_of_birth"].isoformat(),
            "postcode": fake.postcode().upper(),
            "loyalty_tier": TIERS[number % 3],
            "marketing_opt_in": number % 2 == 0,
        })
    return customers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", default="2026-06-01", help="reference date for ages")
    parser.add_argument("--out", default="customers.json")
    args = parser.parse_args()
    customers = build(args.count, args.seed, date.fromisoformat(args.today))
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(customers, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {len(customers)} customers to {args.out} (seed {args.seed})")


if __name__ == "__main__":
    main()
