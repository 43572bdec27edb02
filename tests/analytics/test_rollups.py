"""Who started and completed each course is counted by a task into daily rows the page reads."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from access.factories import UserFactory
from access.services import grant_course_access
from analytics.models import CourseDay
from analytics.rollups import FRESH_FOR, recount
from analytics.tasks import recount_course_days
from courses.models import UserProgress
from quizzes.factories import QuizFactory, single_choice

from .conftest import progress

pytestmark = pytest.mark.django_db


def courses_in_summary(client, analyst):
    client.force_login(analyst)
    return {row["title"]: row for row in client.get("/admin/analytics/summary.json").json()["courses"]}


def test_the_task_counts_each_course_into_todays_row(school):
    recount_course_days.enqueue()

    row = CourseDay.objects.get(course=school.course_a)
    assert (row.day, row.students, row.started, row.completed) == (timezone.localdate(), 2, 2, 1)


def test_the_first_view_counts_what_was_never_counted(client, school, analyst):
    assert not CourseDay.objects.exists()

    course_a = courses_in_summary(client, analyst)["Course A"]

    assert (course_a["started"], course_a["completed"]) == (2, 1)
    assert CourseDay.objects.count() == 2


def test_a_fresh_count_is_shown_without_counting_again(client, school, analyst):
    recount()
    progress(school.students["ben"], school.lessons_a[1], completed=True)
    UserProgress.objects.filter(user=school.students["ben"]).update(completed=True)

    assert courses_in_summary(client, analyst)["Course A"]["completed"] == 1


def test_a_count_older_than_ten_minutes_is_recounted(client, school, analyst):
    recount(now=timezone.now() - FRESH_FOR - datetime.timedelta(seconds=1))
    progress(school.students["ben"], school.lessons_a[1], completed=True)
    UserProgress.objects.filter(user=school.students["ben"]).update(completed=True)

    assert courses_in_summary(client, analyst)["Course A"]["completed"] == 2


def test_yesterdays_count_stays_as_history(school):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    recount(now=yesterday)
    recount()

    days = list(CourseDay.objects.filter(course=school.course_a).values_list("day", flat=True))
    assert days == [timezone.localdate(), timezone.localdate(yesterday)]


def test_completed_needs_the_required_quizzes_passed(client, school, analyst):
    required = QuizFactory(is_required=True, questions=[single_choice()])
    school.lessons_a[1].quiz = required
    school.lessons_a[1].save_revision().publish()

    assert courses_in_summary(client, analyst)["Course A"]["completed"] == 0


def test_a_student_who_completed_without_access_is_not_counted_as_completed(client, school, analyst):
    walk_in = UserFactory()
    progress(walk_in, school.lesson_b, completed=True)
    grant_course_access(user=UserFactory(), course=school.course_b)

    course_b = courses_in_summary(client, analyst)["Course B"]
    assert (course_b["started"], course_b["completed"]) == (1, 0)


def test_the_page_says_when_the_numbers_were_counted(client, school, analyst):
    client.force_login(analyst)

    response = client.get("/admin/analytics/")

    counted_at = timezone.localtime(CourseDay.objects.first().counted_at)
    assert f"(counted at {counted_at:%H:%M})" in response.content.decode()


def test_the_command_recounts_for_the_clock(school):
    call_command("recount_analytics")

    assert CourseDay.objects.filter(day=timezone.localdate()).count() == 2
