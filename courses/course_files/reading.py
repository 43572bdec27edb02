"""Reading course files: YAML or JSON, a module per file where the course file says `include:`."""

import json
from pathlib import Path

import yaml

MAX_FILE_BYTES = 5 * 1024 * 1024


class CourseFileError(Exception):
    """A course file that cannot be imported, with where and why."""

    def __init__(self, filename, place, problem):
        self.filename, self.place, self.problem = str(filename), place, problem
        location = f" at {place}" if place else ""
        super().__init__(f"{self.filename}{location}: {problem}")


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


def read_with_includes(path):
    """The course file's data with every `modules: - include: <file>` replaced by that file's module,
    and `final_exam: {include: <file>}` by that file's quiz.

    Returns (data, sources): sources[i] names the file module i came from, and sources["final_exam"]
    the final exam's, for error messages.
    """
    path = Path(path)
    data = read_course_file(path)
    modules = data.get("modules")
    sources = {}
    if isinstance(modules, list):
        for index, entry in enumerate(modules):
            if is_include(entry):
                sources[index] = included_path(path, f"modules[{index}].include", entry)
                modules[index] = read_course_file(sources[index])
    if is_include(data.get("final_exam")):
        sources["final_exam"] = included_path(path, "final_exam.include", data["final_exam"])
        data["final_exam"] = read_course_file(sources["final_exam"])
    return data, sources


def is_include(entry):
    return isinstance(entry, dict) and set(entry) == {"include"}


def included_path(path, place, entry):
    included = (path.parent / str(entry["include"])).resolve()
    if not included.is_relative_to(path.parent.resolve()):
        raise CourseFileError(path, place, "the file must be inside the course file's folder.")
    return included
