"""Categories are snippets in the Wagtail admin's "Learning" menu."""

import pytest
from django.contrib.auth.models import Group, Permission

from access.factories import UserFactory
from courses.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def category_editor(client):
    user = UserFactory()
    group = Group.objects.get(name="Editors")
    group.permissions.add(*Permission.objects.filter(codename__in=["add_category", "change_category", "view_category"]))
    user.groups.add(group)
    client.force_login(user)
    return client


def test_editor_adds_a_category_from_the_snippet_admin(category_editor):
    response = category_editor.post(
        "/admin/snippets/courses/category/add/",
        {
            "name": "Software Testing",
            "slug": "software-testing",
            "description": "",
            "icon": "",
            "sort_order": 1,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Category.objects.get().name == "Software Testing"


def test_category_list_shows_in_the_learning_menu(category_editor):
    Category.objects.create(name="Security", slug="security")
    response = category_editor.get("/admin/snippets/courses/category/")
    assert response.status_code == 200
    assert "Security" in response.content.decode()


def test_duplicate_category_name_is_refused_with_a_message(category_editor):
    Category.objects.create(name="Security", slug="security")
    response = category_editor.post(
        "/admin/snippets/courses/category/add/",
        {"name": "Security", "slug": "security-2", "sort_order": 0},
    )
    assert response.status_code == 200
    assert "Category with this Name already exists." in response.content.decode()


def test_editors_may_publish_lessons(client, editor):
    from wagtail.models import Page

    from courses.factories import course_tree

    _course, _modules, (lesson,) = course_tree(lessons=[{"title": "Draft me"}])
    assert Page.objects.get(pk=lesson.pk).specific.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html
