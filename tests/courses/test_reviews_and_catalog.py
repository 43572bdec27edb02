"""Students review courses they have access to; the catalog searches, filters, sorts and remembers."""

import pytest

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import CategoryFactory, course_tree
from courses.models import CourseIndexPage, CourseReview, FavoriteCourse, UserProgress

pytestmark = pytest.mark.django_db


def catalog(client, **params):
    return client.get(CourseIndexPage.objects.get().url, params)


def titles(response):
    return [course.title for course in response.context["courses"]]


@pytest.fixture
def student(client):
    user = UserFactory(first_name="Robin")
    client.force_login(user)
    return user


def test_a_student_with_access_rates_a_course(client, student):
    course = course_tree(title="Reviewed")[0]
    grant_course_access(user=student, course=course)
    client.post(course.url + "review/", {"rating": "4", "text": "Clear and practical."})
    review = CourseReview.objects.get()
    assert (review.user, review.rating, review.text) == (student, 4, "Clear and practical.")
    html = client.get(course.url).content.decode()
    assert "4.0</strong> out of 5 from 1 review" in html and "Clear and practical." in html


def test_a_second_review_edits_the_first(client, student):
    course = course_tree()[0]
    grant_course_access(user=student, course=course)
    client.post(course.url + "review/", {"rating": "2"})
    client.post(course.url + "review/", {"rating": "5", "text": "Better on a second read."})
    assert list(CourseReview.objects.values_list("rating", "text")) == [(5, "Better on a second read.")]


def test_students_without_access_cannot_review(client, student):
    course = course_tree()[0]
    response = client.post(course.url + "review/", {"rating": "5"}, follow=True)
    assert "Only students with access to the course can review it." in response.content.decode()
    assert not CourseReview.objects.exists()


@pytest.mark.parametrize("rating", ["0", "6", "five", ""])
def test_a_rating_outside_one_to_five_is_refused(client, student, rating):
    course = course_tree()[0]
    grant_course_access(user=student, course=course)
    response = client.post(course.url + "review/", {"rating": rating}, follow=True)
    assert "The rating must be a whole number from 1 to 5." in response.content.decode()
    assert not CourseReview.objects.exists()


def test_hidden_reviews_are_not_shown_or_counted(client, student):
    course = course_tree()[0]
    CourseReview.objects.create(user=UserFactory(), course=course, rating=1, text="Spam spam.", is_hidden=True)
    CourseReview.objects.create(user=UserFactory(), course=course, rating=5, text="Great.")
    html = client.get(course.url).content.decode()
    assert "Spam spam." not in html and "5.0</strong> out of 5 from 1 review" in html


def test_an_admin_hides_a_review(client):
    review = CourseReview.objects.create(user=UserFactory(), course=course_tree()[0], rating=1, text="Rude.")
    client.force_login(UserFactory(is_superuser=True))
    client.post(f"/admin/reviews/edit/{review.pk}/", {"is_hidden": "on"})
    review.refresh_from_db()
    assert review.is_hidden


def test_catalog_cards_show_the_average_rating(client):
    course = course_tree(title="Rated")[0]
    for rating in (4, 5):
        CourseReview.objects.create(user=UserFactory(), course=course, rating=rating)
    assert "4.5 (2 reviews)" in catalog(client).content.decode()


def test_catalog_searches_courses(client):
    course_tree(title="Boundary value analysis", short_description="Edges of input ranges.")
    course_tree(title="Public speaking")
    assert titles(catalog(client, q="boundary")) == ["Boundary value analysis"]


def test_catalog_filters_by_category_level_tag_and_price(client):
    testing = CategoryFactory(name="Testing", slug="testing")
    first = course_tree(title="Free testing basics", category=testing, level="beginner", price=0)[0]
    first.tags.add("api")
    first.save_revision().publish()
    course_tree(title="Paid advanced testing", category=testing, level="advanced", price=99)
    course_tree(title="Other subject", price=0)
    assert titles(catalog(client, category="testing")) == ["Free testing basics", "Paid advanced testing"]
    assert titles(catalog(client, level="advanced")) == ["Paid advanced testing"]
    assert titles(catalog(client, price="free")) == ["Free testing basics", "Other subject"]
    assert titles(catalog(client, tag="api")) == ["Free testing basics"]


def test_catalog_sorts_by_title_and_rating(client):
    course_tree(title="Beta")
    alpha = course_tree(title="Alpha")[0]
    CourseReview.objects.create(user=UserFactory(), course=alpha, rating=5)
    assert titles(catalog(client, sort="title")) == ["Alpha", "Beta"]
    assert titles(catalog(client, sort="rating"))[0] == "Alpha"


def test_catalog_shows_favourites_only_when_asked(client, student):
    liked = course_tree(title="Liked")[0]
    course_tree(title="Other")
    FavoriteCourse.objects.create(user=student, course=liked)
    assert titles(catalog(client, favorites="1")) == ["Liked"]
    assert 'aria-pressed="true"' in catalog(client).content.decode()


def test_catalog_offers_to_continue_learning(client, student):
    course, _modules, [first, second] = course_tree(title="Going", lessons=[{"title": "One"}, {"title": "Two"}])
    grant_course_access(user=student, course=course)
    UserProgress.objects.create(user=student, lesson=second, status="in_progress")
    html = catalog(client).content.decode()
    assert "Continue learning" in html and f'href="{second.url}"' in html


def test_catalog_filters_never_show_hidden_courses(client):
    course_tree(title="Hidden boundary course", visibility="hidden")
    assert titles(catalog(client, q="boundary")) == []


def test_reviews_cannot_be_written_in_the_admin(client):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get("/admin/reviews/new/").status_code == 302
