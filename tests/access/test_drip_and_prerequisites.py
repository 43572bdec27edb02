"""Drip schedules lock modules for a while; prerequisites and learning paths lock enrollment."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from access.factories import LearningPathFactory
from access.models import CourseAccess, LearningPathCourse
from access.prerequisites import check_course_prerequisites
from access.services import AccessError, enroll, grant_course_access
from courses.factories import LessonPageFactory, ModulePageFactory, course_tree, publish
from courses.models import UserProgress

pytestmark = pytest.mark.django_db

DRIPPED_TEXT = "Week two covers tapirs and test doubles."


@pytest.fixture
def drip_course():
    course, [first_module], _lessons = course_tree(access_duration_type="drip", lessons=[{"title": "Day one"}])
    week_two = publish(ModulePageFactory(parent=course, title="Week two", drip_days=7))
    lesson = publish(
        LessonPageFactory(
            parent=week_two,
            title="Dripped lesson",
            access_level="enrolled",
            summary="Public teaser.",
            body=[{"type": "text", "value": {"audience": "guest", "text": f"<p>{DRIPPED_TEXT}</p>"}}],
        )
    )
    return course, lesson


def test_dripped_lesson_shows_when_it_unlocks_and_withholds_its_text(client, learner, drip_course):
    course, lesson = drip_course
    grant_course_access(user=learner, course=course)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "Unlocks on" in html
    assert "tapirs" not in html


def test_dripped_lesson_opens_once_its_days_have_passed(client, learner, drip_course):
    course, lesson = drip_course
    grant_course_access(user=learner, course=course)
    CourseAccess.objects.filter(user=learner).update(granted_at=timezone.now() - timedelta(days=7, minutes=1))
    client.force_login(learner)
    assert DRIPPED_TEXT in client.get(lesson.url).content.decode()


def test_dripped_text_is_not_searchable_before_it_unlocks(client, learner, drip_course):
    course, _lesson = drip_course
    grant_course_access(user=learner, course=course)
    client.force_login(learner)
    assert list(client.get("/search/", {"query": "tapirs"}).context["results"].lessons) == []
    CourseAccess.objects.filter(user=learner).update(granted_at=timezone.now() - timedelta(days=8))
    assert list(client.get("/search/", {"query": "tapirs"}).context["results"].lessons) != []


def test_editors_are_not_held_back_by_drip(client, editor, drip_course):
    _course, lesson = drip_course
    client.force_login(editor)
    assert DRIPPED_TEXT in client.get(lesson.url).content.decode()


def complete_course(user, course):
    from courses.models import LessonPage

    for lesson in LessonPage.objects.live().descendant_of(course):
        UserProgress.objects.create(user=user, lesson=lesson, completed=True, status="completed")


def test_course_with_an_unfinished_prerequisite_cannot_be_enrolled(learner):
    basics, _m, _l = course_tree(title="Basics", lessons=[{"title": "b1"}])
    advanced, _m, _l = course_tree(title="Advanced")
    advanced.prerequisite_courses.add(basics)
    advanced.save_revision().publish()
    assert check_course_prerequisites(learner, advanced) == (False, ["Complete “Basics” first."])
    with pytest.raises(AccessError, match="Complete “Basics” first."):
        enroll(user=learner, course=advanced)


def test_finishing_the_prerequisite_opens_enrollment(learner):
    basics, _m, _l = course_tree(title="Basics", lessons=[{"title": "b1"}, {"title": "b2"}])
    advanced, _m, _l = course_tree(title="Advanced")
    advanced.prerequisite_courses.add(basics)
    advanced.save_revision().publish()
    complete_course(learner, basics)
    assert check_course_prerequisites(learner, advanced) == (True, [])
    assert enroll(user=learner, course=advanced)


def test_partly_finished_prerequisite_is_still_missing(learner):
    basics, _m, [first, _second] = course_tree(title="Basics", lessons=[{"title": "b1"}, {"title": "b2"}])
    advanced, _m, _l = course_tree(title="Advanced")
    advanced.prerequisite_courses.add(basics)
    advanced.save_revision().publish()
    UserProgress.objects.create(user=learner, lesson=first, completed=True, status="completed")
    assert check_course_prerequisites(learner, advanced)[0] is False


def test_learning_path_locks_the_course_after_a_required_one(learner):
    first, _m, _l = course_tree(title="First", lessons=[{"title": "f1"}])
    second, _m, _l = course_tree(title="Second")
    path = LearningPathFactory(name="Launch Path")
    LearningPathCourse.objects.create(learning_path=path, course=first, sort_order=0, is_required=True)
    LearningPathCourse.objects.create(learning_path=path, course=second, sort_order=1)
    assert check_course_prerequisites(learner, second) == (
        False,
        ["Complete “First” first (learning path “Launch Path”)."],
    )
    complete_course(learner, first)
    assert check_course_prerequisites(learner, second) == (True, [])


def test_optional_course_in_a_path_locks_nothing(learner):
    first, _m, _l = course_tree(title="First", lessons=[{"title": "f1"}])
    second, _m, _l = course_tree(title="Second")
    path = LearningPathFactory()
    LearningPathCourse.objects.create(learning_path=path, course=first, sort_order=0, is_required=False)
    LearningPathCourse.objects.create(learning_path=path, course=second, sort_order=1)
    assert check_course_prerequisites(learner, second) == (True, [])


def test_a_step_made_optional_unlocks_the_next_course_at_once(learner):
    first, _m, _l = course_tree(title="First", lessons=[{"title": "f1"}])
    second, _m, _l = course_tree(title="Second")
    path = LearningPathFactory()
    step = LearningPathCourse.objects.create(learning_path=path, course=first, sort_order=0, is_required=True)
    LearningPathCourse.objects.create(learning_path=path, course=second, sort_order=1)
    assert check_course_prerequisites(learner, second)[0] is False  # what the paths say is now cached

    step.is_required = False
    step.save()

    assert check_course_prerequisites(learner, second) == (True, [])


def test_a_prerequisite_published_on_a_course_locks_it_at_once(learner):
    basics, _m, _l = course_tree(title="Basics", lessons=[{"title": "b1"}])
    advanced, _m, _l = course_tree(title="Advanced")
    assert check_course_prerequisites(learner, advanced) == (True, [])

    advanced.prerequisite_courses.add(basics)
    advanced.save_revision().publish()

    assert check_course_prerequisites(learner, advanced) == (False, ["Complete “Basics” first."])


def test_enrollment_before_the_opening_date_says_when_it_opens(learner):
    course, _m, _l = course_tree(enrollment_opens_at=timezone.now() + timedelta(days=3))
    with pytest.raises(AccessError, match="Enrollment opens on"):
        enroll(user=learner, course=course)


def test_course_outline_shows_when_a_dripped_module_unlocks(client, learner, drip_course):
    course, _lesson = drip_course
    grant_course_access(user=learner, course=course)
    client.force_login(learner)
    opens = timezone.now() + timedelta(days=7)
    html = client.get(course.url).content.decode()
    assert f"Unlocks on {opens:%-d %B %Y}" in html
    assert html.count("Unlocks on") == 1  # the first module is open from day one


def test_module_page_says_when_it_unlocks(client, learner, drip_course):
    course, lesson = drip_course
    grant_course_access(user=learner, course=course)
    client.force_login(learner)
    assert "Unlocks on" in client.get(lesson.get_parent().url).content.decode()


def test_dripped_resource_downloads_only_once_its_module_unlocks(client, learner, drip_course):
    course, lesson = drip_course
    document = get_document_model()(title="Week two workbook")
    document.file.save("week-two.txt", ContentFile(b"Workbook"))
    lesson.body = [
        {"type": "resource", "value": {"audience": "enrolled", "title": "Workbook", "document": document.pk}},
    ]
    lesson.save_revision().publish()
    grant_course_access(user=learner, course=course)
    client.force_login(learner)
    download = reverse("lesson_resource", args=[lesson.pk, document.pk])
    assert client.get(download).status_code == 403
    CourseAccess.objects.filter(user=learner).update(granted_at=timezone.now() - timedelta(days=8))
    assert client.get(download).status_code == 200


def test_prerequisite_quiz_score_must_be_reached(learner):
    from quizzes.factories import QuizFactory
    from quizzes.services import start_attempt, submit_attempt

    basics, _m, [lesson] = course_tree(title="Basics", lessons=[{"title": "b1"}])
    advanced, _m, _l = course_tree(title="Advanced", required_quiz_score=80)
    advanced.prerequisite_courses.add(basics)
    advanced.save_revision().publish()
    complete_course(learner, basics)
    quiz = QuizFactory()
    message = "Score at least 80% in the prerequisite courses' quizzes."
    assert check_course_prerequisites(learner, advanced) == (False, [message])

    submit_attempt(attempt=start_attempt(user=learner, quiz=quiz, lesson=lesson), user=learner, answers={})
    assert check_course_prerequisites(learner, advanced) == (False, [message])  # 0% is not enough

    attempt = start_attempt(user=learner, quiz=quiz, lesson=lesson)
    question = list(quiz.questions)[0]
    right = next(iter(question.block.correct_option_ids(question.value)))
    submit_attempt(attempt=attempt, user=learner, answers={str(question.id): right})
    assert check_course_prerequisites(learner, advanced) == (True, [])
