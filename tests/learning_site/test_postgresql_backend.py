from datetime import UTC, datetime

import pytest
from django.db import connection

from access.factories import UserFactory
from courses.factories import course_tree
from courses.models import UserProgress

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the backend is PostgreSQL's"),
]


def test_a_timestamp_from_another_offset_reads_as_the_same_instant_in_utc():
    with connection.cursor() as cursor:
        cursor.execute("SELECT '2026-01-01 12:00:00.123456+05:30'::timestamptz")
        (value,) = cursor.fetchone()

    assert value == datetime(2026, 1, 1, 6, 30, 0, 123456, tzinfo=UTC)
    assert value.tzinfo is UTC


def test_a_saved_timestamp_reads_back_unchanged():
    completed_at = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
    _course, _modules, [lesson] = course_tree(lessons=[{"title": "Timing"}])
    row = UserProgress.objects.create(user=UserFactory(), lesson=lesson, completed_at=completed_at)

    assert UserProgress.objects.values_list("completed_at", flat=True).get(pk=row.pk) == completed_at
