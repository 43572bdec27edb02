import pytest
from django.contrib.auth.models import Group

from access.factories import UserFactory
from access.models import CourseAccess
from access.services import grant_course_access


@pytest.fixture
def learner(db):
    """A registered user with no course access."""
    return UserFactory(username="learner")


@pytest.fixture
def make_student(db):
    """A user with active access to the given course."""

    def make(course, **grant):
        user = UserFactory()
        grant_course_access(user=user, course=course, access_type=CourseAccess.AccessType.MANUAL, **grant)
        return user

    return make


@pytest.fixture
def editor(db):
    """A member of Wagtail's Editors group, who may edit every page."""
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user
