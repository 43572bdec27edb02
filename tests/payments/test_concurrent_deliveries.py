"""Stripe may deliver an event twice at the same moment, or two events about one checkout at once:
on PostgreSQL, with each delivery in its own connection, the purchase is still granted once."""

import pytest
from django.db import connection
from django.test import Client

from access.models import AccessEvent, CourseAccess
from payments.models import Purchase, StripeEvent
from tests.concurrency import at_once

from .conftest import post_event, start_course_checkout

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent connections"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def deliver_together(events):
    """Post each of `events` from its own thread and connection, released at the same moment."""
    queue = list(events)

    def deliver():
        return post_event(Client(), queue.pop()).status_code

    results, errors = at_once(deliver, times=len(events))
    assert not errors
    return results


def test_the_same_event_delivered_twice_at_once_grants_once(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    event = stripe_server.pay(session_id)[0]
    assert deliver_together([event, event]) == [200, 200]
    assert CourseAccess.objects.filter(user=buyer).count() == 1
    assert AccessEvent.objects.filter(user=buyer).count() == 1
    assert StripeEvent.objects.count() == 1


def test_two_events_about_one_checkout_at_once_grant_once(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    completed = stripe_server.pay(session_id)[0]
    succeeded = stripe_server.event("checkout.session.async_payment_succeeded", stripe_server.sessions[session_id])
    assert deliver_together([completed, succeeded]) == [200, 200]
    assert CourseAccess.objects.filter(user=buyer).count() == 1
    assert Purchase.objects.get().status == Purchase.Status.PAID


def test_two_deliveries_of_an_unrecorded_session_make_one_purchase(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    Purchase.objects.all().delete()
    completed = stripe_server.pay(session_id)[0]
    succeeded = stripe_server.event("checkout.session.async_payment_succeeded", stripe_server.sessions[session_id])
    assert deliver_together([completed, succeeded]) == [200, 200]
    assert Purchase.objects.count() == 1
    assert CourseAccess.objects.filter(user=buyer).count() == 1
