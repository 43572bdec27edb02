import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from access.factories import UserFactory
from access.models import CourseAccess
from access.services import grant_course_access


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


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


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site as `seed_demo` builds it, once per test module, rolled back after the module.

    Each test's own transaction nests inside this one (as a savepoint), so tests may change the
    demo data freely. A full import publishes ~160 pages, which is why it is not done per test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", force=True, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def fake_openai(settings):
    """Start a fake OpenAI server answering with `respond(path, headers, body)` and point the site at it
    (one-second timeout). Returns the server, whose `requests` list what the real client sent."""
    from tests.fake_servers import FakeServer

    servers = []

    def start(respond):
        server = FakeServer(respond).__enter__()
        servers.append(server)
        settings.OPENAI_API_KEY = "test-key"
        settings.OPENAI_BASE_URL = server.url + "/v1"
        settings.OPENAI_TIMEOUT_SECONDS = 1
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture
def fake_media_host(settings):
    """Start a fake Cloudinary delivery host serving `files` ({path: bytes}, optional `redirects`) on
    127.0.0.1 and let transcription fetch from its origin (CLOUDINARY_DELIVERY_HOSTS). Returns the server."""
    from tests.fake_servers import FakeMediaHost

    servers = []

    def start(files, redirects=None):
        server = FakeMediaHost(files, redirects).__enter__()
        servers.append(server)
        settings.CLOUDINARY_DELIVERY_HOSTS = ("res.cloudinary.com", server.url)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)
