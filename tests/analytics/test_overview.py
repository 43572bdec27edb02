"""The school's numbers on /admin/analytics/, its summary.json and its CSVs, against hand-made data."""

import csv
import io

import pytest

from access.factories import UserFactory
from courses.factories import course_tree

pytestmark = pytest.mark.django_db


def summary_of(client, user):
    client.force_login(user)
    response = client.get("/admin/analytics/summary.json")
    assert response.status_code == 200
    return response.json()


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_headline_numbers_count_students_and_their_activity(client, school, analyst):
    data = summary_of(client, analyst)
    assert {key: value for key, value in data.items() if key != "courses"} == {
        "students_total": 4,  # amy, ben, cy and dee: staff, the analyst (admin access) are no students
        "students_active_30d": 2,  # amy and ben have progress
        "students_new_7d": 2,  # amy and ben joined today
        "students_inactive": 2,
        "enrollments_total": 3,
        "active_access_grants": 3,
        "certificates_total": 1,
        "progress_updates_7d": 3,
        "completion_rate": 0.3333,  # amy completed A; ben has not, nor cy B
    }


def test_the_summary_lists_each_courses_performance(client, school, analyst):
    courses = {row["title"]: row for row in summary_of(client, analyst)["courses"]}
    assert courses["Course A"] == {
        "id": school.course_a.pk,
        "title": "Course A",
        "students": 2,
        "started": 2,
        "completed": 1,
        "completion_rate": 0.5,
        "average_quiz_score": 70.0,
        "average_rating": None,
    }
    assert (courses["Course B"]["students"], courses["Course B"]["started"], courses["Course B"]["completed"]) == (
        1,
        0,
        0,
    )


def test_a_login_counts_as_activity(client, school, analyst):
    from django.utils import timezone

    dee = school.students["dee"]
    dee.last_login = timezone.now()
    dee.save(update_fields=["last_login"])
    assert summary_of(client, analyst)["students_active_30d"] == 3


def test_the_page_shows_the_numbers_and_the_course_table(client, school, analyst):
    client.force_login(analyst)
    page = client.get("/admin/analytics/").content.decode()
    assert '<tr><th scope="row">Enrollments</th><td>3</td></tr>' in page
    assert f'href="/admin/analytics/courses/{school.course_a.pk}/"' in page
    assert "Enrollments per day: 3 in all" in page  # the chart's caption


def test_the_course_table_downloads_as_csv(client, school, analyst):
    client.force_login(analyst)
    rows = csv_rows(client.get("/admin/analytics/?format=csv&table=courses"))
    assert rows[0][:4] == ["Course", "Students", "Started", "Completed"]
    assert ["Course A", "2", "2", "1", "0.5", "70.0", "", "0"] in rows


def test_the_most_active_students_are_ranked_by_what_they_did(client, school, analyst):
    client.force_login(analyst)
    rows = csv_rows(client.get("/admin/analytics/?format=csv&table=active&days=7"))
    amy, ben = school.students["amy"], school.students["ben"]
    assert rows[1:] == [["Amy", amy.email, "2", "1"], ["Ben", ben.email, "1", "1"]]


def test_a_csv_cell_that_looks_like_a_formula_is_made_text(client, analyst):
    course_tree(title='=HYPERLINK("http://evil")')
    client.force_login(analyst)
    rows = csv_rows(client.get("/admin/analytics/?format=csv&table=courses"))
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'


def test_an_unknown_table_gets_400(client, school, analyst):
    client.force_login(analyst)
    assert client.get("/admin/analytics/?format=csv&table=secrets").status_code == 400


def test_a_bad_date_range_gets_a_clear_400(client, school, analyst):
    client.force_login(analyst)
    response = client.get("/admin/analytics/?start=2026-12-10&end=2026-12-01")
    assert response.status_code == 400
    assert "The start date must not be after the end date." in response.content.decode()


def test_a_custom_range_sets_the_daily_series(client, school, analyst):
    from django.utils import timezone

    today = timezone.localdate()
    client.force_login(analyst)
    rows = csv_rows(client.get(f"/admin/analytics/?format=csv&table=enrollments&start={today}&end={today}"))
    assert rows == [["Date", "Enrollments"], [today.isoformat(), "3"]]


def test_the_page_costs_the_same_queries_with_more_students(client, school, analyst, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from access.services import grant_course_access

    client.force_login(analyst)
    client.get("/admin/analytics/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/analytics/")
    for _ in range(6):
        grant_course_access(user=UserFactory(), course=school.course_b)
    with django_assert_max_num_queries(len(few)):
        assert client.get("/admin/analytics/").status_code == 200
