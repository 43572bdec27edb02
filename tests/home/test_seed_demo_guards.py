"""seed_demo's guards: it leaves a site with courses alone and refuses demo users in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from courses.factories import course_tree
from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def test_seed_demo_if_empty_leaves_a_site_with_courses_alone(capsys):
    course_tree(title="Our own course")
    call_command("seed_demo", force=True, if_empty=True)
    assert list(CoursePage.objects.values_list("title", flat=True)) == ["Our own course"]
    assert "demo content not loaded" in capsys.readouterr().out


def test_seed_demo_refuses_demo_users_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to create demo users"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()
    assert not CoursePage.objects.exists()
