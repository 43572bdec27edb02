"""Question blocks: what an editor writes, how each question is shown, and how an answer is scored.

A question's correct answer stays on the server: `public_options` is all a student's browser gets.
Option ids are the ListBlock item ids (random UUIDs), so they say nothing about correctness.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

MIN_OPTIONS = 2
MAX_OPTIONS = 6
TRUE_FALSE_OPTIONS = [("true", "True"), ("false", "False")]


def normalise_answer(text):
    """How a short answer is compared: case, accents' composed forms, spacing and end punctuation ignored."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .,;:!?\"'“”‘’()[]")


@dataclass(frozen=True)
class PublicOption:
    """An option as the student sees it: an opaque id and its text, nothing more."""

    id: str
    text: str


@dataclass(frozen=True)
class QuestionResult:
    earned: int
    possible: int

    @property
    def correct(self):
        return self.earned == self.possible


class OptionBlock(blocks.StructBlock):
    """One answer option of a choice question."""

    text = blocks.CharBlock(max_length=500)
    is_correct = blocks.BooleanBlock(required=False, label="Correct")
    explanation = blocks.TextBlock(required=False, help_text="Why this option is right or wrong. Optional.")

    class Meta:
        icon = "radio-empty"
        label = "Option"


class QuestionBlock(blocks.StructBlock):
    """Fields every question has; subclasses add how it is answered and scored."""

    text = blocks.TextBlock(help_text="The question, as plain text.")
    points = blocks.IntegerBlock(default=1, min_value=1, max_value=100)
    explanation = blocks.TextBlock(required=False, help_text="Shown with the results, after the attempt.")

    answer_kind = "choice"  # "choice" (one option id), "choices" (several) or "text"

    def public_options(self, value, block_id):
        return []

    def correct_option_ids(self, value):
        return set()

    def option_explanations(self, value):
        return {}

    def score(self, value, answer):
        """QuestionResult for `answer`: an option id, a list of option ids, or text, per answer_kind."""
        raise NotImplementedError

    def correct_answer_display(self, value):
        raise NotImplementedError


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=MIN_OPTIONS, max_num=MAX_OPTIONS)

    def public_options(self, value, block_id=None):
        return [PublicOption(str(item.id), item.value["text"]) for item in value["options"].bound_blocks]

    def correct_option_ids(self, value):
        return {str(item.id) for item in value["options"].bound_blocks if item.value["is_correct"]}

    def correct_answer_display(self, value):
        return "; ".join(option["text"] for option in value["options"] if option["is_correct"])

    def option_explanations(self, value):
        return {str(item.id): item.value["explanation"] for item in value["options"].bound_blocks}

    def options_error(self, value, correct_count):
        return None

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        message = self.options_error(value, correct)
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    """Multiple choice with exactly one correct option."""

    def options_error(self, value, correct_count):
        if correct_count != 1:
            return f"Mark exactly one option as correct ({correct_count} are marked)."
        return None

    def score(self, value, answer):
        possible = value["points"]
        chosen = answer if isinstance(answer, str) else None
        return QuestionResult(possible if chosen in self.correct_option_ids(value) else 0, possible)

    class Meta:
        icon = "radio-full"
        label = "Multiple choice (one answer)"


class MultipleAnswerQuestionBlock(ChoiceQuestionBlock):
    """Several options may be correct; the student must pick exactly the correct ones."""

    answer_kind = "choices"

    def options_error(self, value, correct_count):
        if correct_count < 1:
            return "Mark at least one option as correct."
        return None

    def score(self, value, answer):
        possible = value["points"]
        chosen = set(answer) if isinstance(answer, list | tuple | set) else set()
        # All or nothing: a partly right selection earns no points, so guessing everything never pays.
        return QuestionResult(possible if chosen == self.correct_option_ids(value) else 0, possible)

    class Meta:
        icon = "tasks"
        label = "Multiple answers"


class TrueFalseQuestionBlock(QuestionBlock):
    """A statement that is true or false."""

    correct_answer = blocks.ChoiceBlock(choices=TRUE_FALSE_OPTIONS, default="true")
    true_explanation = blocks.TextBlock(required=False, help_text="Shown to students who answered True.")
    false_explanation = blocks.TextBlock(required=False, help_text="Shown to students who answered False.")

    def public_options(self, value, block_id=None):
        return [PublicOption(option_id, label) for option_id, label in TRUE_FALSE_OPTIONS]

    def correct_option_ids(self, value):
        return {value["correct_answer"]}

    def correct_answer_display(self, value):
        return dict(TRUE_FALSE_OPTIONS)[value["correct_answer"]]

    def option_explanations(self, value):
        return {"true": value["true_explanation"], "false": value["false_explanation"]}

    def score(self, value, answer):
        possible = value["points"]
        return QuestionResult(possible if answer == value["correct_answer"] else 0, possible)

    class Meta:
        icon = "tick"
        label = "True or false"


class ShortAnswerQuestionBlock(QuestionBlock):
    """A typed answer, matched against the accepted answers after normalising both."""

    answer_kind = "text"
    accepted_answers = blocks.TextBlock(
        help_text="One accepted answer per line. Case, extra spaces and punctuation at the ends are ignored."
    )

    def accepted(self, value):
        return {normalise_answer(line) for line in value["accepted_answers"].splitlines() if normalise_answer(line)}

    def correct_answer_display(self, value):
        return next((line.strip() for line in value["accepted_answers"].splitlines() if line.strip()), "")

    def clean(self, value):
        value = super().clean(value)
        if not self.accepted(value):
            raise StructBlockValidationError(
                block_errors={"accepted_answers": ValidationError("Give at least one accepted answer.")}
            )
        return value

    def score(self, value, answer):
        possible = value["points"]
        given = normalise_answer(answer) if isinstance(answer, str) else ""
        return QuestionResult(possible if given and given in self.accepted(value) else 0, possible)

    class Meta:
        icon = "edit"
        label = "Short answer"


class QuestionStreamBlock(blocks.StreamBlock):
    """What a quiz's question pool may hold."""

    single_choice = SingleChoiceQuestionBlock()
    multiple_answers = MultipleAnswerQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    short_answer = ShortAnswerQuestionBlock()

    class Meta:
        min_num = 1
