"""Editors import questions with a preview first; confirming writes every question as a draft, or none."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from access.factories import UserFactory
from quizzes.factories import QuizFactory, single_choice
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db

IMPORT_NEW = "/admin/snippets/quizzes/quiz/import/"
CSV_HEADER = b"question,option_a,option_b,option_c,option_d,correct_answer\n"


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
