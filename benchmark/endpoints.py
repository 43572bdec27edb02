"""What is measured, as whom, and how the runner knows each answer is the real page.

Logged-in requests carry a session the runner writes the way `django.contrib.auth.login` does (no
password, no login form, so django-axes never counts an attempt), plus a CSRF cookie and header for
the POST. Every endpoint is checked once before its load: the status, the query-count header, and
words that prove the page is the one meant (gated lesson text for the enrolled student, its absence
and the locked notice for the guest).
"""

import http.client
import json
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.crypto import get_random_string
from django.utils.html import escape

from courses.models import LessonPage, ModulePage

from . import BenchmarkError, content, dataset
from .loadgen import LoadRequest
from .middleware import QUERY_COUNT_HEADER

GUEST = "guest"
BASELINE_PATH = "/bench/baseline/"
LOGGED_IN_MARKER = 'action="/logout/"'
PROGRESS_REPORT = json.dumps({"watch_percentage": 50, "timestamp": 30})  # below completion: rows stay in progress


class CheckFailed(BenchmarkError):
    """An endpoint did not answer as the benchmark expects: measuring it would measure the wrong thing."""


@dataclass(frozen=True)
class Endpoint:
    name: str
    viewer: str  # a username, or "guest"
    paths: tuple[str, ...]
    method: str = "GET"
    body: str = ""
    must_contain: tuple[str, ...] = ()
    must_not_contain: tuple[str, ...] = ()
    status: int = 200


BASELINE = Endpoint("baseline", GUEST, (BASELINE_PATH,), must_contain=("ok",))


def bench_endpoints() -> list[Endpoint]:
    """The measured pages of the bench site, from its first course (public, open, 128 lessons)."""
    course = dataset.bench_courses().order_by("path").first()
    module = ModulePage.objects.child_of(course).order_by("path").first()
    lesson = LessonPage.objects.child_of(module).order_by("path").first()
    lesson_ids = LessonPage.objects.descendant_of(course).order_by("path").values_list("pk", flat=True)
    student, enrolled = dataset.DASHBOARD_STUDENT, dataset.LESSON_STUDENT
    course_title, lesson_title = escape(course.title), escape(lesson.title)  # as the templates write them
    return [
        Endpoint(
            "lesson (enrolled)",
            enrolled,
            (lesson.url,),
            must_contain=(lesson_title, content.ENROLLED_MARKER, LOGGED_IN_MARKER),
        ),
        Endpoint(
            "lesson (guest)",
            GUEST,
            (lesson.url,),
            must_contain=(lesson_title, "Text for enrolled students."),
            must_not_contain=(content.ENROLLED_MARKER,),
        ),
        Endpoint("catalog (student)", student, ("/courses/",), must_contain=('id="my-courses"', course_title)),
        Endpoint(
            "catalog (guest)", GUEST, ("/courses/",), must_contain=(course_title,), must_not_contain=(LOGGED_IN_MARKER,)
        ),
        Endpoint("dashboard (10 courses)", student, ("/my-dashboard/",), must_contain=(course_title, LOGGED_IN_MARKER)),
        Endpoint("course page (student)", student, (course.url,), must_contain=(course_title, LOGGED_IN_MARKER)),
        Endpoint(
            "search (student)",
            student,
            (f"/search/?query={content.SEARCH_TERM}",),
            must_contain=('class="search-results"', LOGGED_IN_MARKER),
        ),
        Endpoint(
            "progress API (POST)",
            enrolled,
            tuple(f"/api/lessons/{pk}/progress/" for pk in lesson_ids),
            method="POST",
            body=PROGRESS_REPORT,
            must_contain=('"success": true',),
        ),
    ]


class Sessions:
    """Sessions for the endpoints' viewers, made once and deleted at the end."""

    def __init__(self):
        self.store = import_module(settings.SESSION_ENGINE).SessionStore
        self.keys = {}
        self.csrf_token = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)

    def key_for(self, username):
        if username not in self.keys:
            user = get_user_model().objects.get(username=username)
            session = self.store()
            session[SESSION_KEY] = user._meta.pk.value_to_string(user)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.save()
            self.keys[username] = session.session_key
        return self.keys[username]

    def load_request(self, endpoint: Endpoint) -> LoadRequest:
        headers = []
        if endpoint.viewer != GUEST:
            cookies = f"{settings.SESSION_COOKIE_NAME}={self.key_for(endpoint.viewer)}"
            headers.append(("Cookie", f"{cookies}; {settings.CSRF_COOKIE_NAME}={self.csrf_token}"))
        if endpoint.method == "POST":
            headers += [("X-CSRFToken", self.csrf_token), ("Content-Type", "application/json")]
        return LoadRequest(endpoint.method, endpoint.paths, tuple(headers), endpoint.body)

    def delete_all(self):
        for key in self.keys.values():
            self.store(session_key=key).delete()
        self.keys.clear()


def check(endpoint: Endpoint, request: LoadRequest, host: str, port: int) -> int:
    """One request as the load will send it; raises CheckFailed unless it is the page meant. Returns
    the queries it took."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request(request.method, request.paths[0], body=request.body or None, headers=dict(request.headers))
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()
    problems = []
    if response.status != endpoint.status:
        where = f" to {response.getheader('Location')}" if response.getheader("Location") else ""
        problems.append(f"status {response.status}{where}, expected {endpoint.status}")
    queries = response.getheader(QUERY_COUNT_HEADER)
    if queries is None:
        problems.append(f"no {QUERY_COUNT_HEADER} header (are the bench settings in use?)")
    problems += [f"{text!r} is missing" for text in endpoint.must_contain if text not in body]
    problems += [f"{text!r} is there but must not be" for text in endpoint.must_not_contain if text in body]
    if problems:
        raise CheckFailed(
            f"{endpoint.name}: {request.method} {request.paths[0]} as {endpoint.viewer}: {'; '.join(problems)}.\n"
            f"Start of the answer: {body[:400]!r}"
        )
    return int(queries)
