"""A buyer's payments in their data export, and what deleting their account does to them."""

import json

import pytest

from access.factories import UserFactory
from payments.models import Membership, Purchase

from .conftest import start_course_checkout

pytestmark = pytest.mark.django_db

PASSWORD = "a-strong-test-password"


@pytest.fixture
def member(client, stripe_server, pay):
    user = UserFactory(username="mia", email="mia@example.com", password=PASSWORD)
    client.force_login(user)
    pay(client.post("/membership/")["Location"].rsplit("/", 1)[-1])
    return user


def delete_account(client):
    return client.post("/account/delete/", {"current_password": PASSWORD, "confirm": "DELETE"})


def test_the_data_export_lists_payments_and_memberships(client, stripe_server, buyer, paid_course, pay):
    pay(start_course_checkout(client, buyer, paid_course))
    data = json.loads(client.get("/account/data.json").content)
    assert [(p["what"], p["amount"], p["status"]) for p in data["payments"]] == [("Paid course", "297.00", "paid")]


def test_deleting_an_account_cancels_its_membership_at_stripe(client, stripe_server, member):
    subscription_id = Membership.objects.get(user=member).subscription_id
    assert delete_account(client).status_code == 302
    assert stripe_server.subscriptions[subscription_id]["status"] == "canceled"
    assert ("DELETE", f"/v1/subscriptions/{subscription_id}", {}) in stripe_server.requests


def test_the_payments_stay_on_the_tombstone(client, stripe_server, member):
    delete_account(client)
    purchase = Purchase.objects.get(kind="membership")
    assert purchase.user.username.startswith("deleted-")
    assert Membership.objects.get().user == purchase.user


def test_an_account_whose_membership_cannot_be_cancelled_is_kept(client, stripe_server, member):
    stripe_server.fail_next = (400, "No such subscription")
    response = delete_account(client)
    assert "The membership must end before the account goes; nothing was deleted." in response.content.decode()
    member.refresh_from_db()
    assert member.is_active
