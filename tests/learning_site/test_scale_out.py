"""Scale-out: app servers keep no state of their own. Two gunicorn servers with production settings share
the database, the Redis cache and sessions, so a browser whose requests a load balancer spreads over
both sees one site: what it did through one server, the other knows at once."""

import os
import secrets
import uuid
from urllib.parse import quote

import pytest
from django.conf import global_settings
from django.db import connection
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from access.factories import UserFactory
from courses.factories import course_tree
from tests.live_servers import (
    HOST,
    AppServer,
    Browser,
    collect_static_files,
    csrf_token,
    forget_cache_keys,
    redis_answers,
)

REDIS_URL = "redis://127.0.0.1:6379/0"
CACHE_KEY_PREFIX = f"scale-out-test-{uuid.uuid4().hex}"  # this run's keys only, deleted at the end
PASSWORD = "a-strong-test-password"  # what access.factories.UserFactory gives every user

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the app servers need a database they share with the test"
    ),
    pytest.mark.skipif(not redis_answers(REDIS_URL), reason=f"needs Redis at {REDIS_URL}, the servers' shared cache"),
    # The servers read the test's rows over their own connections, so the rows must be committed. The
    # database is emptied after each test; the serialized rollback puts back what the migrations made
    # (Wagtail's root page and site, the Editors group) for the tests that come after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shared_database_url():
    database = connection.settings_dict
    user = quote(database["USER"]) + (f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else "")
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgres://{user}@{database['HOST']}{port}/{database['NAME']}"


def production_environment():
    """Production settings over plain HTTP on 127.0.0.1 (as deploy/serve.sh runs them on a laptop),
    on the test database, with one SECRET_KEY for both servers: each must trust the other's sessions."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": shared_database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": CACHE_KEY_PREFIX,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "HSTS_SECONDS": "0",
    }
    for name in ("DEBUG", "TASK_BACKEND"):  # production's own: DEBUG off, tasks queued for the worker
        environment.pop(name, None)
    return environment


@pytest.fixture(scope="module")
def app_servers(django_db_setup, tmp_path_factory):
    """Servers A and B, started once for the module and always stopped."""
    environment = production_environment()
    collect_static_files(environment)
    log_dir = tmp_path_factory.mktemp("app-servers")
    servers = [AppServer(name, environment, log_dir) for name in ("A", "B")]
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_until_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()
        forget_cache_keys(REDIS_URL, CACHE_KEY_PREFIX)


@pytest.fixture
def servers(app_servers):
    """Both servers, with nothing in their cache from an earlier test, whose rows are gone (Wagtail's
    cached site root paths would point at a home page that no longer exists)."""
    forget_cache_keys(REDIS_URL, CACHE_KEY_PREFIX)
    return app_servers


@pytest.fixture(autouse=True)
def production_passwords(settings):
    """The users made here log in on servers that check passwords with production's hashers, which do
    not know the tests' fast MD5."""
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


def log_in(browser, server, user, path="/login/"):
    """GET the login form for its CSRF token, then POST it as a person would. django-axes counts every
    attempt, so only the right password is ever sent."""
    form = browser.get(server, path)
    fields = {"csrfmiddlewaretoken": csrf_token(form.text), "username": user.username, "password": PASSWORD}
    answer = browser.post_form(server, path, fields)
    assert answer.status == 302, answer.explain()


def text_body(html):
    """A lesson body of one text block that everyone may read."""
    return [{"type": "text", "value": {"audience": "guest", "text": html}}]


def text_body_fields(html):
    """The same body as the page editor posts it (its JavaScript builds these fields from the blocks)."""
    return nested_form_data({"body": streamfield([("text", {"audience": "guest", "text": rich_text(html)})])})


def publish_in_editor(browser, server, page, fields):
    """Log in to the Wagtail admin, open the page's editor, change `fields` and publish: all through
    `server`, as someone who may publish (Wagtail's Editors group may only save drafts)."""
    log_in(browser, server, UserFactory(is_superuser=True), path="/admin/login/")
    url = f"/admin/pages/{page.pk}/edit/"
    editor = browser.get(server, url)
    assert editor.status == 200, editor.explain()
    form = querydict_from_html(editor.text, form_id="page-edit-form", exclude_csrf=False).copy()
    for name, value in fields.items():
        form[name] = value
    form["action-publish"] = "action-publish"
    published = browser.post_form(server, url, form)
    assert published.status == 302, published.explain()


def test_progress_recorded_through_one_server_is_read_through_the_other(servers, make_student):
    server_a, server_b = servers
    course, _modules, [lesson] = course_tree(lessons=[{"title": "Boundary values", "access_level": "enrolled"}])
    browser = Browser()
    log_in(browser, server_a, make_student(course))

    recorded = browser.post_json(
        server_b, f"/api/lessons/{lesson.pk}/progress/", {"watch_percentage": 50, "timestamp": 30}
    )
    assert recorded.status == 200, recorded.explain()

    page = browser.get(server_a, lesson.url)
    assert page.status == 200, page.explain()
    assert 'data-watched="50"' in page.text and 'data-resume="30"' in page.text


def test_publishing_through_one_server_shows_on_the_other_at_once(servers):
    server_a, server_b = servers
    _course, _modules, [lesson] = course_tree(
        lessons=[{"title": "Boundary values", "body": text_body("<p>Test the edges.</p>")}]
    )
    reader = Browser()
    before = reader.get(server_b, lesson.url)  # B renders the lesson, and may keep what it rendered
    assert before.status == 200 and "Test the edges." in before.text, before.explain()

    changes = {"title": "Boundary value analysis", **text_body_fields("<p>Test both sides of each edge.</p>")}
    publish_in_editor(Browser(), server_a, lesson, changes)

    after = reader.get(server_b, lesson.url)
    assert after.status == 200, after.explain()
    assert "Test both sides of each edge." in after.text and "Boundary value analysis" in after.text
    # Nowhere on the page is the old revision left, the cached course outline included: publishing from
    # the test's own process would not do, since only a publish on a server moves Redis's cache on.
    assert "Test the edges." not in after.text and "Boundary values" not in after.text
