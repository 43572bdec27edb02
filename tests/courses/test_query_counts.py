"""Hot pages make a bounded number of queries that does not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.factories import LessonPageFactory, ModulePageFactory, course_tree, publish

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


def test_lesson_page_queries_do_not_grow_with_the_course(student_client):
    course, _modules, [_first, lesson, _last] = course_tree(lessons=[{"title": "A"}, {"title": "Hot"}, {"title": "C"}])
    client = student_client(course)
    small = queries_for(client, lesson.url)
    grow_course(course, modules=2, lessons_per_module=3)
    assert queries_for(client, lesson.url) <= small


def test_lesson_page_stays_within_its_query_budget(student_client, django_assert_max_num_queries):
    course, _modules, [_first, lesson, _last] = course_tree(lessons=[{"title": "A"}, {"title": "Hot"}, {"title": "C"}])
    client = student_client(course)
    client.get(lesson.url)  # warm per-process caches (content types, site root paths)
    # About half is Wagtail routing down five levels of the tree (the course and module it fetches
    # are handed down to the lesson); the rest is session, user, edit rights, the access record,
    # the course outline (modules, lessons: also previous/next), the student's progress rows for the
    # outline's ticks, and their private note on the lesson.
    with django_assert_max_num_queries(22):
        client.get(lesson.url)


def test_course_page_queries_do_not_grow_with_modules_and_lessons(student_client):
    course, _modules, _lessons = course_tree(lessons=[{"title": "One"}])
    client = student_client(course)
    small = queries_for(client, course.url)
    grow_course(course, modules=2, lessons_per_module=3)
    assert queries_for(client, course.url) <= small


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
