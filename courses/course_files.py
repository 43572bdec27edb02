"""Courses as data: read and write a whole course (fields, modules, lessons, blocks) as YAML or JSON.

Import validates everything before the first row is written and runs in one transaction, so a
bad file changes nothing. Errors name the file, the place in it (`modules[2].lessons[0].body[1].url`)
and the problem.
"""

import hashlib
import json
import shutil
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from access.models import Audience

from .blocks import CODE_LANGUAGES, RESOURCE_TYPES
from .models import Category, CourseIndexPage, CoursePage, LessonPage, ModulePage

MAX_FILE_BYTES = 5 * 1024 * 1024


class CourseFileError(Exception):
    """A course file that cannot be imported, with where and why."""

    def __init__(self, filename, place, problem):
        self.filename, self.place, self.problem = str(filename), place, problem
        location = f" at {place}" if place else ""
        super().__init__(f"{self.filename}{location}: {problem}")


# Field kinds: how a value in the file becomes a model value and back.
TEXT, LINES, INT, BOOL, DECIMAL = "text", "lines", "int", "bool", "decimal"


def choice(choices):
    return ("choice", [value for value, _label in choices])


COURSE_FIELDS = {
    "title": TEXT,
    "slug": TEXT,
    "subtitle": TEXT,
    "short_description": TEXT,
    "description": TEXT,
    "search_description": TEXT,
    "level": choice(CoursePage.Level.choices),
    "course_type": choice(CoursePage.CourseType.choices),
    "status": choice(CoursePage.Status.choices),
    "learning_objectives": LINES,
    "requirements": LINES,
    "skills": LINES,
    "target_audience": TEXT,
    "duration_minutes": INT,
    "price": DECIMAL,
    "has_certificate": BOOL,
    "coach_name": TEXT,
    "special_tag": TEXT,
    "visibility": choice(CoursePage.Visibility.choices),
    "enrollment_method": choice(CoursePage.EnrollmentMethod.choices),
    "exam_unlock_days": INT,
    "access_duration_type": choice(CoursePage.AccessDuration.choices),
    "access_duration_days": INT,
}
COURSE_EXTRA_KEYS = {"category", "tags", "thumbnail", "modules"}
MODULE_FIELDS = {
    "title": TEXT,
    "slug": TEXT,
    "description": TEXT,
    "philosophy": TEXT,
    "learning_objectives": LINES,
    "duration_minutes": INT,
    "drip_days": INT,
}
LESSON_FIELDS = {
    "title": TEXT,
    "slug": TEXT,
    "lesson_type": choice(LessonPage.LessonType.choices),
    "access_level": choice(Audience.choices),
    "duration_minutes": INT,
    "summary": TEXT,
    "search_description": TEXT,
    "learning_objectives": LINES,
    "transcript": TEXT,
    "working_title": TEXT,
    "rough_notes": TEXT,
    "source_transcript": TEXT,
}
AUDIENCE = choice(Audience.choices)
BLOCK_FIELDS = {
    "text": {"audience": AUDIENCE, "text": TEXT},
    "video": {"audience": AUDIENCE, "url": TEXT, "title": TEXT},
    "resource": {
        "audience": AUDIENCE,
        "title": TEXT,
        "resource_type": choice(RESOURCE_TYPES),
        "description": TEXT,
        "url": TEXT,
        "document": "document",
    },
    "callout": {
        "audience": AUDIENCE,
        "style": ("choice", ["info", "tip", "warning", "analogy"]),
        "title": TEXT,
        "body": TEXT,
    },
    "code": {"audience": AUDIENCE, "language": choice(CODE_LANGUAGES), "caption": TEXT, "code": TEXT},
    "image": {"audience": AUDIENCE, "image": "image", "alt_text": TEXT, "caption": TEXT},
}


# Reading ------------------------------------------------------------------------------------


def read_course_file(path):
    """Parse a .yaml/.yml/.json course file into a dict, or raise CourseFileError."""
    path = Path(path)
    if not path.is_file():
        raise CourseFileError(path, None, "no such file.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CourseFileError(path, None, f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise CourseFileError(path, f"byte {error.start}", "the file is not UTF-8 text.") from error
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
        elif suffix in {".yaml", ".yml"}:
            data = yaml.safe_load(text)
        else:
            raise CourseFileError(path, None, "use a .yaml, .yml or .json file.")
    except json.JSONDecodeError as error:
        raise CourseFileError(path, f"line {error.lineno}, column {error.colno}", error.msg) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        raise CourseFileError(path, place, getattr(error, "problem", None) or str(error)) from error
    if not isinstance(data, dict):
        raise CourseFileError(path, None, "the file must hold one course: a mapping with a title and modules.")
    return data


class CourseImporter:
    """Builds one course from parsed data. Everything is checked before anything is saved."""

    def __init__(self, data, *, filename, base_dir, parent=None):
        self.data, self.filename, self.base_dir = data, filename, Path(base_dir)
        self.parent = parent
        self.new_files = []  # stored while importing; deleted again if the import fails

    def fail(self, place, problem):
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
                lesson = self.fields(l_place, lesson_data, LESSON_FIELDS, {"body"})
                lesson["body"] = self.body(l_place, lesson_data.get("body") or [])
                lessons.append(lesson)
            self.unique_slugs(m_place, lessons)
            modules.append((module, lessons))
        self.unique_slugs("", [module for module, _ in modules], key="modules")
        return course, category, tags, modules

    def unique_slugs(self, place, items, key="lessons"):
        seen = set()
        for index, item in enumerate(items):
            if item["slug"] in seen:
                self.fail(f"{place + '.' if place else ''}{key}[{index}].slug", f"{item['slug']!r} is used twice.")
            seen.add(item["slug"])

    def body(self, place, blocks):
        if not isinstance(blocks, list):
            self.fail(f"{place}.body", "expected a list of blocks.")
        prepared = []
        for index, block in enumerate(blocks):
            b_place = f"{place}.body[{index}]"
            if not isinstance(block, dict) or block.get("type") not in BLOCK_FIELDS:
                self.fail(b_place, f"each block needs a type: one of {', '.join(BLOCK_FIELDS)}.")
            spec = BLOCK_FIELDS[block["type"]]
            unknown = set(block) - set(spec) - {"type"}
            if unknown:
                self.fail(b_place, f"unknown field(s) {', '.join(sorted(unknown))} for a {block['type']} block.")
            value = {}
            for name, kind in spec.items():
                if block.get(name) is None:
                    continue
                if kind in ("document", "image"):
                    value[name] = (kind, *self.local_file(f"{b_place}.{name}", block[name]))
                else:
                    value[name] = self.convert(f"{b_place}.{name}", kind, block[name])
            value.setdefault("audience", Audience.GUEST.value)
            prepared.append((b_place, block["type"], value))
        return prepared

    # Writing ------------------------------------------------------------------------------

    def stream_value(self, place, prepared):
        raw = []
        for _b_place, block_type, value in prepared:
            value = dict(value)
            for name, item in value.items():
                if isinstance(item, tuple):
                    kind, path, title = item
                    model = get_document_model() if kind == "document" else get_image_model()
                    value[name] = self.stored_file(model, path, title).pk
            raw.append({"type": block_type, "value": value})
        stream_block = LessonPage._meta.get_field("body").stream_block
        stream = stream_block.to_python(raw)
        try:
            stream_block.clean(stream)
        except ValidationError as error:
            index, message = first_block_error(error)
            self.fail(prepared[index][0] if index is not None else f"{place}.body", message)
        return raw

    def save_page(self, place, parent, page):
        try:
            parent.add_child(instance=page)
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            self.fail(f"{place}.{field}" if place else field, " ".join(messages))
        page.save_revision().publish()
        return page

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
        course_values, category_name, tags, modules = self.check()
        course = CoursePage(**course_values)
        if category_name:
            course.category, _ = Category.objects.get_or_create(
                name=category_name, defaults={"slug": slugify(category_name)[:100]}
            )
        if self.data.get("thumbnail"):
            course.thumbnail = self.stored_file(
                get_image_model(), *self.local_file("thumbnail", self.data["thumbnail"])
            )
        course.tags.set(tags)
        self.save_page("", self.parent, course)
        for m_index, (module_values, lessons) in enumerate(modules):
            module = self.save_page(f"modules[{m_index}]", course, ModulePage(**module_values))
            for l_index, lesson_values in enumerate(lessons):
                place = f"modules[{m_index}].lessons[{l_index}]"
                body = self.stream_value(place, lesson_values.pop("body"))
                self.save_page(place, module, LessonPage(body=body, **lesson_values))
        return course


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
    """Import the course in the file at `path`; return the new, published CoursePage."""
    path = Path(path)
    data = read_course_file(path)
    return CourseImporter(data, filename=path, base_dir=path.parent, parent=parent).run()


# Writing files --------------------------------------------------------------------------------


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

    def field_values(page, spec):
        values = {}
        for name, kind in spec.items():
            value = getattr(page, name)
            if kind == LINES:
                value = [line for line in (value or "").splitlines() if line.strip()]
            elif kind == DECIMAL:
                value = f"{value:.2f}"
            values[name] = value
        return values

    data = field_values(course, COURSE_FIELDS)
    data["category"] = course.category.name if course.category else None
    data["tags"] = sorted(tag.name for tag in course.tags.all())
    data["thumbnail"] = file_reference(course.thumbnail) if course.thumbnail else None
    data["modules"] = []
    for module in ModulePage.objects.child_of(course).order_by("path"):
        module_data = field_values(module, MODULE_FIELDS)
        module_data["lessons"] = []
        for lesson in LessonPage.objects.child_of(module).order_by("path"):
            lesson_data = field_values(lesson, LESSON_FIELDS)
            lesson_data["body"] = [block_data(child, file_reference) for child in lesson.body]
            module_data["lessons"].append(lesson_data)
        data["modules"].append(module_data)
    return data


def block_data(child, file_reference):
    data = {"type": child.block_type}
    for name, kind in BLOCK_FIELDS[child.block_type].items():
        value = child.value.get(name)
        if kind in ("document", "image"):
            value = file_reference(value) if value else None
        elif hasattr(value, "source"):  # RichText
            value = value.source
        if value not in (None, ""):
            data[name] = value
    return data


def dump_course(data, fmt="yaml"):
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
