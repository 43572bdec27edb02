"""A learner buys a course: Buy now, Stripe's payment page (the fake Stripe on 127.0.0.1), back to
the success page, which shows the access once the signed webhook has arrived."""

import copy
import re

import pytest
from playwright.sync_api import expect

from access.factories import UserFactory
from access.models import CourseAccess
from courses.factories import course_tree
from payments.fake_stripe import FakeStripe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WEBHOOK_SECRET = "whsec_e2e"


@pytest.fixture
def fake_stripe(live_server, settings):
    with FakeStripe(webhook_url=f"{live_server.url}/payments/stripe/webhook/", webhook_secret=WEBHOOK_SECRET) as fake:
        settings.STRIPE_SECRET_KEY = "sk_test_e2e"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = fake.url
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"].append(fake.url)  # as settings do for STRIPE_API_BASE
        settings.CONTENT_SECURITY_POLICY = policy
        yield fake


def test_a_learner_buys_a_course_and_lands_in_it(journey, fake_stripe):
    course = course_tree(
        title="API Testing Pro",
        price="149.00",
        enrollment_method="purchase",
        lessons=[{"title": "Contracts", "access_level": "enrolled"}],
    )[0]
    buyer = UserFactory(username="bo", first_name="Bo", email="bo@example.com")

    page = journey.open()
    journey.log_in(page, "bo")
    page.goto(course.url)
    expect(page.get_by_text("$149.00").first).to_be_visible()
    page.get_by_role("button", name="Buy now").click()
    expect(page.get_by_role("heading", name="API Testing Pro")).to_be_visible()  # Stripe's page
    assert page.url.startswith(fake_stripe.url)
    assert not CourseAccess.objects.filter(user=buyer).exists()

    page.get_by_role("button", name="Pay").click()
    page.wait_for_url(re.compile(r"/payments/success/"))
    expect(page.get_by_text("Your access is ready.")).to_be_visible()
    assert CourseAccess.objects.get(user=buyer).access_type == "purchase"

    page.goto("/account/")
    expect(page.get_by_role("cell", name="149.00 USD")).to_be_visible()
    journey.finish()
