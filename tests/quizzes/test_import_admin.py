"""Editors import questions with a preview first; confirming writes every question as a draft, or none."""

import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from access.factories import UserFactory
from quizzes.factories import QuizFactory, single_choice
from quizzes.importers import MAX_IMPORT_QUESTIONS
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db

IMPORT_NEW = "/admin/snippets/quizzes/quiz/import/"
CSV_HEADER = b"question,option_a,option_b,option_c,option_d,correct_answer\n"
FILES = Path(__file__).parent / "import_files"  # written by Moodle, Excel and LibreOffice: see its README


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def csv_file(body):
    return SimpleUploadedFile("questions.csv", CSV_HEADER + body, content_type="text/csv")


def test_preview_lists_the_questions_and_writes_nothing(editor_client):
    response = editor_client.post(
        IMPORT_NEW, {"title": "Imported", "source_format": "csv", "upload": csv_file(b"2+2?,3,4,,,B\n")}
    )
    html = response.content.decode()
    assert "1 question read, 0 problems." in html and "✓ 4" in html
    assert not Quiz.objects.exists()


def test_confirming_creates_a_draft_quiz_with_every_question(editor_client):
    preview = editor_client.post(
        IMPORT_NEW, {"title": "Imported", "source_format": "csv", "upload": csv_file(b"2+2?,3,4,,,B\n3+3?,6,7,,,A\n")}
    )
    carried = preview.context["form"].initial["source_text"]
    response = editor_client.post(
        IMPORT_NEW, {"title": "Imported", "source_format": "csv", "source_text": carried, "confirm": "1"}
    )
    quiz = Quiz.objects.get()
    assert response.url == f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/"
    assert (quiz.title, quiz.live, quiz.question_count) == ("Imported", False, 2)


def test_a_file_with_problems_cannot_be_confirmed_and_writes_nothing(editor_client):
    body = CSV_HEADER.decode() + "Fine?,yes,no,,,A\nBroken?,yes,no,,,Z\n"
    response = editor_client.post(
        IMPORT_NEW, {"title": "Imported", "source_format": "csv", "source_text": body, "confirm": "1"}
    )
    html = response.content.decode()
    assert "Line 3:</strong> Unknown answer letter Z; use A, B, C or D." in html
    assert "as a draft</button>" not in html
    assert not Quiz.objects.exists()


@pytest.mark.parametrize(
    ("upload", "source_format", "message"),
    [
        (SimpleUploadedFile("q.csv", b"\xff\xfe\x00q"), "csv", "not UTF-8"),
        (SimpleUploadedFile("q.csv", b"a,b\n1,2\n"), "csv", "The first row must be exactly"),
        (SimpleUploadedFile("q.pdf", b"question,a\n"), "pdf", "This is not a PDF file."),
        (SimpleUploadedFile("q.csv", b""), "csv", "The submitted file is empty."),
        (SimpleUploadedFile("q.csv", "question".encode("utf-16")), "csv", "not UTF-8 text but UTF-16"),
        (SimpleUploadedFile("q.gift", "Q? {T}".encode("utf-16-le")), "gift", "Line 1 contains a NUL character"),
        (SimpleUploadedFile("q.pdf", b"%PDF-1.7\n1 0 obj <<>>\n%%EOF"), "pdf", "The PDF could not be read"),
    ],
)
def test_bad_files_get_a_clear_error_and_write_nothing(editor_client, upload, source_format, message):
    response = editor_client.post(IMPORT_NEW, {"title": "X", "source_format": source_format, "upload": upload})
    assert message in response.content.decode()
    assert not Quiz.objects.exists()


def test_pasted_gift_is_previewed(editor_client):
    response = editor_client.post(
        IMPORT_NEW, {"title": "Pasted", "source_format": "gift", "pasted": "Testing proves correctness. {F}"}
    )
    html = response.content.decode()
    assert "Testing proves correctness." in html and "Answer: False" in html


def test_markup_in_imported_text_is_shown_as_text(editor_client):
    response = editor_client.post(
        IMPORT_NEW,
        {"title": "X", "source_format": "aiken", "pasted": "<script>alert(1)</script>?\nA. a\nB. b\nANSWER: A"},
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_importing_into_a_quiz_adds_to_a_draft_and_leaves_the_published_quiz_alone(editor_client):
    quiz = QuizFactory(questions=[single_choice()])
    editor_client.post(
        f"/admin/snippets/quizzes/quiz/{quiz.pk}/import/",
        {"source_format": "gift", "source_text": "New one? {T}", "confirm": "1"},
    )
    quiz.refresh_from_db()
    assert quiz.question_count == 1 and quiz.has_unpublished_changes
    assert quiz.get_latest_revision_as_object().question_count == 2


def test_gift_export_downloads_the_questions(editor_client):
    quiz = QuizFactory(title="Doubles", questions=[single_choice(text="What is a stub?")])
    response = editor_client.get(f"/admin/snippets/quizzes/quiz/{quiz.pk}/export/gift/")
    assert response["Content-Disposition"] == 'attachment; filename="doubles.gift.txt"'
    assert "What is a stub?" in response.content.decode()


def test_users_without_quiz_permissions_cannot_import(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.post(IMPORT_NEW, {"title": "X", "source_format": "gift", "pasted": "Q? {T}"}).status_code in (
        302,
        403,
    )
    assert not Quiz.objects.exists()


def carried(preview):
    """What the preview page's form sends back when the editor presses Import."""
    initial = preview.context["form"].initial
    return {name: value for name, value in initial.items() if name != "upload" and value is not None}


def upload_fixture(client, name, source_format):
    """Upload one of the files in import_files/ and return the preview."""
    upload = SimpleUploadedFile(name, (FILES / name).read_bytes())
    return client.post(IMPORT_NEW, {"title": "Imported", "source_format": source_format, "upload": upload})


def import_fixture(client, name, source_format):
    """Upload, preview, then confirm: the quiz the import created."""
    preview = upload_fixture(client, name, source_format)
    assert preview.context["result"].ok, preview.context["result"].problems
    response = client.post(IMPORT_NEW, {**carried(preview), "confirm": "1"})
    quiz = Quiz.objects.get()
    assert response.url == f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/"
    return quiz


def stored(quiz):
    """(type, value) of each question as saved in the quiz's draft."""
    return [(child.block_type, child.value) for child in quiz.get_latest_revision_as_object().questions]


# Files written by other tools --------------------------------------------------------------------


def test_moodle_gift_export_imports_every_question_as_plain_text(editor_client):
    quiz = import_fixture(editor_client, "moodle_export.gift.txt", "gift")
    questions = stored(quiz)
    assert [kind for kind, _value in questions] == [
        "single_choice",
        "multiple_answers",
        "true_false",
        "short_answer",
        "single_choice",
        "single_choice",
        "single_choice",
        "multiple_answers",
    ]
    boundary = questions[0][1]
    assert boundary["text"] == "What does a boundary value test check?"
    assert boundary["options"][0]["text"] == "The values at the edges of an equivalence partition"
    assert boundary["options"][0]["explanation"] == "Right: the edges are where off-by-one mistakes hide."
    assert boundary["explanation"] == "Boundaries are where defects cluster.\n\nTest both sides of each edge."
    exhaustive = questions[2][1]
    assert (exhaustive["correct_answer"], exhaustive["true_explanation"], exhaustive["false_explanation"]) == (
        "false",
        "Even a small form has too many combinations.",
        "Right: there are far too many combinations.",
    )
    assert questions[3][1]["accepted_answers"] == "spy\ntest spy"
    assert questions[4][1]["text"] == "Grant is _____ in Grant's tomb."
    assert questions[5][1]["text"] == "Which of these is not special in GIFT: {, }, ~, =, # or @?\nPick one."
    saved = json.dumps(list(quiz.questions.raw_data))
    assert "<p" not in saved and "&nbsp;" not in saved and "&amp;" not in saved


def test_moodle_gift_preview_shows_each_note_on_the_question_it_concerns(editor_client):
    html = upload_fixture(editor_client, "moodle_export.gift.txt", "gift").content.decode()
    assert "8 questions read, 0 problems. 4 notes to read before importing." in html
    assert html.count("Scored all or nothing here") == 2
    assert "Images were left out" in html and "Feedback on individual answers (line 24) was left out" in html


def test_moodle_gift_with_partial_credit_is_reported_and_writes_nothing(editor_client):
    preview = upload_fixture(editor_client, "moodle_partial_credit.gift.txt", "gift")
    html = preview.content.decode()
    assert "1 question read, 6 problems." in html
    assert "Question 1 (line 5):</strong> A short answer here is accepted for full marks or not at all" in html
    assert "“Nazereth” (line 7) 75%" in html
    assert "Question 2 (line 12):</strong> Partial or negative marks in a one-answer question" in html
    assert "as a draft</button>" not in html
    editor_client.post(IMPORT_NEW, {**carried(preview), "confirm": "1"})
    assert not Quiz.objects.exists()


def test_moodle_aiken_file_with_a_byte_order_mark_and_crlf_imports(editor_client):
    questions = stored(import_fixture(editor_client, "moodle_export.aiken.txt", "aiken"))
    assert [value["text"] for _kind, value in questions] == [
        "What does TDD stand for?",
        "Which level of the test pyramid has the most tests?",
        "Qu’est-ce qu’un « stub » ?",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "libreoffice_calc_comma.csv",
        "libreoffice_calc_semicolon.csv",
        "excel_csv_utf8.csv",
        "excel_csv_utf8_semicolon.csv",
    ],
)
def test_csv_saved_by_a_spreadsheet_imports_every_row(editor_client, name):
    questions = stored(import_fixture(editor_client, name, "csv"))
    by_text = {value["text"]: (kind, value) for kind, value in questions}
    assert "Read the test:\nassert add(2, 2) == 4\nWhat kind of test is it?" in by_text
    kind, doubles = by_text["Which are test doubles?"]
    assert kind == "multiple_answers"
    assert [option["is_correct"] for option in doubles["options"]] == [True, True, False, True]
    assert "Qu’est-ce qu’un « mock » ?" in by_text


def test_excel_csv_in_windows_1252_is_refused_with_what_to_do(editor_client):
    html = upload_fixture(editor_client, "excel_csv_windows1252.csv", "csv").content.decode()
    assert "The file is not UTF-8 text" in html and "“CSV UTF-8”" in html
    assert not Quiz.objects.exists()


def test_libreoffice_pdf_imports_each_question_and_notes_what_was_left_out(editor_client):
    html = upload_fixture(editor_client, "libreoffice_writer_quiz.pdf", "pdf").content.decode()
    assert "4 questions read, 0 problems. 2 notes to read before importing." in html
    assert "left out: “Unit 3 quiz: test design Choose one answer" in html
    questions = stored(import_fixture(editor_client, "libreoffice_writer_quiz.pdf", "pdf"))
    assert [value["text"] for _kind, value in questions][3] == (
        "Which tests should be the most numerous in the test automation pyramid?"
    )
    assert [option["text"] for option in questions[2][1]["options"]] == ["Stub", "Spy", "Café compiler", "Mock"]


# Odd input ---------------------------------------------------------------------------------------


def test_two_pasted_gift_questions_on_consecutive_lines_preview_as_two(editor_client):
    response = editor_client.post(
        IMPORT_NEW,
        {"title": "X", "source_format": "gift", "pasted": "Stubs record calls. {F}\nSpies record calls. {T}"},
    )
    html = response.content.decode()
    assert "2 questions read, 0 problems." in html
    assert "(truefalse, question 2 (line 2))" in html


def test_pasted_text_with_a_nul_character_gets_a_clear_error_and_writes_nothing(editor_client):
    response = editor_client.post(IMPORT_NEW, {"title": "X", "source_format": "gift", "pasted": "Q? {T}\x00"})
    # Refused by the site's request guard (a 400) or, without it, by the form field: never a 500.
    assert response.status_code in (200, 400)
    assert re.search(r"contained a NUL character|Null characters are not allowed", response.content.decode())
    assert not Quiz.objects.exists()


def test_csv_cell_over_the_csv_field_limit_gets_a_clear_error(editor_client):
    body = b'"' + b"x" * 200_000 + b'",a,b,,,A\n'
    response = editor_client.post(IMPORT_NEW, {"title": "X", "source_format": "csv", "upload": csv_file(body)})
    assert response.status_code == 200
    assert "Line 2: a cell is longer than 131,072 characters" in response.content.decode()


def test_an_import_over_the_question_cap_gets_a_clear_error(editor_client):
    text = "Testing proves correctness. {F}\n\n" * (MAX_IMPORT_QUESTIONS + 1)
    response = editor_client.post(IMPORT_NEW, {"title": "X", "source_format": "gift", "pasted": text})
    html = response.content.decode()
    assert (
        f"The file has {MAX_IMPORT_QUESTIONS + 1} questions; one import takes at most {MAX_IMPORT_QUESTIONS}." in html
    )
    assert not Quiz.objects.exists()


# Preview, then import exactly what was previewed ----------------------------------------------------


def test_previewing_again_reads_the_new_file_not_the_previous_one(editor_client):
    first = editor_client.post(
        IMPORT_NEW, {"title": "X", "source_format": "csv", "upload": csv_file(b"Broken?,yes,no,,,Z\n")}
    )
    fixed = csv_file(b"Fixed?,yes,no,,,A\n")
    response = editor_client.post(IMPORT_NEW, {**carried(first), "upload": fixed, "preview": "1"})
    html = response.content.decode()
    assert "1 question read, 0 problems." in html and "Fixed?" in html


def test_previewing_again_reads_the_edited_pasted_text(editor_client):
    first = editor_client.post(IMPORT_NEW, {"title": "X", "source_format": "gift", "pasted": "Broken? {~a ~b}"})
    response = editor_client.post(IMPORT_NEW, {**carried(first), "pasted": "Fixed? {=a ~b}", "preview": "1"})
    html = response.content.decode()
    assert "1 question read, 0 problems." in html and "Fixed?" in html


def test_confirming_pasted_text_imports_what_was_previewed(editor_client):
    preview = editor_client.post(
        IMPORT_NEW, {"title": "Pasted", "source_format": "gift", "pasted": "Spies record calls. {T}"}
    )
    editor_client.post(IMPORT_NEW, {**carried(preview), "confirm": "1"})
    assert [value["text"] for _kind, value in stored(Quiz.objects.get())] == ["Spies record calls."]


def test_confirming_after_the_pasted_text_changed_shows_a_new_preview_and_writes_nothing(editor_client):
    preview = editor_client.post(
        IMPORT_NEW, {"title": "X", "source_format": "gift", "pasted": "Spies record calls. {T}"}
    )
    response = editor_client.post(IMPORT_NEW, {**carried(preview), "pasted": "Stubs record calls. {T}", "confirm": "1"})
    html = response.content.decode()
    assert "The questions changed after the preview" in html and "Stubs record calls." in html
    assert not Quiz.objects.exists()
