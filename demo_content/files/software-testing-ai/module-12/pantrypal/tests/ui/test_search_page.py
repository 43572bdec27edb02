"""UI tests for the search page with pytest-playwright (Module 12 lab).

Run:  python -m pytest tests/ui --browser chromium
In CI add: --tracing retain-on-failure --screenshot only-on-failure --output test-results
"""

import re

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.smoke
def test_search_shows_matching_products(page: Page, shop_url):
    page.goto(shop_url + "/")
    page.get_by_test_id("search-input").fill("oat")
    page.get_by_test_id("search-button").click()
    expect(page.get_by_test_id("product")).to_have_count(3)
    expect(page.get_by_test_id("result-count")).to_have_text("3 product(s)")


def test_search_without_results_says_so(page: Page, shop_url):
    page.goto(shop_url + "/?q=caviar")
    expect(page.get_by_test_id("no-results")).to_be_visible()


def test_out_of_stock_product_is_labelled(page: Page, shop_url):
    page.goto(shop_url + "/?q=coffee")
    expect(page.get_by_test_id("product")).to_have_text(re.compile(r"out of stock"))
