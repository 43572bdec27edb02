"""The admin home's analytics panels (headline numbers, the live activity feed) and the Analytics
menu item: there for analysts, superusers and instructors, absent for everybody else."""

import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.admin.icons import get_icons

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import UserProgress
from quizzes.factories import certify

pytestmark = pytest.mark.django_db

HOME = "/admin/"
LONG_AGO = timezone.now() - datetime.timedelta(days=60)


@pytest.fixture
def analyst(client):
    user = UserFactory(username="analyst", is_staff=True, date_joined=LONG_AGO)
    user.groups.add(Group.objects.get(name="Analysts"))
    return user


@pytest.fixture
def superuser():
    return UserFactory(username="root", is_staff=True, is_superuser=True, date_joined=LONG_AGO)


def panel(response, panel_id):
    section = BeautifulSoup(response.content, "html.parser").find(id=f"{panel_id}-section")
    return None if section is None else " ".join(section.get_text(" ").split())


@pytest.fixture
def school():
    """Three students: one enrolled who finished the course's only lesson and was certified, one
    enrolled who never started, and one who joined two days ago with no course."""
    course, _modules, (lesson,) = course_tree(title="Software Testing", lessons=[{"title": "Boundary values"}])
    finisher = UserFactory(first_name="Nia", last_name="Okafor", date_joined=LONG_AGO)
    idle = UserFactory(first_name="Ben", last_name="Ito", date_joined=LONG_AGO)
    UserFactory(first_name="Ola", last_name="New", date_joined=timezone.now() - datetime.timedelta(days=2))
    for user in (finisher, idle):
        grant_course_access(user=user, course=course)
    UserProgress.objects.create(
        user=finisher, lesson=lesson, status="completed", completed=True, completed_at=timezone.now()
    )
    certify(user=finisher, course=course)
    return course


def test_an_analyst_sees_the_schools_numbers_on_the_admin_home(client, analyst, school):
    client.force_login(analyst)

    stats = panel(client.get(HOME), "analytics-stats")

    assert stats == (
        "The school in numbers 3 students 1 active in the last 30 days 1 new in the last 7 days "
        "2 enrollments 50% of enrollments completed 1 certificates All analytics"
    )


def test_the_numbers_panel_links_to_the_analytics_page(client, analyst, school):
    client.force_login(analyst)

    soup = BeautifulSoup(client.get(HOME).content, "html.parser")

    assert soup.find(id="analytics-stats-section").find("a", string="All analytics")["href"] == "/admin/analytics/"


@pytest.mark.parametrize("viewer", ["analyst", "superuser"])
def test_the_admin_home_shows_the_latest_activity_first(client, analyst, superuser, school, viewer):
    client.force_login(analyst if viewer == "analyst" else superuser)

    feed = BeautifulSoup(client.get(HOME).content, "html.parser").find(attrs={"data-activity-feed": True})

    first = feed.find("li")
    assert first.a.get_text() == "Nia Okafor earned a certificate for Software Testing"
    assert first.a["href"] == f"/admin/students/{school.certificates.get().user_id}/"
    assert first.time.get_text() == "just now"
    assert feed["data-feed-url"] == "/admin/analytics/activity.json"


def test_the_feed_panel_offers_more_only_when_there_is_more(client, analyst, school):
    client.force_login(analyst)
    feed = BeautifulSoup(client.get(HOME).content, "html.parser").find(attrs={"data-activity-feed": True})
    assert feed.find(attrs={"data-activity-more": True}).has_attr("hidden")
    for n in range(20):
        UserFactory(username=f"newcomer{n}")

    feed = BeautifulSoup(client.get(HOME).content, "html.parser").find(attrs={"data-activity-feed": True})

    assert len(feed.find_all("li")) == 20
    assert not feed.find(attrs={"data-activity-more": True}).has_attr("hidden")
    assert feed["data-next"]


def test_a_students_name_is_shown_as_text_not_markup(client, analyst, school):
    UserFactory(first_name="<img src=x onerror=alert(1)>", last_name="Evil")
    client.force_login(analyst)

    html = client.get(HOME).content.decode()

    assert "<img src=x onerror=alert(1)>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; Evil signed up" in html


def test_the_feed_script_is_a_static_file_and_writes_no_markup(client, analyst, school):
    client.force_login(analyst)

    html = client.get(HOME).content.decode()

    assert '<script src="/static/js/activity-feed.js" defer></script>' in html
    script = Path(settings.PROJECT_DIR, "static", "js", "activity-feed.js").read_text()
    assert "textContent" in script
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


def test_an_editor_sees_no_analytics_on_the_admin_home(client, editor, school):
    client.force_login(editor)

    response = client.get(HOME)

    assert response.status_code == 200
    assert panel(response, "analytics-stats") is None
    assert panel(response, "analytics-activity") is None
    assert b"activity-feed.js" not in response.content


def test_the_analytics_menu_item_is_shown_to_analysts_only(client, analyst, editor):
    client.force_login(analyst)
    assert b'"/admin/analytics/"' in client.get(HOME).content

    client.force_login(editor)
    assert b'"/admin/analytics/"' not in client.get(HOME).content


def test_the_analytics_menu_icon_exists():
    assert 'id="icon-table"' in get_icons()
