"""The page and quiz fields a course file carries, and how a value in the file becomes a model value."""

from access.models import Audience
from courses.models import CoursePage, LessonPage

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
COURSE_EXTRA_KEYS = {"category", "tags", "thumbnail", "modules", "final_exam"}
MODULE_FIELDS = {
    "title": TEXT,
    "slug": TEXT,
    "description": TEXT,
    "philosophy": TEXT,
    "learning_objectives": LINES,
    "prerequisites": LINES,
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
    "prerequisites": LINES,
    "transcript": TEXT,
    "working_title": TEXT,
    "rough_notes": TEXT,
    "source_transcript": TEXT,
}
LESSON_EXTRA_KEYS = {"body", "quiz"}


def quiz_fields():
    from quizzes.models import Quiz

    return {
        "title": TEXT,
        "description": TEXT,
        "passing_score": INT,
        "is_required": BOOL,
        "max_attempts": INT,
        "time_limit_minutes": INT,
        "questions_per_attempt": INT,
        "randomize_questions": BOOL,
        "randomize_options": BOOL,
        "show_results": choice(Quiz.ShowResults.choices),
    }


QUIZ_EXTRA_KEYS = {"questions", "gift"}
