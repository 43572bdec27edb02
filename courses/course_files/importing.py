"""Importing a course file: everything is checked before the first row is written, in one transaction.

A bad file changes nothing, and its error names the file (the included module file where there is
one), the place in it (`modules[2].lessons[0].body[1].url`) and the problem.
"""

import hashlib
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from courses.models import Category, CourseIndexPage, CoursePage, LessonPage, ModulePage

from .fields import (
    BOOL,
    COURSE_EXTRA_KEYS,
    COURSE_FIELDS,
    DECIMAL,
    INT,
    LESSON_EXTRA_KEYS,
    LESSON_FIELDS,
    LINES,
    MODULE_FIELDS,
    QUIZ_EXTRA_KEYS,
    TEXT,
    quiz_fields,
)
from .reading import CourseFileError, read_with_includes
from .streams import raw_stream, store_files

MODULE_PLACE = re.compile(r"^modules\[(\d+)\]\.?(.*)$")


class CourseImporter:
    """Builds one course from parsed data. Everything is checked before anything is saved."""

    def __init__(self, data, *, filename, base_dir, parent=None, sources=None):
        self.data, self.filename, self.base_dir = data, filename, Path(base_dir)
        self.parent = parent
        self.sources = sources or {}  # module index, or "final_exam" -> the file it was included from
        self.new_files = []  # stored while importing; deleted again if the import fails

    def fail(self, place, problem):
        match = MODULE_PLACE.match(place or "")
        if match and int(match.group(1)) in self.sources:
            raise CourseFileError(self.sources[int(match.group(1))], match.group(2) or None, problem)
        exam, _, within = (place or "").partition(".")
        if exam == "final_exam" and exam in self.sources:
            raise CourseFileError(self.sources[exam], within or None, problem)
        raise CourseFileError(self.filename, place, problem)

    def convert(self, place, kind, value):
        if kind == TEXT:
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                self.fail(place, f"expected text, got {type(value).__name__}.")
            return str(value)
        if kind == LINES:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                self.fail(place, "expected a list of text lines.")
            if any("\n" in item for item in value):
                self.fail(place, "each item must be a single line.")
            return "\n".join(item.strip() for item in value)
        if kind == INT:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                self.fail(place, f"expected a whole number of 0 or more, got {value!r}.")
            return value
        if kind == BOOL:
            if not isinstance(value, bool):
                self.fail(place, f"expected true or false, got {value!r}.")
            return value
        if kind == DECIMAL:
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                self.fail(place, f"expected a price like 49.00, got {value!r}.")
            if not number.is_finite() or number < 0:
                self.fail(place, f"expected a price of 0 or more, got {value!r}.")
            return number
        if isinstance(kind, tuple) and kind[0] == "choice":
            if value not in kind[1]:
                self.fail(place, f"{value!r} is not one of: {', '.join(kind[1])}.")
            return value
        raise AssertionError(kind)

    def fields(self, place, data, spec, extra=frozenset()):
        if not isinstance(data, dict):
            self.fail(place, "expected a mapping of fields.")
        unknown = set(data) - set(spec) - set(extra)
        if unknown:
            self.fail(place, f"unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(spec))}.")
        if not str(data.get("title") or "").strip():
            self.fail(f"{place}.title" if place else "title", "a title is required.")
        values = {}
        for name, kind in spec.items():
            if name in data and data[name] is not None:
                values[name] = self.convert(f"{place}.{name}" if place else name, kind, data[name])
        values["title"] = values["title"].strip()
        values["slug"] = values.get("slug") or slugify(values["title"])[:255]
        return values

    def children(self, place, data, key):
        items = data.get(key) or []
        if not isinstance(items, list):
            self.fail(f"{place}.{key}" if place else key, "expected a list.")
        return items

    # Files --------------------------------------------------------------------------------

    def local_file(self, place, reference):
        if not isinstance(reference, dict) or set(reference) - {"title", "file"} or not reference.get("file"):
            self.fail(place, "expected a mapping with `file` (a path next to the course file) and `title`.")
        path = (self.base_dir / str(reference["file"])).resolve()
        if not path.is_relative_to(self.base_dir.resolve()):
            self.fail(place, "the file must be inside the course file's folder.")
        if not path.is_file():
            self.fail(place, f"no file at {reference['file']}.")
        return path, str(reference.get("title") or path.stem)

    def stored_file(self, model, path, title):
        """Reuse an identical file already in the library (same content and title), else add it."""
        content = path.read_bytes()
        content_hash = hashlib.sha1(content).hexdigest()  # noqa: S324 - the same hash Wagtail keeps in file_hash
        existing = model.objects.filter(file_hash=content_hash, title=title).first()
        if existing:
            return existing
        with path.open("rb") as handle:
            stored = model(
                title=title, file=File(handle, name=path.name), file_hash=content_hash, file_size=len(content)
            )
            stored.save()
        self.new_files.append(stored.file)
        return stored

    # Validation ---------------------------------------------------------------------------

    def check(self):
        """Walk the whole file and raise on the first problem; return the prepared tree."""
        course = self.fields("", self.data, COURSE_FIELDS, COURSE_EXTRA_KEYS)
        if self.parent is None:
            self.parent = CourseIndexPage.objects.first()
            if self.parent is None:
                self.fail(None, "the site has no course catalog page to put the course under.")
        if CoursePage.objects.child_of(self.parent).filter(slug=course["slug"]).exists():
            self.fail("slug", f"a course with the slug {course['slug']!r} already exists.")
        category = self.data.get("category")
        if category is not None and not isinstance(category, str):
            self.fail("category", "expected the category's name.")
        tags = self.data.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            self.fail("tags", "expected a list of tag names.")
        if self.data.get("thumbnail"):
            self.local_file("thumbnail", self.data["thumbnail"])
        modules = []
        for m_index, module_data in enumerate(self.children("", self.data, "modules")):
            m_place = f"modules[{m_index}]"
            module = self.fields(m_place, module_data, MODULE_FIELDS, {"lessons"})
            lessons = []
            for l_index, lesson_data in enumerate(self.children(m_place, module_data, "lessons")):
                l_place = f"{m_place}.lessons[{l_index}]"
                lesson = self.fields(l_place, lesson_data, LESSON_FIELDS, LESSON_EXTRA_KEYS)
                lesson["body"] = raw_stream(self, f"{l_place}.body", lesson_data.get("body") or [], lesson_body_block())
                lesson["quiz"] = self.quiz(f"{l_place}.quiz", lesson_data.get("quiz"))
                lessons.append(lesson)
            self.unique_slugs(m_place, lessons)
            modules.append((module, lessons))
        self.unique_slugs("", [module for module, _ in modules], key="modules")
        final_exam = self.quiz("final_exam", self.data.get("final_exam"))
        return course, category, tags, modules, final_exam

    def quiz(self, place, data):
        """A quiz's fields and its questions as raw stream data, or None when the file has none.

        Questions come as `questions` (what export writes, block by block) or as `gift` (Moodle GIFT,
        as editors write and import them)."""
        from quizzes.importers import parse_gift
        from quizzes.models import Quiz

        if data is None:
            return None
        values = self.fields(place, data, quiz_fields(), QUIZ_EXTRA_KEYS)
        values.pop("slug")
        if ("questions" in data) == ("gift" in data):
            self.fail(place, "give the questions as `questions` or as `gift`, one of the two.")
        if "gift" in data:
            parsed = parse_gift(str(data["gift"] or ""))
            if not parsed.ok:
                where, message = parsed.problems[0] if parsed.problems else ("", "no questions.")
                self.fail(f"{place}.gift", f"{where}: {message}" if where else message)
            values["questions"] = [question.stream_item() for question in parsed.questions]
        else:
            stream_block = Quiz._meta.get_field("questions").stream_block
            values["questions"] = raw_stream(self, f"{place}.questions", data["questions"], stream_block)
        if not values["questions"]:
            self.fail(place, "a quiz needs at least one question.")
        return values

    def unique_slugs(self, place, items, key="lessons"):
        seen = set()
        for index, item in enumerate(items):
            if item["slug"] in seen:
                self.fail(f"{place + '.' if place else ''}{key}[{index}].slug", f"{item['slug']!r} is used twice.")
            seen.add(item["slug"])

    # Writing ------------------------------------------------------------------------------

    def store(self, reference):
        model = get_document_model() if reference.kind == "document" else get_image_model()
        return self.stored_file(model, reference.path, reference.title).pk

    def stream_value(self, place, stream_block, raw):
        raw = store_files(raw, self.store)
        try:
            stream_block.clean(stream_block.to_python(raw))
        except ValidationError as error:
            index, message = first_block_error(error)
            self.fail(f"{place}[{index}]" if index is not None else place, message)
        return raw

    def save_page(self, place, parent, page):
        try:
            parent.add_child(instance=page)
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            self.fail(f"{place}.{field}" if place else field, " ".join(messages))
        page.save_revision().publish()
        return page

    def save_quiz(self, place, values):
        from quizzes.models import Quiz

        stream_block = Quiz._meta.get_field("questions").stream_block
        questions = self.stream_value(f"{place}.questions", stream_block, values.pop("questions"))
        quiz = Quiz(questions=questions, **values)
        try:
            quiz.full_clean()
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            self.fail(f"{place}.{field}", " ".join(messages))
        quiz.save()
        quiz.save_revision().publish()
        return quiz

    def run(self):
        try:
            return self.write()
        except Exception:
            # The transaction rolled the rows back; the files it stored are not rows.
            for stored_file in self.new_files:
                stored_file.storage.delete(stored_file.name)
            raise

    @transaction.atomic
    def write(self):
        course_values, category_name, tags, modules, final_exam = self.check()
        course = CoursePage(**course_values)
        if category_name:
            course.category, _ = Category.objects.get_or_create(
                name=category_name, defaults={"slug": slugify(category_name)[:100]}
            )
        if self.data.get("thumbnail"):
            course.thumbnail = self.stored_file(
                get_image_model(), *self.local_file("thumbnail", self.data["thumbnail"])
            )
        if final_exam:
            course.final_exam = self.save_quiz("final_exam", final_exam)
        course.tags.set(tags)
        self.save_page("", self.parent, course)
        for m_index, (module_values, lessons) in enumerate(modules):
            module = self.save_page(f"modules[{m_index}]", course, ModulePage(**module_values))
            for l_index, lesson_values in enumerate(lessons):
                place = f"modules[{m_index}].lessons[{l_index}]"
                body = self.stream_value(f"{place}.body", lesson_body_block(), lesson_values.pop("body"))
                quiz = lesson_values.pop("quiz")
                if quiz:
                    lesson_values["quiz"] = self.save_quiz(f"{place}.quiz", quiz)
                self.save_page(place, module, LessonPage(body=body, **lesson_values))
        return course


def lesson_body_block():
    return LessonPage._meta.get_field("body").stream_block


def first_block_error(error):
    """(index of the failing block, 'field: message') from a StreamBlockValidationError."""
    block_errors = getattr(error, "block_errors", None) or {}
    for index, block_error in block_errors.items():
        inner = getattr(block_error, "block_errors", None) or {}
        for name, field_error in inner.items():
            return index, f"{name}: {' '.join(field_error.messages)}"
        return index, " ".join(block_error.messages)
    non_block = getattr(error, "non_block_errors", None)
    return None, " ".join(non_block.as_data()[0].messages if non_block else error.messages)


def import_course(path, *, parent=None):
    """Import the course in the file at `path` (and the module files it includes); return the new,
    published CoursePage."""
    path = Path(path)
    data, sources = read_with_includes(path)
    return CourseImporter(data, filename=path, base_dir=path.parent, parent=parent, sources=sources).run()
