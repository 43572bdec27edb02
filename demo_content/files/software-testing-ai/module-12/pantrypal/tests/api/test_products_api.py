"""API tests for product search and lookup (Module 12 lab)."""

import pytest


@pytest.mark.smoke
def test_health_reports_ok(api):
    response = api.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.smoke
def test_search_finds_the_three_oat_products(api):
    response = api.get("/api/products", params={"q": "oat"})
    assert response.status_code == 200
    names = [product["name"] for product in response.json()]
    assert names == ["Oat milk 1L", "Organic oat milk 1L", "Rolled oats 1kg"]


def test_search_is_case_insensitive(api):
    lower = api.get("/api/products", params={"q": "oat"}).json()
    upper = api.get("/api/products", params={"q": "OAT"}).json()
    assert lower == upper


def test_search_with_no_match_returns_an_empty_list(api):
    response = api.get("/api/products", params={"q": "caviar"})
    assert response.status_code == 200
    assert response.json() == []


def test_product_has_price_in_cents_and_stock_flag(api):
    product = api.get("/api/products/1").json()
    assert product["price_cents"] == 189
    assert product["in_stock"] is True


def test_unknown_product_is_404(api):
    assert api.get("/api/products/9999").status_code == 404
