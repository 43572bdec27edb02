"""Hand-made school data with numbers worked out by hand, for the analytics tests."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from access.factories import UserFactory
from access.services import grant_course_access
from courses.factories import course_tree
from courses.models import CourseInstructor, UserProgress
from quizzes.factories import QuizFactory, single_choice
from quizzes.models import Certificate, QuizAttempt


@dataclass
class School:
    course_a: object
    course_b: object
    lessons_a: list
    lesson_b: object
    quiz: object
    students: dict


def progress(user, lesson, *, completed):
    now = timezone.now()
    return UserProgress.objects.create(
        user=user,
        lesson=lesson,
        completed=completed,
        completed_at=now if completed else None,
        status="completed" if completed else "in_progress",
        started_at=now - datetime.timedelta(days=2),
    )


def attempt(user, quiz, course, lesson, *, score, results, number=1):
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        course=course,
        lesson=lesson,
        attempt_number=number,
        status="submitted",
        submitted_at=timezone.now(),
        score=score,
        passed=score >= 50,
        results=results,
    )


@pytest.fixture
def school(db):
    """Course A (2 lessons, a quiz of two questions on the first) and course B (1 lesson).
    - amy: enrolled in A, completed both lessons, quiz 100 (both questions right), a certificate
    - ben: enrolled in A, started lesson 1 only, quiz 40, failed (first question right only)
    - cy: enrolled in B, nothing done, joined 10 days ago
    - dee: no access, nothing done, joined 10 days ago
    - a staff member, who is no student."""
    quiz = QuizFactory(
        title="Lesson one check",
        questions=[single_choice("Easy one?"), single_choice("Hard one?")],
    )
    course_a, _modules, lessons_a = course_tree(
        title="Course A", lessons=[{"title": "A one", "quiz": quiz}, {"title": "A two"}]
    )
    course_b, _modules, (lesson_b,) = course_tree(title="Course B", lessons=[{"title": "B one"}])
    people = {name: UserFactory(username=name, first_name=name.title()) for name in ("amy", "ben", "cy", "dee")}
    UserFactory(username="staffer", is_staff=True)
    old = timezone.now() - datetime.timedelta(days=10)
    for name in ("cy", "dee"):
        people[name].date_joined = old
        people[name].save(update_fields=["date_joined"])
    grant_course_access(user=people["amy"], course=course_a)
    grant_course_access(user=people["ben"], course=course_a)
    grant_course_access(user=people["cy"], course=course_b)
    progress(people["amy"], lessons_a[0], completed=True)
    progress(people["amy"], lessons_a[1], completed=True)
    progress(people["ben"], lessons_a[0], completed=False)
    easy, hard = (str(question.id) for question in quiz.questions)
    attempt(people["amy"], quiz, course_a, lessons_a[0], score=100, results={easy: 1, hard: 1})
    attempt(people["ben"], quiz, course_a, lessons_a[0], score=40, results={easy: 1, hard: 0})
    Certificate.objects.create(user=people["amy"], course=course_a, holder_name="Amy", course_title="Course A")
    return School(course_a, course_b, lessons_a, lesson_b, quiz, people)


@pytest.fixture
def analyst(db):
    user = UserFactory(username="anna")
    user.groups.add(Group.objects.get(name="Analysts"))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def instructor_of_a(school):
    user = UserFactory(username="ines", is_staff=True)
    CourseInstructor.objects.create(course=school.course_a, user=user)
    return user
