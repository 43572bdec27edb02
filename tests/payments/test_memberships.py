"""A membership (a Stripe subscription) gives subscription access to every members-only course while
the period paid for runs, and ends it when the subscription does."""

import time

import pytest
from django.utils import timezone

from access.models import CourseAccess
from access.services import grant_course_access
from courses.factories import course_tree
from payments.models import Membership

from .conftest import post_event

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


@pytest.fixture
def members_only(db):
    return [course_tree(title=f"Members course {n}", enrollment_method="subscription_only")[0] for n in range(2)]


@pytest.fixture
def joined(client, stripe_server, buyer, members_only, pay):
    """The buyer became a member through checkout; the webhook has run."""
    client.force_login(buyer)
    response = client.post("/membership/")
    pay(response["Location"].rsplit("/", 1)[-1])
    return Membership.objects.get(user=buyer)


def subscription_event(stripe_server, membership, event_type="customer.subscription.updated", created=None, **changes):
    subscription = dict(stripe_server.subscriptions[membership.subscription_id], **changes)
    event = stripe_server.event(event_type, subscription)
    if created is not None:
        event["created"] = created
    return event


def with_period_end(stripe_server, membership, period_end):
    subscription = stripe_server.subscriptions[membership.subscription_id]
    subscription["items"]["data"][0]["current_period_end"] = period_end


def subscription_records(user):
    return CourseAccess.objects.filter(user=user, access_type=CourseAccess.AccessType.SUBSCRIPTION)


def test_joining_gives_every_members_only_course_until_the_period_ends(joined, buyer, members_only):
    records = subscription_records(buyer).active()
    assert {record.course for record in records} == set(members_only)
    assert all(record.expires_at == joined.current_period_end for record in records)
    assert joined.status == "active"


def test_a_renewal_extends_the_access(client, stripe_server, joined, buyer):
    later = int(joined.current_period_end.timestamp()) + 30 * DAY
    with_period_end(stripe_server, joined, later)
    post_event(client, subscription_event(stripe_server, joined))
    assert all(int(record.expires_at.timestamp()) == later for record in subscription_records(buyer))


def test_the_same_update_twice_writes_nothing_more(client, stripe_server, joined, buyer):
    event = subscription_event(stripe_server, joined)
    post_event(client, event)
    before = list(buyer.access_events.values_list("pk", flat=True))
    post_event(client, subscription_event(stripe_server, joined))
    assert list(buyer.access_events.values_list("pk", flat=True)) == before


def test_cancelling_at_the_period_end_keeps_access_until_then(client, stripe_server, joined, buyer):
    post_event(client, subscription_event(stripe_server, joined, cancel_at_period_end=True))
    joined.refresh_from_db()
    assert joined.cancel_at_period_end
    records = subscription_records(buyer)
    assert all(record.is_active() and record.expires_at == joined.current_period_end for record in records)


def test_a_deleted_subscription_ends_the_access(client, stripe_server, joined, buyer):
    post_event(client, subscription_event(stripe_server, joined, "customer.subscription.deleted", status="canceled"))
    assert not subscription_records(buyer).active().exists()
    joined.refresh_from_db()
    assert joined.ended_at is not None


def test_ending_the_membership_leaves_access_from_elsewhere(client, stripe_server, joined, buyer, members_only):
    grant_course_access(user=buyer, course=members_only[0], notes="Staff scholarship")
    post_event(client, subscription_event(stripe_server, joined, "customer.subscription.deleted", status="canceled"))
    assert CourseAccess.objects.filter(user=buyer, course=members_only[0]).active().count() == 1


def test_an_older_event_delivered_late_is_ignored(client, stripe_server, joined, buyer):
    now = int(time.time())
    post_event(
        client,
        subscription_event(stripe_server, joined, "customer.subscription.deleted", status="canceled", created=now),
    )
    late = subscription_event(stripe_server, joined, status="active", created=now - 60)
    post_event(client, late)
    joined.refresh_from_db()
    assert joined.status == "canceled"
    assert not subscription_records(buyer).active().exists()


def test_a_subscription_event_before_the_checkout_event_still_grants(client, stripe_server, buyer, members_only):
    client.force_login(buyer)
    session_id = client.post("/membership/")["Location"].rsplit("/", 1)[-1]
    completed, created = stripe_server.pay(session_id)
    post_event(client, created)
    post_event(client, completed)
    assert Membership.objects.filter(user=buyer).count() == 1
    assert subscription_records(buyer).active().count() == 2


def test_a_member_is_not_sold_a_second_membership(client, stripe_server, joined, buyer):
    client.force_login(buyer)
    response = client.post("/membership/", follow=True)
    assert "You are already a member." in response.content.decode()


def test_the_membership_page_tells_a_member_when_it_renews(client, joined):
    page = client.get("/membership/").content.decode()
    assert "You are a member." in page
    assert f"It renews on {timezone.localtime(joined.current_period_end):%-d %B %Y}" in page


def test_a_members_only_course_page_points_to_the_membership(client, stripe_server, members_only):
    from access.factories import UserFactory

    client.force_login(UserFactory())
    page = client.get(members_only[0].url).content.decode()
    assert "Included with membership." in page
    assert 'href="/membership/"' in page


def test_a_members_only_course_published_later_is_the_members_at_once(
    joined, buyer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        later = course_tree(title="Members course, new", enrollment_method="subscription_only")[0]
    record = subscription_records(buyer).get(course=later)
    assert record.is_active() and record.expires_at == joined.current_period_end


def test_publishing_a_members_only_course_leaves_the_grants_to_the_task_queue(
    joined, buyer, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # queued, never run
    from django_tasks import default_task_backend

    with django_capture_on_commit_callbacks(execute=True):
        later = course_tree(title="Members course, new", enrollment_method="subscription_only")[0]

    assert not subscription_records(buyer).filter(course=later).exists()
    queued = [result.task.name for result in default_task_backend.results]
    assert queued.count("grant_members_only_courses") == 1
