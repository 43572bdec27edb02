"""A course's funnel: each lesson's starts and completions, the falls between them, quiz pass rates,
the hardest questions and the time to complete, against hand-made data."""

import csv
import io

import pytest

from access.factories import UserFactory
from access.services import grant_course_access

from .conftest import progress

pytestmark = pytest.mark.django_db


def funnel_csv(client, course, table):
    response = client.get(f"/admin/analytics/courses/{course.pk}/?format=csv&table={table}")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_each_lesson_shows_who_started_and_completed_it(client, school, analyst):
    client.force_login(analyst)
    rows = funnel_csv(client, school.course_a, "lessons")
    assert [row[2:] for row in rows[1:]] == [
        ["A one", "2", "1", "0", "2", "1"],  # started by amy and ben; only amy passed its quiz
        ["A two", "1", "1", "1", "0", "0"],  # only amy reached it: one fell away
    ]


def test_the_biggest_falls_are_highlighted(client, school, analyst):
    for _ in range(3):
        student = UserFactory()
        grant_course_access(user=student, course=school.course_a)
        progress(student, school.lessons_a[0], completed=True)
    client.force_login(analyst)
    page = client.get(f"/admin/analytics/courses/{school.course_a.pk}/").content.decode()
    assert "<strong>4 (one of the biggest falls)</strong>" in page


def test_the_hardest_question_comes_first_with_its_correct_rate(client, school, analyst):
    client.force_login(analyst)
    rows = funnel_csv(client, school.course_a, "questions")
    assert rows[1:] == [
        ["Lesson one check", "Hard one?", "2", "1", "0.5"],
        ["Lesson one check", "Easy one?", "2", "2", "1.0"],
    ]


def test_question_text_is_escaped_on_the_page(client, school, analyst):
    quiz = school.quiz
    data = quiz.questions.raw_data
    data[1]["value"]["text"] = "Is <script>alert(1)</script> safe?"
    quiz.questions = data
    quiz.save()
    client.force_login(analyst)
    page = client.get(f"/admin/analytics/courses/{school.course_a.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in page


def test_the_average_time_to_complete_is_shown(client, school, analyst):
    client.force_login(analyst)
    page = client.get(f"/admin/analytics/courses/{school.course_a.pk}/").content.decode()
    assert "Average time to complete the course: 2.0 days" in page
