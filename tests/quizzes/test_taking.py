"""Students take a lesson's quiz: scored on the server, answers kept secret, limits enforced."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from access.factories import UserFactory
from courses.factories import course_tree
from courses.models import UserProgress
from quizzes.factories import QuizFactory, multiple_answers, short_answer, single_choice, true_false
from quizzes.models import QuizAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_with(make_student):
    """(lesson, logged-in student client) for a guest-level lesson carrying `quiz`, then a next lesson."""

    def build(client, quiz, **lesson_fields):
        course, _modules, [lesson, _next] = course_tree(
            lessons=[{"title": "Lesson with a quiz", **lesson_fields}, {"title": "The next lesson"}]
        )
        lesson.quiz = quiz
        lesson.save_revision().publish()
        client.force_login(make_student(course))
        return lesson

    return build


def quiz_url(lesson):
    return lesson.url + "quiz/"


def start(client, lesson):
    client.post(quiz_url(lesson), {"action": "start"})
    return QuizAttempt.objects.filter(status="in_progress").get()


def option_ids(attempt, question_index=0):
    return attempt.served[question_index]["options"]


def correct_option(quiz, question_index=0):
    question = list(quiz.questions)[question_index]
    return next(iter(question.block.correct_option_ids(question.value)))


def submit(client, lesson, attempt, answers):
    data = {"action": "submit", "attempt": attempt.pk}
    data.update({f"q-{question_id}": value for question_id, value in answers.items()})
    return client.post(quiz_url(lesson), data)


def test_a_correct_submission_passes_and_shows_the_next_lesson(client, lesson_with):
    quiz = QuizFactory()
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    response = submit(client, lesson, attempt, {attempt.served[0]["id"]: correct_option(quiz)})
    assert response.url == quiz_url(lesson) + "attempts/1/"
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed, attempt.status) == (100, True, "submitted")
    html = client.get(response.url).content.decode()
    assert "You passed!" in html and "data-celebrate" in html and "Next: The next lesson" in html


def test_each_question_type_is_scored_on_the_server(client, lesson_with):
    quiz = QuizFactory(
        questions=[single_choice(points=2), multiple_answers(points=3), true_false(correct="false"), short_answer()],
        passing_score=50,
    )
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    ids = [served["id"] for served in attempt.served]
    wrong_single = [option for option in option_ids(attempt, 0) if option != correct_option(quiz, 0)][0]
    submit(
        client,
        lesson,
        attempt,
        {ids[0]: wrong_single, ids[1]: option_ids(attempt, 1)[:2], ids[2]: "false", ids[3]: " test SPY "},
    )
    attempt.refresh_from_db()
    assert (attempt.points_earned, attempt.points_possible) == (5, 7)
    assert str(attempt.score) == "71.43" and attempt.passed


def test_which_option_is_correct_never_reaches_the_browser(client, lesson_with):
    right_first = QuizFactory(questions=[single_choice(options=[("Alpha", True), ("Beta", False)])])
    lesson = lesson_with(client, right_first)
    attempt = start(client, lesson)
    page_one = client.get(quiz_url(lesson)).content.decode()

    # The same question with the other option marked correct renders the very same form.
    data = right_first.questions.raw_data
    for item in data[0]["value"]["options"]:
        item["value"]["is_correct"] = not item["value"]["is_correct"]
    right_first.questions = data
    right_first.save_revision().publish()
    attempt.delete()
    attempt = start(client, lesson)
    page_two = client.get(quiz_url(lesson)).content.decode()

    def normalised(html):
        html = re.sub(r'name="(csrfmiddlewaretoken|attempt)" value="[^"]+"', "", html)
        return re.sub(r'nonce="[^"]+"', "", html)  # a new CSP nonce each request

    assert normalised(page_one) == normalised(page_two)
    assert "is_correct" not in page_one


def test_explanations_stay_hidden_until_the_attempt_is_submitted(client, lesson_with):
    quiz = QuizFactory(questions=[single_choice(explanation="Because four is two twos.")])
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    assert "two twos" not in client.get(quiz_url(lesson)).content.decode()
    submit(client, lesson, attempt, {})
    assert "two twos" in client.get(quiz_url(lesson) + "attempts/1/").content.decode()


def test_results_are_withheld_when_the_quiz_never_shows_them(client, lesson_with):
    quiz = QuizFactory(questions=[single_choice(explanation="Because four is two twos.")], show_results="never")
    lesson = lesson_with(client, quiz)
    submit(client, lesson, start(client, lesson), {})
    html = client.get(quiz_url(lesson) + "attempts/1/").content.decode()
    assert "0.00%" in html and "two twos" not in html and "correct answer" not in html


def test_results_after_passing_stay_hidden_after_a_fail(client, lesson_with):
    quiz = QuizFactory(questions=[single_choice(explanation="Because four is two twos.")], show_results="after_passing")
    lesson = lesson_with(client, quiz)
    submit(client, lesson, start(client, lesson), {})
    assert "two twos" not in client.get(quiz_url(lesson) + "attempts/1/").content.decode()


def test_failing_lets_the_student_retry_while_attempts_remain(client, lesson_with):
    quiz = QuizFactory(max_attempts=2)
    lesson = lesson_with(client, quiz)
    submit(client, lesson, start(client, lesson), {})
    html = client.get(quiz_url(lesson) + "attempts/1/").content.decode()
    assert "Try again" in html and "1 attempt left." in html
    submit(client, lesson, start(client, lesson), {})
    response = client.post(quiz_url(lesson), {"action": "start"}, follow=True)
    assert "You have used all 2 attempts at this quiz." in response.content.decode()
    assert QuizAttempt.objects.count() == 2


def test_an_attempt_cannot_be_submitted_twice(client, lesson_with):
    quiz = QuizFactory()
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    submit(client, lesson, attempt, {})
    response = submit(client, lesson, attempt, {attempt.served[0]["id"]: correct_option(quiz)})
    assert "This attempt was already submitted." in client.get(response.url).content.decode()
    attempt.refresh_from_db()
    assert attempt.score == 0


def test_an_answer_naming_an_option_of_another_question_scores_nothing(client, lesson_with):
    quiz = QuizFactory(questions=[single_choice(), single_choice()])
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    first_question_id = attempt.served[0]["id"]
    other_question_index = 1 if first_question_id == str(list(quiz.questions)[0].id) else 0
    submit(client, lesson, attempt, {first_question_id: correct_option(quiz, other_question_index)})
    attempt.refresh_from_db()
    assert attempt.points_earned == 0 and attempt.answers == {}


def test_a_late_submission_is_recorded_as_late_and_scores_zero(client, lesson_with):
    quiz = QuizFactory(time_limit_minutes=5)
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    submit(client, lesson, attempt, {attempt.served[0]["id"]: correct_option(quiz)})
    attempt.refresh_from_db()
    assert (attempt.is_late, attempt.passed, attempt.score, attempt.answers != {}) == (True, False, 0, True)
    assert "Submitted too late" in client.get(quiz_url(lesson) + "attempts/1/").content.decode()


def test_a_submission_within_the_grace_period_counts(client, lesson_with):
    quiz = QuizFactory(time_limit_minutes=5)
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=5))
    submit(client, lesson, attempt, {attempt.served[0]["id"]: correct_option(quiz)})
    attempt.refresh_from_db()
    assert (attempt.is_late, attempt.passed) == (False, True)


def test_an_attempt_abandoned_past_its_deadline_is_closed_as_late_on_the_next_start(client, lesson_with):
    quiz = QuizFactory(time_limit_minutes=5)
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(hours=1))
    client.post(quiz_url(lesson), {"action": "start"})
    attempt.refresh_from_db()
    assert (attempt.status, attempt.is_late) == ("submitted", True)
    assert QuizAttempt.objects.get(status="in_progress").attempt_number == 2


def test_the_timer_shows_the_time_left(client, lesson_with):
    lesson = lesson_with(client, QuizFactory(time_limit_minutes=10))
    start(client, lesson)
    html = client.get(quiz_url(lesson)).content.decode()
    assert "data-deadline=" in html and "Time left" in html


def test_draws_the_configured_number_of_questions_from_the_pool(client, lesson_with):
    quiz = QuizFactory(questions=[single_choice(text=f"Question {n}") for n in range(5)], questions_per_attempt=3)
    lesson = lesson_with(client, quiz)
    attempt = start(client, lesson)
    pool = {str(child.id) for child in quiz.questions}
    assert len(attempt.served) == 3 and {served["id"] for served in attempt.served} <= pool


def test_required_quiz_blocks_completion_until_passed(client, lesson_with):
    quiz = QuizFactory(is_required=True, title="Check yourself")
    lesson = lesson_with(client, quiz)
    response = client.post(lesson.url + "complete/", follow=True)
    assert "Pass the quiz “Check yourself” to complete this lesson." in response.content.decode()
    assert not UserProgress.objects.filter(completed=True).exists()

    attempt = start(client, lesson)
    submit(client, lesson, attempt, {attempt.served[0]["id"]: correct_option(quiz)})
    response = client.post(lesson.url + "complete/")
    assert response.url.endswith("/the-next-lesson/")
    assert UserProgress.objects.get().completed


def test_optional_quiz_does_not_block_completion(client, lesson_with):
    lesson = lesson_with(client, QuizFactory(is_required=False))
    client.post(lesson.url + "complete/")
    assert UserProgress.objects.get().completed


def test_lesson_page_links_its_quiz(client, lesson_with):
    lesson = lesson_with(client, QuizFactory(title="Check yourself", is_required=True))
    html = client.get(lesson.url).content.decode()
    assert "Quiz: Check yourself" in html and 'href="' + quiz_url(lesson) + '"' in html
    assert "Pass the quiz first" in html


def test_a_guest_is_sent_to_log_in_to_take_a_quiz(client, lesson_with):
    lesson = lesson_with(client, QuizFactory())
    client.logout()
    response = client.get(quiz_url(lesson))
    assert response.status_code == 302 and response.url.startswith("/login/")


def test_a_viewer_who_may_not_open_the_lesson_may_not_take_its_quiz(client, lesson_with):
    lesson = lesson_with(client, QuizFactory(), access_level="enrolled")
    client.force_login(UserFactory())
    assert client.get(quiz_url(lesson)).status_code == 403
    assert client.post(quiz_url(lesson), {"action": "start"}).status_code == 403
    assert not QuizAttempt.objects.exists()


def test_an_unpublished_quiz_is_not_there(client, lesson_with):
    lesson = lesson_with(client, QuizFactory(publish=False, live=False))
    assert client.get(quiz_url(lesson)).status_code == 404
    assert "Quiz:" not in client.get(lesson.url).content.decode()


def test_a_student_cannot_see_another_student_s_attempt(client, lesson_with):
    quiz = QuizFactory()
    lesson = lesson_with(client, quiz)
    submit(client, lesson, start(client, lesson), {})
    client.force_login(UserFactory())
    assert client.get(quiz_url(lesson) + "attempts/1/").status_code == 404


def test_question_text_is_shown_as_text_never_as_markup(client, lesson_with):
    lesson = lesson_with(client, QuizFactory(questions=[single_choice(text="<script>alert(1)</script>")]))
    start(client, lesson)
    html = client.get(quiz_url(lesson)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


VIDEO = {"type": "video", "value": {"audience": "guest", "url": "https://vimeo.com/76979871", "duration_seconds": 600}}


def pass_quiz(client, lesson, quiz):
    attempt = start(client, lesson)
    submit(client, lesson, attempt, {attempt.served[0]["id"]: correct_option(quiz)})


def lesson_row(lesson):
    return UserProgress.objects.filter(lesson=lesson).first()


def test_passing_the_required_quiz_of_a_watched_lesson_completes_it(client, lesson_with):
    quiz = QuizFactory(is_required=True)
    lesson = lesson_with(client, quiz, body=[VIDEO])
    client.post(
        f"/api/lessons/{lesson.pk}/progress/",
        {"watch_percentage": 95, "timestamp": 570},
        content_type="application/json",
    )
    assert lesson_row(lesson).completed is False  # held back by the quiz

    pass_quiz(client, lesson, quiz)

    assert lesson_row(lesson).completed is True


def test_passing_the_required_quiz_of_an_unwatched_video_lesson_leaves_it_open(client, lesson_with):
    quiz = QuizFactory(is_required=True)
    lesson = lesson_with(client, quiz, body=[VIDEO])

    pass_quiz(client, lesson, quiz)

    row = lesson_row(lesson)
    assert row is None or row.completed is False


def test_passing_the_required_quiz_of_a_lesson_without_video_completes_it(client, lesson_with):
    quiz = QuizFactory(is_required=True)
    lesson = lesson_with(client, quiz)

    pass_quiz(client, lesson, quiz)

    assert lesson_row(lesson).completed is True
