"""Courses as data: read and write a whole course (fields, modules, lessons, every block, quizzes and the
final exam) as YAML or JSON, a module per file if the course file includes them.

`reading` parses files, `fields` says which page and quiz fields travel, `streams` turns StreamField
content into data and back from the blocks' own definitions, `importing` checks and writes a course
in one transaction, `exporting` writes one out.
"""

from .exporting import dump_course, export_course
from .importing import CourseImporter, import_course
from .reading import CourseFileError, read_course_file, read_with_includes

__all__ = [
    "CourseFileError",
    "CourseImporter",
    "dump_course",
    "export_course",
    "import_course",
    "read_course_file",
    "read_with_includes",
]
