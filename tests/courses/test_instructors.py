"""A course's instructors: shown on the course page, and in the Wagtail admin allowed their own
course's pages and quizzes and nothing else, for exactly as long as they are listed on the course."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from access.factories import UserFactory
from courses.factories import course_tree
from courses.instructors import sync_instructor_group
from courses.models import CourseInstructor
from quizzes.factories import QuizFactory, short_answer
from quizzes.models import Quiz
from tests.concurrency import at_once

pytestmark = pytest.mark.django_db

ADMIN_HOME = "/admin/"


def teach(course, user=None, **fields):
    """List `user` (a new one by default) as an instructor of `course`, as saving the course would."""
    return CourseInstructor.objects.create(course=course, user=user or UserFactory(), **fields)


def page_editor(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def quiz_editor(quiz):
    return reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])


@pytest.fixture
def taught_course():
    """A course with one lesson holding a quiz; the final exam is a second quiz."""
    lesson_quiz, exam = QuizFactory(title="Lesson check"), QuizFactory(title="Final exam")
    course, modules, [lesson] = course_tree(lessons=[{"title": "Boundaries", "quiz": lesson_quiz}], final_exam=exam)
    return course, lesson, lesson_quiz, exam


@pytest.fixture
def instructor(taught_course):
    course, *_ = taught_course
    return teach(course).user


@pytest.fixture
def other_course():
    quiz = QuizFactory(title="Someone else's quiz")
    course, _modules, [lesson] = course_tree(lessons=[{"title": "Elsewhere", "quiz": quiz}])
    return course, lesson, quiz


# The course page


def test_course_page_lists_its_instructors_lead_first_with_title_and_bio(client, taught_course):
    course, *_ = taught_course
    teach(course, UserFactory(username="helper"), title="Teaching assistant", bio="Answers the forum.")
    teach(
        course,
        UserFactory(first_name="Ada", last_name="Lovelace"),
        title="Senior QA engineer",
        bio="Tests engines.",
        is_lead=True,
    )

    html = client.get(course.url).content.decode()

    assert "Your instructors" in html
    assert html.index("Ada Lovelace") < html.index("helper")
    assert "Lead instructor" in html
    assert "Senior QA engineer" in html and "Tests engines." in html
    assert "Teaching assistant" in html and "Answers the forum." in html


def test_course_without_instructors_has_no_instructors_section(client, taught_course):
    course, *_ = taught_course
    assert "Your instructors" not in client.get(course.url).content.decode()


def course_page_queries(client, course):
    """Queries of the course page once warm (the first request makes the photos' renditions)."""
    client.get(course.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(course.url).status_code == 200
    return len(captured)


def test_course_page_queries_do_not_grow_with_the_number_of_instructors(client, learner, taught_course):
    course, *_ = taught_course
    client.force_login(learner)  # a guest's page would come whole from the cache
    teach(course, photo=wagtail_factories.ImageFactory(), is_lead=True)
    with_one = course_page_queries(client, course)

    teach(course, photo=wagtail_factories.ImageFactory())
    teach(course, photo=wagtail_factories.ImageFactory())

    assert course_page_queries(client, course) == with_one


# The page editor


def test_instructor_can_open_the_page_editor_of_their_course_and_its_lessons(client, instructor, taught_course):
    course, lesson, *_ = taught_course
    client.force_login(instructor)
    assert client.get(page_editor(course)).status_code == 200
    assert client.get(page_editor(lesson)).status_code == 200


def test_instructor_may_publish_their_course_pages(instructor, taught_course):
    _course, lesson, *_ = taught_course
    assert lesson.permissions_for_user(instructor).can_publish()


def test_instructor_is_turned_away_from_another_courses_page_editor(client, instructor, other_course):
    course, lesson, _quiz = other_course
    client.force_login(instructor)
    # Wagtail answers a page the user may not edit with a redirect to the dashboard and a message.
    assert client.get(page_editor(course)).url == ADMIN_HOME
    assert client.get(page_editor(lesson)).url == ADMIN_HOME


def test_instructor_has_no_rights_but_the_admin_and_their_course(instructor, taught_course):
    course, *_ = taught_course
    assert [group.name for group in instructor.groups.all()] == [f"Instructors: {course.pk}"]
    assert instructor.get_all_permissions() == {"wagtailadmin.access_admin"}
    assert not course.get_parent().permissions_for_user(instructor).can_edit()


# Quizzes


def test_instructor_can_open_the_editor_of_their_lesson_quiz_and_final_exam(client, instructor, taught_course):
    _course, _lesson, lesson_quiz, exam = taught_course
    client.force_login(instructor)
    assert client.get(quiz_editor(lesson_quiz)).status_code == 200
    assert client.get(quiz_editor(exam)).status_code == 200


def quiz_form(title):
    return nested_form_data(
        {
            "title": title,
            "description": "",
            "passing_score": 70,
            "max_attempts": 0,
            "show_results": Quiz.ShowResults.AFTER_EACH_ATTEMPT,
            "questions": streamfield([("short_answer", short_answer()["value"])]),
        }
    )


def test_instructor_saves_a_draft_of_their_courses_quiz(client, instructor, taught_course):
    _course, _lesson, lesson_quiz, _exam = taught_course
    client.force_login(instructor)

    response = client.post(quiz_editor(lesson_quiz), quiz_form("Sharper lesson check"))

    assert response.status_code == 302
    assert Quiz.objects.get(pk=lesson_quiz.pk).get_latest_revision_as_object().title == "Sharper lesson check"


def test_instructor_cannot_edit_another_courses_quiz(client, instructor, other_course):
    _course, _lesson, quiz = other_course
    client.force_login(instructor)

    assert client.get(quiz_editor(quiz)).url == ADMIN_HOME
    assert client.post(quiz_editor(quiz), quiz_form("Hijacked")).url == ADMIN_HOME
    assert Quiz.objects.get(pk=quiz.pk).get_latest_revision_as_object().title == "Someone else's quiz"


def test_a_quiz_another_course_also_uses_stays_out_of_the_instructors_reach(client, taught_course, other_course):
    """Choosing someone else's quiz for one's own lesson gives no rights to it."""
    course, lesson, *_ = taught_course
    _other, _other_lesson, shared = other_course
    lesson.quiz = shared
    lesson.save_revision().publish()
    client.force_login(teach(course).user)

    assert client.get(quiz_editor(shared)).url == ADMIN_HOME


def test_instructor_cannot_publish_quizzes(client, instructor, taught_course):
    _course, _lesson, lesson_quiz, _exam = taught_course
    client.force_login(instructor)
    assert 'name="action-publish"' not in client.get(quiz_editor(lesson_quiz)).content.decode()


# Keeping the rights in step with the course


def course_edit_form(editor_client, course):
    html = editor_client.get(page_editor(course)).content.decode()
    return querydict_from_html(html, form_id="page-edit-form").copy()


def test_preview_shows_an_instructor_added_in_the_editor_before_it_is_saved(client, editor, taught_course):
    course, *_ = taught_course
    client.force_login(editor)
    form = course_edit_form(client, course)
    form.update(
        {
            "instructors-TOTAL_FORMS": "1",
            "instructors-0-user": str(UserFactory(first_name="Grace", last_name="Hopper").pk),
            "instructors-0-ORDER": "1",
        }
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[course.pk])

    assert client.post(preview_url, form).json()["is_valid"]

    assert "Grace Hopper" in client.get(preview_url).content.decode()
    assert not CourseInstructor.objects.filter(course=course).exists()


def test_publishing_a_course_with_a_new_instructor_lets_them_edit_it(client, editor, taught_course):
    course, *_ = taught_course
    newcomer = UserFactory()
    client.force_login(editor)
    form = course_edit_form(client, course)
    form.update(
        {
            "instructors-TOTAL_FORMS": "1",
            "instructors-0-user": str(newcomer.pk),
            "instructors-0-title": "Guest lecturer",
            "instructors-0-ORDER": "1",
            "action-publish": "action-publish",
        }
    )

    assert client.post(page_editor(course), form).status_code == 302

    assert course.permissions_for_user(newcomer).can_edit()


def test_removing_the_instructor_from_the_course_takes_their_rights_away(client, editor, instructor, taught_course):
    course, lesson, lesson_quiz, _exam = taught_course
    client.force_login(editor)
    form = course_edit_form(client, course)
    assert form["instructors-0-user"] == str(instructor.pk)
    form.update({"instructors-0-DELETE": "1", "action-publish": "action-publish"})

    assert client.post(page_editor(course), form).status_code == 302

    assert not CourseInstructor.objects.filter(user=instructor).exists()
    client.force_login(instructor)
    # Without any group the admin itself is closed to them: Wagtail sends them to its login page.
    assert client.get(page_editor(lesson)).url.startswith("/admin/login/")
    assert client.get(quiz_editor(lesson_quiz)).url.startswith("/admin/login/")


def test_a_course_left_without_instructors_loses_its_group(instructor, taught_course):
    course, *_ = taught_course
    CourseInstructor.objects.filter(course=course).delete()
    assert not instructor.groups.exists()


def test_deleting_a_course_deletes_its_instructor_group(instructor, taught_course):
    course, *_ = taught_course
    course.delete()
    assert not instructor.groups.exists()


def test_replacing_an_instructor_moves_the_rights_to_the_new_one(instructor, taught_course):
    course, *_ = taught_course
    successor = UserFactory()
    row = CourseInstructor.objects.get(course=course, user=instructor)
    row.user = successor
    row.save()

    assert not course.permissions_for_user(instructor).can_edit()
    assert course.permissions_for_user(successor).can_edit()


# serialized_rollback restores the rows Wagtail's migrations create (root page, locale, groups).
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent connections")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_syncs_of_one_course_at_once_leave_every_instructor_in_its_group():
    course, _modules, _lessons = course_tree()
    teach(course)
    newcomers = [UserFactory() for _ in range(3)]
    # Rows written without their signals, as two publishes racing would have written them.
    CourseInstructor.objects.bulk_create(CourseInstructor(course=course, user=user) for user in newcomers)

    _results, errors = at_once(lambda: sync_instructor_group(course_id=course.pk), times=3)

    assert errors == []
    assert set(Group.objects.get(name=f"Instructors: {course.pk}").user_set.all()) >= set(newcomers)


def test_instructor_lists_only_their_courses_quizzes(client, instructor, taught_course, other_course):
    _course, _lesson, *_rest = taught_course
    _other, _other_lesson, theirs = other_course
    client.force_login(instructor)
    page = client.get(reverse("wagtailsnippets_quizzes_quiz:list")).content.decode()
    assert "Someone else&#x27;s quiz" not in page and "Someone else's quiz" not in page


@pytest.mark.parametrize("view", ["history", "usage"])
def test_instructor_cannot_open_another_courses_quiz_history_or_usage(client, instructor, other_course, view):
    _other, _lesson, quiz = other_course
    client.force_login(instructor)
    assert client.get(reverse(f"wagtailsnippets_quizzes_quiz:{view}", args=[quiz.pk])).url == ADMIN_HOME


def test_instructor_cannot_preview_a_revision_of_another_courses_quiz(client, instructor, other_course):
    _other, _lesson, quiz = other_course
    client.force_login(instructor)
    url = reverse("wagtailsnippets_quizzes_quiz:revisions_view", args=[quiz.pk, quiz.latest_revision_id])
    assert client.get(url).url == ADMIN_HOME


def test_an_editor_still_opens_any_quizs_history(client, editor, other_course):
    _other, _lesson, quiz = other_course
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_quizzes_quiz:history", args=[quiz.pk])).status_code == 200
