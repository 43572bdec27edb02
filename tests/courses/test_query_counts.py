"""Hot pages make a bounded number of queries that does not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory, course_tree, publish, site_root
from courses.models import LessonPage, UserProgress
from courses.page_cache import forget_course_pages

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow_course(course, modules, lessons_per_module):
    for _ in range(modules):
        module = publish(ModulePageFactory(parent=course))
        for _ in range(lessons_per_module):
            publish(LessonPageFactory(parent=module))


@pytest.fixture
def student_client(client, make_student):
    def login(course):
        client.force_login(make_student(course))
        return client

    return login


# Caps per request, with sessions read through the cache as production runs them with Redis.
LESSON_PAGE_QUERIES = 12
COURSE_PAGE_QUERIES = 12
PROGRESS_API_QUERIES = 6


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def grow_tenfold(course, student):
    """About ten times the data around the student: more modules and lessons in the course, more
    courses they are enrolled in, and progress rows on all of it. The pages are made live directly
    (publishing seventy pages one by one is most of a test's time), so the page caches are told, as
    publishing would tell them."""
    _home, catalog = site_root()
    for _ in range(3):
        module = ModulePageFactory(parent=course)
        for _ in range(10):
            LessonPageFactory(parent=module)
    for _ in range(5):
        other = CoursePageFactory(parent=catalog)
        module = ModulePageFactory(parent=other)
        for _ in range(6):
            LessonPageFactory(parent=module)
        grant_course_access(user=student, course=other)
    forget_course_pages()
    UserProgress.objects.bulk_create(
        UserProgress(user=student, lesson=lesson, video_watch_percentage=40)
        for lesson in LessonPage.objects.exclude(progress__user=student)
    )


def steady_queries(client, url, method="get", **kwargs):
    """Queries of a request once the shared caches are warm (one request before warms them). Inside
    the test's transaction a service's own transaction becomes a savepoint; in production it is a
    BEGIN and COMMIT, which Django does not count as queries, so neither is a savepoint here."""
    getattr(client, method)(url, **kwargs)
    with CaptureQueriesContext(connection) as captured:
        assert getattr(client, method)(url, **kwargs).status_code == 200
    return sum(1 for query in captured if "SAVEPOINT" not in query["sql"])


def student_in(course):
    student = UserFactory()
    grant_course_access(user=student, course=course)
    return student


@pytest.mark.usefixtures("cached_sessions")
def test_lesson_page_queries_stay_within_the_cap_at_ten_times_the_data(client):
    course, _modules, [_first, lesson, _last] = course_tree(lessons=[{"title": "A"}, {"title": "Hot"}, {"title": "C"}])
    student = student_in(course)
    client.force_login(student)
    small = steady_queries(client, lesson.url)

    grow_tenfold(course, student)

    assert steady_queries(client, lesson.url) == small <= LESSON_PAGE_QUERIES


@pytest.mark.usefixtures("cached_sessions")
def test_lesson_page_queries_for_a_guest_stay_within_the_cap_at_ten_times_the_data(client):
    course, _modules, [_first, lesson, _last] = course_tree(lessons=[{"title": "A"}, {"title": "Hot"}, {"title": "C"}])
    small = steady_queries(client, lesson.url)

    grow_tenfold(course, UserFactory())

    assert steady_queries(client, lesson.url) == small <= LESSON_PAGE_QUERIES


@pytest.mark.usefixtures("cached_sessions")
def test_course_page_queries_stay_within_the_cap_at_ten_times_the_data(client):
    course, _modules, _lessons = course_tree(lessons=[{"title": "One"}])
    student = student_in(course)
    client.force_login(student)
    small = steady_queries(client, course.url)

    grow_tenfold(course, student)

    assert steady_queries(client, course.url) == small <= COURSE_PAGE_QUERIES


@pytest.mark.usefixtures("cached_sessions")
def test_progress_api_queries_stay_within_the_cap_at_ten_times_the_data(client):
    course, _modules, [lesson] = course_tree(lessons=[{"title": "Watched"}])
    student = student_in(course)
    client.force_login(student)
    url = f"/api/lessons/{lesson.pk}/progress/"
    report = {"data": {"watch_percentage": 30, "timestamp": 12}, "content_type": "application/json"}
    small = steady_queries(client, url, "post", **report)

    grow_tenfold(course, student)

    assert steady_queries(client, url, "post", **report) == small <= PROGRESS_API_QUERIES


def test_catalog_queries_do_not_grow_with_the_number_of_courses(client, learner):
    course, _modules, _lessons = course_tree(lessons=[{"title": "One"}])
    client.force_login(learner)
    catalog_url = course.get_parent().url
    small = queries_for(client, catalog_url)
    for _ in range(3):
        course_tree(lessons=[{"title": "More"}, {"title": "Even more"}])
    assert queries_for(client, catalog_url) <= small


def test_search_queries_do_not_grow_with_the_number_of_results(client, learner):
    course, _modules, _lessons = course_tree(lessons=[{"title": "Boundary values"}, {"title": "Boundary cases"}])
    client.force_login(learner)
    small = queries_for(client, "/search/?query=boundary")
    grow_course(course, modules=1, lessons_per_module=4)
    for lesson in course.get_descendants().type(LessonPageFactory._meta.model).specific():
        lesson.title = f"Boundary {lesson.pk}"
        lesson.save_revision().publish()
    assert queries_for(client, "/search/?query=boundary") <= small


@pytest.mark.parametrize(
    ("page", "budget"),
    [
        # Session and user, access and edit rights, the courses, their lessons, the student's
        # progress, favourites, certificates, and the catalog groups for "available to unlock".
        ("/my-dashboard/", 19),
        # The dashboard's reads plus search-free filters, ratings, categories and tags.
        ("catalog", 24),
        ("course", 18),
        ("/my-dashboard/course/{slug}/", 12),
        ("/my-certifications/", 5),
    ],
)
def test_learner_pages_stay_within_their_query_budgets(student_client, django_assert_max_num_queries, page, budget):
    course, _modules, _lessons = course_tree(lessons=[{"title": "A"}, {"title": "B"}])
    client = student_client(course)
    url = {"catalog": course.get_parent().url, "course": course.url}.get(page, page.format(slug=course.slug))
    client.get(url)  # warm per-process caches
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
