"""has_course_access, grant_course_access and revoke_course_access."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from access.factories import UserFactory
from access.models import Audience, CourseAccess
from access.selectors import has_course_access, viewer_tier
from access.services import grant_course_access, revoke_course_access
from courses.factories import course_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_tree()[0]


def test_anonymous_viewer_is_a_guest_with_no_access(course):
    assert viewer_tier(AnonymousUser(), course) == Audience.GUEST
    assert has_course_access(AnonymousUser(), course) == (False, None, "Log in to use your course access.")


def test_logged_in_user_without_access_is_registered(course, learner):
    assert viewer_tier(learner, course) == Audience.REGISTERED
    assert has_course_access(learner, course) == (False, None, "No access to this course.")


def test_grant_makes_the_user_enrolled_and_records_who_and_how(course, learner, editor):
    record = grant_course_access(user=learner, course=course, granted_by=editor, notes="Scholarship")
    has_access, found, reason = has_course_access(learner, course)
    assert has_access and found == record
    assert reason == "Access through manual grant."
    assert (record.access_type, record.granted_by, record.notes) == ("manual", editor, "Scholarship")
    assert viewer_tier(learner, course) == Audience.ENROLLED


def test_granting_the_same_access_again_renews_the_one_record(course, learner):
    soon = timezone.now() + timedelta(days=5)
    later = timezone.now() + timedelta(days=50)
    first = grant_course_access(user=learner, course=course, expires_at=soon)
    second = grant_course_access(user=learner, course=course, expires_at=later)
    assert first.pk == second.pk
    assert CourseAccess.objects.get().expires_at == later


def test_renewing_never_shortens_a_lifetime_grant(course, learner):
    grant_course_access(user=learner, course=course)
    grant_course_access(user=learner, course=course, expires_at=timezone.now() + timedelta(days=1))
    assert CourseAccess.objects.get().expires_at is None


def test_grant_refuses_an_expiry_in_the_past(course, learner):
    with pytest.raises(ValueError, match="expiry must be in the future"):
        grant_course_access(user=learner, course=course, expires_at=timezone.now() - timedelta(minutes=1))
    assert not CourseAccess.objects.exists()


def test_expired_access_explains_when_it_ended(course, learner):
    record = grant_course_access(user=learner, course=course, expires_at=timezone.now() + timedelta(hours=1))
    has_access, found, reason = has_course_access(learner, course, at=record.expires_at + timedelta(seconds=1))
    assert (has_access, found) == (False, record)
    assert reason.startswith("Access expired on ")


def test_revoke_keeps_the_row_with_who_when_and_why(course, learner, editor):
    grant_course_access(user=learner, course=course)
    [record] = revoke_course_access(user=learner, course=course, revoked_by=editor, reason="Chargeback")
    record.refresh_from_db()
    assert (record.status, record.revoked_by, record.revocation_reason) == ("revoked", editor, "Chargeback")
    assert record.revoked_at is not None
    assert has_course_access(learner, course) == (False, record, "Access was revoked.")


def test_revoke_requires_a_reason(course, learner, editor):
    grant_course_access(user=learner, course=course)
    with pytest.raises(ValueError, match="A reason is required"):
        revoke_course_access(user=learner, course=course, revoked_by=editor, reason="  ")
    assert has_course_access(learner, course)[0]


def test_revoking_one_source_keeps_access_from_another(course, learner, editor):
    grant_course_access(user=learner, course=course, access_type=CourseAccess.AccessType.MANUAL)
    grant_course_access(user=learner, course=course, access_type=CourseAccess.AccessType.PURCHASE, purchase_id="A1")
    revoke_course_access(
        user=learner, course=course, revoked_by=editor, reason="Refund", access_type=CourseAccess.AccessType.PURCHASE
    )
    has_access, record, _reason = has_course_access(learner, course)
    assert has_access and record.access_type == "manual"


def test_access_can_be_granted_again_after_a_revocation(course, learner, editor):
    grant_course_access(user=learner, course=course)
    revoke_course_access(user=learner, course=course, revoked_by=editor, reason="Mistake")
    grant_course_access(user=learner, course=course)
    assert CourseAccess.objects.filter(user=learner).count() == 2
    assert has_course_access(learner, course)[0]


def test_editor_with_edit_rights_sees_the_course_as_enrolled(course, editor):
    assert viewer_tier(editor, course) == Audience.ENROLLED
    assert not has_course_access(editor, course)[0]


def test_inactive_user_with_a_grant_is_not_an_editor(course):
    user = UserFactory(is_active=False, is_superuser=True)
    assert viewer_tier(user, course) == Audience.REGISTERED


def test_grant_renew_expiry_change_revoke_and_enroll_each_leave_an_event(learner, editor):
    from access.models import AccessEvent
    from access.services import change_access_expiry, enroll

    course = course_tree(enrollment_method="open")[0]
    other = course_tree()[0]
    record = grant_course_access(user=learner, course=other, granted_by=editor, notes="Gift")
    grant_course_access(user=learner, course=other, granted_by=editor)
    change_access_expiry(
        access=record, expires_at=timezone.now() + timedelta(days=3), changed_by=editor, reason="Trial"
    )
    revoke_course_access(user=learner, course=other, revoked_by=editor, reason="Ended")
    enroll(user=learner, course=course)
    assert list(AccessEvent.objects.order_by("pk").values_list("action", "actor__username", "reason")) == [
        ("grant", "editor", "Gift"),
        ("renew", "editor", ""),
        ("expiry_change", "editor", "Trial"),
        ("revoke", "editor", "Ended"),
        ("enroll", "learner", ""),
    ]
