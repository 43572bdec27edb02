"""AI lesson drafts: from an editor's working title, rough notes and transcript to a draft revision.

The AI answers with JSON that must follow LESSON_SCHEMA; every part is checked again here and the
body is cleaned by the lesson's own StreamBlock before anything is saved. A good answer becomes a new
draft revision of the lesson, never a published one; a bad one saves nothing and says why.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.blocks import StreamValue

from access.models import Audience
from courses.blocks import CODE_LANGUAGES
from learning_site import ai

from .models import LessonAIDraft
from .sources import LESSON_DRAFT_INPUTS, latest_version, source_of, version_in

MAX_SOURCE_CHARACTERS = 40_000
# Blocks the AI writes; the lesson's videos, images and resources are the editor's and are kept.
WRITTEN_BLOCK_TYPES = ("text", "callout", "code")
KEPT_BEFORE_TEXT = ("video", "image")
CALLOUT_STYLES = ["info", "tip", "warning", "analogy"]

SYSTEM_PROMPT = (
    "You help an editor turn rough material into a lesson of an online course for beginners. Use only "
    "what the material says or what is standard, current practice; do not invent facts, tools or numbers. "
    "Write a clean title, a one or two sentence public summary with no gated content, the lesson itself "
    "as blocks, 3 to 5 measurable learning outcomes and 2 to 5 concrete actions the student should take "
    "next. Each block has an audience: 'guest' (anyone; an introduction), 'registered' (the core "
    "explanation), 'enrolled' (the deeper practice, labs and worked examples). A text block has an "
    "optional heading and paragraphs of plain text; a callout has a style, a heading and paragraphs; a "
    "code block has a language, a caption in 'heading' and the code. Leave fields a block does not use "
    "empty. Reply with JSON only."
)
LESSON_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "summary", "blocks", "outcomes", "coach_actions"],
    "properties": {
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "outcomes": {"type": "array", "items": {"type": "string"}},
        "coach_actions": {"type": "array", "items": {"type": "string"}},
        "blocks": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["type", "audience", "heading", "paragraphs", "style", "language", "code"],
                "properties": {
                    "type": {"type": "string", "enum": list(WRITTEN_BLOCK_TYPES)},
                    "audience": {"type": "string", "enum": list(Audience.values)},
                    "heading": {"type": "string"},
                    "paragraphs": {"type": "array", "items": {"type": "string"}},
                    "style": {"type": "string", "enum": ["", *CALLOUT_STYLES]},
                    "language": {"type": "string", "enum": ["", *(value for value, _label in CODE_LANGUAGES)]},
                    "code": {"type": "string"},
                },
            },
        },
    },
}
LIMITS = {"title": 255, "summary": 600, "outcomes": (2, 8), "coach_actions": (1, 8), "blocks": (1, 40)}


class DraftError(ValueError):
    """The request cannot be made, or the AI's answer cannot become a lesson; the message says why."""


# Asking ----------------------------------------------------------------------------------------


def request_lesson_draft(*, lesson, requested_by):
    """Record what the draft is made from (the lesson as last saved) and queue it (django-tasks)."""
    from .tasks import draft_lesson_task

    if not ai.is_configured():
        raise DraftError(ai.NOT_CONFIGURED)
    if LessonAIDraft.objects.filter(lesson=lesson, status=LessonAIDraft.Status.PENDING).exists():
        raise DraftError("An AI draft of this lesson is already being written. Wait for it to finish.")
    source_revision, source_inputs = source_of(lesson, LESSON_DRAFT_INPUTS)
    if not any(source_inputs.values()):
        raise DraftError(
            "There is nothing to draft from yet: write a working title, rough notes or a transcript "
            "on the lesson's Drafting tab, then try again."
        )
    draft = LessonAIDraft.objects.create(
        lesson=lesson, requested_by=requested_by, source_revision=source_revision, source_inputs=source_inputs
    )
    transaction.on_commit(lambda: draft_lesson_task.enqueue(draft.pk))
    return draft


def lesson_prompt(lesson, inputs):
    course, module = lesson.course, lesson.module
    parts = [
        f"COURSE: {course.title if course else ''}",
        f"MODULE: {module.title if module else ''}",
        f"LESSON TYPE: {lesson.get_lesson_type_display()}, about {lesson.duration_minutes or 'unknown'} minutes",
        f"CURRENT TITLE: {lesson.title}",
        f"WORKING TITLE: {inputs['working_title']}",
        f"ROUGH NOTES:\n{inputs['rough_notes']}",
        f"TRANSCRIPT OF THE RECORDING:\n{inputs['source_transcript']}",
    ]
    return "\n\n".join(parts)[:MAX_SOURCE_CHARACTERS]


# Checking the answer ------------------------------------------------------------------------------


def clean_text(value, where, *, limit=None):
    if not isinstance(value, str) or not value.strip():
        raise DraftError(f"The AI's {where} is empty.")
    value = " ".join(value.split())
    if limit and len(value) > limit:
        raise DraftError(f"The AI's {where} is longer than {limit} characters.")
    return value


def clean_list(answer, key, label):
    items = answer.get(key)
    low, high = LIMITS[key]
    if not isinstance(items, list) or not low <= len(items) <= high:
        raise DraftError(f"The AI's answer needs {low} to {high} {label}; it has {len(items or [])}.")
    return items


def paragraphs_html(paragraphs, where):
    if not isinstance(paragraphs, list) or not paragraphs:
        raise DraftError(f"The AI's {where} has no paragraphs.")
    return "".join(f"<p>{escape(clean_text(text, where))}</p>" for text in paragraphs)


def stream_item(item, number):
    """One of the AI's blocks as lesson body data; DraftError naming the block if it is unusable."""
    where = f"block {number}"
    if not isinstance(item, dict) or item.get("type") not in WRITTEN_BLOCK_TYPES:
        raise DraftError(f"The AI's {where} is not a text, callout or code block.")
    audience = item.get("audience")
    if audience not in Audience.values:
        raise DraftError(f"The AI's {where} has no valid audience.")
    heading = " ".join(str(item.get("heading") or "").split())[:200]
    if item["type"] == "text":
        body = paragraphs_html(item.get("paragraphs"), where)
        value = {"audience": audience, "text": (f"<h2>{escape(heading)}</h2>" if heading else "") + body}
    elif item["type"] == "callout":
        style = item.get("style") if item.get("style") in CALLOUT_STYLES else "info"
        value = {
            "audience": audience,
            "style": style,
            "title": heading,
            "body": paragraphs_html(item.get("paragraphs"), where),
        }
    else:
        if item.get("language") not in dict(CODE_LANGUAGES) or not str(item.get("code") or "").strip():
            raise DraftError(f"The AI's {where} is code without a known language or without code.")
        value = {"audience": audience, "language": item["language"], "caption": heading, "code": item["code"]}
    return {"type": item["type"], "value": value}


def lesson_from(answer, access_level):
    """The validated draft: title, summary, outcomes, coach actions and the written body blocks."""
    if not isinstance(answer, dict):
        raise DraftError("The AI's answer is not a JSON object.")
    outcomes = [
        clean_text(text, f"outcome {n}") for n, text in enumerate(clean_list(answer, "outcomes", "outcomes"), 1)
    ]
    actions = [
        clean_text(text, f"coach action {n}")
        for n, text in enumerate(clean_list(answer, "coach_actions", "coach actions"), 1)
    ]
    blocks = [stream_item(item, n) for n, item in enumerate(clean_list(answer, "blocks", "blocks"), 1)]
    actions_html = "<ul>" + "".join(f"<li>{escape(action)}</li>" for action in actions) + "</ul>"
    blocks.append(
        {
            "type": "callout",
            "value": {"audience": access_level, "style": "tip", "title": "Your next actions", "body": actions_html},
        }
    )
    return {
        "title": clean_text(answer.get("title"), "title", limit=LIMITS["title"]),
        "summary": clean_text(answer.get("summary"), "summary", limit=LIMITS["summary"]),
        "outcomes": outcomes,
        "coach_actions": actions,
        "blocks": blocks,
    }


def body_with(lesson, written_blocks):
    """The new body: the lesson's videos and images, the written blocks, then its resources."""
    stream = lesson.body.stream_block
    kept = [(child.block_type, child.value) for child in lesson.body]
    written = [(item["type"], stream.child_blocks[item["type"]].to_python(item["value"])) for item in written_blocks]
    body = [pair for pair in kept if pair[0] in KEPT_BEFORE_TEXT] + written
    body += [pair for pair in kept if pair[0] not in (*KEPT_BEFORE_TEXT, *WRITTEN_BLOCK_TYPES)]
    try:
        return stream.clean(StreamValue(stream, body))
    except ValidationError as error:
        raise DraftError(f"The AI's blocks are not a valid lesson body: {error.messages[0]}") from error


# Running ----------------------------------------------------------------------------------------


def draft_lesson(draft):
    """Run one request: a new draft revision and GENERATED, or nothing saved and FAILED."""
    lesson = version_in(draft.lesson, draft.source_revision)
    inputs = draft.source_inputs
    try:
        answer = ai.complete_json(
            system=SYSTEM_PROMPT, prompt=lesson_prompt(lesson, inputs), schema_name="lesson_draft", schema=LESSON_SCHEMA
        )
        result = lesson_from(answer, lesson.access_level)
        revision = save_draft_revision(draft, result)
    except (ai.AIError, DraftError) as error:
        finish(draft, LessonAIDraft.Status.FAILED, str(error))
        return None
    draft.output, draft.revision = result, revision
    finish(draft, LessonAIDraft.Status.GENERATED, "Draft saved as a new revision. Review it, then publish.")
    return revision


@transaction.atomic
def save_draft_revision(draft, result):
    """The lesson as an editor last saved it, with the AI's text, as a new (unpublished) revision."""
    _revision, lesson = latest_version(type(draft.lesson).objects.select_for_update().get(pk=draft.lesson_id))
    lesson.title = result["title"]
    lesson.draft_title = result["title"]
    lesson.summary = result["summary"]
    lesson.learning_objectives = "\n".join(result["outcomes"])
    lesson.body = body_with(lesson, result["blocks"])
    return lesson.save_revision(user=draft.requested_by, log_action=True)


def finish(draft, status, message):
    draft.status, draft.message, draft.finished_at = status, message[:500], timezone.now()
    draft.save(update_fields=["status", "message", "output", "revision", "finished_at"])


def approve_drafts_published_in(lesson, revision):
    """An editor published `revision`: every generated draft it contains is approved."""
    if revision is None:
        return 0
    return LessonAIDraft.objects.filter(
        lesson_id=lesson.pk, status=LessonAIDraft.Status.GENERATED, revision_id__lte=revision.pk
    ).update(status=LessonAIDraft.Status.APPROVED, approved_at=timezone.now())
