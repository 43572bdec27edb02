"""From the admin's student page, a superuser downloads a student's data or deletes the account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from access.factories import UserFactory
from courses.factories import course_tree
from courses.models import LessonNote

pytestmark = pytest.mark.django_db


@pytest.fixture
def student():
    _course, _modules, [lesson] = course_tree(lessons=[{"title": "Noted"}])
    user = UserFactory(username="nia", email="nia@example.com")
    LessonNote.objects.create(user=user, lesson=lesson, text="A note for the export.")
    return user


@pytest.fixture
def superuser(client):
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_a_superuser_downloads_a_students_data(client, superuser, student):
    response = client.get(f"/admin/students/{student.pk}/data.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["profile"]["username"] == "nia"
    assert data["notes"][0]["text"] == "A note for the export."


def test_an_access_manager_may_not_read_a_students_private_data(client, student):
    manager = UserFactory(is_staff=True)
    manager.groups.add(Group.objects.get(name="Access managers"))
    client.force_login(manager)

    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
    response = client.get(f"/admin/students/{student.pk}/data.json")
    assert response.url == "/admin/"
    assert "A note for the export." not in response.content.decode()
    assert client.post(f"/admin/students/{student.pk}/delete/", {"confirm": "nia"}).url == "/admin/"
    assert get_user_model().objects.filter(pk=student.pk).exists()


def test_a_superuser_deletes_an_account_by_typing_its_username(client, superuser, student):
    response = client.post(f"/admin/students/{student.pk}/delete/", {"confirm": "nia"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="nia").exists()
    assert "deleted-" not in client.get("/admin/students/").content.decode()  # tombstones are no students


def test_a_mistyped_username_deletes_nothing(client, superuser, student):
    response = client.post(f"/admin/students/{student.pk}/delete/", {"confirm": "nina"})
    assert "exactly to delete this account" in response.content.decode()
    assert get_user_model().objects.filter(pk=student.pk).exists()
