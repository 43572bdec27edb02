"""The learner API: progress only moves forward, completion respects required quizzes, and every
error is JSON naming what is wrong."""

import json

import pytest
from django.test import Client

from access.factories import UserFactory
from courses.factories import LessonPageFactory, course_tree, publish
from courses.models import FavoriteCourse, UserProgress
from quizzes.factories import QuizFactory

pytestmark = pytest.mark.django_db

VIDEO = {"type": "video", "value": {"audience": "guest", "url": "https://vimeo.com/76979871", "duration_seconds": 600}}


@pytest.fixture
def lessons():
    course, _modules, lessons = course_tree(
        lessons=[
            {"title": "Watch me", "body": [VIDEO]},
            {"title": "Then me"},
            {"title": "Members", "access_level": "enrolled"},
        ]
    )
    return course, lessons


@pytest.fixture
def student(client, make_student, lessons):
    user = make_student(lessons[0])
    client.force_login(user)
    return user


def post(client, url, data=None, raw=None):
    body = raw if raw is not None else json.dumps(data or {})
    return client.post(url, body, content_type="application/json")


def progress_url(lesson):
    return f"/api/lessons/{lesson.pk}/progress/"


def test_progress_is_recorded_and_answered(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    response = post(client, progress_url(lesson), {"watch_percentage": 75.5, "timestamp": 120.5})
    assert response.status_code == 200
    assert response.json() == {
        "success": True,
        "watch_percentage": 75.5,
        "timestamp": 120.5,
        "status": "in_progress",
        "completed": False,
        "message": "",
    }


def test_watch_percentage_never_goes_down(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    post(client, progress_url(lesson), {"watch_percentage": 60, "timestamp": 300})
    response = post(client, progress_url(lesson), {"watch_percentage": 20, "timestamp": 100})
    assert response.json()["watch_percentage"] == 60
    assert UserProgress.objects.get().video_watch_percentage == 60


def test_reaching_the_threshold_completes_the_lesson(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    response = post(client, progress_url(lesson), {"watch_percentage": 90, "timestamp": 540})
    assert response.json()["completed"] is True and response.json()["status"] == "completed"
    lesson.refresh_from_db()
    assert UserProgress.objects.get().completed_revision_id == lesson.live_revision_id


def test_a_late_low_report_cannot_undo_completion(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    post(client, progress_url(lesson), {"watch_percentage": 95, "timestamp": 570})
    response = post(client, progress_url(lesson), {"watch_percentage": 10, "timestamp": 60})
    assert response.json()["completed"] is True and response.json()["watch_percentage"] == 95


def test_the_threshold_does_not_complete_a_lesson_whose_required_quiz_is_unpassed(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    lesson.quiz = QuizFactory(is_required=True, title="Gate")
    lesson.save_revision().publish()
    response = post(client, progress_url(lesson), {"watch_percentage": 100, "timestamp": 600})
    assert response.json()["completed"] is False
    assert response.json()["message"] == "Pass the quiz “Gate” to complete this lesson."


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        ("not json", None, "The request body must be JSON."),
        ("[1, 2]", None, "The request body must be a JSON object."),
        ('{"timestamp": 1}', "watch_percentage", "watch_percentage is required."),
        ('{"watch_percentage": 5}', "timestamp", "timestamp is required."),
        (
            '{"watch_percentage": "75", "timestamp": 1}',
            "watch_percentage",
            "watch_percentage must be a number, not str.",
        ),
        (
            '{"watch_percentage": true, "timestamp": 1}',
            "watch_percentage",
            "watch_percentage must be a number, not bool.",
        ),
        ('{"watch_percentage": NaN, "timestamp": 1}', "watch_percentage", "watch_percentage must be a finite number."),
        ('{"watch_percentage": 5, "timestamp": Infinity}', "timestamp", "timestamp must be a finite number."),
        ('{"watch_percentage": -1, "timestamp": 1}', "watch_percentage", "watch_percentage must be 0 or more."),
        ('{"watch_percentage": 100.5, "timestamp": 1}', "watch_percentage", "watch_percentage must be at most 100."),
        (
            '{"watch_percentage": 5, "timestamp": 601}',
            "timestamp",
            "timestamp must be at most the video's length (600 seconds).",
        ),
    ],
)
def test_bad_progress_input_is_a_400_naming_the_field_and_changes_nothing(
    client, student, lessons, raw, field, message
):
    _course, [lesson, *_rest] = lessons
    post(client, progress_url(lesson), {"watch_percentage": 30, "timestamp": 100})
    response = post(client, progress_url(lesson), raw=raw)
    assert response.status_code == 400
    assert response.json() == {"success": False, "error": message, "field": field}
    progress = UserProgress.objects.get()
    assert (progress.video_watch_percentage, progress.last_position_seconds) == (30, 100)


def test_anonymous_callers_get_a_401_in_json(client, lessons):
    _course, [lesson, *_rest] = lessons
    response = post(client, progress_url(lesson), {"watch_percentage": 5, "timestamp": 1})
    assert response.status_code == 401 and response.json()["error"] == "Log in first."


def test_a_caller_not_entitled_to_the_lesson_gets_a_403(client, lessons):
    _course, [_first, _second, members] = lessons
    client.force_login(UserFactory())
    response = post(client, progress_url(members), {"watch_percentage": 5, "timestamp": 1})
    assert response.status_code == 403 and response.json()["success"] is False
    assert not UserProgress.objects.exists()


def test_unknown_lessons_and_courses_are_a_404_in_json(client, student):
    assert post(client, "/api/lessons/999999/progress/", {}).json() == {"success": False, "error": "Not found."}
    assert post(client, "/api/lessons/999999/complete/").status_code == 404
    assert post(client, "/api/courses/999999/favorite/").status_code == 404


def test_the_api_answers_only_post(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    response = client.get(progress_url(lesson))
    assert response.status_code == 405 and response["Allow"] == "POST"


def test_csrf_is_enforced_and_answered_in_json(student, lessons):
    _course, [lesson, *_rest] = lessons
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    response = post(client, progress_url(lesson), {"watch_percentage": 5, "timestamp": 1})
    assert response.status_code == 403 and "CSRF" in response.json()["error"]
    assert not UserProgress.objects.exists()


def test_progress_belongs_to_the_caller_whatever_the_body_says(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    other = UserFactory()
    post(client, progress_url(lesson), {"watch_percentage": 50, "timestamp": 10, "user": other.pk, "user_id": other.pk})
    assert list(UserProgress.objects.values_list("user_id", flat=True)) == [student.pk]


def test_complete_answers_with_the_next_lesson(client, student, lessons):
    _course, [lesson, second, _members] = lessons
    response = post(client, f"/api/lessons/{lesson.pk}/complete/")
    assert response.json() == {
        "success": True,
        "completed": True,
        "next_lesson_url": second.url,
        "course_url": lesson.course.url,
    }


def test_complete_of_a_modules_last_lesson_answers_with_the_next_modules_first(client, make_student):
    course, [_first_module, second_module], [last] = course_tree(lessons=[{"title": "Last of one"}], modules=2)
    opening = publish(LessonPageFactory(parent=second_module, title="First of two"))
    client.force_login(make_student(course))

    response = post(client, f"/api/lessons/{last.pk}/complete/")

    assert response.json()["next_lesson_url"] == opening.url


def test_complete_of_the_courses_last_lesson_has_no_next_lesson(client, student, lessons):
    _course, [_lesson, _second, members] = lessons

    response = post(client, f"/api/lessons/{members.pk}/complete/")

    assert response.json()["next_lesson_url"] is None


def test_complete_is_refused_while_a_required_quiz_is_unpassed(client, student, lessons):
    _course, [lesson, *_rest] = lessons
    lesson.quiz = QuizFactory(is_required=True, title="Gate")
    lesson.save_revision().publish()
    response = post(client, f"/api/lessons/{lesson.pk}/complete/")
    assert response.status_code == 409
    assert response.json() == {"success": False, "error": "Pass the quiz “Gate” to complete this lesson."}


def test_favorite_toggles(client, student, lessons):
    course, _lessons = lessons
    url = f"/api/courses/{course.pk}/favorite/"
    assert post(client, url).json() == {"success": True, "favorite": True}
    assert FavoriteCourse.objects.filter(user=student, course=course).exists()
    assert post(client, url).json() == {"success": True, "favorite": False}
    assert not FavoriteCourse.objects.exists()


def test_a_private_course_cannot_be_favorited_without_access(client):
    course, _m, _l = course_tree(visibility="private")
    client.force_login(UserFactory())
    assert post(client, f"/api/courses/{course.pk}/favorite/").status_code == 404


def test_a_beacon_form_with_the_csrf_token_records_progress(student, lessons):
    _course, [lesson, *_rest] = lessons
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    client.get(lesson.url)  # sets the CSRF cookie, as the lesson page does
    token = client.cookies["csrftoken"].value
    payload = json.dumps({"watch_percentage": 42, "timestamp": 99})
    response = client.post(progress_url(lesson), {"csrfmiddlewaretoken": token, "payload": payload})
    assert response.status_code == 200 and response.json()["watch_percentage"] == 42
