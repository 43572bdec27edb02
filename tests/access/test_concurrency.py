"""Two requests granting the same access at once leave one active record (PostgreSQL only)."""

import pytest
from django.db import connection

from access.factories import UserFactory
from access.models import CourseAccess
from access.services import grant_course_access
from courses.factories import course_tree
from tests.concurrency import at_once

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent connections")


# serialized_rollback restores the rows Wagtail's migrations create (root page, locale, groups).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_grant_leaves_one_active_record():
    course, _modules, _lessons = course_tree()
    user = UserFactory()
    _results, errors = at_once(lambda: grant_course_access(user=user, course=course))

    assert errors == []
    assert CourseAccess.objects.filter(user=user, course=course, status="unlocked").count() == 1


@pytest.mark.django_db
def test_database_refuses_a_second_unlocked_record_for_the_same_source():
    from django.db import IntegrityError

    course, _modules, _lessons = course_tree()
    user = UserFactory()
    CourseAccess.objects.create(user=user, course=course, access_type="manual")
    with pytest.raises(IntegrityError):
        CourseAccess.objects.create(user=user, course=course, access_type="manual")
