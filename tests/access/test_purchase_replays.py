"""An external purchase is recorded once: replaying it (one after another or at the same moment)
leaves one access record and one audit event."""

import pytest
from django.db import connection

from access.factories import BundleFactory, UserFactory
from access.models import AccessEvent, BundlePurchase, CourseAccess
from access.services import AccessError, grant_course_access, purchase_bundle, revoke_course_access
from courses.factories import course_tree
from tests.concurrency import at_once

PURCHASE = CourseAccess.AccessType.PURCHASE


def buy(user, course, order="ORDER-42"):
    return grant_course_access(user=user, course=course, access_type=PURCHASE, purchase_id=order)


@pytest.mark.django_db
def test_replaying_a_purchase_changes_nothing(learner):
    course = course_tree()[0]
    first = buy(learner, course)
    assert buy(learner, course) == first
    assert CourseAccess.objects.filter(user=learner).count() == 1
    assert AccessEvent.objects.filter(user=learner).count() == 1


@pytest.mark.django_db
def test_a_new_order_for_the_same_course_is_its_own_record(learner):
    course = course_tree()[0]
    buy(learner, course, "ORDER-1")
    buy(learner, course, "ORDER-2")
    assert CourseAccess.objects.filter(user=learner, course=course).count() == 2


@pytest.mark.django_db
def test_replaying_a_refunded_purchase_does_not_restore_access(learner):
    course = course_tree()[0]
    buy(learner, course)
    revoke_course_access(user=learner, course=course, revoked_by=None, reason="Refunded")
    buy(learner, course)
    assert not CourseAccess.objects.filter(user=learner).active().exists()
    assert AccessEvent.objects.filter(user=learner).count() == 2  # the grant and the revocation


@pytest.mark.django_db
def test_long_order_ids_that_share_a_prefix_are_different_purchases(learner):
    course = course_tree()[0]
    prefix = "cs_live_" + "a" * 60
    buy(learner, course, prefix + "1")
    buy(learner, course, prefix + "2")
    assert CourseAccess.objects.filter(user=learner, course=course).count() == 2


@pytest.mark.django_db
def test_replaying_a_bundle_order_changes_nothing(learner):
    bundle = BundleFactory(courses=[course_tree()[0], course_tree()[0]])
    first = purchase_bundle(user=learner, bundle=bundle, purchase_id="ORDER-7")
    assert purchase_bundle(user=learner, bundle=bundle, purchase_id="ORDER-7") == first
    assert BundlePurchase.objects.count() == 1
    assert CourseAccess.objects.filter(user=learner).count() == 2
    assert AccessEvent.objects.filter(user=learner).count() == 2


@pytest.mark.django_db
def test_a_bundle_order_cannot_be_claimed_by_another_account(learner):
    bundle = BundleFactory(courses=[course_tree()[0]])
    purchase_bundle(user=learner, bundle=bundle, purchase_id="ORDER-7")
    with pytest.raises(AccessError, match="already recorded for another account"):
        purchase_bundle(user=UserFactory(), bundle=bundle, purchase_id="ORDER-7")


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent connections")


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_replays_of_a_purchase_leave_one_record_and_one_event():
    course, user = course_tree()[0], UserFactory()
    assert at_once(lambda: buy(user, course), times=3)[1] == []
    assert CourseAccess.objects.filter(user=user).count() == 1
    assert list(AccessEvent.objects.filter(user=user).values_list("action", flat=True)) == ["grant"]


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_replays_of_a_bundle_order_leave_one_purchase():
    bundle, user = BundleFactory(courses=[course_tree()[0]]), UserFactory()
    assert at_once(lambda: purchase_bundle(user=user, bundle=bundle, purchase_id="ORDER-9"), times=3)[1] == []
    assert BundlePurchase.objects.count() == 1
    assert AccessEvent.objects.filter(user=user).count() == 1
