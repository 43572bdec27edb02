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


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests on the demo site run one after the other, after the other tests that roll back and
    before those that commit (which empty the database after them), so that it is seeded once."""

    def order(item):
        marker = item.get_closest_marker("django_db")
        commits = marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
        if commits or {"transactional_db", "live_server"} & set(item.fixturenames):
            return 2
        return 1 if "demo_site" in item.fixturenames else 0

    items.sort(key=order)


class DemoSite:
    """The demo site as `seed_demo` builds it, inside a transaction kept open for as long as the tests
    that use it follow one another, then rolled back. Each test's own transaction nests inside it (a
    savepoint), so tests may change the demo data freely. A full import publishes ~180 pages (40 s on
    PostgreSQL), which is why it is done once rather than per test or per module."""

    def __init__(self):
        self.blocker = None  # pytest-django's, once the session has the test database
        self.open_contexts = []

    def open(self):
        if self.open_contexts or self.blocker is None:
            return
        for context in (self.blocker.unblock(), transaction.atomic()):
            context.__enter__()
            self.open_contexts.append(context)
        try:
            call_command("seed_demo", force=True, stdout=io.StringIO())
        except BaseException:
            self.close()
            raise

    def close(self):
        if not self.open_contexts:
            return
        transaction.set_rollback(True)
        while self.open_contexts:
            self.open_contexts.pop().__exit__(None, None, None)


DEMO_SITE = DemoSite()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Seed the demo site again before a test that uses it, if it was rolled back (the first time, its
    session fixture does it); roll it back before the first test after those that use it."""
    if "demo_site" in item.fixturenames:
        DEMO_SITE.open()
    else:
        DEMO_SITE.close()


@pytest.fixture(scope="session")
def demo_site_session(django_db_setup, django_db_blocker):
    """Set up before any test's own transaction, as session fixtures are."""
    DEMO_SITE.blocker = django_db_blocker
    DEMO_SITE.open()
    yield
    DEMO_SITE.close()  # before the session's own fixtures drop the test database


@pytest.fixture
def demo_site(demo_site_session):
    """The demo site (see DemoSite)."""
    assert DEMO_SITE.open_contexts, "seeded by demo_site_session or pytest_runtest_setup"


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
