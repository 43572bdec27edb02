"""One course's funnel: for each lesson in order, how many students started and completed it, where
they fall away, how they did on its quiz, the hardest questions and how long the course takes."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.utils.html import strip_tags

from courses.models import LessonPage, ModulePage, UserProgress
from courses.progress import completing_students
from quizzes.models import Quiz, QuizAttempt

from .queries import students

BIGGEST_FALLS = 3
HARDEST = 10


@dataclass
class Step:
    number: int
    lesson: LessonPage
    module_title: str
    started: int = 0
    completed: int = 0
    quiz_attempted: int = 0
    quiz_passed: int = 0
    fall: int = 0  # students who started the lesson before this one but not this one
    is_big_fall: bool = False

    @property
    def pass_rate(self):
        return round(self.quiz_passed / self.quiz_attempted, 4) if self.quiz_attempted else None


@dataclass
class HardQuestion:
    quiz: str
    text: str
    answered: int
    correct: int

    @property
    def correct_rate(self):
        return round(self.correct / self.answered, 4) if self.answered else 0.0


@dataclass
class Funnel:
    course: object
    steps: list = field(default_factory=list)
    hardest: list = field(default_factory=list)
    completions: int = 0
    average_days_to_complete: float | None = None


def course_funnel(course):
    learner_ids = students().values("pk")
    modules = {module.path: module.title for module in ModulePage.objects.child_of(course).live()}
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path").select_related("quiz"))
    steps = [
        Step(number, lesson, modules.get(lesson.path[: -LessonPage.steplen], ""))
        for number, lesson in enumerate(lessons, start=1)
    ]
    by_lesson = {step.lesson.pk: step for step in steps}
    progress = UserProgress.objects.filter(lesson__in=by_lesson, user__in=learner_ids)
    for row in progress.values("lesson_id").annotate(
        started=Count("pk"), completed=Count("pk", filter=Q(completed=True))
    ):
        by_lesson[row["lesson_id"]].started = row["started"]
        by_lesson[row["lesson_id"]].completed = row["completed"]
    attempts = QuizAttempt.objects.filter(lesson__in=by_lesson, user__in=learner_ids, submitted_at__isnull=False)
    for row in attempts.values("lesson_id").annotate(
        attempted=Count("user_id", distinct=True), passed=Count("user_id", distinct=True, filter=Q(passed=True))
    ):
        by_lesson[row["lesson_id"]].quiz_attempted = row["attempted"]
        by_lesson[row["lesson_id"]].quiz_passed = row["passed"]
    for before, step in zip(steps, steps[1:], strict=False):
        step.fall = max(before.started - step.started, 0)
    for step in sorted((step for step in steps if step.fall), key=lambda step: -step.fall)[:BIGGEST_FALLS]:
        step.is_big_fall = True
    funnel = Funnel(course, steps, hardest_questions(course, lessons, learner_ids))
    funnel.completions, funnel.average_days_to_complete = completion_times(course, students())
    return funnel


def hardest_questions(course, lessons, learner_ids):
    """The questions of the course's quizzes (and its final exam) with the lowest share of full
    marks across submitted attempts, lowest first."""
    quiz_ids = {lesson.quiz_id for lesson in lessons if lesson.quiz_id}
    if course.final_exam_id:
        quiz_ids.add(course.final_exam_id)
    if not quiz_ids:
        return []
    questions = {}  # question id: (quiz title, question text, points possible)
    for quiz in Quiz.objects.filter(pk__in=quiz_ids):
        for question in quiz.questions:
            text = strip_tags(str(question.value.get("text", ""))).strip()
            questions[str(question.id)] = (quiz.title, text, question.value.get("points", 1))
    tally = {question_id: [0, 0] for question_id in questions}
    results = QuizAttempt.objects.filter(
        quiz__in=quiz_ids, user__in=learner_ids, submitted_at__isnull=False
    ).values_list("results", flat=True)
    for result in results:
        for question_id, earned in (result or {}).items():
            if question_id in tally:
                tally[question_id][0] += 1
                tally[question_id][1] += earned >= questions[question_id][2]
    hard = [
        HardQuestion(questions[question_id][0], questions[question_id][1], answered, correct)
        for question_id, (answered, correct) in tally.items()
        if answered
    ]
    return sorted(hard, key=lambda question: (question.correct_rate, -question.answered))[:HARDEST]


def completion_times(course, learners):
    """(students who completed the course, the average days from their first start to their last
    lesson completion)."""
    finished = completing_students(course, learners).annotate(first=Min("started_at"), last=Max("completed_at"))
    spans = [row["last"] - row["first"] for row in finished if row["first"] and row["last"]]
    if not spans:
        return len(finished), None
    average = sum(spans, datetime.timedelta()) / len(spans)
    return len(finished), round(average.total_seconds() / 86400, 1)
