"""API tests for the basket rules: quantity 1 to 10, stock limits and totals (Module 12 lab)."""

import pytest


@pytest.mark.smoke
def test_new_basket_is_empty(basket):
    assert basket["items"] == []
    assert basket["total_cents"] == 0


def test_adding_two_oat_milks_totals_378_cents(api, basket):
    response = api.post(f"/api/baskets/{basket['id']}/items", json={"product_id": 1, "quantity": 2})
    assert response.status_code == 201
    assert response.json()["total_cents"] == 378


@pytest.mark.parametrize("quantity", [1, 10])
def test_quantity_boundaries_are_accepted(api, basket, quantity):
    response = api.post(f"/api/baskets/{basket['id']}/items", json={"product_id": 7, "quantity": quantity})
    assert response.status_code == 201


@pytest.mark.parametrize("quantity", [0, 11, -1, "2", 2.5])
def test_invalid_quantities_are_rejected(api, basket, quantity):
    response = api.post(f"/api/baskets/{basket['id']}/items", json={"product_id": 7, "quantity": quantity})
    assert response.status_code == 400


def test_out_of_stock_product_is_refused_with_409(api, basket):
    response = api.post(f"/api/baskets/{basket['id']}/items", json={"product_id": 10, "quantity": 1})
    assert response.status_code == 409
    assert response.json()["available"] == 0


def test_unknown_product_cannot_be_added(api, basket):
    response = api.post(f"/api/baskets/{basket['id']}/items", json={"product_id": 9999, "quantity": 1})
    assert response.status_code == 404
