"""Course models: the page tree (pages/, one module per page type), each learner's own records
(learners.py) and the files lessons use (files.py)."""

from .files import LessonFile
from .instructors import CourseInstructor
from .learners import CourseReview, FavoriteCourse, LessonNote, ResourceDownload, UserProgress
from .pages import (
    Category,
    CourseIndexPage,
    CoursePage,
    CourseTag,
    LearningPage,
    LessonPage,
    LessonSearchEntry,
    LessonSearchQuerySet,
    ModulePage,
    split_lines,
)

__all__ = [
    "Category",
    "CourseIndexPage",
    "CourseInstructor",
    "CourseReview",
    "CoursePage",
    "CourseTag",
    "FavoriteCourse",
    "LearningPage",
    "LessonFile",
    "LessonNote",
    "LessonPage",
    "LessonSearchEntry",
    "LessonSearchQuerySet",
    "ModulePage",
    "ResourceDownload",
    "UserProgress",
    "split_lines",
]
