"""Stripe's events: signed, handled once, and granting or revoking exactly what they are about."""

import datetime

import pytest
from django.core import mail

from access.factories import BundleFactory
from access.models import AccessEvent, BundlePurchase, CourseAccess
from access.services import grant_course_access
from courses.factories import course_tree
from payments.models import Purchase, StripeEvent

from .conftest import post_event, start_course_checkout

pytestmark = pytest.mark.django_db


@pytest.fixture
def bought(client, stripe_server, buyer, paid_course, pay, django_capture_on_commit_callbacks):
    """The buyer opened a checkout for the paid course and paid it; the webhook has run."""
    session_id = start_course_checkout(client, buyer, paid_course)
    with django_capture_on_commit_callbacks(execute=True):
        pay(session_id)
    return Purchase.objects.get(stripe_session_id=session_id)


def completed_event(stripe_server, session_id):
    return stripe_server.pay(session_id)[0]


def refund_event(stripe_server, purchase, *, amount=None):
    session = stripe_server.sessions[purchase.stripe_session_id]
    amount = session["amount_total"] if amount is None else amount
    return stripe_server.event("charge.refunded", stripe_server.charge(session, amount_refunded=amount))


def test_a_bad_signature_gets_400_and_writes_nothing(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    event = completed_event(stripe_server, session_id)
    response = post_event(client, event, secret="whsec_someone_else")
    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert not CourseAccess.objects.filter(user=buyer).exists()


def test_a_missing_signature_gets_400(client, stripe_server):
    response = client.post("/payments/stripe/webhook/", data="{}", content_type="application/json")
    assert response.status_code == 400


def test_a_paid_checkout_grants_a_purchase_access(bought, buyer, paid_course):
    access = CourseAccess.objects.get(user=buyer, course=paid_course)
    assert access.access_type == CourseAccess.AccessType.PURCHASE
    assert access.purchase_id == bought.stripe_session_id
    assert access.is_active()


def test_the_grant_is_in_the_audit_trail(bought, buyer):
    event = AccessEvent.objects.get(user=buyer)
    assert event.action == AccessEvent.Action.GRANT
    assert bought.stripe_session_id in event.source


def test_the_purchase_keeps_its_payment_intent_and_amount(bought):
    assert bought.status == Purchase.Status.PAID
    assert bought.payment_intent.startswith("pi_test_")
    assert str(bought.amount) == "297.00"


def test_the_buyer_gets_a_receipt(bought, buyer):
    receipts = [message for message in mail.outbox if "receipt" in message.subject]
    assert len(receipts) == 1
    assert receipts[0].to == [buyer.email]
    assert bought.receipt_number in receipts[0].body
    assert "297.00 USD" in receipts[0].body


def test_a_replayed_event_changes_nothing(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    event = completed_event(stripe_server, session_id)
    assert post_event(client, event).json() == {"received": True, "replay": False}
    assert post_event(client, event).json() == {"received": True, "replay": True}
    assert CourseAccess.objects.filter(user=buyer).count() == 1
    assert AccessEvent.objects.filter(user=buyer).count() == 1


def test_a_second_event_about_the_same_session_grants_nothing_more(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    post_event(client, completed_event(stripe_server, session_id))
    again = stripe_server.event("checkout.session.async_payment_succeeded", stripe_server.sessions[session_id])
    post_event(client, again)
    assert CourseAccess.objects.filter(user=buyer).count() == 1


def test_an_unpaid_completed_session_waits_for_the_delayed_payment(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    session = dict(stripe_server.sessions[session_id], status="complete", payment_status="unpaid")
    post_event(client, stripe_server.event("checkout.session.completed", session))
    assert not CourseAccess.objects.filter(user=buyer).exists()
    paid = dict(session, payment_status="paid", payment_intent="pi_test_delayed")
    post_event(client, stripe_server.event("checkout.session.async_payment_succeeded", paid))
    assert CourseAccess.objects.get(user=buyer).is_active()


def test_a_session_we_did_not_record_is_granted_from_its_metadata(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    Purchase.objects.all().delete()
    post_event(client, completed_event(stripe_server, session_id))
    purchase = Purchase.objects.get(stripe_session_id=session_id)
    assert (purchase.user, purchase.course, purchase.status) == (buyer, paid_course, Purchase.Status.PAID)
    assert CourseAccess.objects.get(user=buyer).purchase_id == session_id


def test_an_expired_session_is_marked_abandoned(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    post_event(client, stripe_server.event("checkout.session.expired", stripe_server.sessions[session_id]))
    assert Purchase.objects.get().status == Purchase.Status.EXPIRED


def test_a_paid_bundle_records_a_bundle_purchase_with_its_courses(client, stripe_server, buyer, pay):
    courses = [course_tree(title=f"Course {n}")[0] for n in range(3)]
    bundle = BundleFactory(courses=courses, price="120.00", bundle_type="pick_your_own", max_course_selections=2)
    client.force_login(buyer)
    response = client.post(f"/bundles/{bundle.slug}/", {"courses": [courses[0].pk, courses[1].pk]})
    pay(response["Location"].rsplit("/", 1)[-1])
    bundle_purchase = BundlePurchase.objects.get(user=buyer)
    assert set(bundle_purchase.selected_courses.all()) == {courses[0], courses[1]}
    granted = CourseAccess.objects.filter(user=buyer, bundle_purchase=bundle_purchase)
    assert {access.course for access in granted} == {courses[0], courses[1]}
    assert Purchase.objects.get().bundle_purchase == bundle_purchase


def test_a_full_refund_revokes_the_purchase(client, stripe_server, bought, buyer, paid_course):
    post_event(client, refund_event(stripe_server, bought))
    access = CourseAccess.objects.get(user=buyer, course=paid_course)
    assert access.status == CourseAccess.Status.REVOKED
    assert AccessEvent.objects.filter(user=buyer, action=AccessEvent.Action.REFUND).count() == 1
    bought.refresh_from_db()
    assert bought.status == Purchase.Status.REFUNDED


def test_a_refund_leaves_access_from_elsewhere(client, stripe_server, bought, buyer, paid_course):
    grant_course_access(user=buyer, course=paid_course, notes="A scholarship")
    post_event(client, refund_event(stripe_server, bought))
    remaining = CourseAccess.objects.filter(user=buyer, course=paid_course).active()
    assert [access.access_type for access in remaining] == [CourseAccess.AccessType.MANUAL]


def test_a_refund_leaves_another_purchase_of_the_same_course(client, stripe_server, bought, buyer, paid_course):
    grant_course_access(user=buyer, course=paid_course, access_type="purchase", purchase_id="ORDER-FROM-THE-OLD-SHOP")
    post_event(client, refund_event(stripe_server, bought))
    assert CourseAccess.objects.get(purchase_id="ORDER-FROM-THE-OLD-SHOP").is_active()


def test_a_partial_refund_keeps_the_access(client, stripe_server, bought, buyer):
    post_event(client, refund_event(stripe_server, bought, amount=5000))
    bought.refresh_from_db()
    assert str(bought.amount_refunded) == "50.00"
    assert bought.status == Purchase.Status.PAID
    assert CourseAccess.objects.get(user=buyer).is_active()


def test_the_buyer_is_told_of_a_refund_once(client, stripe_server, bought, django_capture_on_commit_callbacks):
    event = refund_event(stripe_server, bought)
    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, event)
        post_event(client, event)
    refunds = [message for message in mail.outbox if "refund" in message.subject.lower()]
    assert len(refunds) == 1
    assert "297.00 USD" in refunds[0].body


def test_a_refund_that_arrives_before_the_payment_grants_nothing(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    completed = completed_event(stripe_server, session_id)
    purchase = Purchase.objects.get(stripe_session_id=session_id)
    purchase.payment_intent = completed["data"]["object"]["payment_intent"]
    post_event(client, refund_event(stripe_server, purchase))
    post_event(client, completed)
    assert not CourseAccess.objects.filter(user=buyer).exists()
    assert Purchase.objects.get().status == Purchase.Status.REFUNDED


def test_a_refunded_purchase_replayed_does_not_come_back(client, stripe_server, bought, buyer):
    post_event(client, refund_event(stripe_server, bought))
    replay = stripe_server.event("checkout.session.completed", stripe_server.sessions[bought.stripe_session_id])
    post_event(client, replay)
    assert not CourseAccess.objects.filter(user=buyer).active().exists()


def test_the_success_page_reports_what_the_webhook_did(client, bought):
    response = client.get(f"/payments/status/?session_id={bought.stripe_session_id}")
    assert response.json()["status"] == "paid"
    page = client.get(f"/payments/success/?session_id={bought.stripe_session_id}").content.decode()
    assert "Your access is ready." in page


def test_the_success_page_waits_while_the_webhook_has_not_come(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    stripe_server.pay(session_id)  # paid at Stripe, but no event delivered yet
    page = client.get(f"/payments/success/?session_id={session_id}").content.decode()
    assert "waiting for Stripe to confirm your payment" in page
    assert "Your access will appear in a minute" in page
    assert not CourseAccess.objects.filter(user=buyer).exists()


def test_someone_elses_checkout_status_is_not_shown(client, bought):
    from access.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(f"/payments/status/?session_id={bought.stripe_session_id}").status_code == 404


def test_the_receipt_is_on_the_account_page(client, bought):
    page = client.get("/account/").content.decode()
    assert bought.receipt_number in page
    assert client.get(f"/account/receipts/{bought.pk}/").status_code == 200


def test_a_course_bought_today_has_a_lifetime_unless_the_course_says_otherwise(
    client, stripe_server, buyer, paid_course, pay
):
    paid_course.access_duration_type = "fixed_days"
    paid_course.access_duration_days = 30
    paid_course.save_revision().publish()
    pay(start_course_checkout(client, buyer, paid_course))
    access = CourseAccess.objects.get(user=buyer)
    assert access.expires_at.date() == (access.granted_at + datetime.timedelta(days=30)).date()
