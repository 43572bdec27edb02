"""The course tree: catalog > course > module > lesson, categories, and the tier-aware search index,
one module per page type (base.py holds what they share)."""

from .base import Category, LearningPage, split_lines
from .catalog import CourseIndexPage
from .course import CoursePage, CourseTag
from .lesson import LessonPage
from .module import ModulePage
from .search import LessonSearchEntry, LessonSearchQuerySet

__all__ = [
    "Category",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "LearningPage",
    "LessonPage",
    "LessonSearchEntry",
    "LessonSearchQuerySet",
    "ModulePage",
    "split_lines",
]
