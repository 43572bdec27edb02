"""The shared page caches (course outlines, rendered lesson bodies) never serve one viewer what only
another may see, and never outlive what they show: each test warms them first, then asks again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from access.models import CourseAccess
from access.services import revoke_course_access
from courses.factories import LessonPageFactory, course_tree, publish
from courses.models import UserProgress

GUEST_TEXT = "Anyone may read about the ant colony."
REGISTERED_TEXT = "Registered readers meet the badger."
ENROLLED_TEXT = "Only enrolled students see the capybara."

pytestmark = pytest.mark.django_db


def tiered_body():
    return [
        {"type": "text", "value": {"audience": "guest", "text": f"<p>{GUEST_TEXT}</p>"}},
        {"type": "text", "value": {"audience": "registered", "text": f"<p>{REGISTERED_TEXT}</p>"}},
        {"type": "text", "value": {"audience": "enrolled", "text": f"<p>{ENROLLED_TEXT}</p>"}},
    ]


@pytest.fixture
def lesson_course():
    course, _modules, [lesson] = course_tree(lessons=[{"title": "Tiers", "slug": "tiers", "body": tiered_body()}])
    return course, lesson


def lesson_form(lesson, **fields):
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "lesson_type": lesson.lesson_type,
            "access_level": lesson.access_level,
            "duration_minutes": lesson.duration_minutes,
            "summary": "",
            "learning_objectives": "",
            "transcript": "",
            **fields,
        }
    )


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def warm_as_enrolled_student(client, make_student, course, lesson):
    student = make_student(course)
    client.force_login(student)
    assert ENROLLED_TEXT in page_text(client, lesson.url)
    client.logout()
    return student


def test_a_guest_gets_no_gated_text_after_an_enrolled_student_warmed_the_cache(client, make_student, lesson_course):
    course, lesson = lesson_course
    warm_as_enrolled_student(client, make_student, course, lesson)

    html = page_text(client, lesson.url)

    assert GUEST_TEXT in html
    assert REGISTERED_TEXT not in html
    assert ENROLLED_TEXT not in html


def test_a_registered_user_gets_no_enrolled_text_after_an_enrolled_student_warmed_the_cache(
    client, make_student, learner, lesson_course
):
    course, lesson = lesson_course
    warm_as_enrolled_student(client, make_student, course, lesson)
    client.force_login(learner)

    html = page_text(client, lesson.url)

    assert REGISTERED_TEXT in html
    assert ENROLLED_TEXT not in html


def test_a_revoked_student_loses_the_enrolled_text_on_the_next_request(client, make_student, editor, lesson_course):
    course, lesson = lesson_course
    student = warm_as_enrolled_student(client, make_student, course, lesson)
    client.force_login(student)
    assert ENROLLED_TEXT in page_text(client, lesson.url)

    revoke_course_access(user=student, course=course, revoked_by=editor, reason="Refunded")

    assert ENROLLED_TEXT not in page_text(client, lesson.url)


def test_a_student_whose_module_has_not_dripped_open_gets_no_enrolled_text(client, make_student, lesson_course):
    course, lesson = lesson_course
    warm_as_enrolled_student(client, make_student, course, lesson)
    course.access_duration_type = course.AccessDuration.DRIP
    publish(course)
    module = lesson.get_parent().specific
    module.drip_days = 7
    publish(module)
    client.force_login(make_student(course))

    html = page_text(client, lesson.url)

    assert "Unlocks" in html
    assert ENROLLED_TEXT not in html


def test_a_new_revision_of_the_lesson_shows_at_once(client, make_student, lesson_course):
    course, lesson = lesson_course
    warm_as_enrolled_student(client, make_student, course, lesson)
    lesson.body = [{"type": "text", "value": {"audience": "guest", "text": "<p>The okapi returns, revised.</p>"}}]
    publish(lesson)

    html = page_text(client, lesson.url)

    assert "The okapi returns, revised." in html
    assert GUEST_TEXT not in html


def test_a_renamed_lesson_shows_its_new_title_in_the_course_outline_at_once(client, lesson_course):
    course, lesson = lesson_course
    assert "Tiers" in page_text(client, course.url)
    lesson.title = "Tiers, retitled"
    publish(lesson)

    assert "Tiers, retitled" in page_text(client, course.url)


def test_an_unpublished_lesson_leaves_the_course_outline_at_once(client, lesson_course):
    course, lesson = lesson_course
    other = publish(LessonPageFactory(parent=lesson.get_parent(), title="Soon withdrawn"))
    assert "Soon withdrawn" in page_text(client, course.url)

    other.unpublish()

    assert "Soon withdrawn" not in page_text(client, lesson.url)
    assert "Soon withdrawn" not in page_text(client, course.url)


def test_a_deleted_lesson_leaves_the_course_outline_at_once(client, lesson_course):
    course, lesson = lesson_course
    other = publish(LessonPageFactory(parent=lesson.get_parent(), title="Soon deleted"))
    assert "Soon deleted" in page_text(client, course.url)

    other.delete()

    assert "Soon deleted" not in page_text(client, course.url)


def test_a_moved_lesson_is_linked_at_its_new_address_at_once(client, lesson_course):
    course, lesson = lesson_course
    other_course, [other_module], _lessons = course_tree(lessons=[{"title": "Elsewhere"}])
    mover = publish(LessonPageFactory(parent=lesson.get_parent(), title="On the move", slug="on-the-move"))
    assert mover.url in page_text(client, course.url)

    mover.move(other_module, pos="last-child")
    mover.refresh_from_db()

    assert "On the move" not in page_text(client, course.url)
    assert mover.url in page_text(client, other_course.url)


def test_lesson_pages_are_never_kept_by_shared_caches(client, make_student, lesson_course):
    course, lesson = lesson_course
    client.force_login(make_student(course))

    response = client.get(lesson.url)

    assert "private" in response["Cache-Control"]


def test_a_preview_of_a_draft_shows_the_draft_not_the_cached_live_body(client, editor, make_student, lesson_course):
    course, lesson = lesson_course
    warm_as_enrolled_student(client, make_student, course, lesson)
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    draft = {"audience": "guest", "text": rich_text("<p>A draft about the aardwolf.</p>")}
    client.post(f"{preview_url}?mode=enrolled", data=lesson_form(lesson, body=streamfield([("text", draft)])))

    preview = client.get(preview_url, {"mode": "enrolled"}).content.decode()

    assert "aardwolf" in preview
    assert "aardwolf" not in page_text(client, lesson.url)


def test_the_outline_shows_a_drip_date_only_to_the_student_still_waiting(client, make_student, lesson_course):
    course, lesson = lesson_course
    course.access_duration_type = course.AccessDuration.DRIP
    publish(course)
    module = lesson.get_parent().specific
    module.drip_days = 7
    publish(module)
    waiting = make_student(course)
    started_long_ago = make_student(course)
    CourseAccess.objects.filter(user=started_long_ago).update(granted_at=timezone.now() - timedelta(days=30))
    client.force_login(waiting)
    assert "Unlocks" in page_text(client, course.url)

    client.force_login(started_long_ago)

    assert "Unlocks" not in page_text(client, course.url)


def test_a_student_sees_their_own_ticks_after_a_guest_warmed_the_shared_outline(client, make_student, lesson_course):
    course, lesson = lesson_course
    assert 'aria-label="Completed"' not in page_text(client, lesson.url)
    student = make_student(course)
    UserProgress.objects.create(user=student, lesson=lesson, completed=True, status="completed")
    client.force_login(student)

    assert 'aria-label="Completed"' in page_text(client, lesson.url)


def test_a_guest_sees_no_ticks_after_a_student_with_progress_viewed_the_lesson(client, make_student, lesson_course):
    course, lesson = lesson_course
    student = make_student(course)
    UserProgress.objects.create(user=student, lesson=lesson, completed=True, status="completed")
    client.force_login(student)
    assert 'aria-label="Completed"' in page_text(client, lesson.url)
    client.logout()

    html = page_text(client, lesson.url)

    assert 'aria-label="Completed"' not in html
    assert "My progress" not in html


def test_migrating_a_new_release_starts_a_new_page_cache_generation():
    from django.core.management import call_command

    from courses.page_cache import content_generation

    before = content_generation()
    call_command("migrate", verbosity=0)
    assert content_generation() != before
