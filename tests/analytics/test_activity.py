"""The live activity feed at /admin/analytics/activity.json: what it says, in which order, how it
pages, who sees what, and what it costs."""

import base64
import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from access.factories import UserFactory
from access.models import AccessEvent
from accounts.models import DeletedAccount
from courses.factories import course_tree
from courses.models import CourseInstructor, UserProgress
from payments.models import Purchase
from quizzes.factories import QuizFactory
from quizzes.models import Certificate, QuizAttempt

pytestmark = pytest.mark.django_db

FEED = "/admin/analytics/activity.json"
LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def student(first_name, last_name, joined=LONG_AGO):
    return UserFactory(first_name=first_name, last_name=last_name, date_joined=joined)


def complete(user, lesson, at):
    return UserProgress.objects.create(user=user, lesson=lesson, status="completed", completed=True, completed_at=at)


def submit(user, quiz, course, at, score, passed, is_exam=False):
    number = QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        course=course,
        is_exam=is_exam,
        attempt_number=number,
        status=QuizAttempt.Status.SUBMITTED,
        started_at=at - datetime.timedelta(minutes=5),
        submitted_at=at,
        score=Decimal(score),
        passed=passed,
    )


def certify(user, course, at):
    number = Certificate.objects.count() + 1
    return Certificate.objects.create(
        user=user,
        course=course,
        holder_name=user.get_full_name(),
        course_title=course.title,
        number=f"C-{number}",
        verification_hash=f"hash-{number}",
        issued_at=at,
    )


def access_event(user, course, at, action=AccessEvent.Action.GRANT, actor=None, source="", reason=""):
    return AccessEvent.objects.create(
        user=user, course=course, created_at=at, action=action, actor=actor, source=source, reason=reason
    )


def purchase(user, course, at, description, amount, status=Purchase.Status.PAID):
    number = Purchase.objects.count() + 1
    return Purchase.objects.create(
        user=user,
        kind=Purchase.Kind.COURSE,
        course=course,
        description=description,
        amount=Decimal(amount),
        status=status,
        stripe_session_id=f"cs_test_{number}",
        created_at=at,
        paid_at=at,
    )


def get_feed(client, **params):
    response = client.get(FEED, params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def school():
    """Two courses and what two students did in them, a minute apart, with the oldest first."""
    testing, _modules, (boundaries,) = course_tree(title="Software Testing", lessons=[{"title": "Boundary values"}])
    rust, _modules, (ownership,) = course_tree(title="Rust Basics", lessons=[{"title": "Ownership"}])
    admin = UserFactory(first_name="Ada", last_name="Admin", is_superuser=True, date_joined=LONG_AGO)
    quiz = QuizFactory(title="Boundaries quiz")
    start = timezone.now() - datetime.timedelta(hours=1)

    def at(minutes):
        return start + datetime.timedelta(minutes=minutes)

    nia = student("Nia", "Okafor", joined=at(0))
    ben = student("Ben", "Ito")
    access_event(nia, testing, at(1), actor=admin, source="Manual grant")
    complete(nia, boundaries, at(2))
    submit(nia, quiz, testing, at(3), "80.00", passed=True)
    certify(nia, testing, at(4))
    purchase(nia, rust, at(5), "Rust Basics", "49.00")
    complete(ben, ownership, at(6))
    access_event(ben, rust, at(7), action=AccessEvent.Action.REVOKE, actor=admin, reason="Chargeback")
    return SimpleNamespace(testing=testing, rust=rust, admin=admin, nia=nia, ben=ben, at=at)


def expected(kind, at, text, user, course):
    return {
        "kind": kind,
        "at": at.isoformat(),
        "text": text,
        "student": {"id": user.pk, "name": user.get_full_name()},
        "student_url": reverse("access_student", args=[user.pk]),
        "course": {"id": course.pk, "title": course.title} if course else None,
    }


def test_feed_lists_every_kind_of_activity_newest_first(client, school):
    s = school
    client.force_login(s.admin)

    feed = get_feed(client)

    assert feed == {
        "items": [
            expected(
                "access_revoked",
                s.at(7),
                "Ben Ito’s access to Rust Basics was revoked by Ada Admin: Chargeback",
                s.ben,
                s.rust,
            ),
            expected("lesson_completed", s.at(6), "Ben Ito completed “Ownership” in Rust Basics", s.ben, s.rust),
            expected("purchase", s.at(5), "Nia Okafor bought Rust Basics for 49.00 USD", s.nia, s.rust),
            expected(
                "certificate_issued", s.at(4), "Nia Okafor earned a certificate for Software Testing", s.nia, s.testing
            ),
            expected(
                "quiz_submitted",
                s.at(3),
                "Nia Okafor passed the quiz “Boundaries quiz” with 80% in Software Testing",
                s.nia,
                s.testing,
            ),
            expected(
                "lesson_completed",
                s.at(2),
                "Nia Okafor completed “Boundary values” in Software Testing",
                s.nia,
                s.testing,
            ),
            expected(
                "access_granted",
                s.at(1),
                "Nia Okafor was given access to Software Testing by Ada Admin (Manual grant)",
                s.nia,
                s.testing,
            ),
            expected("signed_up", s.at(0), "Nia Okafor signed up", s.nia, None),
            expected("signed_up", LONG_AGO, "Ben Ito signed up", s.ben, None),
        ],
        "next": None,
    }


def test_feed_says_how_a_failed_exam_a_refund_and_an_enrollment_went(client, school):
    s = school
    exam = QuizFactory(title="Final exam")
    submit(s.ben, exam, s.rust, s.at(10), "42.50", passed=False, is_exam=True)
    purchase(s.ben, s.rust, s.at(11), "Rust Basics", "49.00", status=Purchase.Status.REFUNDED)
    access_event(s.ben, s.testing, s.at(12), action=AccessEvent.Action.ENROLL, actor=s.ben)
    client.force_login(s.admin)

    texts = [item["text"] for item in get_feed(client, limit=3)["items"]]

    assert texts == [
        "Ben Ito enrolled in Software Testing",
        "Ben Ito bought Rust Basics for 49.00 USD (since refunded)",
        "Ben Ito did not pass the final exam “Final exam” with 42.5% in Rust Basics",
    ]


def test_staff_who_sign_up_are_not_shown_as_new_students(client, school):
    UserFactory(first_name="Sam", last_name="Staff", is_staff=True)
    client.force_login(school.admin)

    names = [item["student"]["name"] for item in get_feed(client)["items"] if item["kind"] == "signed_up"]

    assert names == ["Nia Okafor", "Ben Ito"]


def test_a_deleted_accounts_activity_names_no_one(client, school):
    tombstone = UserFactory(username="deleted-0123456789abcdef", is_active=False)
    DeletedAccount.objects.create(tombstone=tombstone, deleted_by=DeletedAccount.DeletedBy.OWNER)
    certify(tombstone, school.rust, school.at(10))
    client.force_login(school.admin)

    newest = get_feed(client, limit=1)["items"][0]

    assert (newest["text"], newest["student"]["name"]) == (
        "A deleted account earned a certificate for Rust Basics",
        "A deleted account",
    )


def every_page(client, limit):
    items, cursor, pages = [], None, 0
    while True:
        feed = get_feed(client, limit=limit, **({"cursor": cursor} if cursor else {}))
        items += feed["items"]
        pages += 1
        cursor = feed["next"]
        if cursor is None:
            return items, pages


def test_paging_with_the_cursor_returns_every_item_exactly_once(client, school):
    s = school
    # Ties: several sources, and several rows of one source, at the very same instant.
    same = s.at(30)
    complete(s.nia, UserProgress.objects.get(user=s.ben).lesson, same)
    access_event(s.nia, s.rust, same)
    access_event(s.ben, s.testing, same)
    certify(s.ben, s.rust, same)
    client.force_login(s.admin)
    everything = get_feed(client, limit=100)["items"]

    paged, pages = every_page(client, limit=2)

    assert len(everything) == 13
    assert paged == everything
    assert pages == 7


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor",
        "é",
        base64.urlsafe_b64encode(b"[1, 2]").decode(),
        base64.urlsafe_b64encode(b'["nowhere", "2026-01-01T00:00:00+00:00", 1]').decode(),
        base64.urlsafe_b64encode(b'["quiz", "yesterday", 1]').decode(),
        base64.urlsafe_b64encode(b'["quiz", "2026-01-01T00:00:00", 1]').decode(),
        base64.urlsafe_b64encode(b'["quiz", "2026-01-01T00:00:00+00:00", "1"]').decode(),
        base64.urlsafe_b64encode(b'["quiz", "2026-01-01T00:00:00+00:00", 99999999999999999999999]').decode(),
        base64.urlsafe_b64encode(b'[["quiz"], "2026-01-01T00:00:00+00:00", 1]').decode(),
    ],
)
def test_a_malformed_cursor_is_a_400_that_says_so(client, school, cursor):
    client.force_login(school.admin)

    response = client.get(FEED, {"cursor": cursor})

    assert response.status_code == 400
    assert response.json()["error"] == "The cursor is not one this feed gave out: start again without it."


@pytest.mark.parametrize("limit", ["ten", "0", "-3"])
def test_a_limit_that_is_not_a_positive_number_is_a_400(client, school, limit):
    client.force_login(school.admin)

    response = client.get(FEED, {"limit": limit})

    assert (response.status_code, response.json()["error"]) == (400, "limit must be a whole number from 1 to 100.")


def test_a_limit_over_100_gives_100_items(client, school):
    for minute in range(120):
        access_event(school.nia, school.testing, school.at(100 + minute))
    client.force_login(school.admin)

    assert len(get_feed(client, limit=500)["items"]) == 100


def analyst():
    user = UserFactory(date_joined=LONG_AGO, is_staff=True)
    user.groups.add(Group.objects.get(name="Analysts"))
    return user


@pytest.mark.parametrize("viewer", ["superuser", "analyst"])
def test_superusers_and_analysts_see_the_whole_school(client, school, viewer):
    client.force_login(school.admin if viewer == "superuser" else analyst())

    items = get_feed(client)["items"]

    assert {item["course"]["title"] if item["course"] else None for item in items} == {
        "Software Testing",
        "Rust Basics",
        None,
    }
    assert len(items) == 9


def test_an_instructor_sees_only_their_courses_activity(client, school):
    instructor = UserFactory(date_joined=LONG_AGO)
    CourseInstructor.objects.create(course=school.testing, user=instructor)
    client.force_login(instructor)

    items = get_feed(client)["items"]

    assert [(item["kind"], item["course"]["title"]) for item in items] == [
        ("certificate_issued", "Software Testing"),
        ("quiz_submitted", "Software Testing"),
        ("lesson_completed", "Software Testing"),
        ("access_granted", "Software Testing"),
    ]


@pytest.mark.parametrize("viewer", ["editor", "learner", "anonymous"])
def test_editors_students_and_guests_may_not_read_the_feed(client, school, editor, learner, viewer):
    if viewer != "anonymous":
        client.force_login(editor if viewer == "editor" else learner)

    response = client.get(FEED)

    assert response.status_code == 403
    assert "instructors" in response.json()["error"]


def test_the_feed_is_never_cached(client, school):
    client.force_login(school.admin)

    assert "no-cache" in client.get(FEED)["Cache-Control"]


def grow(school, times):
    """`times` more rows of every source, for both courses."""
    s = school
    quiz = QuizFactory()
    lessons = list(UserProgress.objects.values_list("lesson", flat=True).distinct())
    for n in range(times):
        user = student("More", f"Student {n}", joined=s.at(200 + n))
        for course in (s.testing, s.rust):
            access_event(user, course, s.at(200 + n), actor=s.admin)
            submit(user, quiz, course, s.at(200 + n), "50.00", passed=False)
            certify(user, course, s.at(200 + n))
            purchase(user, course, s.at(200 + n), course.title, "10.00")
        for lesson in lessons:
            UserProgress.objects.create(user=user, lesson_id=lesson, completed=True, completed_at=s.at(200 + n))


# Once the request's Wagtail site is cached (the warm-up request): session, user, the Analysts check.
# Then the whole school: the accounts with admin access (who are no students), six sources and the
# courses they name; an instructor: the courses they teach, those courses' paths and titles, five
# sources.
FEED_QUERIES = 11


def steady_feed_queries(client, django_assert_max_num_queries):
    get_feed(client)
    with django_assert_max_num_queries(FEED_QUERIES) as captured:
        assert len(get_feed(client)["items"]) == 20
    return len(captured.captured_queries)


@pytest.mark.parametrize("viewer", ["analyst", "instructor"])
def test_feed_queries_do_not_grow_with_the_data(client, school, django_assert_max_num_queries, viewer):
    if viewer == "analyst":
        user = analyst()
    else:
        user = UserFactory(date_joined=LONG_AGO)
        CourseInstructor.objects.create(course=school.testing, user=user)
    client.force_login(user)
    grow(school, 5)
    small = steady_feed_queries(client, django_assert_max_num_queries)

    grow(school, 30)
    large = steady_feed_queries(client, django_assert_max_num_queries)

    assert large == small
