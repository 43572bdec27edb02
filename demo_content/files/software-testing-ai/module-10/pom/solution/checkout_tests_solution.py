"""Tests for the exercise solution. Copy it into the pom folder as test_checkout_pom.py after copying checkout.py into pages/."""

from decimal import Decimal

CUSTOMER = ("Ada", "Walker", "ada.walker@example.com", "EH1 1YZ")


def test_review_shows_standard_shipping_below_100(products):
    review = (products.add_to_cart("TM-101").header.go_to_cart()
              .proceed_to_checkout().fill_details(*CUSTOMER).continue_to_review())

    assert review.subtotal() == Decimal("59.00")
    assert review.shipping() == Decimal("4.95")
    assert review.total() == Decimal("63.95")


def test_missing_postcode_is_reported(products):
    checkout = products.add_to_cart("TM-101").header.go_to_cart().proceed_to_checkout()

    errors = checkout.fill_details("Ada", "Walker", "ada.walker@example.com", "").continue_expecting_errors()

    assert errors == ["Postcode is required."]
