# Pull request #482 on BrightCart's test repository: "Add checkout tests for saved cards".
# This file is the change under review in the lesson "Reviews and Static Testing in Practice".
# It runs, but it has at least ten problems a reviewer should find. Do not copy it into a real suite.
# Review it with the test-code checklist in review-checklists.md, then run:
#     ruff check --select E,F,B,PT,S pr_under_review_test_checkout.py

import os
import time
import json

import pytest
from playwright.sync_api import Page, expect


def test_checkout(page: Page):
    page.goto("https://staging.brightcart.example/login")
    page.fill("#email", "maria.lopez@brightcart.example")
    page.fill("#password", "Summer2026!")
    page.click("text=Log in")
    time.sleep(3)
    page.goto("https://staging.brightcart.example/product/1042")
    page.click("/html/body/div[3]/div/div[2]/button[1]")
    page.goto("https://staging.brightcart.example/checkout")
    page.click("text=Use saved card ending 4242")
    page.click("#pay")
    time.sleep(5)
    assert page.locator(".order-number") != None
    assert page.url.endswith("/confirmation")


def test_checkout2(page: Page):
    try:
        page.goto("https://staging.brightcart.example/checkout")
        page.click("text=Use saved card ending 0002")
        page.click("#pay")
        expect(page.get_by_text("Your card was declined")).to_be_visible()
    except Exception:
        pass


@pytest.mark.skip
def test_expired_card(page: Page):
    assert False
