"""Browser journeys: pytest-playwright drives Debian's Chromium against pytest-django's live server.

No browser is ever downloaded: Chromium is launched from /usr/bin/chromium, headless, with a fresh
temporary profile (Playwright's `launch()` makes one per run) and with its background services
off, because this machine's closed network refuses their connections.

Every page a journey opens is watched: a Content-Security-Policy violation (the browser's
`securitypolicyviolation` event, or a console error naming the policy), an uncaught script error or
a 5xx answer from the site fails the journey in `Journey.finish()`, which also saves a screenshot of
the last page under `test-artifacts/`.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from quizzes.factories import QuizFactory, single_choice, true_false

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Lesson videos must be https:// addresses (courses/video.py), which a plain-HTTP live server is
# not: each browser is told to fetch this origin from the live server's static files instead.
MEDIA_ORIGIN = "https://media.example.com"
MEDIA_DIR = Path(__file__).resolve().parent / "media"
LESSON_VIDEO_URL = f"{MEDIA_ORIGIN}/e2e/lesson-clip.mp4"  # 3 s, 96x54 H.264, no sound
PASSWORD = "a-strong-test-password"  # what access.factories.UserFactory gives every user
ACTION_TIMEOUT_MS = 15_000  # generous: CI machines have two cores shared with other work
EXPECT_TIMEOUT_MS = 10_000

# Runs in every frame before the page's own scripts. CSP never applies to it. Each violation is
# kept on `window` (handy when debugging in a headed browser) and handed to Python at once, so
# violations on a page the journey has already left are not lost.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  var violation = {
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
    disposition: event.disposition,
    page: document.location.href
  };
  window.__cspViolations.push(violation);
  if (window.__e2eReportViolation) window.__e2eReportViolation(violation);
}, true);
"""


@pytest.fixture(scope="session", autouse=True)
def _allow_django_orm_beside_playwright():
    """Playwright's sync API keeps an asyncio loop running in the test's thread, which makes Django
    refuse ORM calls there (SynchronousOnlyOperation). Allowed for the e2e session only: this
    fixture exists only under tests/e2e, so `make test` never sets it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.exit(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).", returncode=1)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": browser_type_launch_args.get("headless", True),
        "args": CHROMIUM_FLAGS,
    }


class Journey:
    """One test's browsers: one context (a separate person, with their own cookies) per `open()`,
    every page watched for CSP violations, script errors and server errors."""

    def __init__(self, new_context, base_url, name):
        self._new_context = new_context
        self.base_url = base_url
        self.name = name
        self.problems = []
        self.last_page = None
        self.finished = False

    def open(self, **context_args):
        context = self._new_context(base_url=self.base_url, **context_args)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.expose_binding("__e2eReportViolation", self._on_violation)
        context.add_init_script(CSP_LISTENER)
        context.on("page", self._watch)
        context.route(f"{MEDIA_ORIGIN}/**", lambda route: self._serve_media(context, route))
        page = context.new_page()
        self.last_page = page
        return page

    def _serve_media(self, context, route):
        path = route.request.url.removeprefix(MEDIA_ORIGIN)
        route.fulfill(response=context.request.get(f"{self.base_url}/static{path}"))

    def _watch(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"Uncaught error on {page.url}: {error}"))
        page.on("framenavigated", lambda frame: self._on_navigated(page, frame))
        page.on("response", self._on_response)

    def _on_navigated(self, page, frame):
        if frame == page.main_frame:
            self.last_page = page

    def _on_violation(self, source, violation):
        self.problems.append(
            "CSP violation ({disposition}) of {directive} on {page}: blocked {blocked!r} "
            "from {source}:{line} {sample!r}".format(**violation)
        )

    def _on_console(self, message):
        if message.type == "error" and re.search("Content.Security.Policy", message.text, re.IGNORECASE):
            self.problems.append(f"CSP console error on {message.location.get('url')}: {message.text}")

    def _on_response(self, response):
        # A server error fails the journey even when the page recovers from it (a preview that
        # refreshes, a script that retries), since a person saw it.
        if response.status >= 500 and response.url.startswith(self.base_url):
            self.problems.append(f"HTTP {response.status} from {response.request.method} {response.url}")

    def log_in(self, page, username, *, path="/login/"):
        """Log in through the site's form (or the admin's, with path="/admin/login/")."""
        page.goto(path)
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name=re.compile("log in|sign in", re.IGNORECASE)).click()
        page.wait_for_url(lambda url: not url.split("?")[0].endswith(path))  # logged in and sent on

    def screenshot(self):
        if self.last_page is None or self.last_page.is_closed():
            return
        ARTIFACTS.mkdir(exist_ok=True)
        self.last_page.screenshot(path=ARTIFACTS / f"{self.name}.png", full_page=True)

    def finish(self):
        """The journey's end: screenshot its last page, then fail on anything the browser reported."""
        self.finished = True
        self.screenshot()
        assert not self.problems, "The browser reported problems:\n" + "\n".join(self.problems)


@pytest.fixture
def journey(new_context, live_server, settings, request):
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, ("e2e", MEDIA_DIR)]  # see MEDIA_ORIGIN
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    journey = Journey(new_context, live_server.url, request.node.originalname)
    yield journey
    if not journey.finished:  # it failed on the way: keep a picture of where, and what else went wrong
        if journey.problems:
            print("The browser also reported:", *journey.problems, sep="\n")
        try:
            journey.screenshot()
        except Exception as error:
            print(f"No screenshot: {error}")


@dataclass
class VideoCourse:
    course: object
    lesson: object  # a video lesson for enrolled students, with a required quiz
    next_lesson: object
    quiz: object
    student: object  # username "sam", enrolled


@pytest.fixture
def video_course(transactional_db):
    """A two-lesson course whose first lesson plays the test clip and has a required quiz of two
    questions (answers: "Unit tests", "False"), and an enrolled student."""
    quiz = QuizFactory(
        title="Check your understanding",
        is_required=True,
        passing_score=70,
        questions=[
            single_choice("Which test runs first in the pyramid?", options=(("Unit tests", True), ("UI tests", False))),
            true_false("Exhaustive testing is possible.", correct="false"),
        ],
    )
    video = {
        "audience": "enrolled",
        "url": LESSON_VIDEO_URL,
        "title": "Pyramid in three seconds",
        "duration_seconds": 3,
    }
    text = {"audience": "enrolled", "text": "<p>Many fast unit tests, fewer service tests, a few UI tests.</p>"}
    code = {
        "audience": "enrolled",
        "language": "python",
        "caption": "",
        "code": "def test_total_is_the_sum_of_the_line_items_including_tax_and_shipping(): assert cart.total() == 42",
    }
    course, _modules, (lesson, next_lesson) = course_tree(
        title="Testing in Practice",
        lessons=[
            {
                "title": "The test pyramid",
                "lesson_type": "video",
                "access_level": "enrolled",
                "duration_minutes": 5,
                "body": [
                    {"type": "video", "value": video},
                    {"type": "text", "value": text},
                    {"type": "code", "value": code},
                ],
                "quiz": quiz,
            },
            {"title": "Mocks and stubs", "access_level": "enrolled"},
        ],
    )
    student = UserFactory(username="sam", first_name="Sam")
    grant_course_access(user=student, course=course)
    return VideoCourse(course=course, lesson=lesson, next_lesson=next_lesson, quiz=quiz, student=student)
