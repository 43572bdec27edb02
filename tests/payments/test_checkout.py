"""Opening a Stripe Checkout Session: what the site asks Stripe for, and when it refuses to."""

import datetime

import pytest
from django.utils import timezone

from access.factories import BundleFactory
from access.models import BundleTier, CourseAccess
from access.services import grant_course_access
from courses.factories import course_tree
from payments.models import Purchase

from .conftest import start_course_checkout

pytestmark = pytest.mark.django_db


def session_request(stripe_server):
    return next(params for method, path, params in stripe_server.requests if path == "/v1/checkout/sessions")


def test_buying_a_course_sends_the_buyer_to_stripes_payment_page(client, stripe_server, buyer, paid_course):
    client.force_login(buyer)
    response = client.post(f"{paid_course.url}buy/")
    assert response.status_code == 303
    assert response["Location"].startswith(f"{stripe_server.url}/checkout/cs_test_")


def test_the_session_names_the_buyer_and_the_course(client, stripe_server, buyer, paid_course):
    start_course_checkout(client, buyer, paid_course)
    params = session_request(stripe_server)
    assert params["client_reference_id"] == str(buyer.pk)
    assert params["metadata"] == {"kind": "course", "object_id": str(paid_course.pk)}
    assert params["mode"] == "payment"
    assert params["line_items"][0]["price_data"]["unit_amount"] == "29700"
    assert params["success_url"].endswith("/payments/success/?session_id={CHECKOUT_SESSION_ID}")


def test_opening_a_session_records_a_pending_purchase(client, stripe_server, buyer, paid_course):
    session_id = start_course_checkout(client, buyer, paid_course)
    purchase = Purchase.objects.get(stripe_session_id=session_id)
    assert (purchase.user, purchase.course, purchase.status) == (buyer, paid_course, Purchase.Status.PENDING)
    assert not CourseAccess.objects.filter(user=buyer).exists()


def test_a_running_discount_is_what_the_buyer_pays(client, stripe_server, buyer, paid_course):
    paid_course.discount_price = "197.00"
    paid_course.discount_ends = timezone.now() + datetime.timedelta(days=3)
    paid_course.save_revision().publish()
    start_course_checkout(client, buyer, paid_course)
    assert session_request(stripe_server)["line_items"][0]["price_data"]["unit_amount"] == "19700"


def test_an_ended_discount_is_not_charged(client, stripe_server, buyer, paid_course):
    paid_course.discount_price = "197.00"
    paid_course.discount_ends = timezone.now() - datetime.timedelta(minutes=1)
    paid_course.save_revision().publish()
    start_course_checkout(client, buyer, paid_course)
    assert session_request(stripe_server)["line_items"][0]["price_data"]["unit_amount"] == "29700"


def test_the_course_page_shows_the_discount_and_when_it_ends(client, stripe_server, buyer, paid_course):
    paid_course.discount_price = "197.00"
    paid_course.discount_ends = timezone.now() + datetime.timedelta(days=3)
    paid_course.save_revision().publish()
    client.force_login(buyer)
    html = client.get(paid_course.url).content.decode()
    assert '<del aria-label="Was">$297.00</del> $197.00' in html
    assert "Offer ends" in html


def test_a_course_the_buyer_already_has_is_not_sold_again(client, stripe_server, buyer, paid_course):
    grant_course_access(user=buyer, course=paid_course)
    client.force_login(buyer)
    response = client.post(f"{paid_course.url}buy/", follow=True)
    assert "You already have access" in response.content.decode()
    assert not stripe_server.requests


def test_a_course_with_unmet_prerequisites_cannot_be_bought(client, stripe_server, buyer, paid_course):
    first = course_tree(lessons=[{"title": "Basics"}], title="Basics course")[0]
    paid_course.prerequisite_courses.add(first)
    paid_course.save_revision().publish()
    client.force_login(buyer)
    page = client.get(paid_course.url).content.decode()
    assert "Buy now" not in page
    assert "Basics course" in page
    client.post(f"{paid_course.url}buy/")
    assert not stripe_server.requests


def test_a_coming_soon_course_says_so_instead_of_selling(client, stripe_server, buyer, paid_course):
    paid_course.status = "coming_soon"
    paid_course.save_revision().publish()
    client.force_login(buyer)
    page = client.get(paid_course.url).content.decode()
    assert "This course is coming soon." in page
    assert "Buy now" not in page


def test_a_guest_is_asked_to_log_in_to_buy(client, stripe_server, paid_course):
    page = client.get(paid_course.url).content.decode()
    assert "Log in to buy" in page
    assert client.post(f"{paid_course.url}buy/").status_code == 302
    assert not stripe_server.requests


def test_the_catalog_card_has_a_buy_button(client, stripe_server, buyer, paid_course):
    client.force_login(buyer)
    html = client.get("/courses/").content.decode()
    assert f'action="{paid_course.url}buy/"' in html


def test_stripe_refusing_the_session_leaves_the_buyer_on_the_course_page_with_a_message(
    client, stripe_server, buyer, paid_course
):
    stripe_server.fail_next = (400, "Invalid request")
    client.force_login(buyer)
    response = client.post(f"{paid_course.url}buy/", follow=True)
    assert "Stripe could not start the checkout just now" in response.content.decode()
    assert not Purchase.objects.exists()


def test_a_fixed_bundle_checkout_carries_the_bundle(client, stripe_server, buyer):
    courses = [course_tree(title=f"Course {n}")[0] for n in range(2)]
    bundle = BundleFactory(courses=courses, price="99.00")
    client.force_login(buyer)
    assert client.post(f"/bundles/{bundle.slug}/").status_code == 303
    params = session_request(stripe_server)
    assert params["metadata"] == {"kind": "bundle", "object_id": str(bundle.pk)}
    assert params["line_items"][0]["price_data"]["unit_amount"] == "9900"


def test_a_pick_your_own_checkout_lists_the_chosen_courses(client, stripe_server, buyer):
    courses = [course_tree(title=f"Course {n}")[0] for n in range(3)]
    bundle = BundleFactory(courses=courses, price="120.00", bundle_type="pick_your_own", max_course_selections=2)
    client.force_login(buyer)
    response = client.post(f"/bundles/{bundle.slug}/", {"courses": [courses[0].pk, courses[2].pk]})
    assert response.status_code == 303
    metadata = session_request(stripe_server)["metadata"]
    assert metadata["course_ids"] == f"{courses[0].pk},{courses[2].pk}"
    assert Purchase.objects.get().selected_course_ids == [courses[0].pk, courses[2].pk]


def test_picking_too_many_courses_is_refused_before_paying(client, stripe_server, buyer):
    courses = [course_tree(title=f"Course {n}")[0] for n in range(3)]
    bundle = BundleFactory(courses=courses, price="120.00", bundle_type="pick_your_own", max_course_selections=2)
    client.force_login(buyer)
    response = client.post(f"/bundles/{bundle.slug}/", {"courses": [course.pk for course in courses]})
    assert response.status_code == 400
    assert "You can pick up to 2 courses; you picked 3." in response.content.decode()
    assert not stripe_server.requests


def test_a_tiered_checkout_charges_the_tiers_price(client, stripe_server, buyer):
    courses = [course_tree(title=f"Course {n}")[0] for n in range(2)]
    bundle = BundleFactory(bundle_type="tiered")
    gold = BundleTier.objects.create(bundle=bundle, name="Gold", price="250.00")
    gold.courses.set(courses)
    gold.courses.commit()  # a parental many-to-many waits to be committed
    client.force_login(buyer)
    assert client.post(f"/bundles/{bundle.slug}/", {"tier": gold.pk}).status_code == 303
    params = session_request(stripe_server)
    assert params["metadata"]["tier_id"] == str(gold.pk)
    assert params["line_items"][0]["price_data"]["unit_amount"] == "25000"


def test_a_tiered_bundle_without_a_tier_chosen_says_so(client, stripe_server, buyer):
    bundle = BundleFactory(bundle_type="tiered")
    BundleTier.objects.create(bundle=bundle, name="Gold", price="250.00")
    client.force_login(buyer)
    response = client.post(f"/bundles/{bundle.slug}/", {})
    assert "Choose one of the tiers." in response.content.decode()


def test_a_membership_checkout_is_a_subscription_for_the_buyer(client, stripe_server, buyer):
    client.force_login(buyer)
    assert client.post("/membership/").status_code == 303
    params = session_request(stripe_server)
    assert params["mode"] == "subscription"
    assert params["line_items"] == [{"price": "price_demo_membership", "quantity": "1"}]
    assert params["subscription_data"]["metadata"] == {"user_id": str(buyer.pk)}
    assert params["metadata"]["kind"] == "membership"


def test_the_membership_page_shows_stripes_price(client, stripe_server):
    assert "$29.00 USD a month" in client.get("/membership/").content.decode()
