"""What every importer shares: the parsed question, the result with its problems, reading uploads,
the caps, and checking each question with its block's own rules."""

import codecs
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from ..blocks import QuestionStreamBlock

MAX_IMPORT_BYTES = 2 * 1024 * 1024
# One import is one sitting of an editor's review: the preview lists every question, and a pool
# larger than this is almost always a whole question bank that belongs in several quizzes.
MAX_IMPORT_QUESTIONS = 500
# Spelling variants of one short answer; far more means the file is not what the editor thinks it is.
MAX_ACCEPTED_ANSWERS = 100
CSV_COLUMNS = ["question", "option_a", "option_b", "option_c", "option_d", "correct_answer"]
CSV_DELIMITERS = (",", ";", "\t")  # as Excel saves CSV in English, in most European locales, and as tab text
LETTERS = "ABCDEF"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ImportFileError(ValueError):
    """The whole file is unusable (wrong type, empty, too large, wrong columns); nothing was read."""


@dataclass
class ParsedQuestion:
    """A question as read from a file, before it becomes a block in the quiz."""

    kind: str  # single_choice, multiple_answers, true_false or short_answer
    text: str
    where: str  # "line 4", "question 3": how the preview points back into the source
    options: list = field(default_factory=list)  # [(text, is_correct, explanation)]
    accepted: list = field(default_factory=list)  # short answers
    true_or_false: str = ""
    points: int = 1
    explanation: str = ""
    true_explanation: str = ""
    false_explanation: str = ""
    notes: list = field(default_factory=list)  # what the editor should know; never blocks the import

    def stream_item(self):
        """This question in Wagtail's stored StreamField format, with fresh ids."""
        value = {"text": self.text, "points": self.points, "explanation": self.explanation}
        if self.kind in {"single_choice", "multiple_answers"}:
            value["options"] = [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"text": text, "is_correct": correct, "explanation": why},
                }
                for text, correct, why in self.options
            ]
        elif self.kind == "true_false":
            value.update(
                correct_answer=self.true_or_false,
                true_explanation=self.true_explanation,
                false_explanation=self.false_explanation,
            )
        else:
            value["accepted_answers"] = "\n".join(self.accepted)
        return {"type": self.kind, "value": value, "id": str(uuid.uuid4())}


@dataclass
class ImportResult:
    questions: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (where, message)

    @property
    def ok(self):
        return bool(self.questions) and not self.problems

    @property
    def notes(self):
        """(where, message) for every note on a question: imported, but worth a look."""
        return [(question.where, note) for question in self.questions for note in question.notes]


# Reading uploads ----------------------------------------------------------------------------------


def read_upload(upload):
    """The bytes of an uploaded file, refusing empty and oversized ones."""
    if upload.size == 0:
        raise ImportFileError("The file is empty.")
    if upload.size > MAX_IMPORT_BYTES:
        raise ImportFileError(f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
    data = upload.read()
    if not data.strip():
        raise ImportFileError("The file is empty.")
    return data


def decode_text(data):
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(
            "The file is not UTF-8 text but UTF-16 (as Excel's “Unicode Text” saves it). "
            "Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"The file is not UTF-8 text (byte {error.start + 1} cannot be read). Save it as UTF-8 "
            "(in Excel: “CSV UTF-8”) and try again."
        ) from error


def refuse_nul_characters(text):
    """No text file holds a NUL character, and PostgreSQL cannot store one: refuse rather than fail later."""
    position = text.find("\x00")
    if position >= 0:
        line = text.count("\n", 0, position) + 1
        raise ImportFileError(
            f"Line {line} contains a NUL character, which text never holds: the file may be UTF-16 "
            "or not a text file at all. Save it as UTF-8 text and try again."
        )


def refuse_too_many(found, what="questions"):
    if found > MAX_IMPORT_QUESTIONS:
        raise ImportFileError(
            f"The file has {found} {what}; one import takes at most {MAX_IMPORT_QUESTIONS}. "
            "Split it into smaller files and import them one by one."
        )


def validate(result):
    """Check each parsed question with its block's own rules, as the quiz editor would."""
    stream = QuestionStreamBlock()
    for question in result.questions:
        item = question.stream_item()
        block = stream.child_blocks[question.kind]
        try:
            block.clean(block.to_python(item["value"]))
        except ValidationError as error:
            messages = getattr(error, "block_errors", None) or {}
            detail = "; ".join(
                " ".join(str(message) for message in getattr(value, "messages", [value])) for value in messages.values()
            )
            result.problems.append((question.where, detail or " ".join(error.messages)))
    if not result.questions and not result.problems:
        result.problems.append(("file", "No questions were found."))
    return result
