"""Each import format reads good files, and reports every problem in a bad one with where it is."""

import csv
import io

import pytest
from fpdf import FPDF

from quizzes.factories import QuizFactory, multiple_answers, short_answer, single_choice, true_false
from quizzes.importers import (
    MAX_IMPORT_BYTES,
    ImportFileError,
    decode_text,
    export_csv,
    export_gift,
    parse_aiken,
    parse_csv,
    parse_gift,
    parse_pdf_text,
    pdf_text,
    read_upload,
)

CSV_HEADER = "question,option_a,option_b,option_c,option_d,correct_answer\n"


def summary(result):
    return [
        (question.kind, question.text, [(text, correct) for text, correct, _why in question.options])
        for question in result.questions
    ]


# CSV --------------------------------------------------------------------------------------------


def test_csv_in_the_reference_format_reads_each_row():
    result = parse_csv(CSV_HEADER + 'What is 2+2?,3,4,5,,B\nPick the evens,2,3,4,,"A,C"\n')
    assert result.ok
    assert summary(result) == [
        ("single_choice", "What is 2+2?", [("3", False), ("4", True), ("5", False)]),
        ("multiple_answers", "Pick the evens", [("2", True), ("3", False), ("4", True)]),
    ]


def test_csv_with_the_wrong_columns_is_refused():
    with pytest.raises(ImportFileError, match="The first row must be exactly: question,option_a"):
        parse_csv("q,a,b\nx,y,z\n")


def test_csv_reports_an_unknown_answer_letter_with_its_line():
    result = parse_csv(CSV_HEADER + "Fine?,yes,no,,,A\nBroken?,yes,no,,,E\n")
    assert result.problems == [("line 3", "Unknown answer letter E; use A, B, C or D.")]
    assert not result.ok


def test_csv_reports_an_answer_pointing_to_an_empty_option():
    result = parse_csv(CSV_HEADER + "Which?,yes,no,,,C\n")
    assert result.problems == [("line 2", "The answer C points to an empty option.")]


def test_csv_question_with_one_option_breaks_the_question_rules():
    result = parse_csv(CSV_HEADER + "Only one?,yes,,,,A\n")
    assert result.problems and result.problems[0][0] == "line 2"


def test_csv_keeps_formulas_and_markup_as_plain_text():
    result = parse_csv(CSV_HEADER + '"=HYPERLINK(""http://x"")",<script>alert(1)</script>,no,,,A\n')
    assert result.questions[0].text == '=HYPERLINK("http://x")'
    assert result.questions[0].options[0][0] == "<script>alert(1)</script>"


# Reading files ----------------------------------------------------------------------------------


class Upload(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.size = len(data)


def test_an_empty_file_is_refused():
    with pytest.raises(ImportFileError, match="The file is empty."):
        read_upload(Upload(b""))


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(ImportFileError, match="larger than 2 MB"):
        read_upload(Upload(b"x" * (MAX_IMPORT_BYTES + 1)))


def test_a_file_that_is_not_utf8_is_refused():
    with pytest.raises(ImportFileError, match="not UTF-8"):
        decode_text(b"question\xff")


# GIFT -------------------------------------------------------------------------------------------

GIFT = """// A comment
::Capital:: What is the capital of France? {
    =Paris#Right, Paris.
    ~Lyon#No, that is a city in the south east.
    ####France's capital since 987.
}

Testing shows the presence of bugs. {T}

Name the double that records calls. {=spy =test spy}

Which are test doubles? {~%50%Stub ~%50%Mock ~%-100%Compiler}

Escaped \\{braces\\} and 1\\=1? {=yes ~no}
"""


def test_gift_reads_choice_true_false_short_answer_and_weighted_questions():
    result = parse_gift(GIFT)
    assert result.ok, result.problems
    kinds = [question.kind for question in result.questions]
    assert kinds == ["single_choice", "true_false", "short_answer", "multiple_answers", "single_choice"]
    capital = result.questions[0]
    assert capital.text == "What is the capital of France?"
    assert capital.options[0] == ("Paris", True, "Right, Paris.")
    assert capital.explanation == "France's capital since 987."
    assert result.questions[1].true_or_false == "true"
    assert result.questions[2].accepted == ["spy", "test spy"]
    assert [correct for _t, correct, _w in result.questions[3].options] == [True, True, False]
    assert result.questions[4].text == "Escaped {braces} and 1=1?"


def test_gift_reports_unsupported_questions_with_their_number():
    result = parse_gift("Good? {T}\n\nMatch these {=cat -> meow =dog -> woof}\n\nOpen essay {}\n")
    assert result.problems == [
        ("question 2 (line 3)", "Matching questions are not supported."),
        ("question 3 (line 5)", "Essay questions (empty braces) are not supported."),
    ]


def test_gift_without_braces_is_a_problem():
    assert parse_gift("Just a sentence.").problems == [("question 1 (line 1)", "No answers in { }.")]


# Aiken ------------------------------------------------------------------------------------------

AIKEN = """What does TDD stand for?
A. Test-driven development
B. Time-driven design
ANSWER: A

Which level has the most tests in the pyramid?
A) Unit
B) UI
C) Manual
ANSWER: A
"""


def test_aiken_reads_questions_options_and_answers():
    result = parse_aiken(AIKEN)
    assert result.ok
    assert summary(result)[0] == (
        "single_choice",
        "What does TDD stand for?",
        [("Test-driven development", True), ("Time-driven design", False)],
    )


def test_aiken_reports_an_unknown_answer_and_a_missing_answer_line():
    result = parse_aiken("First?\nA. x\nB. y\nANSWER: D\n\nSecond?\nA. x\nB. y\n")
    assert result.problems == [
        ("question 1 (line 1)", "Unknown answer letter D on line 4; the options are A, B."),
        ("question 2 (line 6)", "No ANSWER line after the options."),
    ]


# PDF --------------------------------------------------------------------------------------------


def pdf_of(lines):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_with_numbered_questions_lettered_options_and_answer_lines_is_read():
    data = pdf_of(
        [
            "1. What is a stub?",
            "A) A canned answer",
            "B) A real database",
            "Answer: A",
            "2. What is a spy?",
            "A) A recorder of calls",
            "B) A compiler",
            "C) A linter",
            "Answer: A",
        ]
    )
    result = parse_pdf_text(pdf_text(data))
    assert result.ok, result.problems
    assert [question.text for question in result.questions] == ["What is a stub?", "What is a spy?"]
    assert len(result.questions[1].options) == 3


def test_a_file_that_is_not_a_pdf_is_refused():
    with pytest.raises(ImportFileError, match="This is not a PDF file."):
        pdf_text(b"question,option_a\n")


def test_a_pdf_without_text_is_refused():
    with pytest.raises(ImportFileError, match="no text"):
        parse_pdf_text(pdf_text(pdf_of([])))


# Export -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_gift_export_reads_back_as_the_same_questions():
    quiz = QuizFactory(
        questions=[
            single_choice(text="2+2? {really}", options=[("4", True, "Yes"), ("5", False)]),
            multiple_answers(),
            true_false(correct="false"),
            short_answer(accepted="spy\ntest spy"),
        ]
    )
    back = parse_gift(export_gift(quiz))
    assert back.ok, back.problems
    assert [question.kind for question in back.questions] == [
        "single_choice",
        "multiple_answers",
        "true_false",
        "short_answer",
    ]
    assert back.questions[0].text == "2+2? {really}" and back.questions[0].options[0] == ("4", True, "Yes")
    assert back.questions[3].accepted == ["spy", "test spy"]


@pytest.mark.django_db
def test_csv_export_defuses_formulas_and_lists_what_does_not_fit():
    quiz = QuizFactory(
        questions=[
            single_choice(text='=HYPERLINK("http://evil")', options=[("@SUM(A1)", True), ("ok", False)]),
            short_answer(),
        ]
    )
    text, left_out = export_csv(quiz)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:3] == ['\'=HYPERLINK("http://evil")', "'@SUM(A1)", "ok"]
    assert rows[1][-1] == "A" and left_out == [2]
