"""Writing a course file: the course, its modules and lessons, every block, quizzes and the final exam."""

import json
import shutil
from pathlib import Path

import yaml
from django.utils.text import slugify

from courses.models import LessonPage, ModulePage

from .fields import COURSE_FIELDS, DECIMAL, LESSON_FIELDS, LINES, MODULE_FIELDS, quiz_fields
from .streams import stream_data


def export_course(course, *, files_dir=None):
    """The course as a dict in the import format; with files_dir, its files are copied there."""

    def file_reference(stored):
        # Named by title and content, so the same file gets the same name on every export.
        name = f"{slugify(stored.title) or 'file'}-{stored.get_file_hash()[:8]}{Path(stored.file.name).suffix.lower()}"
        if files_dir is not None:
            target = Path(files_dir) / "files"
            target.mkdir(parents=True, exist_ok=True)
            with stored.file.open("rb") as source, (target / name).open("wb") as copy:
                shutil.copyfileobj(source, copy)
        return {"title": stored.title, "file": f"files/{name}"}

    data = field_values(course, COURSE_FIELDS)
    data["category"] = course.category.name if course.category else None
    data["tags"] = sorted(tag.name for tag in course.tags.all())
    data["thumbnail"] = file_reference(course.thumbnail) if course.thumbnail else None
    data["final_exam"] = quiz_data(course.final_exam, file_reference)
    data["modules"] = []
    for module in ModulePage.objects.child_of(course).order_by("path"):
        module_data = field_values(module, MODULE_FIELDS)
        module_data["lessons"] = []
        for lesson in LessonPage.objects.child_of(module).select_related("quiz").order_by("path"):
            lesson_data = field_values(lesson, LESSON_FIELDS)
            lesson_data["body"] = stream_data(lesson.body, file_reference)
            lesson_data["quiz"] = quiz_data(lesson.quiz, file_reference)
            module_data["lessons"].append(lesson_data)
        data["modules"].append(module_data)
    return data


def field_values(instance, spec):
    values = {}
    for name, kind in spec.items():
        value = getattr(instance, name)
        if kind == LINES:
            value = [line for line in (value or "").splitlines() if line.strip()]
        elif kind == DECIMAL:
            value = f"{value:.2f}"
        values[name] = value
    return values


def quiz_data(quiz, file_reference):
    """A quiz as its live version has it (what students take), or None."""
    if quiz is None:
        return None
    data = field_values(quiz, quiz_fields())
    data["questions"] = stream_data(quiz.questions, file_reference)
    return data


def dump_course(data, fmt="yaml"):
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
