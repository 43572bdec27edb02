"""Each import format reads good files, and reports every problem in a bad one with where it is."""

import csv
import io
import time

import pytest
from fpdf import FPDF

from quizzes.factories import QuizFactory, multiple_answers, short_answer, single_choice, true_false
from quizzes.importers import (
    MAX_ACCEPTED_ANSWERS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_QUESTIONS,
    ImportFileError,
    decode_text,
    export_csv,
    export_gift,
    parse,
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


# CSV as spreadsheets save it ----------------------------------------------------------------------


def test_csv_separated_by_semicolons_is_read():
    result = parse_csv(CSV_HEADER.replace(",", ";") + "Pick the evens;2;3;4;;A,C\n")
    assert summary(result) == [("multiple_answers", "Pick the evens", [("2", True), ("3", False), ("4", True)])]


def test_csv_separated_by_tabs_is_read():
    result = parse_csv(CSV_HEADER.replace(",", "\t") + "What is 2+2?\t3\t4\t\t\tB\n")
    assert summary(result) == [("single_choice", "What is 2+2?", [("3", False), ("4", True)])]


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_csv_with_windows_or_old_mac_line_ends_is_read(line_end):
    result = parse_csv((CSV_HEADER + "What is 2+2?,3,4,,,B\n3+3?,6,7,,,A\n").replace("\n", line_end))
    assert result.ok and [question.text for question in result.questions] == ["What is 2+2?", "3+3?"]


def test_csv_lines_are_counted_through_cells_that_span_several_lines():
    result = parse_csv(CSV_HEADER + '"Read this:\nx = 1\nWhat is x?",1,2,,,A\nBroken?,a,b,,,Z\n')
    assert result.questions[0].text == "Read this:\nx = 1\nWhat is x?"
    assert result.problems == [("line 5", "Unknown answer letter Z; use A, B, C or D.")]


def test_csv_trailing_empty_columns_are_ignored():
    result = parse_csv(CSV_HEADER.strip() + ",,\nWhat is 2+2?,3,4,,,B,,\n")
    assert result.ok and result.questions[0].options[1] == ("4", True, "")


def test_csv_cell_larger_than_the_csv_field_limit_is_refused_with_its_line():
    text = CSV_HEADER + "Fine?,a,b,,,A\n" + '"' + "x" * 200_000 + '",a,b,,,A\n'
    with pytest.raises(ImportFileError, match=r"^Line 3: a cell is longer than 131,072 characters"):
        parse_csv(text)


def test_csv_quote_left_open_is_reported_with_a_hint():
    result = parse_csv(CSV_HEADER + '"Broken,a,b,,,A\nNext?,a,b,,,A\n')
    assert result.problems == [
        ("line 2", 'Expected 6 columns, found 1. The row runs on to line 3: a quote (") may be left open.')
    ]


@pytest.mark.django_db
def test_csv_export_reads_back_as_the_same_text():
    quiz = QuizFactory(questions=[single_choice(text="-5 + 3 = ?", options=[("=-2", True), ("+8", False)])])
    back = parse_csv(export_csv(quiz)[0])
    assert summary(back) == [("single_choice", "-5 + 3 = ?", [("=-2", True), ("+8", False)])]


# Odd input, every format -------------------------------------------------------------------------


def test_text_with_a_nul_character_is_refused_with_its_line():
    with pytest.raises(ImportFileError, match="^Line 3 contains a NUL character"):
        parse("Fine? {T}\n\nBro\x00ken? {T}\n", "gift")


def test_a_utf16_file_is_refused_with_what_to_do():
    with pytest.raises(ImportFileError, match="not UTF-8 text but UTF-16.*Save it as UTF-8"):
        decode_text("question,option_a".encode("utf-16"))


def test_a_utf8_byte_order_mark_is_not_part_of_the_text():
    assert decode_text(b"\xef\xbb\xbfquestion") == "question"


@pytest.mark.parametrize(
    ("source_format", "one_question"),
    [
        ("csv", "What is 2+2?,3,4,,,B\n"),
        ("gift", "Testing proves correctness. {F}\n\n"),
        ("aiken", "What is 2+2?\nA. 3\nB. 4\nANSWER: B\n\n"),
    ],
)
def test_an_import_over_the_question_cap_is_refused_with_the_cap_and_the_count(source_format, one_question):
    text = (CSV_HEADER if source_format == "csv" else "") + one_question * (MAX_IMPORT_QUESTIONS + 1)
    with pytest.raises(ImportFileError, match=f"has {MAX_IMPORT_QUESTIONS + 1} .*at most {MAX_IMPORT_QUESTIONS}"):
        parse(text, source_format)


def test_an_import_of_exactly_the_question_cap_is_read():
    result = parse("Testing proves correctness. {F}\n\n" * MAX_IMPORT_QUESTIONS, "gift")
    assert result.ok and len(result.questions) == MAX_IMPORT_QUESTIONS


# GIFT: where one question ends and the next begins --------------------------------------------


def test_gift_questions_without_blank_line_are_read_separately():
    result = parse_gift("Testing proves correctness. {F}\nA stub returns canned answers. {T}\n")
    assert result.ok, result.problems
    assert [(question.text, question.true_or_false, question.where) for question in result.questions] == [
        ("Testing proves correctness.", "false", "question 1 (line 1)"),
        ("A stub returns canned answers.", "true", "question 2 (line 2)"),
    ]


def test_gift_question_after_multi_line_answers_without_blank_line_is_read_separately():
    result = parse_gift("::Capital:: Capital of France? {\n=Paris\n~Lyon\n}\n::Spy:: Spies record calls. {T}\n")
    assert [(question.kind, question.where) for question in result.questions] == [
        ("single_choice", "question 1 (line 1)"),
        ("true_false", "question 2 (line 5)"),
    ]


def test_gift_title_starts_a_new_question_after_text_without_answers():
    result = parse_gift("Read the next question carefully.\n::Stub:: Stubs return canned answers. {T}\n")
    assert result.problems == [("question 1 (line 1)", "No answers in { }.")]
    assert [question.text for question in result.questions] == ["Stubs return canned answers."]


def test_gift_line_after_closed_answers_is_reported_with_its_line_not_merged():
    result = parse_gift("Grant is buried {F}\nin Grant's tomb.\n")
    assert [question.text for question in result.questions] == ["Grant is buried"]
    assert result.problems == [
        (
            "question 2 (line 2)",
            "No answers in { }. If this line continues the question above, put it on the line where that "
            "question's answers close; if it is a new question, give it answers.",
        )
    ]


def test_gift_question_text_may_span_lines_before_its_answers():
    result = parse_gift("::Pyramid::\nIn the test pyramid,\nwhich tests are the most numerous?\n{=Unit ~UI}\n")
    assert result.ok
    assert result.questions[0].text == "In the test pyramid,\nwhich tests are the most numerous?"


def test_gift_unclosed_answers_are_reported_at_the_blank_line_and_the_next_question_is_read():
    result = parse_gift("Broken? {=a ~b\n\nFine? {T}\n")
    assert result.problems == [
        ("question 1 (line 1)", "The { on line 1 is not closed by a } before the blank line on line 2.")
    ]
    assert [question.text for question in result.questions] == ["Fine?"]


def test_gift_two_sets_of_answers_on_one_line_are_reported():
    result = parse_gift("One? {T} Two? {F}\n")
    assert result.problems == [
        (
            "question 1 (line 1)",
            "Line 1 starts a second set of answers after the first one closed: a question has one. "
            "Put each question on its own lines, with a blank line between questions.",
        )
    ]
    assert not result.questions


def test_gift_comments_and_category_lines_are_not_part_of_any_question():
    result = parse_gift(
        "// question: 12  name: Stub\n$CATEGORY: $course$/top/Default\n"
        "::Stub:: Stubs return canned answers? {\n// the right one first\n=Yes\n~No\n}\n"
    )
    assert summary(result) == [("single_choice", "Stubs return canned answers?", [("Yes", True), ("No", False)])]


def test_gift_escaped_braces_neither_open_nor_close_answers():
    result = parse_gift("Is \\{1, 2\\} a set? {T}\nIs \\} a brace? {T}\n")
    assert result.ok and [question.text for question in result.questions] == ["Is {1, 2} a set?", "Is } a brace?"]


def test_gift_private_use_characters_in_the_text_cannot_confuse_the_reader():
    result = parse_gift("Stubs\ue000 return\U000f0041 canned answers. {T}\n")
    assert result.ok and result.questions[0].text == "Stubs return canned answers."


def test_gift_unescaped_closing_brace_in_the_text_is_reported():
    result = parse_gift("Is } a brace? {T}\n")
    assert result.problems == [
        ("question 1 (line 1)", "Line 1 has a } with no { before it: write \\} for a brace in the text.")
    ]


def test_gift_reports_one_brace_problem_per_question():
    result = parse_gift("One? {T} Two? {F} Three? {T} Four? {F}\n")
    assert len(result.problems) == 1 and result.problems[0][1].startswith("Line 1 starts a second set of answers")


def test_gift_choice_with_more_answers_than_a_question_holds_is_reported():
    result = parse_gift("Which? {=a ~b ~c ~d ~e ~f ~g}\n")
    assert result.problems == [("question 1 (line 1)", "7 answers: a choice question here has at most 6.")]


def test_gift_short_answer_with_more_accepted_answers_than_allowed_is_reported():
    result = parse_gift("Name it {" + "=spy " * (MAX_ACCEPTED_ANSWERS + 1) + "}\n")
    assert result.problems == [
        (
            "question 1 (line 1)",
            f"{MAX_ACCEPTED_ANSWERS + 1} answers: a short-answer question here accepts at most {MAX_ACCEPTED_ANSWERS}.",
        )
    ]


# GIFT: percentage weights ----------------------------------------------------------------------


def test_gift_short_answer_with_partial_weights_is_reported_and_never_offered_as_options():
    result = parse_gift("Jesus Christ was from {=%100%Nazareth =%75%Nazereth =%0%Nazaret}\n")
    assert result.questions == []
    assert result.problems == [
        (
            "question 1 (line 1)",
            "A short answer here is accepted for full marks or not at all, so other weights cannot be kept: "
            "“Nazereth” (line 1) 75%, “Nazaret” (line 1) 0%. Remove those answers, or make one worth %100% "
            "to accept it.",
        )
    ]


def test_gift_full_weight_means_the_same_as_equals():
    result = parse_gift("Capital of France? {=%100%Paris =%100%City of Light}\n\nPick the capital {~%100%Paris ~Lyon}")
    assert result.ok
    assert result.questions[0].kind == "short_answer"
    assert result.questions[0].accepted == ["Paris", "City of Light"]
    assert summary(result)[1] == ("single_choice", "Pick the capital", [("Paris", True), ("Lyon", False)])


def test_gift_one_answer_question_with_partial_weights_is_reported():
    result = parse_gift("Jesus Christ was from {\n~Jerusalem\n~%25%Bethlehem\n~%50%Galilee\n=Nazareth\n}\n")
    assert result.questions == []
    assert result.problems == [
        (
            "question 1 (line 1)",
            "Partial or negative marks in a one-answer question: “Bethlehem” (line 3) 25%, “Galilee” (line 4) 50%. "
            "This site cannot give part of the marks or take marks away: an answer is fully right or scores 0. "
            "Mark the right answer with = and the others with ~.",
        )
    ]


def test_gift_penalties_in_a_one_answer_question_are_reported():
    result = parse_gift("Cheapest level? {=Unit ~%-33.33333%Integration ~%-33.33333%End-to-end}\n")
    assert result.questions == []
    assert "“Integration” (line 1) -33.33333%" in result.problems[0][1]


def test_gift_right_options_sharing_100_percent_import_as_multiple_answers_with_a_visible_note():
    result = parse_gift("Bug report needs {~%33.33333%Steps ~%33.33333%Expected ~%33.33334%Environment ~%-100%Author}")
    assert result.ok
    question = result.questions[0]
    assert question.kind == "multiple_answers"
    assert [correct for _text, correct, _why in question.options] == [True, True, True, False]
    assert question.notes == [
        "Scored all or nothing here: only exactly the right options earn the marks. "
        "Moodle would give partial credit for some other selections."
    ]


def test_gift_multiple_answers_weights_that_are_not_equal_shares_are_reported():
    result = parse_gift("Which? {~%60%Stub ~%40%Spy ~%-100%Compiler}\n")
    assert result.questions == []
    assert result.problems[0][1].startswith(
        "These weights give partial credit, which this site cannot: “Stub” (line 1) 60%, “Spy” (line 1) 40%."
    )


def test_gift_several_fully_right_answers_in_a_one_answer_question_are_reported():
    result = parse_gift("Which is a test double? {=Stub =Spy ~Compiler}\n")
    assert result.questions == []
    assert result.problems[0][1].startswith(
        "Several answers are marked fully right: “Stub” (line 1) 100%, “Spy” (line 1) 100%."
    )


def test_gift_one_right_option_with_full_penalties_scores_as_in_moodle_and_has_no_note():
    result = parse_gift("Cause of flaky tests? {~%100%Timing ~%-100%Colour ~%-100%Font}\n")
    assert result.ok
    assert result.questions[0].kind == "multiple_answers" and result.questions[0].notes == []


def test_gift_choice_without_a_right_answer_is_reported():
    result = parse_gift("Which? {~Stub ~Spy}\n")
    assert result.problems == [
        (
            "question 1 (line 1)",
            "No answer is marked right: start the right answer with = (or give right answers a %weight%).",
        )
    ]


# GIFT: text -------------------------------------------------------------------------------------


def test_gift_missing_word_question_shows_a_blank_where_the_answers_were():
    result = parse_gift("Grant is {~buried =entombed ~living} in Grant's tomb.\n")
    assert result.questions[0].text == "Grant is _____ in Grant's tomb."


def test_gift_answers_before_closing_punctuation_leave_a_blank():
    result = parse_gift("The capital of France is {=Paris ~Lyon}.\n")
    assert result.questions[0].text == "The capital of France is _____."


def test_gift_html_question_text_becomes_plain_text_with_its_line_breaks():
    result = parse_gift(
        '::Q::[html]<p dir\\="ltr">Read <b>this</b>&nbsp;code\\:</p><p>x &lt; y<br>y &amp;&amp; z</p>'
        "<script>alert(1)</script>{T}\n"
    )
    assert result.questions[0].text == "Read this code:\n\nx < y\ny && z"


def test_gift_html_answers_and_feedback_become_plain_text():
    result = parse_gift(
        "::Q::[html]<p>Capital?</p>{\n=<p>Paris</p>#<p>Right&nbsp;&amp; <i>old</i>.</p>\n~<p>Lyon</p>\n"
        "####<p>Since 987.</p><p>Still.</p>\n}\n"
    )
    question = result.questions[0]
    assert question.options == [("Paris", True, "Right & old."), ("Lyon", False, "")]
    assert question.explanation == "Since 987.\n\nStill."


def test_gift_answer_with_its_own_format_mark_uses_it():
    result = parse_gift("::Q::[html]<p>Which tag makes a paragraph?</p>{=[plain]<p> ~[plain]<div>}\n")
    assert [text for text, _correct, _why in result.questions[0].options] == ["<p>", "<div>"]


def test_gift_html_images_are_left_out_with_a_note():
    result = parse_gift('::Q::[html]<p>Which layer is widest?</p><img src\\="@@PLUGINFILE@@/p.png">{=Unit ~UI}\n')
    assert result.questions[0].text == "Which layer is widest?"
    assert result.questions[0].notes == [
        "Images were left out (questions here are plain text): check the question still makes sense."
    ]


def test_gift_malformed_html_is_read_as_text_without_error():
    result = parse_gift("::Q::[html]<p>Is <![ a tag or <!-- a comment? {T}\n")
    assert result.ok and result.questions[0].text == "Is"


def test_gift_html_of_any_size_is_read_in_time_proportional_to_its_length():
    # Python 3.11's html.parser needs hours for this; a linear reader takes well under a second.
    started = time.monotonic()
    parse_gift("::Q::[html]Tags " + "<a " * 600_000 + "{T}\n")
    assert time.monotonic() - started < 10


def test_gift_markdown_question_becomes_plain_text():
    result = parse_gift("::Q::[markdown]Is **this** [the guide](https://example.org/gift) for `GIFT`? {T}\n")
    assert result.questions[0].text == "Is this the guide (https://example.org/gift) for GIFT?"


def test_gift_question_without_a_format_keeps_angle_brackets_as_text():
    result = parse_gift("Which tag makes a paragraph, <p> or <div>? {=<p> ~<div>}\n")
    assert result.questions[0].text == "Which tag makes a paragraph, <p> or <div>?"


def test_gift_moodle_escapes_are_undone():
    result = parse_gift(
        "Colon\\: equals\\= tilde\\~ hash\\# braces\\{\\} backslash\\\\ then\\nnext line {=a\\=b ~c\\~d}\n"
    )
    question = result.questions[0]
    assert question.text == "Colon: equals= tilde~ hash# braces{} backslash\\ then\nnext line"
    assert [text for text, _correct, _why in question.options] == ["a=b", "c~d"]


def test_gift_true_false_feedback_goes_to_the_answer_it_is_for():
    result = parse_gift("Exhaustive testing is possible. {FALSE#Too many combinations.#Right.####Test by risk.}\n")
    question = result.questions[0]
    assert (question.true_or_false, question.true_explanation, question.false_explanation, question.explanation) == (
        "false",
        "Too many combinations.",
        "Right.",
        "Test by risk.",
    )


@pytest.mark.django_db
def test_gift_export_reads_back_backslashes_and_line_breaks():
    text = "Which path is C:\\new\\{temp}?\nPick one."
    quiz = QuizFactory(questions=[single_choice(text=text, options=[("C:\\new", True), ("a=b~c#d", False)])])
    back = parse_gift(export_gift(quiz))
    assert back.ok, back.problems
    assert summary(back) == [("single_choice", text, [("C:\\new", True), ("a=b~c#d", False)])]


@pytest.mark.django_db
def test_gift_export_keeps_true_false_explanations():
    question = true_false(correct="false")
    question["value"].update(true_explanation="Too many combinations.", false_explanation="Right.")
    back = parse_gift(export_gift(QuizFactory(questions=[question])))
    assert (back.questions[0].true_explanation, back.questions[0].false_explanation) == (
        "Too many combinations.",
        "Right.",
    )


# PDF: what a real document holds besides questions --------------------------------------------


class FooterPdf(FPDF):
    def footer(self):
        self.set_y(-15)
        self.cell(0, 8, f"Page {self.page_no()}")


def test_pdf_text_outside_questions_is_left_out_with_a_note_on_the_next_question():
    data = pdf_of(
        ["Unit 3 quiz", "1. What is a stub?", "A) A canned answer", "B) A database", "Answer: A", "Part B", "2. Spy?"]
        + ["A) Records calls", "B) Compiles", "Answer: A"]
    )
    result = parse_pdf_text(pdf_text(data))
    assert result.ok, result.problems
    assert [(question.text, question.notes) for question in result.questions] == [
        ("What is a stub?", ["Text that is not part of a question was left out: “Unit 3 quiz”"]),
        ("Spy?", ["Text that is not part of a question was left out: “Part B”"]),
    ]


def test_pdf_footer_repeated_on_every_page_is_dropped_even_inside_a_question():
    pdf = FooterPdf()
    pdf.set_font("Helvetica", size=11)
    for page in (["1. What is a stub?", "A) A canned answer"], ["B) A database", "Answer: A"]):
        pdf.add_page()
        for line in page:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    result = parse_pdf_text(pdf_text(bytes(pdf.output())))
    assert summary(result) == [("single_choice", "What is a stub?", [("A canned answer", True), ("A database", False)])]
    assert result.questions[0].notes == []


def test_a_small_pdf_holding_more_text_than_the_limit_is_refused():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=6)
    pdf.text(10, 10, "x " * (MAX_IMPORT_BYTES // 2 + 1))  # compressed to a few kilobytes
    data = bytes(pdf.output())
    assert len(data) < MAX_IMPORT_BYTES
    with pytest.raises(ImportFileError, match="The PDF holds more than 2 MB of text"):
        pdf_text(data)


def test_a_damaged_pdf_is_refused_clearly():
    with pytest.raises(ImportFileError, match="The PDF could not be read"):
        pdf_text(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ntrailer << /Root 1 0 R >>\n%%EOF")
