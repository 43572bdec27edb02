"""AI-drafted quizzes: ask for questions about a lesson, check every one, save a draft for an editor.

The AI never publishes: a successful request leaves an unpublished Quiz for an editor to review.
A failed one saves nothing and says why on the request.
"""

from django.db import transaction
from django.utils import timezone

from access.models import Audience
from authoring.sources import QUIZ_DRAFT_INPUTS, source_of, version_in
from learning_site import ai

from .importers.common import ImportResult, ParsedQuestion, validate
from .models import Quiz, QuizDraftRequest

MAX_LESSON_CHARACTERS = 12_000
SYSTEM_PROMPT = (
    "You write quiz questions for an online course. Every question must be answerable from the lesson "
    "text alone. Write clear multiple-choice questions with 2 to 6 options; mark the correct options; "
    "explain briefly why the answer is right. Reply with JSON only."
)
QUESTION_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["questions"],
    "properties": {
        "questions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "explanation", "options"],
                "properties": {
                    "text": {"type": "string"},
                    "explanation": {"type": "string"},
                    "options": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["text", "is_correct"],
                            "properties": {"text": {"type": "string"}, "is_correct": {"type": "boolean"}},
                        },
                    },
                },
            },
        }
    },
}


class DraftError(ValueError):
    """The AI's answer cannot become a quiz; the message says what was wrong with it."""


def lesson_prompt(lesson, question_count):
    text = lesson.text_visible_to(Audience.ENROLLED)[:MAX_LESSON_CHARACTERS]
    return f"Write exactly {question_count} questions about this lesson.\n\nLESSON:\n{text}"


def questions_from(answer, question_count):
    """ParsedQuestions from the AI's JSON, checked like an import; DraftError if anything is off."""
    items = answer.get("questions") if isinstance(answer, dict) else None
    if not isinstance(items, list):
        raise DraftError("The AI's answer has no list of questions.")
    if len(items) != question_count:
        raise DraftError(f"Asked for {question_count} questions; the AI wrote {len(items)}.")
    result = ImportResult()
    for number, item in enumerate(items, start=1):
        where = f"question {number}"
        try:
            options = [(str(option["text"]).strip(), option["is_correct"] is True, "") for option in item["options"]]
            text, explanation = str(item["text"]).strip(), str(item.get("explanation") or "").strip()
        except (KeyError, TypeError) as error:
            raise DraftError(f"Question {number} of the AI's answer is missing {error}.") from error
        correct = sum(1 for _text, is_correct, _why in options if is_correct)
        kind = "multiple_answers" if correct > 1 else "single_choice"
        result.questions.append(
            ParsedQuestion(kind=kind, text=text, where=where, options=options, explanation=explanation)
        )
    validate(result)
    if result.problems:
        where, message = result.problems[0]
        raise DraftError(f"The AI's {where} breaks the question rules: {message}")
    return result.questions


def draft_quiz(draft_request):
    """Run one request to completion: a draft quiz and SUCCEEDED, or nothing saved and FAILED."""
    QuizDraftRequest.objects.filter(pk=draft_request.pk).update(status=QuizDraftRequest.Status.RUNNING)
    lesson = version_in(draft_request.lesson.specific, draft_request.source_revision)
    try:
        answer = ai.complete_json(
            system=SYSTEM_PROMPT,
            prompt=lesson_prompt(lesson, draft_request.question_count),
            schema_name="quiz_questions",
            schema=QUESTION_SCHEMA,
        )
        questions = questions_from(answer, draft_request.question_count)
        quiz = save_draft(lesson, questions, draft_request.requested_by)
    except (ai.AIError, DraftError) as error:
        finish(draft_request, QuizDraftRequest.Status.FAILED, str(error))
        return None
    finish(draft_request, QuizDraftRequest.Status.SUCCEEDED, f"{len(questions)} questions drafted.", quiz)
    return quiz


@transaction.atomic
def save_draft(lesson, questions, user):
    quiz = Quiz(
        title=f"{lesson.title}: quiz (AI draft)",
        description="Drafted by AI from the lesson. Check every question before publishing.",
        questions=[question.stream_item() for question in questions],
        live=False,
    )
    quiz.save()
    quiz.save_revision(user=user, log_action=True)
    return quiz


def finish(draft_request, status, message, quiz=None):
    draft_request.status, draft_request.message, draft_request.quiz = status, message[:500], quiz
    draft_request.finished_at = timezone.now()
    draft_request.save(update_fields=["status", "message", "quiz", "finished_at"])


def request_draft(*, lesson, question_count, requested_by):
    """Queue a drafting request (django-tasks); with the default backend it runs at once."""
    from .tasks import draft_quiz_task

    if not ai.is_configured():
        raise DraftError(ai.NOT_CONFIGURED)
    if question_count not in dict(QuizDraftRequest.QUESTION_COUNTS):
        raise DraftError("Choose 3, 5, 10 or 15 questions.")
    source_revision, source_inputs = source_of(lesson, QUIZ_DRAFT_INPUTS)
    draft_request = QuizDraftRequest.objects.create(
        lesson=lesson,
        question_count=question_count,
        requested_by=requested_by,
        source_revision=source_revision,
        source_inputs=source_inputs,
    )
    transaction.on_commit(lambda: draft_quiz_task.enqueue(draft_request.pk))
    return draft_request
