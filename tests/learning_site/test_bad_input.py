"""No request answers 500 because of its input: odd input gets a clear 4xx and changes nothing."""

import json

import pytest
from django.urls import reverse

from courses.factories import course_tree
from courses.models import CourseReview, LessonNote, UserProgress
from quizzes.factories import QuizFactory
from quizzes.models import QuizAttempt

pytestmark = pytest.mark.django_db

NUL = "\x00"


@pytest.fixture
def course_and_lesson():
    quiz = QuizFactory()
    course, _modules, (lesson,) = course_tree(lessons=[{"title": "Odd input", "quiz": quiz}])
    return course, lesson, quiz


@pytest.fixture
def student(client, make_student, course_and_lesson):
    user = make_student(course_and_lesson[0])
    client.force_login(user)
    return user


def assert_clear_400(response):
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/search/?query=a%00b",
        "/courses/?q=x%00",
        "/courses/?category=x%00&level=%00",
        "/courses/?tag=%00",
        "/certificates/LS-AAAA%00/",
        "/courses/%00/",
        "/?next=%00",
    ],
)
def test_nul_in_an_address_or_query_string_is_a_clear_400(client, course_and_lesson, path):
    assert_clear_400(client.get(path))


def test_nul_in_a_note_is_refused_and_nothing_is_saved(client, student, course_and_lesson):
    _course, lesson, _quiz = course_and_lesson
    assert_clear_400(client.post(lesson.url + "notes/", {"text": f"Edges{NUL}first"}))
    assert not LessonNote.objects.exists()


def test_nul_in_a_review_is_refused_and_nothing_is_saved(client, student, course_and_lesson):
    course, _lesson, _quiz = course_and_lesson
    assert_clear_400(client.post(course.url + "review/", {"rating": "5", "text": f"Great{NUL}"}))
    assert not CourseReview.objects.exists()


def test_nul_in_a_quiz_answer_is_refused(client, student, course_and_lesson):
    _course, lesson, quiz = course_and_lesson
    client.post(lesson.url + "quiz/", {"action": "start"})
    attempt = QuizAttempt.objects.get()
    question = list(quiz.questions)[0]
    response = client.post(lesson.url + "quiz/", {"action": "submit", "attempt": attempt.pk, f"q-{question.id}": NUL})
    assert_clear_400(response)
    assert QuizAttempt.objects.get().status == "in_progress"


def test_nul_in_a_sign_up_form_is_refused(client):
    assert_clear_400(client.post(reverse("register"), {"username": f"ada{NUL}", "email": "a@example.com"}))


def test_nul_in_the_login_form_is_refused(client):
    assert_clear_400(client.post(reverse("login"), {"username": NUL, "password": "x"}))


@pytest.mark.parametrize("attempt", ["abc", "1.5", "-1", "", "99999999999999999999999", "1e3", "１"])
def test_a_quiz_attempt_that_is_not_a_whole_number_is_a_clear_message(client, student, course_and_lesson, attempt):
    _course, lesson, _quiz = course_and_lesson
    response = client.post(lesson.url + "quiz/", {"action": "submit", "attempt": attempt}, follow=True)
    assert response.status_code == 200
    assert "That attempt was not found. Start the quiz again." in response.content.decode()


@pytest.mark.parametrize("rating", ["9" * 5000, "abc", "", "1e400", "-1"])
def test_a_review_rating_that_is_not_1_to_5_is_a_clear_message(client, student, course_and_lesson, rating):
    course, _lesson, _quiz = course_and_lesson
    response = client.post(course.url + "review/", {"rating": rating, "text": "ok"}, follow=True)
    assert response.status_code == 200
    assert not CourseReview.objects.exists()


# The JSON APIs --------------------------------------------------------------------------------


def post_json(client, url, body, content_type="application/json"):
    return client.post(url, body, content_type=content_type)


def progress_url(lesson):
    return reverse("api_lesson_progress", args=[lesson.pk])


def test_a_deeply_nested_body_is_a_json_400(client, student, course_and_lesson):
    _course, lesson, _quiz = course_and_lesson
    response = post_json(client, progress_url(lesson), "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json()["success"] is False


@pytest.mark.parametrize("number", ["1" + "0" * 400, "1e400", "9" * 5000, "-1" + "0" * 400])
def test_absurdly_large_numbers_are_a_json_400_naming_the_field(client, student, course_and_lesson, number):
    _course, lesson, _quiz = course_and_lesson
    response = post_json(client, progress_url(lesson), f'{{"watch_percentage": {number}, "timestamp": 1}}')
    assert response.status_code == 400
    assert response.json()["success"] is False
    assert not UserProgress.objects.exists()


def test_absurdly_large_lesson_ids_are_a_json_400(client, student):
    response = post_json(client, reverse("api_chatbot"), json.dumps({"lesson_id": 10**30, "action": "summarise"}))
    assert response.status_code == 400 and response.json()["field"] == "lesson_id"


def test_nul_inside_json_text_is_a_json_400(client, student, course_and_lesson):
    _course, lesson, _quiz = course_and_lesson
    body = json.dumps({"lesson_id": lesson.pk, "action": "free_form", "message": "hi\u0000there"})
    response = post_json(client, reverse("api_chatbot"), body)
    assert response.status_code == 400 and response.json()["field"] == "message"


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "application/octet-stream"])
def test_a_body_that_is_not_json_is_a_json_415(client, student, course_and_lesson, content_type):
    _course, lesson, _quiz = course_and_lesson
    response = post_json(client, progress_url(lesson), '{"watch_percentage": 5, "timestamp": 1}', content_type)
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


def test_an_oversized_json_body_is_a_json_413(client, student, course_and_lesson, settings):
    _course, lesson, _quiz = course_and_lesson
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"watch_percentage": 5, "timestamp": 1, "padding": "x" * 5000})
    response = post_json(client, progress_url(lesson), body)
    assert response.status_code == 413 and response.json()["success"] is False


def test_an_oversized_beacon_form_is_a_json_413(client, student, course_and_lesson, settings):
    _course, lesson, _quiz = course_and_lesson
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(progress_url(lesson), {"payload": "x" * 5000})
    assert response.status_code == 413 and response.json()["success"] is False


def test_the_player_s_beacon_form_still_reports_progress(client, student, course_and_lesson):
    _course, lesson, _quiz = course_and_lesson
    response = client.post(progress_url(lesson), {"payload": json.dumps({"watch_percentage": 40, "timestamp": 3})})
    assert response.status_code == 200
    assert UserProgress.objects.get().video_watch_percentage == 40
