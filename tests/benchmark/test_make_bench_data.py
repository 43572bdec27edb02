"""`make_bench_data` builds a bench site of the sizes asked for, that the site serves like any other."""

import pytest
from django.core.management import CommandError, call_command

from benchmark import content, dataset
from courses.factories import site_root
from courses.models import LessonPage

pytestmark = pytest.mark.django_db

TINY = {"courses": 2, "modules": 2, "lessons": 3, "students": 12, "progress_rows": 40, "quiz_attempts": 6}


def build(**sizes):
    call_command("make_bench_data", **{**TINY, "reviews": 4, **sizes})


def test_it_builds_the_sizes_asked_for():
    site_root()

    build()

    counts = dataset.existing_counts()
    assert (counts["courses"], counts["modules"], counts["lessons"], counts["students"]) == (2, 2, 3, 12)
    assert counts["progress_rows"] == 40
    assert counts["quiz_attempts"] == 6


def test_its_lessons_are_served_with_their_gated_text_kept_from_guests(client):
    site_root()
    build()
    lesson = LessonPage.objects.descendant_of(dataset.bench_courses().first()).live().order_by("path").first()

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert content.ENROLLED_MARKER not in response.content.decode()


def test_it_refuses_to_build_a_second_data_set_over_the_first():
    site_root()
    build()

    with pytest.raises(CommandError, match="already has bench data"):
        build()


def test_it_refuses_sizes_that_make_no_site():
    site_root()

    with pytest.raises(CommandError, match="at least one course"):
        build(courses=0)
