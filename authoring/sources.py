"""What an AI draft was made from, and whether the lesson has moved on since: one rule for every draft.

A draft records the lesson's latest revision when it was asked for and the values of the fields it
read. It is stale once the lesson's latest revision holds different values in those fields, so an
editor polishing the draft's own output does not make it stale, while new notes or a new transcript do.
"""

from django.urls import reverse

# The fields each kind of draft reads from the lesson.
LESSON_DRAFT_INPUTS = ("working_title", "rough_notes", "source_transcript")
QUIZ_DRAFT_INPUTS = ("title", "summary", "learning_objectives", "body", "transcript")


def inputs_of(lesson, fields):
    """The values of `fields` on a lesson (live, or rebuilt from a revision), JSON-ready."""
    values = {}
    for name in fields:
        value = getattr(lesson, name)
        values[name] = value.get_prep_value() if name == "body" else (value or "")
    return values


def latest_version(lesson):
    """(latest revision or None, the lesson as that revision has it): what an editor last saved."""
    revision = lesson.latest_revision
    return revision, version_in(lesson, revision)


def version_in(lesson, revision):
    """The lesson as `revision` has it (the live lesson when there is no revision)."""
    return lesson.with_content_json(revision.content) if revision else lesson


def source_of(lesson, fields):
    """What a draft asked for now is made from: (revision or None, inputs)."""
    revision, version = latest_version(lesson)
    return revision, inputs_of(version, fields)


class Freshness:
    """Whether one draft still matches its lesson, and where to compare the two versions."""

    def __init__(self, draft, fields):
        lesson = draft.lesson
        revision, version = latest_version(lesson)
        self.is_stale = bool(draft.source_inputs) and inputs_of(version, fields) != draft.source_inputs
        self.compare_url = ""
        if self.is_stale and draft.source_revision_id and revision and revision.pk != draft.source_revision_id:
            self.compare_url = reverse(
                "wagtailadmin_pages:revisions_compare", args=[lesson.pk, draft.source_revision_id, revision.pk]
            )


def mark_freshness(drafts, fields):
    """Set `freshness` on each draft; the drafts come with `lesson__latest_revision` selected."""
    for draft in drafts:
        draft.freshness = Freshness(draft, fields)
    return drafts
