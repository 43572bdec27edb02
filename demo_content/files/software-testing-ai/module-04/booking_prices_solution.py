"""booking_prices_solution.py - Module 4, Lesson 4: worked solution of the hotel stay exercise.

In your own work this is two files: booking_prices.py (the function) and
check_booking_prices.py (the checks that import it). They are combined here
so the solution is one download. Run it with:  python booking_prices_solution.py
"""

from decimal import ROUND_HALF_UP, Decimal

PROMO_CODE = "WEEK10"
PROMO_MIN_NIGHTS = 7
PROMO_RATE = Decimal("0.90")
MIN_NIGHTS, MAX_NIGHTS = 1, 30


def stay_price(nightly_rate: Decimal, nights: int, promo_code: str | None = None) -> Decimal:
    """Price of a stay of 1 to 30 nights; WEEK10 takes 10% off 7 nights or more."""
    if not MIN_NIGHTS <= nights <= MAX_NIGHTS:
        raise ValueError(f"nights must be {MIN_NIGHTS} to {MAX_NIGHTS}, got {nights}")
    price = nightly_rate * nights
    if promo_code == PROMO_CODE and nights >= PROMO_MIN_NIGHTS:
        price = price * PROMO_RATE
    return price.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- check_booking_prices.py -------------------------------------------------------------

VALUE_CASES = [
    # id,     nightly rate,       nights, promo,    expected
    ("BP-01", Decimal("120.00"), 1, None, Decimal("120.00")),
    ("BP-02", Decimal("120.00"), 6, None, Decimal("720.00")),
    ("BP-03", Decimal("120.00"), 6, "WEEK10", Decimal("720.00")),  # promo ignored below 7 nights
    ("BP-04", Decimal("120.00"), 7, "WEEK10", Decimal("756.00")),  # first night count with promo
    ("BP-05", Decimal("120.00"), 7, None, Decimal("840.00")),
    ("BP-06", Decimal("80.00"), 30, "WEEK10", Decimal("2160.00")),  # longest allowed stay
    ("BP-07", Decimal("99.99"), 7, "WEEK10", Decimal("629.94")),  # 629.937 rounds up
    ("BP-08", Decimal("120.00"), 7, "week10", Decimal("840.00")),  # codes are case-sensitive here
]

ERROR_CASES = [
    ("BP-09", Decimal("120.00"), 0),
    ("BP-10", Decimal("120.00"), 31),
]


def main():
    failures = 0
    for case_id, rate, nights, promo, expected in VALUE_CASES:
        actual = stay_price(rate, nights, promo)
        verdict = "PASS" if actual == expected else "FAIL"
        failures += verdict == "FAIL"
        print(f"{case_id} rate={rate} nights={nights} promo={promo} expected={expected} actual={actual} {verdict}")

    for case_id, rate, nights in ERROR_CASES:
        try:
            result = stay_price(rate, nights)
        except ValueError as error:
            print(f"{case_id} nights={nights} rejected as expected ({error}) PASS")
        else:
            failures += 1
            print(f"{case_id} nights={nights} was accepted with price {result} FAIL")

    total = len(VALUE_CASES) + len(ERROR_CASES)
    print(f"{total - failures} passed, {failures} failed")


if __name__ == "__main__":
    main()
