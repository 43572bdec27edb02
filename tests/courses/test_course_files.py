"""import_course / export_course: a course round-trips, and a bad file writes nothing."""

import json
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from courses.factories import site_root
from courses.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "demo_content"


def course_data(**overrides):
    return {
        "title": "Round Trip Course",
        "slug": "round-trip",
        "subtitle": "A course that travels",
        "category": "Testing",
        "tags": ["qa", "yaml"],
        "price": "49.00",
        "has_certificate": True,
        "learning_objectives": ["Export a course", "Import it again"],
        "thumbnail": {"title": "Cover", "file": "images/cover.png"},
        "modules": [
            {
                "title": "First module",
                "philosophy": "A course file is a recipe.",
                "lessons": [
                    {
                        "title": "First lesson",
                        "access_level": "guest",
                        "lesson_type": "video",
                        "duration_minutes": 30,
                        "summary": "Public words.",
                        "body": [
                            {"type": "text", "text": "<p>Hello</p>"},
                            {"type": "text", "audience": "enrolled", "text": "<p>For students</p>"},
                            {"type": "video", "url": "https://vimeo.com/76979871", "title": "Intro"},
                            {"type": "code", "language": "python", "code": "assert 1 + 1 == 2"},
                            {"type": "callout", "style": "tip", "title": "Tip", "body": "<p>Test early</p>"},
                            {
                                "type": "resource",
                                "title": "Template",
                                "resource_type": "template",
                                "document": {"title": "Template", "file": "files/template.csv"},
                            },
                            {
                                "type": "resource",
                                "title": "Docs",
                                "resource_type": "link",
                                "url": "https://example.com/",
                            },
                            {
                                "type": "image",
                                "image": {"title": "Cover", "file": "images/cover.png"},
                                "caption": "Cover",
                            },
                        ],
                    },
                    {"title": "Second lesson", "access_level": "registered", "lesson_type": "lab"},
                ],
            }
        ],
        **overrides,
    }


@pytest.fixture
def course_dir(tmp_path):
    site_root()
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "template.csv").write_text("id,title\n1,Log in\n")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cover.png").write_bytes((DEMO / "images" / "virtual-rockstar.png").read_bytes())
    return tmp_path


def write(directory, data, name="course.yaml"):
    path = directory / name
    path.write_text(yaml.safe_dump(data) if name.endswith((".yaml", ".yml")) else json.dumps(data))
    return path


def export(slug, output):
    call_command("export_course", slug, output=str(output))
    return yaml.safe_load(output.read_text())


def test_imported_course_has_its_tree_blocks_and_files(course_dir):
    call_command("import_course", str(write(course_dir, course_data())))
    course = CoursePage.objects.get(slug="round-trip")
    lesson = LessonPage.objects.get(slug="first-lesson")
    assert course.live and course.category.name == "Testing" and course.thumbnail.title == "Cover"
    assert list(ModulePage.objects.child_of(course).values_list("title", flat=True)) == ["First module"]
    assert [child.block_type for child in lesson.body] == [
        "text",
        "text",
        "video",
        "code",
        "callout",
        "resource",
        "resource",
        "image",
    ]
    assert lesson.body[5].value["document"].file.read() == b"id,title\n1,Log in\n"


def test_export_then_import_gives_the_same_course(course_dir, tmp_path_factory):
    call_command("import_course", str(write(course_dir, course_data())))
    first_dir = tmp_path_factory.mktemp("first")
    first = export("round-trip", first_dir / "course.yaml")

    CoursePage.objects.get(slug="round-trip").delete()
    call_command("import_course", str(first_dir / "course.yaml"))
    second = export("round-trip", tmp_path_factory.mktemp("second") / "course.yaml")

    assert first == second
    assert first["modules"][0]["lessons"][0]["body"][1] == {
        "type": "text",
        "audience": "enrolled",
        "text": "<p>For students</p>",
    }


def test_json_course_files_import_too(course_dir):
    call_command("import_course", str(write(course_dir, course_data(), name="course.json")))
    assert CoursePage.objects.filter(slug="round-trip").exists()


def test_reimporting_reuses_identical_files(course_dir):
    call_command("import_course", str(write(course_dir, course_data())))
    call_command("import_course", str(write(course_dir, course_data(slug="round-trip-2"))))
    assert get_document_model().objects.count() == 1
    assert get_image_model().objects.count() == 1


def bad_course(**lesson_changes):
    data = course_data()
    data["modules"][0]["lessons"][1].update(lesson_changes)
    return data


@pytest.mark.parametrize(
    ("data", "place", "problem"),
    [
        (bad_course(access_level="premium"), "modules[0].lessons[1].access_level", "'premium' is not one of"),
        (bad_course(colour="red"), "modules[0].lessons[1]", "unknown field(s) colour"),
        (bad_course(duration_minutes=-5), "modules[0].lessons[1].duration_minutes", "whole number"),
        (bad_course(title=""), "modules[0].lessons[1].title", "a title is required"),
        (bad_course(slug="first-lesson"), "modules[0].lessons[1].slug", "used twice"),
        (
            bad_course(body=[{"type": "video", "url": "https://example.com/nope"}]),
            "modules[0].lessons[1].body[0]",
            "url: This is not a video address",
        ),
        (bad_course(body=[{"type": "poll"}]), "modules[0].lessons[1].body[0]", "each block needs a type"),
        (
            bad_course(
                body=[{"type": "resource", "title": "x", "document": {"title": "x", "file": "files/missing.pdf"}}]
            ),
            "modules[0].lessons[1].body[0].document",
            "no file at files/missing.pdf",
        ),
        (
            bad_course(body=[{"type": "resource", "title": "x", "document": {"file": "../../etc/passwd"}}]),
            "modules[0].lessons[1].body[0].document",
            "inside the course file's folder",
        ),
        (course_data(price="free"), "price", "expected a price"),
        (course_data(modules="none"), "modules", "expected a list"),
    ],
)
def test_bad_course_file_names_the_place_and_writes_nothing(course_dir, data, place, problem):
    path = write(course_dir, data)
    with pytest.raises(CommandError) as error:
        call_command("import_course", str(path))
    message = str(error.value)
    assert message.startswith(f"{path} at {place}: ")
    assert problem in message
    assert not CoursePage.objects.exists()
    assert not LessonPage.objects.exists()
    assert not get_document_model().objects.exists()
    assert not get_image_model().objects.exists()


def test_failed_import_leaves_no_stored_files_behind(course_dir, settings, tmp_path_factory):
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    data = bad_course(body=[{"type": "video", "url": "https://example.com/nope"}])
    with pytest.raises(CommandError):
        call_command("import_course", str(write(course_dir, data)))
    assert [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()] == []


@pytest.mark.parametrize(
    ("content", "name", "problem"),
    [
        (b"title: [unclosed", "course.yaml", "line 1, column"),
        (b'{"title": "x",}', "course.json", "line 1, column 15"),
        (b"\xff\xfe\x00bad", "course.yaml", "not UTF-8"),
        (b"- just\n- a list\n", "course.yaml", "must hold one course"),
        (b"title: x", "course.txt", "use a .yaml, .yml or .json file"),
    ],
)
def test_unreadable_course_file_is_refused_clearly(course_dir, content, name, problem):
    path = course_dir / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        call_command("import_course", str(path))
    assert str(error.value).startswith(str(path))
    assert problem in str(error.value)


def test_importing_a_course_whose_slug_exists_is_refused(course_dir):
    path = write(course_dir, course_data())
    call_command("import_course", str(path))
    with pytest.raises(CommandError, match="a course with the slug 'round-trip' already exists"):
        call_command("import_course", str(path))
    assert CoursePage.objects.count() == 1


def test_export_of_an_unknown_course_says_so():
    with pytest.raises(CommandError, match="No course with the slug 'nope'"):
        call_command("export_course", "nope")


def test_course_report_shows_the_access_split(course_dir, capsys):
    call_command("import_course", str(write(course_dir, course_data())))
    call_command("course_report", "round-trip")
    output = capsys.readouterr().out
    assert "First module" in output
    assert "Access split: guest 50%, registered 50%, enrolled 0%" in output


# Quizzes, the final exam, every block field, module files ---------------------------------------

GIFT_QUIZ = {
    "title": "Check yourself",
    "description": "Two questions.",
    "passing_score": 80,
    "is_required": True,
    "gift": "::Pick:: Which? {=Right#Because. ~Wrong#Not so.}\n\nTesting proves there are no bugs. {F#No.#Right.}\n",
}


def course_with_quizzes():
    data = course_data(final_exam={**GIFT_QUIZ, "title": "Final exam", "questions_per_attempt": 1})
    lesson = data["modules"][0]["lessons"][0]
    lesson["quiz"] = GIFT_QUIZ
    lesson["body"][2]["duration_seconds"] = 754
    return data


def test_a_lessons_quiz_and_the_final_exam_are_imported_published(course_dir):
    call_command("import_course", str(write(course_dir, course_with_quizzes())))

    lesson = LessonPage.objects.get(slug="first-lesson")
    exam = CoursePage.objects.get(slug="round-trip").final_exam
    assert (lesson.quiz.title, lesson.quiz.live, lesson.quiz.is_required, lesson.quiz.passing_score) == (
        "Check yourself",
        True,
        True,
        80,
    )
    assert [child.block_type for child in lesson.quiz.questions] == ["single_choice", "true_false"]
    assert (exam.title, exam.questions_per_attempt) == ("Final exam", 1)


def test_export_keeps_quizzes_exams_and_video_lengths(course_dir, tmp_path_factory):
    call_command("import_course", str(write(course_dir, course_with_quizzes())))
    first_dir = tmp_path_factory.mktemp("first")
    first = export("round-trip", first_dir / "course.yaml")

    CoursePage.objects.get(slug="round-trip").delete()
    call_command("import_course", str(first_dir / "course.yaml"))
    second = export("round-trip", tmp_path_factory.mktemp("second") / "course.yaml")

    assert first == second
    lesson = first["modules"][0]["lessons"][0]
    assert lesson["body"][2]["duration_seconds"] == 754
    assert lesson["quiz"]["questions"][0]["options"][0] == {
        "text": "Right",
        "is_correct": True,
        "explanation": "Because.",
    }
    assert first["final_exam"]["questions_per_attempt"] == 1


def test_a_module_can_live_in_its_own_file(course_dir):
    data = course_data()
    (course_dir / "modules").mkdir()
    write(course_dir / "modules", data["modules"][0], name="first.yaml")
    data["modules"] = [{"include": "modules/first.yaml"}]

    call_command("import_course", str(write(course_dir, data)))

    assert LessonPage.objects.filter(slug="first-lesson").exists()


def test_a_problem_in_a_module_file_names_that_file_and_the_place(course_dir):
    data = course_data()
    data["modules"][0]["lessons"][1]["access_level"] = "premium"
    (course_dir / "modules").mkdir()
    module_path = write(course_dir / "modules", data["modules"][0], name="first.yaml")
    data["modules"] = [{"include": "modules/first.yaml"}]

    with pytest.raises(CommandError) as error:
        call_command("import_course", str(write(course_dir, data)))

    assert str(error.value).startswith(f"{module_path.resolve()} at lessons[1].access_level: ")
    assert not CoursePage.objects.exists()


def test_the_final_exam_can_live_in_its_own_file(course_dir):
    data = course_with_quizzes()
    write(course_dir, data.pop("final_exam"), name="final-exam.yaml")
    data["final_exam"] = {"include": "final-exam.yaml"}

    call_command("import_course", str(write(course_dir, data)))

    assert CoursePage.objects.get(slug="round-trip").final_exam.title == "Final exam"


def test_a_problem_in_the_final_exam_file_names_that_file_and_the_place(course_dir):
    data = course_with_quizzes()
    exam_path = write(course_dir, {**data.pop("final_exam"), "passing_score": "most"}, name="final-exam.yaml")
    data["final_exam"] = {"include": "final-exam.yaml"}

    with pytest.raises(CommandError) as error:
        call_command("import_course", str(write(course_dir, data)))

    assert str(error.value).startswith(f"{exam_path.resolve()} at passing_score: ")
    assert not CoursePage.objects.exists()


@pytest.mark.parametrize(
    ("quiz", "problem"),
    [
        ({"title": "Q", "gift": "::Broken:: Which? {=One ~Two"}, "quiz.gift"),
        ({"title": "Q"}, "give the questions as `questions` or as `gift`"),
        ({"title": "Q", "questions": [{"type": "essay", "text": "Why?"}]}, "each block needs a type"),
    ],
    ids=["bad-gift", "no-questions", "unknown-question-type"],
)
def test_a_bad_quiz_is_refused_with_its_place(course_dir, quiz, problem):
    data = course_data()
    data["modules"][0]["lessons"][0]["quiz"] = quiz

    with pytest.raises(CommandError) as error:
        call_command("import_course", str(write(course_dir, data)))

    assert "modules[0].lessons[0].quiz" in str(error.value) and problem in str(error.value)
    assert not CoursePage.objects.exists()


def test_every_shipped_course_round_trips_whole(demo_site, tmp_path_factory):
    for course in CoursePage.objects.filter(slug__in=["software-testing-ai", "virtual-rockstar"]):
        first_dir = tmp_path_factory.mktemp("first")
        first = export(course.slug, first_dir / "course.yaml")
        first["slug"] = f"{course.slug}-copy"
        (first_dir / "course.yaml").write_text(yaml.safe_dump(first, sort_keys=False, allow_unicode=True))

        call_command("import_course", str(first_dir / "course.yaml"))
        second = export(f"{course.slug}-copy", tmp_path_factory.mktemp("second") / "course.yaml")

        assert first == second
