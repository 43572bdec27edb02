"""Module 1, lesson "Types of Testing": functional tests, markers and coverage on one feature.

Put this file and discount_codes.py in one folder, with a pytest.ini that registers the markers:

    [pytest]
    markers =
        smoke: the few checks that say "the build is alive"
        regression: checks that guard behaviour which already worked

Then try:
    pytest -v                                   # every test
    pytest -m smoke                             # only the smoke tests
    pytest -m regression                        # the regression suite
    pytest --lf                                 # only the tests that failed last time (a retest)
    pip install pytest-cov
    pytest --cov=discount_codes --cov-branch --cov-report=term-missing
                                                # white-box view: which lines and branches ran?
"""

from decimal import Decimal

import pytest

from discount_codes import CodeRefused, discounted_total


@pytest.mark.smoke
def test_save10_takes_ten_percent_off():
    assert discounted_total(Decimal("80.00"), "SAVE10") == Decimal("72.00")


@pytest.mark.regression
@pytest.mark.parametrize(
    ("total", "accepted"),
    [("49.99", False), ("50.00", True)],
    ids=["just-below-minimum", "on-minimum"],
)
def test_save10_minimum_order(total, accepted):
    if accepted:
        assert discounted_total(Decimal(total), "SAVE10") == Decimal("45.00")
    else:
        with pytest.raises(CodeRefused):
            discounted_total(Decimal(total), "SAVE10")


@pytest.mark.regression
def test_codes_are_not_case_sensitive():
    assert discounted_total(Decimal("80.00"), " save10 ") == Decimal("72.00")


@pytest.mark.regression
def test_vip20_for_members():
    assert discounted_total(Decimal("80.00"), "VIP20", is_member=True) == Decimal("64.00")


def test_unknown_code_is_refused():
    with pytest.raises(CodeRefused, match="We do not know the code SPRING5"):
        discounted_total(Decimal("80.00"), "spring5")
