"""A course is completed when every lesson is completed and every required quiz is passed."""

import pytest

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import UserProgress
from courses.progress import course_progress
from quizzes.factories import QuizFactory, single_choice
from quizzes.models import Certificate, QuizAttempt
from quizzes.services import exam_lock_reason, start_attempt, submit_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_and_lessons():
    course, _modules, lessons = course_tree(has_certificate=True, lessons=[{"title": "Read"}, {"title": "Lab"}])
    return course, lessons


@pytest.fixture
def student(course_and_lessons):
    user = UserFactory()
    grant_course_access(user=user, course=course_and_lessons[0])
    return user


def complete(user, lessons):
    for lesson in lessons:
        UserProgress.objects.update_or_create(
            user=user, lesson=lesson, defaults={"completed": True, "status": "completed"}
        )


def require_quiz(lesson):
    """Attach a required quiz to a lesson after students may already have completed it."""
    quiz = QuizFactory(is_required=True, questions=[single_choice()])
    lesson.quiz = quiz
    lesson.save_revision().publish()
    return quiz


def pass_quiz(user, quiz, lesson):
    attempt = start_attempt(user=user, quiz=quiz, lesson=lesson)
    question = attempt.served[0]
    question_block = next(child for child in quiz.questions if child.id == question["id"])
    right = next(iter(question_block.block.correct_option_ids(question_block.value)))
    return submit_attempt(attempt=attempt, user=user, answers={question["id"]: right})


def test_every_lesson_completed_with_no_required_quiz_completes_the_course(course_and_lessons, student):
    course, lessons = course_and_lessons
    complete(student, lessons)

    assert course_progress(student, course).is_complete


def test_an_unpassed_required_quiz_keeps_the_course_incomplete(course_and_lessons, student):
    course, lessons = course_and_lessons
    complete(student, lessons)
    require_quiz(lessons[1])

    progress = course_progress(student, course)

    assert progress.lessons_done and not progress.is_complete
    assert progress.unpassed_quiz_lesson_ids == {lessons[1].pk}


def test_the_exam_waits_for_the_required_quizzes(course_and_lessons, student):
    course, lessons = course_and_lessons
    course.final_exam = QuizFactory(title="Final exam")
    course.save_revision().publish()
    complete(student, lessons)
    require_quiz(lessons[1])

    assert exam_lock_reason(student, course) == "Pass every required lesson quiz first: 1 still to pass."


def test_passing_the_last_required_quiz_completes_the_course_and_certifies(course_and_lessons, student):
    course, lessons = course_and_lessons
    complete(student, lessons)
    quiz = require_quiz(lessons[1])
    assert not Certificate.objects.exists()

    attempt = pass_quiz(student, quiz, lessons[1])

    assert attempt.passed and QuizAttempt.objects.filter(user=student, passed=True).count() == 1
    assert course_progress(student, course).is_complete
    assert Certificate.objects.filter(user=student, course=course).exists()


def test_a_failed_required_quiz_does_not_complete_the_course(course_and_lessons, student):
    course, lessons = course_and_lessons
    complete(student, lessons)
    quiz = require_quiz(lessons[1])
    attempt = start_attempt(user=student, quiz=quiz, lesson=lessons[1])
    submit_attempt(attempt=attempt, user=student, answers={})

    assert not course_progress(student, course).is_complete
    assert not Certificate.objects.exists()


def test_counting_many_students_follows_the_same_completion_rule(course_and_lessons):
    from courses.progress import completing_students

    course, lessons = course_and_lessons
    quiz = require_quiz(lessons[1])
    read_only, passed, halfway = UserFactory(), UserFactory(), UserFactory()
    complete(read_only, lessons)
    complete(passed, lessons)
    pass_quiz(passed, quiz, lessons[1])
    complete(halfway, lessons[:1])
    learners = UserFactory._meta.model.objects.filter(pk__in=[read_only.pk, passed.pk, halfway.pk])

    counted = {row["user_id"] for row in completing_students(course, learners)}

    one_by_one = {user.pk for user in (read_only, passed, halfway) if course_progress(user, course).is_complete}
    assert counted == one_by_one == {passed.pk}
