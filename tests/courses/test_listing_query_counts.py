"""The catalog and the dashboard ask each question once: their queries stay within a cap and are the
same on a small site and on one ten times larger (more categories, courses, lessons, enrollments and
progress rows, and courses the student does not own in several categories). What they cache to get
there (a course's live lessons, the site's view restrictions) follows publishing at once."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from access.factories import LearningPathFactory, UserFactory
from access.models import LearningPathCourse
from access.services import grant_course_access
from courses.factories import CategoryFactory, LessonPageFactory, course_tree, publish, site_root
from courses.models import Category, CoursePage, CourseReview, FavoriteCourse, LessonPage, UserProgress
from quizzes.factories import certify

pytestmark = pytest.mark.django_db

CATALOG_QUERIES = 12
DASHBOARD_QUERIES = 15
SLICES_IN_THE_LARGER_SITE = 10
# Production reads sessions through Redis first; so does this measurement.
CACHED_SESSIONS = "django.contrib.sessions.backends.cached_db"


def complete(student, *lessons):
    for lesson in lessons:
        lesson.refresh_from_db()
        UserProgress.objects.create(
            user=student,
            lesson=lesson,
            completed=True,
            status="completed",
            completed_revision_id=lesson.live_revision_id,
        )


def add_slice(student):
    """A slice of a site. In one category, a course the student finished (with its certificate, first
    on a learning path) and one they are part way through (a favourite, with a lesson in progress and
    a completed one an editor has changed since). In two more categories, courses they do not own:
    open, behind a prerequisite, next on the learning path, and coming soon."""
    mine = CategoryFactory()
    finished, _modules, finished_lessons = course_tree(category=mine, has_certificate=True, lessons=[{}, {}])
    started, [_first, second], [done, updated, touched] = course_tree(category=mine, modules=2, lessons=[{}, {}, {}])
    publish(LessonPageFactory(parent=second))
    for course in (finished, started):
        grant_course_access(user=student, course=course)
    complete(student, *finished_lessons, done, updated)
    publish(updated)
    UserProgress.objects.create(user=student, lesson=touched, status="in_progress")
    certify(user=student, course=finished)
    FavoriteCourse.objects.create(user=student, course=started)
    CourseReview.objects.create(user=UserFactory(), course=finished, rating=4)

    others = CategoryFactory()
    course_tree(category=others, lessons=[{}])
    after_prerequisite, _modules, _lessons = course_tree(
        category=others, enrollment_method="purchase", price=20, modules=0
    )
    after_prerequisite.prerequisite_courses.add(started)
    publish(after_prerequisite)
    third = CategoryFactory()
    next_on_path, _modules, _lessons = course_tree(category=third, modules=0)
    path = LearningPathFactory()
    LearningPathCourse.objects.create(learning_path=path, course=finished, sort_order=0, is_required=True)
    LearningPathCourse.objects.create(learning_path=path, course=next_on_path, sort_order=1)
    course_tree(category=third, status="coming_soon", modules=0)


def steady_queries(client, url):
    """Queries of a request once the shared caches are warm (the request before warms them)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def site_size(student):
    return {
        "categories": Category.objects.count(),
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "enrollments": student.course_accesses.count(),
        "progress rows": UserProgress.objects.filter(user=student).count(),
    }


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """Queries per page on a one-slice site and on a ten-slice one, and both sites' sizes, measured
    once for the module inside a transaction rolled back afterwards (building the larger site takes
    a while). Each test reads one measurement."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(SESSION_ENGINE=CACHED_SESSIONS):
            measurements = measure_small_and_large_sites()
        yield measurements
        transaction.set_rollback(True)
    cache.clear()


def measure_small_and_large_sites():
    """Build a one-slice site, measure each page, grow it to ten slices, measure again."""
    cache.clear()
    student = UserFactory()
    guest, logged_in = Client(), Client()
    logged_in.force_login(student)
    catalog_url = site_root()[1].url
    pages = {
        "catalog as a guest": (guest, catalog_url),
        "catalog as a student": (logged_in, catalog_url),
        "dashboard": (logged_in, "/my-dashboard/"),
    }
    add_slice(student)
    small = {page: steady_queries(client, url) for page, (client, url) in pages.items()}
    sizes = [site_size(student)]
    for _ in range(SLICES_IN_THE_LARGER_SITE - 1):
        add_slice(student)
    large = {page: steady_queries(client, url) for page, (client, url) in pages.items()}
    sizes.append(site_size(student))
    return {"queries": {page: (small[page], large[page]) for page in pages}, "sizes": sizes}


def test_the_larger_site_has_ten_times_everything_the_pages_read(measured):
    small, large = measured["sizes"]
    assert all(large[what] >= (SLICES_IN_THE_LARGER_SITE - 1) * small[what] for what in small), (small, large)


def test_catalog_for_a_guest_asks_the_same_queries_however_large_the_site(measured):
    small, large = measured["queries"]["catalog as a guest"]
    assert small == large <= CATALOG_QUERIES


def test_catalog_for_a_student_asks_the_same_queries_however_large_the_site(measured):
    small, large = measured["queries"]["catalog as a student"]
    assert small == large <= CATALOG_QUERIES


def test_dashboard_asks_the_same_queries_however_many_courses_the_student_has(measured):
    small, large = measured["queries"]["dashboard"]
    assert small == large <= DASHBOARD_QUERIES


# What is cached to get there must never show an old site --------------------------------------


def catalog_card(client, course):
    response = client.get(site_root()[1].url)
    return next((card for card in response.context["courses"] if card.pk == course.pk), None)


def test_catalog_counts_a_newly_published_lesson_at_once(client):
    course, [module], _lessons = course_tree(lessons=[{"duration_minutes": 10}])
    assert catalog_card(client, course).lesson_count == 1
    publish(LessonPageFactory(parent=module, duration_minutes=20))
    card = catalog_card(client, course)
    assert (card.lesson_count, card.total_minutes) == (2, 30)


def test_dashboard_stops_counting_an_unpublished_lesson_at_once(client):
    student = UserFactory()
    client.force_login(student)
    course, _modules, [first, second] = course_tree(lessons=[{}, {}])
    grant_course_access(user=student, course=course)
    complete(student, first)
    assert client.get("/my-dashboard/").context["stats"].lessons_total == 2
    second.unpublish()
    stats = client.get("/my-dashboard/").context["stats"]
    assert (stats.lessons_done, stats.lessons_total, stats.completed_courses) == (1, 1, 1)


def test_catalog_hides_a_course_behind_a_new_view_restriction_and_shows_it_once_lifted(client):
    course = course_tree(title="Behind a password")[0]
    assert catalog_card(client, course) is not None
    restriction = PageViewRestriction.objects.create(page=course, restriction_type="password", password="x")
    assert catalog_card(client, course) is None
    restriction.delete()
    assert catalog_card(client, course) is not None


def test_catalog_shows_an_editor_the_private_course_they_may_edit(client, editor):
    course = course_tree(title="Editors only", visibility="private")[0]
    client.force_login(editor)
    assert catalog_card(client, course) is not None
