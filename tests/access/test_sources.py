"""Bundles, cohorts and open enrollment grant access; taking it away touches only their own records."""

import pytest

from access.factories import BundleFactory, CohortFactory, UserFactory
from access.models import AccessEvent, BundleTier, CourseAccess
from access.selectors import has_course_access
from access.services import (
    AccessError,
    enroll,
    grant_course_access,
    join_cohort,
    leave_cohort,
    purchase_bundle,
    refund_bundle_purchase,
)
from courses.factories import course_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses():
    return [course_tree(title=f"Course {name}")[0] for name in "ABC"]


def access_types(user, course):
    return sorted(CourseAccess.objects.filter(user=user, course=course).active().values_list("access_type", flat=True))


def test_fixed_bundle_grants_every_course_linked_to_the_purchase(courses, learner, editor):
    bundle = BundleFactory(courses=courses[:2])
    purchase = purchase_bundle(user=learner, bundle=bundle, granted_by=editor, purchase_id="ORDER-1")
    assert {access.course for access in purchase.accesses.all()} == set(courses[:2])
    assert not has_course_access(learner, courses[2])[0]


def test_pick_your_own_bundle_grants_only_the_picked_courses(courses, learner):
    bundle = BundleFactory(courses=courses, bundle_type="pick_your_own", max_course_selections=2)
    purchase = purchase_bundle(user=learner, bundle=bundle, selected_courses=[courses[0], courses[2]])
    assert set(purchase.selected_courses.all()) == {courses[0], courses[2]}
    assert [has_course_access(learner, course)[0] for course in courses] == [True, False, True]


def test_picking_more_courses_than_allowed_is_a_clear_error(courses, learner):
    bundle = BundleFactory(name="Duo", courses=courses, bundle_type="pick_your_own", max_course_selections=2)
    with pytest.raises(AccessError, match="“Duo” lets you pick up to 2 courses; 3 were picked."):
        purchase_bundle(user=learner, bundle=bundle, selected_courses=courses)
    assert not CourseAccess.objects.exists()
    assert not bundle.purchases.exists()


def test_picking_a_course_outside_the_bundle_is_refused(courses, learner):
    bundle = BundleFactory(courses=courses[:2], bundle_type="pick_your_own", max_course_selections=2)
    with pytest.raises(AccessError, match="Not part of"):
        purchase_bundle(user=learner, bundle=bundle, selected_courses=[courses[2]])


def test_tiered_bundle_grants_the_chosen_tier(courses, learner):
    bundle = BundleFactory(bundle_type="tiered")
    bronze = BundleTier.objects.create(bundle=bundle, name="Bronze")
    bronze.courses.set(courses[:1])
    bronze.save()
    gold = BundleTier.objects.create(bundle=bundle, name="Gold")
    gold.courses.set(courses)
    gold.save()
    purchase_bundle(user=learner, bundle=bundle, tier=bronze)
    assert [has_course_access(learner, course)[0] for course in courses] == [True, False, False]


def test_tiered_bundle_needs_a_tier(courses, learner):
    with pytest.raises(AccessError, match="Choose one of the tiers"):
        purchase_bundle(user=learner, bundle=BundleFactory(bundle_type="tiered"))


def test_refund_revokes_exactly_the_purchase_s_access(courses, learner, editor):
    grant_course_access(user=learner, course=courses[0], granted_by=editor)  # manual, from elsewhere
    purchase = purchase_bundle(user=learner, bundle=BundleFactory(courses=courses[:2]))
    refund_bundle_purchase(purchase=purchase, refunded_by=editor, reason="Refund requested")
    assert access_types(learner, courses[0]) == ["manual"]
    assert access_types(learner, courses[1]) == []
    assert purchase.accesses.filter(status="revoked").count() == 2


def test_refund_twice_is_refused(courses, learner, editor):
    purchase = purchase_bundle(user=learner, bundle=BundleFactory(courses=courses[:1]))
    refund_bundle_purchase(purchase=purchase, refunded_by=editor, reason="Refund")
    with pytest.raises(AccessError, match="already refunded"):
        refund_bundle_purchase(purchase=purchase, refunded_by=editor, reason="Again")


def test_joining_a_cohort_grants_its_courses(courses, learner, editor):
    cohort = CohortFactory(courses=courses[:2])
    join_cohort(user=learner, cohort=cohort, added_by=editor)
    assert access_types(learner, courses[0]) == ["cohort"]
    assert CourseAccess.objects.filter(user=learner, cohort=cohort).count() == 2


def test_leaving_a_cohort_revokes_only_cohort_access(courses, learner, editor):
    cohort = CohortFactory(courses=courses[:1])
    grant_course_access(user=learner, course=courses[0], granted_by=editor)
    join_cohort(user=learner, cohort=cohort, added_by=editor)
    leave_cohort(user=learner, cohort=cohort, removed_by=editor)
    assert access_types(learner, courses[0]) == ["manual"]
    assert not cohort.members.exists()


def test_leaving_keeps_access_when_the_member_was_set_to_keep_it(courses, learner, editor):
    cohort = CohortFactory(courses=courses[:1])
    join_cohort(user=learner, cohort=cohort, added_by=editor, remove_access_on_leave=False)
    leave_cohort(user=learner, cohort=cohort, removed_by=editor)
    assert access_types(learner, courses[0]) == ["cohort"]


def test_joining_twice_says_so(courses, learner):
    cohort = CohortFactory(name="Spring", courses=courses[:1])
    join_cohort(user=learner, cohort=cohort)
    with pytest.raises(AccessError, match="already in the cohort “Spring”"):
        join_cohort(user=learner, cohort=cohort)


def test_open_course_enrolls_in_one_click(learner):
    course, _modules, _lessons = course_tree(enrollment_method="open")
    record = enroll(user=learner, course=course)
    assert record.access_type == "enrollment" and has_course_access(learner, course)[0]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"enrollment_method": "purchase"}, "not open for self-enrollment"),
        ({"status": "coming_soon"}, "coming soon"),
    ],
)
def test_enrollment_is_refused_with_the_reason(learner, fields, message):
    course, _modules, _lessons = course_tree(**fields)
    with pytest.raises(AccessError, match=message):
        enroll(user=learner, course=course)
    assert not CourseAccess.objects.exists()


def test_fixed_days_course_gives_access_that_ends(learner):
    course, _modules, _lessons = course_tree(access_duration_type="fixed_days", access_duration_days=30)
    record = enroll(user=learner, course=course)
    assert (record.expires_at - record.granted_at).days in (29, 30)


def test_each_action_writes_an_event_with_its_source(courses, learner, editor):
    cohort = CohortFactory(name="Launch", courses=courses[:1])
    join_cohort(user=learner, cohort=cohort, added_by=editor)
    purchase = purchase_bundle(user=learner, bundle=BundleFactory(name="Pack", courses=courses[1:2]), granted_by=editor)
    refund_bundle_purchase(purchase=purchase, refunded_by=editor, reason="Chargeback")
    leave_cohort(user=learner, cohort=cohort, removed_by=editor)
    events = list(AccessEvent.objects.filter(user=learner).order_by("pk").values_list("action", "source", "reason"))
    assert events == [
        ("cohort_join", "Cohort: Launch", ""),
        ("bundle_purchase", "Bundle: Pack", ""),
        ("refund", "Bundle: Pack", "Chargeback"),
        ("cohort_leave", "Cohort: Launch", "Left the cohort “Launch”."),
    ]


def test_access_events_cannot_be_edited_or_deleted(learner, courses):
    grant_course_access(user=learner, course=courses[0])
    event = AccessEvent.objects.get()
    event.reason = "rewritten"
    with pytest.raises(Exception, match="append-only"):
        event.save()
    with pytest.raises(Exception, match="append-only"):
        event.delete()


def test_another_user_s_grant_is_not_shared(courses, learner):
    grant_course_access(user=UserFactory(), course=courses[0])
    assert not has_course_access(learner, courses[0])[0]
