"""The catalog lists the courses a viewer may see, with their size."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.factories import course_tree

pytestmark = pytest.mark.django_db


def catalog(client):
    from courses.models import CourseIndexPage

    response = client.get(CourseIndexPage.objects.get().url)
    assert response.status_code == 200
    return response


def test_catalog_cards_count_each_course_s_live_lessons_and_hours(client):
    course_tree(title="Three lessons", lessons=[{"title": f"Lesson {n}", "duration_minutes": 60} for n in range(3)])
    course_tree(title="One lesson", lessons=[{"title": "b", "duration_minutes": 30}])
    courses = {course.title: course for course in catalog(client).context["courses"]}
    assert (courses["Three lessons"].lesson_count, courses["Three lessons"].total_minutes) == (3, 180)
    assert (courses["One lesson"].lesson_count, courses["One lesson"].total_minutes) == (1, 30)


@pytest.mark.parametrize(
    ("visibility", "guest_sees", "member_sees"),
    [("public", True, True), ("members_only", False, True), ("hidden", False, False), ("private", False, False)],
)
def test_catalog_lists_courses_by_visibility(client, learner, visibility, guest_sees, member_sees):
    course_tree(title="The course", visibility=visibility)
    assert ("The course" in catalog(client).content.decode()) is guest_sees
    client.force_login(learner)
    assert ("The course" in catalog(client).content.decode()) is member_sees


def test_students_see_their_private_course_in_the_catalog(client, make_student):
    course, _modules, _lessons = course_tree(title="Private course", visibility="private")
    client.force_login(make_student(course))
    assert "Private course" in catalog(client).content.decode()


def test_private_course_page_is_not_found_without_access(client, learner):
    course, _modules, [lesson] = course_tree(visibility="private", lessons=[{"title": "Secret"}])
    client.force_login(learner)
    assert client.get(course.url).status_code == 404
    assert client.get(lesson.url).status_code == 404


def test_hidden_course_is_reachable_by_its_address(client):
    course, _modules, _lessons = course_tree(title="Hidden course", visibility="hidden")
    assert client.get(course.url).status_code == 200


def test_course_page_shows_the_outline_with_access_badges(client):
    course, _modules, _lessons = course_tree(
        lessons=[{"title": "Free one", "access_level": "guest"}, {"title": "Members one", "access_level": "registered"}]
    )
    html = client.get(course.url).content.decode()
    assert "Free one" in html and "Members one" in html
    assert "2 lessons" in html


def groups_for(client):
    groups = catalog(client).context["groups"]
    return {
        name: {entry.course.title: entry.reason for entry in getattr(groups, name)}
        for name in ("mine", "available", "unavailable")
    }


def test_catalog_groups_courses_for_a_student(client, make_student):
    mine, _m, _l = course_tree(title="Mine")
    course_tree(title="Open one", enrollment_method="open")
    course_tree(title="For sale", enrollment_method="purchase", price=49)
    course_tree(title="Cohort one", enrollment_method="cohort_only")
    course_tree(title="Invite one", enrollment_method="invite_only")
    course_tree(title="Soon", status="coming_soon")
    client.force_login(make_student(mine))
    groups = groups_for(client)
    assert list(groups["mine"]) == ["Mine"]
    assert groups["available"] == {
        "Open one": "Free to enroll.",
        "For sale": "Buy for $49.00.",
        "Cohort one": "Join a cohort to get access.",
    }
    assert groups["unavailable"] == {"Invite one": "By invitation only.", "Soon": "Coming soon"}


def test_catalog_tells_a_guest_to_log_in_to_enroll(client):
    course_tree(title="Open one", enrollment_method="open")
    assert groups_for(client)["available"] == {"Open one": "Log in to enroll."}


def test_catalog_names_the_missing_prerequisite(client, learner):
    basics, _m, _l = course_tree(title="Basics", lessons=[{"title": "b"}])
    advanced, _m, _l = course_tree(title="Advanced")
    advanced.prerequisite_courses.add(basics)
    advanced.save_revision().publish()
    client.force_login(learner)
    assert groups_for(client)["available"]["Advanced"] == "Complete “Basics” first."


def test_enroll_button_gives_access_to_an_open_course(client, learner):
    course, _m, _l = course_tree(title="Open one", enrollment_method="open")
    client.force_login(learner)
    assert "Enroll for free" in client.get(course.url).content.decode()
    response = client.post(f"{course.url}enroll/", follow=True)
    assert "You are enrolled in “Open one”" in response.content.decode()
    assert groups_for(client)["mine"] == {"Open one": ""}


def test_enrolling_in_a_course_that_is_not_open_shows_why(client, learner):
    course, _m, _l = course_tree(enrollment_method="purchase")
    client.force_login(learner)
    response = client.post(f"{course.url}enroll/", follow=True)
    assert "not open for self-enrollment" in response.content.decode()
    assert not learner.course_accesses.exists()


def test_enroll_needs_a_post_and_a_login(client):
    course, _m, _l = course_tree(enrollment_method="open")
    assert client.get(f"{course.url}enroll/").status_code == 405
    assert client.post(f"{course.url}enroll/").url.startswith("/login/")


def test_private_course_enroll_route_is_not_found_without_access(client, learner):
    course, _m, _l = course_tree(visibility="private", enrollment_method="open")
    client.force_login(learner)
    assert client.post(f"{course.url}enroll/").status_code == 404


def test_catalog_says_when_a_course_opens_for_enrollment(client, learner):
    opens = timezone.now() + timedelta(days=10)
    course_tree(title="Next cohort", enrollment_opens_at=opens)
    client.force_login(learner)
    assert groups_for(client)["available"] == {"Next cohort": f"Unlocks on {opens:%-d %B %Y}."}


def test_catalog_offers_a_subscription_course_to_subscribers(client, learner):
    course_tree(title="Members vault", enrollment_method="subscription_only")
    client.force_login(learner)
    assert groups_for(client)["available"] == {"Members vault": "Included with a subscription."}
