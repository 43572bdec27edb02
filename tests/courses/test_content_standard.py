"""course_report measures a course against the content standard and flags what falls short; shipped
lessons never repeat a paragraph or copy one another."""

import io

import pytest
from django.core.management import CommandError, call_command

from courses.content_standard import repeated_text
from courses.factories import course_tree
from courses.models import CoursePage, LessonPage
from quizzes.factories import QuizFactory, single_choice

pytestmark = pytest.mark.django_db


def prose(words, seed):
    """`words` distinct words, as paragraphs of 50."""
    tokens = [f"term{seed}x{number}" for number in range(words)]
    return "".join(f"<p>{' '.join(tokens[start : start + 50])}</p>" for start in range(0, words, 50))


def resource(number):
    return {
        "type": "resource",
        "value": {"title": f"Guide {number}", "resource_type": "link", "url": f"https://example.com/{number}"},
    }


def standard_lesson(seed, **changes):
    quiz = QuizFactory(questions=[single_choice(text=f"Question {n}?", explanation="Because.") for n in range(5)])
    lesson = {
        "title": f"Lesson {seed}",
        "lesson_type": "text",
        "duration_minutes": 60,
        "learning_objectives": "One\nTwo\nThree",
        "prerequisites": "Module 1",
        "body": [{"type": "text", "value": {"audience": "guest", "text": prose(1250, seed)}}, *map(resource, range(4))],
        "quiz": quiz,
    }
    lesson.update(changes)
    return lesson


def report(*args):
    out = io.StringIO()
    call_command("course_report", "standard", *args, stdout=out)
    return out.getvalue()


def test_a_course_meeting_the_standard_has_no_flags():
    course_tree(slug="standard", lessons=[standard_lesson(n) for n in range(8)])

    output = report()

    assert "No flags: every lesson meets the standard." in output
    assert "Questions: 40; resources: 32; words per lesson: 1250" in output


def test_a_lesson_below_the_standard_is_flagged_with_every_reason():
    short = standard_lesson(9, title="Thin lesson", duration_minutes=20, prerequisites="", body=[], quiz=None)
    course_tree(slug="standard", lessons=[*(standard_lesson(n) for n in range(7)), short])

    output = report()

    assert (
        "FLAG Module 1, Thin lesson: 20 minutes (45-90), no prerequisites, 0 words (at least 900), "
        "0 resources (4-6), no quiz"
    ) in output


def test_a_labs_optional_quiz_and_unexplained_questions_are_flagged():
    quiz = QuizFactory(questions=[single_choice(text=f"Q{n}?") for n in range(5)])
    lab = standard_lesson(9, title="Lab lesson", lesson_type="lab", quiz=quiz)
    course_tree(slug="standard", lessons=[*(standard_lesson(n) for n in range(7)), lab])

    output = report()

    assert "Lab lesson: 5 quiz question(s) without an explanation, a lab's quiz must be required" in output


def test_too_few_lessons_in_a_module_is_flagged_and_strict_fails():
    course_tree(slug="standard", lessons=[standard_lesson(n) for n in range(3)])

    assert "FLAG Module 1: 3 lessons (8-10)" in report()
    with pytest.raises(CommandError, match="below the content standard"):
        report("--strict")


def test_a_paragraph_written_in_two_lessons_is_caught():
    shared = "<p>" + " ".join(f"shared{n}" for n in range(20)) + "</p>"
    first = standard_lesson(1, body=[{"type": "text", "value": {"audience": "guest", "text": prose(300, 1) + shared}}])
    second = standard_lesson(2, body=[{"type": "text", "value": {"audience": "guest", "text": prose(300, 2) + shared}}])
    _course, _modules, lessons = course_tree(lessons=[first, second])

    [(one, other, what)] = repeated_text(lessons)

    assert (one, other) == (lessons[0], lessons[1]) and what.startswith("the paragraph “shared0 shared1")


def test_a_near_copy_of_another_lesson_is_caught():
    text = prose(600, 1)
    copy = text.replace("term1x0 ", "changed ", 1)
    _course, _modules, lessons = course_tree(
        lessons=[
            standard_lesson(1, body=[{"type": "text", "value": {"audience": "guest", "text": text}}]),
            standard_lesson(
                2, body=[{"type": "text", "value": {"audience": "guest", "text": copy.replace("</p><p>", " ")}}]
            ),
        ]
    )

    problems = repeated_text(lessons)

    assert any(what.endswith("of their 5-word runs") for _one, _other, what in problems)


def test_no_two_shipped_lessons_share_a_paragraph_or_are_near_copies(demo_site):
    for course in CoursePage.objects.all():
        lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
        problems = [f"{one.title} / {other.title}: {what}" for one, other, what in repeated_text(lessons)]
        assert problems == [], course.title


def test_the_shipped_software_testing_course_meets_the_standard_everywhere(demo_site):
    report = io.StringIO()

    call_command("course_report", "software-testing-ai", "--strict", stdout=report)

    assert "No flags: every lesson meets the standard." in report.getvalue()
