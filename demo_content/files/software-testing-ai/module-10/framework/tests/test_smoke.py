"""Smoke tests for the framework itself: if these fail, look at the set-up before the shop."""

from decimal import Decimal

import pytest


@pytest.mark.smoke
def test_shopper_can_log_in_through_the_form(login_page):
    products = login_page.log_in_as("shopper@trailmart.test", "Trail-2026!")

    assert len(products.wait_until_loaded().product_names()) == 8


@pytest.mark.smoke
def test_api_login_fixture_lands_on_a_loaded_product_list(products):
    assert products.header.cart_count() == 0
    assert "Ridge 30L Daypack" in products.product_names()


@pytest.mark.smoke
@pytest.mark.checkout
def test_one_daypack_reaches_review_with_standard_shipping(products, customer):
    review = (products.add_to_cart("TM-101").header.go_to_cart().proceed_to_checkout()
              .fill_details(**customer).continue_to_review())

    assert review.total() == Decimal("63.95")   # $59.00 + $4.95 standard shipping


@pytest.mark.checkout
def test_missing_postcode_is_reported(products, customer):
    checkout = products.add_to_cart("TM-101").header.go_to_cart().proceed_to_checkout()

    errors = checkout.fill_details(**{**customer, "postcode": ""}).continue_expecting_errors()

    assert errors == ["Postcode is required."]
