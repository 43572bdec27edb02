"""seed_demo builds the demo site once; running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

from access.models import AccessEvent, Bundle, CohortMember, CourseAccess, LearningPathCourse
from access.services import has_course_access
from courses.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "users": get_user_model().objects.count(),
        "accesses": CourseAccess.objects.count(),
        "access events": AccessEvent.objects.count(),
        "bundles": Bundle.objects.count(),
        "cohort members": CohortMember.objects.count(),
        "learning path steps": LearningPathCourse.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "passwords": sorted(get_user_model().objects.values_list("password", flat=True)),
    }


def test_seed_demo_builds_the_courses_users_and_access(client, capsys):
    call_command("seed_demo", force=True)

    software_testing = CoursePage.objects.get(slug="software-testing-ai")
    modules = ModulePage.objects.child_of(software_testing)
    assert modules.count() == 16
    assert all(LessonPage.objects.child_of(module).count() >= 8 for module in modules)
    assert LessonPage.objects.descendant_of(CoursePage.objects.get(slug="virtual-rockstar")).count() == 12
    users = {user.username: user for user in get_user_model().objects.all()}
    assert has_course_access(users["student"], software_testing)[0]
    assert not has_course_access(users["learner"], software_testing)[0]
    assert users["admin"].is_superuser and users["editor"].groups.filter(name="Editors").exists()
    assert "student  / student-demo-2026" in capsys.readouterr().out
    rockstar = CoursePage.objects.get(slug="virtual-rockstar")
    assert CohortMember.objects.get().user == users["student"]
    assert has_course_access(users["student"], rockstar)[0]
    assert rockstar.access_duration_type == "drip"
    assert client.get("/").status_code == 200
    assert client.get(software_testing.url).status_code == 200


def test_running_seed_demo_twice_changes_nothing():
    call_command("seed_demo", force=True)
    before = snapshot()
    call_command("seed_demo", force=True)
    assert snapshot() == before


def test_seed_demo_if_empty_leaves_a_site_with_courses_alone(capsys):
    call_command("seed_demo", force=True)
    CoursePage.objects.get(slug="virtual-rockstar").delete()
    call_command("seed_demo", force=True, if_empty=True)
    assert not CoursePage.objects.filter(slug="virtual-rockstar").exists()
    assert "demo content not loaded" in capsys.readouterr().out


def test_seed_demo_refuses_demo_users_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to create demo users"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()
    assert not CoursePage.objects.exists()
