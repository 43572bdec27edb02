"""Course models: the page tree (pages.py) and each learner's own records (learners.py)."""

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
    "CourseReview",
    "CoursePage",
    "CourseTag",
    "FavoriteCourse",
    "LearningPage",
    "LessonNote",
    "LessonPage",
    "LessonSearchEntry",
    "LessonSearchQuerySet",
    "ModulePage",
    "ResourceDownload",
    "UserProgress",
    "split_lines",
]
