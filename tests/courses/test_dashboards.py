"""The learner's dashboard, course progress page and certifications, for each kind of student."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import FavoriteCourse, LessonNote, UserProgress
from quizzes.factories import QuizFactory, certify
from quizzes.services import start_attempt, submit_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def student(client):
    user = UserFactory(first_name="Sam")
    client.force_login(user)
    return user


def enrolled_course(student, title, lessons=3, **fields):
    course, _modules, pages = course_tree(
        title=title, lessons=[{"title": f"{title} {n}"} for n in range(1, lessons + 1)], **fields
    )
    grant_course_access(user=student, course=course)
    return course, pages


def complete(student, *lessons, when=None):
    for lesson in lessons:
        lesson.refresh_from_db()
        progress = UserProgress.objects.create(
            user=student,
            lesson=lesson,
            completed=True,
            status="completed",
            completed_revision_id=lesson.live_revision_id,
        )
        if when:
            UserProgress.objects.filter(pk=progress.pk).update(last_accessed=when)


def test_dashboard_needs_a_login(client):
    response = client.get("/my-dashboard/")
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_dashboard_counts_courses_lessons_and_certificates(client, student):
    done_course, done_lessons = enrolled_course(student, "Finished", lessons=2)
    _course, half = enrolled_course(student, "Half way", lessons=2)
    complete(student, *done_lessons, half[0])
    certify(user=student, course=done_course)
    stats = client.get("/my-dashboard/").context["stats"]
    assert (stats.enrolled, stats.completed_courses, stats.lessons_done, stats.lessons_total, stats.certificates) == (
        2,
        1,
        3,
        4,
        1,
    )


def test_dashboard_offers_start_continue_or_progress(client, student):
    _new, new_lessons = enrolled_course(student, "New")
    _going, going_lessons = enrolled_course(student, "Going")
    _done, done_lessons = enrolled_course(student, "Done", lessons=1)
    complete(student, going_lessons[1])
    complete(student, *done_lessons)
    html = client.get("/my-dashboard/").content.decode()
    assert f'href="{new_lessons[0].url}">Start</a>' in html
    assert f'href="{going_lessons[1].url}">Continue</a>' in html
    summaries = {summary.course.title: summary.action for summary in client.get("/my-dashboard/").context["summaries"]}
    assert summaries == {"New": "start", "Going": "continue", "Done": "progress"}


def test_dashboard_sorts_by_recent_study_and_filters_favourites(client, student):
    old_course, old_lessons = enrolled_course(student, "Older")
    recent_course, recent_lessons = enrolled_course(student, "Recent")
    complete(student, old_lessons[0], when=timezone.now() - timedelta(days=3))
    complete(student, recent_lessons[0], when=timezone.now() - timedelta(hours=1))
    titles = [summary.course.title for summary in client.get("/my-dashboard/").context["summaries"]]
    assert titles == ["Recent", "Older"]
    FavoriteCourse.objects.create(user=student, course=old_course)
    favourites = client.get("/my-dashboard/", {"favorites": "1"}).context["summaries"]
    assert [summary.course.title for summary in favourites] == ["Older"]


def test_dashboard_lists_courses_available_to_unlock(client, student):
    enrolled_course(student, "Mine")
    course_tree(title="Open to all", enrollment_method="open")
    available = client.get("/my-dashboard/").context["available"]
    assert [entry.course.title for entry in available] == ["Open to all"]


def test_a_student_with_no_courses_sees_where_to_find_them(client, student):
    html = client.get("/my-dashboard/").content.decode()
    assert "You are not enrolled in a course yet." in html


def test_dashboard_marks_lessons_updated_since_completion(client, student):
    _course, [lesson, *_rest] = enrolled_course(student, "Changing")
    complete(student, lesson)
    lesson.summary = "A rewritten summary."
    lesson.save_revision().publish()
    assert "1 updated since you completed it" in client.get("/my-dashboard/").content.decode()


def test_dashboard_queries_do_not_grow_with_courses_or_progress(client, student):
    _course, lessons = enrolled_course(student, "First")
    complete(student, lessons[0])

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get("/my-dashboard/")
        return len(captured)

    few = count()
    for number in range(3):
        _more, more_lessons = enrolled_course(student, f"More {number}")
        complete(student, *more_lessons)
    assert count() <= few


def test_course_progress_page_shows_lessons_quiz_results_notes_and_next(client, student):
    course, [first, second, third] = enrolled_course(student, "Detailed")
    complete(student, first)
    quiz = QuizFactory()
    submit_attempt(attempt=start_attempt(user=student, quiz=quiz, lesson=second), user=student, answers={})
    LessonNote.objects.create(user=student, lesson=third, text="Remember the edges.")
    response = client.get(f"/my-dashboard/course/{course.slug}/")
    html = response.content.decode()
    assert response.context["next_lesson"].pk == second.pk
    assert "Best 0%" in html and "Remember the edges." in html and "Completed" in html


def test_course_progress_page_is_only_for_enrolled_students(client, student):
    course, _m, _l = course_tree(title="Not mine")
    assert client.get(f"/my-dashboard/course/{course.slug}/").status_code == 404


def test_certifications_page_shows_an_empty_state(client, student):
    html = client.get("/my-certifications/").content.decode()
    assert "No certificates yet." in html and "0 of 1 certificates towards Bronze." in html


def test_certifications_page_lists_certificates_and_trophies(client, student):
    for title in ("One", "Two"):
        certify(user=student, course=course_tree(title=title)[0])
    response = client.get("/my-certifications/")
    html = response.content.decode()
    assert response.context["shelf"].earned == ["Bronze", "Silver"]
    assert "2 of 3 certificates towards Gold." in html and "/pdf/" in html


def test_lesson_page_outline_ticks_completed_lessons_and_marks_the_current_one(client, student):
    _course, [first, second, _third] = enrolled_course(student, "Outlined")
    complete(student, first)
    html = client.get(second.url).content.decode()
    assert '<span class="tick" aria-label="Completed">✓</span>' in html
    assert 'aria-current="page"' in html and f'href="{first.url}"' in html


def test_a_student_keeps_a_private_note_on_a_lesson(client, student):
    _course, [lesson, *_rest] = enrolled_course(student, "Noted")
    client.post(lesson.url + "notes/", {"text": "Edges first."})
    assert LessonNote.objects.get(user=student, lesson=lesson).text == "Edges first."
    assert "Edges first." in client.get(lesson.url).content.decode()
    client.force_login(UserFactory())
    assert "Edges first." not in client.get(lesson.url).content.decode()


def test_an_empty_note_deletes_the_note(client, student):
    _course, [lesson, *_rest] = enrolled_course(student, "Noted")
    client.post(lesson.url + "notes/", {"text": "Temporary."})
    client.post(lesson.url + "notes/", {"text": "   "})
    assert not LessonNote.objects.exists()


def test_a_note_too_long_is_refused_and_the_old_one_kept(client, student):
    _course, [lesson, *_rest] = enrolled_course(student, "Noted")
    client.post(lesson.url + "notes/", {"text": "Keep me."})
    response = client.post(lesson.url + "notes/", {"text": "x" * 10_001}, follow=True)
    assert "at most 10000 characters" in response.content.decode()
    assert LessonNote.objects.get().text == "Keep me."


def test_lesson_page_carries_what_the_player_needs_to_resume(client, student):
    _course, [lesson, *_rest] = enrolled_course(student, "Resumable")
    UserProgress.objects.create(user=student, lesson=lesson, last_position_seconds=130.4, video_watch_percentage=40)
    html = client.get(lesson.url).content.decode()
    assert f'data-progress-url="/api/lessons/{lesson.pk}/progress/"' in html
    assert 'data-resume="130"' in html and 'data-watched="40"' in html and "js/player.js" in html
