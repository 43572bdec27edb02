"""Without Stripe keys the site still runs: paid items say how to get access instead."""

import pytest
from wagtail.models import Site

from access.factories import BundleFactory
from courses.factories import course_tree
from home.models import SchoolSettings
from payments.models import Purchase

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_line(db):
    school = SchoolSettings.for_site(Site.objects.get(is_default_site=True))
    school.contact_line = "To buy a course, email sales@school.example."
    school.save()
    return school.contact_line


def test_a_paid_course_shows_the_contact_line_instead_of_a_buy_button(
    client, no_stripe, buyer, paid_course, contact_line
):
    client.force_login(buyer)
    page = client.get(paid_course.url).content.decode()
    assert contact_line in page
    assert "Buy now" not in page


def test_pressing_buy_anyway_explains_and_records_nothing(client, no_stripe, buyer, paid_course):
    client.force_login(buyer)
    response = client.post(f"{paid_course.url}buy/", follow=True)
    assert "Online checkout is not set up on this site." in response.content.decode()
    assert not Purchase.objects.exists()


def test_the_catalog_has_no_buy_button(client, no_stripe, buyer, paid_course):
    client.force_login(buyer)
    html = client.get("/courses/").content.decode()
    assert "Buy for $297.00." in html
    assert f'action="{paid_course.url}buy/"' not in html


def test_a_bundle_page_shows_the_contact_line(client, no_stripe, buyer, contact_line):
    bundle = BundleFactory(courses=[course_tree(title="A course")[0]], price="50.00")
    client.force_login(buyer)
    page = client.get(f"/bundles/{bundle.slug}/").content.decode()
    assert contact_line in page
    assert "Buy now" not in page


def test_the_membership_page_shows_the_contact_line(client, no_stripe, contact_line):
    page = client.get("/membership/").content.decode()
    assert contact_line in page


def test_the_webhook_refuses_events_when_no_secret_is_set(client, no_stripe):
    response = client.post("/payments/stripe/webhook/", data="{}", content_type="application/json")
    assert response.status_code == 400
