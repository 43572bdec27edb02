"""An access manager refunds from the student page: Stripe is asked, and its event ends the access."""

import pytest
from django.contrib.auth.models import Group

from access.factories import UserFactory
from access.models import CourseAccess
from payments.models import Purchase

from .conftest import post_event, start_course_checkout

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(db):
    user = UserFactory(username="manager")
    user.groups.add(Group.objects.get(name="Access managers"))
    return user


@pytest.fixture
def purchase(client, stripe_server, buyer, paid_course, pay):
    session_id = start_course_checkout(client, buyer, paid_course)
    pay(session_id)
    client.logout()
    return Purchase.objects.get(stripe_session_id=session_id)


def test_the_student_page_lists_the_purchase_with_a_refund_button(client, manager, purchase, buyer):
    client.force_login(manager)
    page = client.get(f"/admin/students/{buyer.pk}/").content.decode()
    assert purchase.receipt_number in page
    assert f"/admin/payments/{purchase.pk}/refund/" in page


def test_refunding_asks_stripe_to_refund_that_payment(client, stripe_server, manager, purchase):
    client.force_login(manager)
    response = client.post(f"/admin/payments/{purchase.pk}/refund/", {"reason": "Asked within 14 days"})
    assert response.status_code == 302
    refund_calls = [params for method, path, params in stripe_server.requests if path == "/v1/refunds"]
    assert refund_calls[0]["payment_intent"] == purchase.payment_intent
    purchase.refresh_from_db()
    assert purchase.refund_requested_by == manager


def test_access_ends_when_stripe_confirms_the_refund(client, stripe_server, manager, purchase, buyer):
    client.force_login(manager)
    client.post(f"/admin/payments/{purchase.pk}/refund/", {"reason": "Asked within 14 days"})
    assert CourseAccess.objects.get(user=buyer).is_active()  # not before Stripe says so
    session = stripe_server.sessions[purchase.stripe_session_id]
    post_event(client, stripe_server.event("charge.refunded", stripe_server.charge(session, amount_refunded=29700)))
    access = CourseAccess.objects.get(user=buyer)
    assert access.status == CourseAccess.Status.REVOKED
    assert access.revocation_reason == "Asked within 14 days"
    assert access.revoked_by == manager


def test_a_refund_needs_a_reason(client, stripe_server, manager, purchase):
    client.force_login(manager)
    client.post(f"/admin/payments/{purchase.pk}/refund/", {"reason": ""})
    assert not [path for method, path, params in stripe_server.requests if path == "/v1/refunds"]


def test_a_refund_stripe_refuses_can_be_tried_again(client, stripe_server, manager, purchase):
    stripe_server.fail_next = (400, "Charge already refunded")
    client.force_login(manager)
    response = client.post(f"/admin/payments/{purchase.pk}/refund/", {"reason": "Asked"}, follow=True)
    assert "Stripe could not start the refund just now" in response.content.decode()
    purchase.refresh_from_db()
    assert purchase.refund_requested_at is None


def test_someone_without_access_rights_cannot_refund(client, stripe_server, purchase):
    client.force_login(UserFactory(is_staff=True))
    response = client.post(f"/admin/payments/{purchase.pk}/refund/", {"reason": "Because"})
    assert response.status_code in (302, 403)
    assert not [path for method, path, params in stripe_server.requests if path == "/v1/refunds"]
