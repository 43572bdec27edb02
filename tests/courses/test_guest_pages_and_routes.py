"""Guests' whole pages and every page's route come from the cache: neither may show a viewer what
they may not see, nor outlive what it shows. Each test warms the cache first, then asks again."""

import re

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from wagtail.models import PageViewRestriction

from courses.factories import LessonPageFactory, course_tree, publish

GUEST_TEXT = "Guests read about the heron."
ENROLLED_TEXT = "Enrolled students meet the kingfisher."

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_course():
    body = [
        {"type": "text", "value": {"audience": "guest", "text": f"<p>{GUEST_TEXT}</p>"}},
        {"type": "text", "value": {"audience": "enrolled", "text": f"<p>{ENROLLED_TEXT}</p>"}},
    ]
    course, _modules, [lesson] = course_tree(lessons=[{"title": "Birds", "slug": "birds", "body": body}])
    return course, lesson


def csp_nonce(response):
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1).encode()


def text_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_a_guest_is_served_the_same_page_twice_without_it_being_rendered_again(client, lesson_course):
    _course, lesson = lesson_course
    first = client.get(lesson.url)
    assert first.context is not None  # rendered

    again = client.get(lesson.url)

    assert again.context is None  # from the cache
    # The same page, but for the CSP nonce: each response names its own (its inline style's).
    assert again.content == first.content.replace(csp_nonce(first), csp_nonce(again))
    assert "private" in again["Cache-Control"]


def test_a_student_who_logs_in_after_a_guest_warmed_the_page_gets_their_own(client, make_student, lesson_course):
    course, lesson = lesson_course
    assert ENROLLED_TEXT not in text_of(client, lesson.url)
    client.force_login(make_student(course))

    html = text_of(client, lesson.url)

    assert ENROLLED_TEXT in html
    assert 'action="/logout/"' in html


def test_a_guest_gets_no_gated_text_after_a_student_viewed_the_lesson(client, make_student, lesson_course):
    course, lesson = lesson_course
    client.force_login(make_student(course))
    assert ENROLLED_TEXT in text_of(client, lesson.url)
    client.logout()

    html = text_of(client, lesson.url)

    assert GUEST_TEXT in html
    assert ENROLLED_TEXT not in html


def test_a_guest_sees_a_new_revision_at_once(client, lesson_course):
    _course, lesson = lesson_course
    assert GUEST_TEXT in text_of(client, lesson.url)
    lesson.body = [{"type": "text", "value": {"audience": "guest", "text": "<p>The heron flew off.</p>"}}]
    publish(lesson)

    html = text_of(client, lesson.url)

    assert "The heron flew off." in html
    assert GUEST_TEXT not in html


def test_an_unpublished_lesson_is_gone_for_a_guest_at_once(client, lesson_course):
    _course, lesson = lesson_course
    text_of(client, lesson.url)

    lesson.unpublish()

    text_of(client, lesson.url, status=404)


def test_a_login_restriction_added_to_a_course_applies_to_guests_at_once(client, lesson_course):
    course, lesson = lesson_course
    text_of(client, lesson.url)

    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(lesson.url).status_code == 302


def test_a_guest_with_a_message_waiting_is_shown_it_not_the_cached_page(client, lesson_course):
    _course, lesson = lesson_course
    text_of(client, lesson.url)
    client.cookies["messages"] = message_cookie("You have been logged out.")

    html = text_of(client, lesson.url)

    assert "You have been logged out." in html


def test_a_page_that_writes_a_form_token_for_a_guest_is_not_kept_for_the_next(client, lesson_course):
    _course, lesson = lesson_course
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="swordfish"
    )
    first = client.get(lesson.url)
    assert f"/_util/authenticate_with_password/{restriction.pk}/" in first.content.decode()

    again = client.get(lesson.url)

    assert again.context is not None  # rendered again, with this visitor's own CSRF token


def test_a_renamed_lesson_answers_at_its_new_address_and_not_at_the_old_one(client, lesson_course):
    _course, lesson = lesson_course
    old_url = lesson.url
    text_of(client, old_url)
    lesson.slug = "waders"
    publish(lesson)
    lesson.refresh_from_db()

    text_of(client, old_url, status=404)
    assert lesson.url.endswith("/waders/")
    assert GUEST_TEXT in text_of(client, lesson.url)


def test_a_page_saved_without_publishing_is_routed_as_it_now_is(client, lesson_course):
    _course, lesson = lesson_course
    text_of(client, lesson.url)
    lesson.live = False
    lesson.save()  # as a script might, without Wagtail's unpublish signal

    text_of(client, lesson.url, status=404)


def test_a_made_up_address_below_a_lesson_is_a_404_every_time(client, lesson_course):
    _course, lesson = lesson_course
    text_of(client, lesson.url)

    text_of(client, f"{lesson.url}no-such-route/", status=404)
    text_of(client, f"{lesson.url}no-such-route/", status=404)


def test_a_new_lesson_answers_at_once_where_a_404_was_seen_before(client, lesson_course):
    _course, lesson = lesson_course
    module = lesson.get_parent()
    text_of(client, f"{module.url}storks/", status=404)

    new = publish(LessonPageFactory(parent=module, title="Storks", slug="storks"))

    assert "Storks" in text_of(client, new.url)


def message_cookie(text):
    """The cookie Django's cookie message storage writes for one message."""
    storage = CookieStorage(HttpRequest())
    response = HttpResponse()
    storage.add(20, text)
    storage.update(response)
    return response.cookies["messages"].value
