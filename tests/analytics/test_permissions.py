"""Superusers and analysts see everything; an instructor sees their own courses; everybody else, 403."""

import pytest
from django.contrib.auth.models import Group

from access.factories import UserFactory
from courses.models import CourseInstructor

pytestmark = pytest.mark.django_db

EVERY_VIEW = ["/admin/analytics/", "/admin/analytics/summary.json", "/admin/analytics/?format=csv&table=courses"]


@pytest.mark.parametrize("url", EVERY_VIEW)
def test_a_superuser_sees_the_analytics(client, school, superuser, url):
    client.force_login(superuser)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", EVERY_VIEW)
def test_an_editor_gets_403(client, school, url):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", EVERY_VIEW)
def test_a_student_gets_403(client, school, url):
    client.force_login(school.students["amy"])
    assert client.get(url).status_code == 403


def test_a_guest_gets_403(client, school):
    assert client.get("/admin/analytics/summary.json").status_code == 403


def test_an_instructor_sees_only_their_courses(client, school, instructor_of_a):
    client.force_login(instructor_of_a)
    data = client.get("/admin/analytics/summary.json").json()
    assert [row["title"] for row in data["courses"]] == ["Course A"]
    assert data["enrollments_total"] == 2
    assert data["students_total"] == 2  # the students of course A


def test_an_instructor_sees_their_courses_funnel(client, school, instructor_of_a):
    client.force_login(instructor_of_a)
    assert client.get(f"/admin/analytics/courses/{school.course_a.pk}/").status_code == 200


def test_an_instructor_of_another_course_gets_403_on_this_funnel(client, school):
    other = UserFactory(is_staff=True)
    CourseInstructor.objects.create(course=school.course_b, user=other)
    client.force_login(other)
    assert client.get(f"/admin/analytics/courses/{school.course_a.pk}/").status_code == 403
    assert client.get(f"/admin/analytics/courses/{school.course_a.pk}/?format=csv").status_code == 403
