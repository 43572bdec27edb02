import json

import pytest

from access.factories import UserFactory
from courses.factories import course_tree
from payments.fake_stripe import DEMO_PRICE, FakeStripe, sign

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture
def stripe_server(settings):
    """The fake Stripe API on 127.0.0.1, with the site's Stripe settings pointing at it."""
    with FakeStripe() as fake:
        settings.STRIPE_SECRET_KEY = "sk_test_fake"
        settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake"
        settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
        settings.STRIPE_API_BASE = fake.url
        settings.STRIPE_MEMBERSHIP_PRICE_ID = DEMO_PRICE["id"]
        yield fake


@pytest.fixture
def no_stripe(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    settings.STRIPE_MEMBERSHIP_PRICE_ID = ""


@pytest.fixture
def buyer(db):
    return UserFactory(username="buyer", email="buyer@example.com", first_name="Bea", last_name="Buyer")


@pytest.fixture
def paid_course(db):
    course = course_tree(
        lessons=[{"title": "Lesson one"}], title="Paid course", price="297.00", enrollment_method="purchase"
    )[0]
    return course


def post_event(client, event, *, secret=WEBHOOK_SECRET, signature=None):
    """POST `event` to the webhook as Stripe does: JSON, signed with the endpoint's secret."""
    payload = json.dumps(event)
    return client.post(
        "/payments/stripe/webhook/",
        data=payload,
        content_type="application/json",
        headers={"Stripe-Signature": signature or sign(payload, secret)},
    )


def start_course_checkout(client, user, course):
    """The buyer presses Buy on the course page; returns the session the site opened."""
    client.force_login(user)
    response = client.post(f"{course.url}buy/")
    assert response.status_code == 303, response
    session_id = response["Location"].rsplit("/", 1)[-1]
    return session_id


@pytest.fixture
def pay(client, stripe_server):
    """Pay for an opened session on the fake Stripe and deliver its events to the webhook."""

    def pay(session_id):
        for event in stripe_server.pay(session_id):
            assert post_event(client, event).status_code == 200
        return stripe_server.sessions[session_id]

    return pay
