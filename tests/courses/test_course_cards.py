"""Course cards are rendered once per course and shared by every viewer: each viewer's own heart and
reason to unlock are put in per request, and what a card shows of reviews and categories is never old."""

import pytest

from courses.factories import CategoryFactory, course_tree, publish
from courses.models import CourseIndexPage, CourseReview, FavoriteCourse

pytestmark = pytest.mark.django_db


def catalog_html(client):
    response = client.get(CourseIndexPage.objects.get().url)
    assert response.status_code == 200
    return response.content.decode()


def heart(course, pressed):
    return f'data-favorite-url="/api/courses/{course.pk}/favorite/" aria-pressed="{pressed}"'


def test_a_students_heart_is_not_shown_to_the_next_student(client, learner, make_student):
    course, _modules, _lessons = course_tree(title="Hearts")
    fan = make_student(course)
    FavoriteCourse.objects.create(user=fan, course=course)
    client.force_login(fan)
    assert heart(course, "true") in catalog_html(client)

    client.force_login(learner)
    html = catalog_html(client)

    assert heart(course, "false") in html
    assert heart(course, "true") not in html


def test_a_guest_gets_no_heart_after_a_student_warmed_the_cards(client, make_student):
    course, _modules, _lessons = course_tree(title="Hearts")
    client.force_login(make_student(course))
    assert heart(course, "false") in catalog_html(client)
    client.logout()

    assert "data-favorite-url" not in catalog_html(client)


def test_what_unlocks_a_course_is_each_viewers_own(client, learner, make_student):
    basics, _modules, _lessons = course_tree(title="Basics")
    advanced, _modules, _lessons = course_tree(title="Advanced")
    advanced.prerequisite_courses.add(basics)
    publish(advanced)
    client.force_login(learner)
    assert "Complete “Basics” first." in catalog_html(client)

    client.force_login(make_student(advanced))

    assert "Complete “Basics” first." not in catalog_html(client)


def test_a_new_review_shows_on_the_card_at_once(client, learner, make_student):
    course, _modules, _lessons = course_tree(title="Reviewed")
    client.force_login(learner)
    assert "(1 review)" not in catalog_html(client)

    CourseReview.objects.create(course=course, user=make_student(course), rating=4)

    assert "4.0 (1 review)" in catalog_html(client)


def test_a_renamed_category_shows_on_the_card_at_once(client, learner):
    category = CategoryFactory(name="Old shelf")
    course_tree(title="Shelved", category=category)
    client.force_login(learner)
    assert "Old shelf" in catalog_html(client)

    category.name = "New shelf"
    category.save()

    html = catalog_html(client)
    assert "New shelf" in html
    assert "Old shelf" not in html


def test_a_hidden_review_leaves_the_rating_at_once(client, learner, make_student):
    course, _modules, _lessons = course_tree(title="Reviewed")
    review = CourseReview.objects.create(course=course, user=make_student(course), rating=2)
    client.force_login(learner)
    assert "2.0 (1 review)" in catalog_html(client)

    review.is_hidden = True
    review.save()

    assert "(1 review)" not in catalog_html(client)


def test_a_retitled_course_shows_its_new_title_at_once(client, learner):
    course, _modules, _lessons = course_tree(title="First title")
    client.force_login(learner)
    assert "First title" in catalog_html(client)

    course.title = "Second title"
    publish(course)

    html = catalog_html(client)
    assert "Second title" in html
    assert "First title" not in html


def test_a_students_own_course_stays_theirs_after_another_student_warmed_the_catalog(client, learner, make_student):
    course, _modules, _lessons = course_tree(title="Owned")
    client.force_login(learner)
    assert 'id="my-courses"' not in catalog_html(client)

    client.force_login(make_student(course))

    assert 'id="my-courses"' in catalog_html(client)
