"""Every rule about attempting a quiz: drawing the questions, scoring on the server, limits and time.

Rules for time: an attempt with a time limit has a deadline. A submission that arrives within
QUIZ_LATE_GRACE_SECONDS after it (network and clock slack) counts as usual. A later one is kept
with its answers, marked late, and scores 0 (it fails), as Moodle does with "attempts must be
submitted before time expires". An attempt left open past its deadline is closed the same way
the next time the student starts the quiz.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Quiz, QuizAttempt

MAX_TEXT_ANSWER_LENGTH = 500


class QuizError(ValueError):
    """Something the student cannot do with this quiz right now, with a message for them."""


class QuizAccessEnded(QuizError):
    """The student may no longer take this quiz or exam (access revoked or expired, lesson dripped
    shut, course hidden); an attempt submitted now was closed without a score."""


def late_grace_seconds():
    return getattr(settings, "QUIZ_LATE_GRACE_SECONDS", 30)


@dataclass
class ShownQuestion:
    """A question as a page shows it. `correct_ids`, `explanations` and `result` stay empty until
    the page may reveal them (results after submission, or an editor's preview with answers)."""

    id: str
    number: int
    kind: str
    answer_kind: str
    text: str
    points: int
    options: list
    explanation: str = ""
    correct_ids: set = field(default_factory=set)
    correct_answer: str = ""
    option_explanations: dict = field(default_factory=dict)
    given: Any = None
    earned: int | None = None

    @property
    def is_correct(self):
        return self.earned is not None and self.earned == self.points


# Reads ------------------------------------------------------------------------------------------


def quiz_version(quiz, revision=None):
    """The quiz as it was at `revision` (an attempt's), else as published now."""
    if revision is not None:
        return revision.as_object()
    return quiz


def question_blocks(quiz):
    """{question id: bound block} for the quiz's pool."""
    return {str(child.id): child for child in quiz.questions}


def shown_question(child, number, option_order=None, *, reveal=False):
    block, value = child.block, child.value
    options = block.public_options(value, str(child.id))
    if option_order:
        by_id = {option.id: option for option in options}
        options = [by_id[option_id] for option_id in option_order if option_id in by_id]
    question = ShownQuestion(
        id=str(child.id),
        number=number,
        kind=child.block_type,
        answer_kind=block.answer_kind,
        text=value["text"],
        points=value["points"],
        options=options,
    )
    if reveal:
        question.explanation = value["explanation"]
        question.correct_ids = block.correct_option_ids(value)
        question.correct_answer = block.correct_answer_display(value)
        question.option_explanations = block.option_explanations(value)
    return question


def public_questions(quiz, *, with_answers=False):
    """Every question of the pool in order, for a preview; answers only when asked for."""
    return [shown_question(child, number, reveal=with_answers) for number, child in enumerate(quiz.questions, 1)]


def attempt_questions(attempt, *, reveal=False):
    """The questions of an attempt in the order served, with the student's answers once submitted."""
    blocks = question_blocks(quiz_version(attempt.quiz, attempt.revision))
    shown = []
    for number, served in enumerate(attempt.served, 1):
        child = blocks.get(served["id"])
        if child is None:
            continue
        question = shown_question(child, number, served.get("options"), reveal=reveal)
        if attempt.is_submitted:
            question.given = attempt.answers.get(question.id)
            question.earned = attempt.results.get(question.id, 0)
        shown.append(question)
    return shown


def attempts_used(user, quiz):
    """Attempts that count against the quiz's limit: an attempt closed because access ended does not."""
    return QuizAttempt.objects.filter(user=user, quiz=quiz).exclude(status=QuizAttempt.Status.CLOSED).count()


def next_attempt_number(user, quiz):
    last = QuizAttempt.objects.filter(user=user, quiz=quiz).order_by("-attempt_number").first()
    return last.attempt_number + 1 if last else 1


def attempts_left(user, quiz):
    """How many more attempts `user` may start; None when unlimited."""
    if not quiz.max_attempts:
        return None
    return max(0, quiz.max_attempts - attempts_used(user, quiz))


def has_passed(user, quiz):
    return user.is_authenticated and QuizAttempt.objects.filter(user=user, quiz=quiz, passed=True).exists()


def open_attempt(user, quiz):
    return QuizAttempt.objects.filter(user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS).first()


def may_show_results(attempt):
    """Per-question results (which answers were right, the explanations) follow the quiz's rule."""
    rule = Quiz.ShowResults
    show = quiz_version(attempt.quiz, attempt.revision).show_results
    if show == rule.AFTER_EACH_ATTEMPT:
        return True
    if show == rule.AFTER_PASSING:
        return attempt.passed
    return False


def access_problem(user, *, lesson=None, course=None, is_exam=False):
    """Why `user` may not take this lesson quiz or course exam now, or None. Asked when an attempt
    starts and again when it is submitted, so access that ends mid-attempt ends the attempt too."""
    from access.selectors import course_is_visible_to, course_viewer, has_course_access

    if is_exam:
        if course is None or not course.live:
            return "This course is no longer available."
        entitled, _record, reason = has_course_access(user, course)
        return None if entitled else f"{reason} The final exam is for students with access to the course."
    if lesson is None or not lesson.live:
        return "This lesson is no longer available."
    viewer = course_viewer(user, lesson.course)  # asked once: it answers both questions below
    view = viewer.lesson_view(lesson)
    if lesson.course is not None and not course_is_visible_to(user, lesson.course, viewer=viewer):
        return "This lesson is no longer available."
    if not user.is_authenticated or not lesson.is_open_to(view.tier):
        return "This quiz is for students who may open the lesson, and you no longer may."
    return None


def live_quiz(lesson):
    """The lesson's quiz if it is published, else None: students never see a draft quiz."""
    quiz = lesson.quiz if lesson.quiz_id else None
    return quiz if quiz is not None and quiz.live else None


def required_quiz_block(user, lesson):
    """Why `user` may not complete `lesson` yet because of its quiz, or None."""
    quiz = live_quiz(lesson)
    if quiz is None or not quiz.is_required:
        return None
    if has_passed(user, quiz):
        return None
    return f"Pass the quiz “{quiz.title}” to complete this lesson."


# Writes -----------------------------------------------------------------------------------------


def draw_questions(quiz, rng=None):
    """The questions (and option orders) one attempt gets: a random draw and shuffle if the quiz says so."""
    rng = rng or random.SystemRandom()
    pool = list(quiz.questions)
    if quiz.questions_per_attempt and quiz.questions_per_attempt < len(pool):
        chosen = set(rng.sample(range(len(pool)), quiz.questions_per_attempt))
        pool = [child for index, child in enumerate(pool) if index in chosen]
    if quiz.randomize_questions:
        rng.shuffle(pool)
    served = []
    for child in pool:
        option_ids = [option.id for option in child.block.public_options(child.value, str(child.id))]
        if quiz.randomize_options and child.block_type != "true_false":
            rng.shuffle(option_ids)
        served.append({"id": str(child.id), "options": option_ids})
    return served


def _close_late(attempt, now):
    attempt.status = QuizAttempt.Status.SUBMITTED
    attempt.submitted_at = now
    attempt.is_late = True
    attempt.points_earned = 0
    attempt.points_possible = sum(child.value["points"] for child in _served_children(attempt))
    attempt.score = Decimal("0")
    attempt.passed = False
    attempt.save()


def _served_children(attempt, blocks=None):
    """The attempt's questions in the order served; `blocks` saves reading the quiz version again."""
    blocks = blocks or question_blocks(quiz_version(attempt.quiz, attempt.revision))
    return [blocks[served["id"]] for served in attempt.served if served["id"] in blocks]


def _is_past_grace(attempt, now):
    return attempt.deadline is not None and now > attempt.deadline + timedelta(seconds=late_grace_seconds())


@transaction.atomic
def start_attempt(*, user, quiz, lesson=None, course=None, is_exam=False):
    """Resume the student's open attempt, or start a new one if attempts remain."""
    if not quiz.live:
        raise QuizError("This quiz is not published yet.")
    # One start at a time per student: with their row locked, "is one open?", "how many used?" and
    # the insert see the same attempts, so a simultaneous second start resumes the first.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    now = timezone.now()
    current = QuizAttempt.objects.filter(user=user, quiz=quiz, status=QuizAttempt.Status.IN_PROGRESS).first()
    if current is not None:
        if not _is_past_grace(current, now):
            return current
        _close_late(current, now)
    problem = access_problem(user, lesson=lesson, course=course, is_exam=is_exam)
    if problem:
        raise QuizAccessEnded(problem)
    used = attempts_used(user, quiz)
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise QuizError(f"You have used all {quiz.max_attempts} attempts at this quiz.")
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            return QuizAttempt.objects.create(
                user=user,
                quiz=quiz,
                lesson=lesson,
                course=course or (lesson.course if lesson else None),
                is_exam=is_exam,
                revision=quiz.live_revision,
                attempt_number=next_attempt_number(user, quiz),
                served=draw_questions(quiz),
                started_at=now,
                deadline=deadline,
            )
    except IntegrityError:
        # Another request started an attempt at the same moment: use that one, never a second.
        current = open_attempt(user, quiz)
        if current is None:
            raise QuizError(f"You have used all {quiz.max_attempts} attempts at this quiz.") from None
        return current


def clean_answers(attempt, raw_answers, blocks):
    """Keep only answers to served questions, each of the right shape and naming served options."""
    served = {item["id"]: item.get("options") or [] for item in attempt.served}
    kinds = {question_id: child.block.answer_kind for question_id, child in blocks.items()}
    answers = {}
    for question_id, value in (raw_answers or {}).items():
        if question_id not in served:
            continue
        kind, offered = kinds.get(question_id), set(served[question_id])
        if kind == "choice" and isinstance(value, str) and value in offered:
            answers[question_id] = value
        elif kind == "choices" and isinstance(value, list):
            picked = sorted({item for item in value if isinstance(item, str) and item in offered})
            if picked:
                answers[question_id] = picked
        elif kind == "text" and isinstance(value, str) and value.strip():
            answers[question_id] = value.strip()[:MAX_TEXT_ANSWER_LENGTH]
    return answers


def percentage(earned, possible):
    if not possible:
        return Decimal("0")
    return (Decimal(earned) * 100 / Decimal(possible)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def submit_attempt(*, attempt, user, answers):
    """Score an open attempt on the server, once. A second submission of the same attempt is refused.

    Entitlement is checked again now: if the student's access ended since the attempt started, the
    attempt is closed without a score (and nothing about the answers is revealed) and
    QuizAccessEnded says why.
    """
    attempt, problem = _score_or_close(attempt=attempt, user=user, answers=answers)
    if problem:
        raise QuizAccessEnded(f"{problem} Your attempt was closed without a score.")
    return attempt


@transaction.atomic
def _score_or_close(*, attempt, user, answers):
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("quiz", "revision", "lesson", "course")
        .get(pk=attempt.pk)
    )
    if attempt.user_id != user.pk:
        raise QuizError("This attempt is not yours.")
    if attempt.status != QuizAttempt.Status.IN_PROGRESS:
        raise QuizError("This attempt was already submitted.")
    now = timezone.now()
    version = quiz_version(attempt.quiz, attempt.revision)
    blocks = question_blocks(version)
    attempt.answers = clean_answers(attempt, answers, blocks)
    attempt.submitted_at = now
    problem = access_problem(user, lesson=attempt.lesson, course=attempt.course, is_exam=attempt.is_exam)
    if problem:
        attempt.status = QuizAttempt.Status.CLOSED
        attempt.save()
        return attempt, problem
    results, earned, possible = {}, 0, 0
    for child in _served_children(attempt, blocks):
        result = child.block.score(child.value, attempt.answers.get(str(child.id)))
        results[str(child.id)] = result.earned
        earned += result.earned
        possible += result.possible
    attempt.is_late = _is_past_grace(attempt, now)
    if attempt.is_late:
        earned = 0
    attempt.results = results
    attempt.points_earned, attempt.points_possible = earned, possible
    attempt.score = percentage(earned, possible)
    attempt.passed = not attempt.is_late and attempt.score >= version.passing_score
    attempt.status = QuizAttempt.Status.SUBMITTED
    attempt.save()
    if attempt.passed and attempt.is_exam and attempt.course is not None and attempt.course.has_certificate:
        from .certificates import issue_certificate

        issue_certificate(user=user, course=attempt.course, attempt=attempt)
    if attempt.passed and not attempt.is_exam and attempt.lesson is not None and version.is_required:
        from courses.services import complete_after_required_quiz

        complete_after_required_quiz(user=user, lesson=attempt.lesson)
    return attempt, None


# Exams ------------------------------------------------------------------------------------------


def live_exam(course):
    exam = course.final_exam if course.final_exam_id else None
    return exam if exam is not None and exam.live else None


def exam_lock_reason(user, course, *, at=None):
    """Why `user` may not start `course`'s final exam now, or None when it is open to them."""
    from access.selectors import active_access
    from courses.services import course_progress

    if live_exam(course) is None:
        return "This course has no final exam."
    record = active_access(user, course)
    if record is None:
        return "Enroll in the course to take its final exam."
    progress = course_progress(user, course)
    if not progress.lessons_done:
        return f"Complete every lesson first: {progress.done} of {progress.total} done."
    if progress.unpassed_quiz_lesson_ids:
        count = len(progress.unpassed_quiz_lesson_ids)
        return f"Pass every required lesson quiz first: {count} still to pass."
    if course.exam_unlock_days:
        opens = record.granted_at + timedelta(days=course.exam_unlock_days)
        if opens > (at or timezone.now()):
            return f"The exam unlocks on {opens:%-d %B %Y}, {course.exam_unlock_days} days after your access started."
    return None
