"""Each question type validates what an editor writes and scores what a student answers."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from quizzes.blocks import (
    MultipleAnswerQuestionBlock,
    ShortAnswerQuestionBlock,
    SingleChoiceQuestionBlock,
    TrueFalseQuestionBlock,
    normalise_answer,
)
from quizzes.factories import multiple_answers, short_answer, single_choice, true_false
from quizzes.models import Quiz


def bound(block, data):
    """A question's value as stored and read back, with its option ids."""
    value = block.to_python(data["value"])
    return value, [str(item.id) for item in value["options"].bound_blocks] if "options" in value else []


def test_single_choice_needs_exactly_one_correct_option():
    block = SingleChoiceQuestionBlock()
    value, _ids = bound(block, single_choice(options=[("a", True), ("b", True)]))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "Mark exactly one option as correct (2 are marked)." in str(error.value.block_errors["options"])


@pytest.mark.parametrize("count", [1, 7])
def test_choice_questions_have_two_to_six_options(count):
    block = SingleChoiceQuestionBlock()
    options = [("right", True)] + [(f"wrong {n}", False) for n in range(count - 1)]
    value, _ids = bound(block, single_choice(options=options))
    with pytest.raises(ValidationError):
        block.clean(value)


def test_multiple_answers_needs_a_correct_option():
    block = MultipleAnswerQuestionBlock()
    value, _ids = bound(block, multiple_answers(options=[("a", False), ("b", False)]))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "Mark at least one option as correct." in str(error.value.block_errors["options"])


def test_short_answer_needs_an_accepted_answer():
    block = ShortAnswerQuestionBlock()
    value, _ids = bound(block, short_answer(accepted="  \n "))
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_single_choice_scores_the_correct_option_only():
    block = SingleChoiceQuestionBlock()
    value, [right, wrong] = bound(block, single_choice(points=3))
    assert block.score(value, right).earned == 3
    assert block.score(value, wrong).earned == 0
    assert block.score(value, None).earned == 0


def test_multiple_answers_is_all_or_nothing():
    block = MultipleAnswerQuestionBlock()
    value, [two, four, five] = bound(block, multiple_answers(points=2))
    assert block.score(value, [four, two]).earned == 2
    assert block.score(value, [two]).earned == 0
    assert block.score(value, [two, four, five]).earned == 0


def test_true_false_scores_the_stated_truth():
    block = TrueFalseQuestionBlock()
    value, _ids = bound(block, true_false(correct="false"))
    assert block.score(value, "false").correct
    assert not block.score(value, "true").correct


@pytest.mark.parametrize("answer", ["spy", "  Test   SPY. ", "“Spy”"])
def test_short_answer_matches_after_normalising(answer):
    block = ShortAnswerQuestionBlock()
    value, _ids = bound(block, short_answer())
    assert block.score(value, answer).correct


def test_short_answer_rejects_other_words():
    block = ShortAnswerQuestionBlock()
    value, _ids = bound(block, short_answer())
    assert not block.score(value, "mock").correct
    assert not block.score(value, "").correct


def test_normalising_ignores_case_spacing_and_end_punctuation():
    assert normalise_answer("  Hello,   World! ") == "hello, world"


def test_choice_options_expose_only_ids_and_text():
    block = SingleChoiceQuestionBlock()
    value, ids = bound(block, single_choice())
    assert [(option.id, option.text) for option in block.public_options(value)] == list(
        zip(ids, ["4", "5"], strict=True)
    )


def test_quiz_cannot_draw_more_questions_than_its_pool():
    quiz = Quiz(title="Tiny", questions=[single_choice()], questions_per_attempt=2)
    with pytest.raises(ValidationError, match="The pool has 1 questions; an attempt cannot draw 2."):
        quiz.clean()
