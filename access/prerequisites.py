"""What a student must finish before a course unlocks: its prerequisite courses, the required
earlier steps of the learning paths it belongs to, and the prerequisites' quiz score.

Which course requires which is the same for every viewer and changes only when a course is published
or a learning path is saved, so it is read once and cached under the page cache's content generation
(courses/page_cache.py), which both move on. What the student has done is theirs, read per request.
"""

from typing import NamedTuple

from django.db.models import Max

PREREQUISITES_KEY = "prerequisites:v1"  # the version moves when Prerequisites changes shape


class RequiredCourse(NamedTuple):
    """What prerequisites need of a course: enough to name it and count its progress."""

    pk: int
    path: str
    title: str


class PathStep(NamedTuple):
    learning_path_id: int
    learning_path_name: str
    sort_order: int
    is_required: bool
    course: RequiredCourse


class Prerequisites(NamedTuple):
    required: dict[int, list[RequiredCourse]]  # course id: its live prerequisite courses
    steps: dict[int, list[PathStep]]  # learning path id: its steps in order (active paths only)


def site_prerequisites() -> Prerequisites:
    """Every course's prerequisites and every active learning path's steps (two queries, once per
    content generation)."""
    from courses.page_cache import shared_by_generation

    return shared_by_generation(PREREQUISITES_KEY, read_prerequisites)


def read_prerequisites() -> Prerequisites:
    from courses.models import CoursePage

    from .models import LearningPathCourse

    required = {}
    links = CoursePage.prerequisite_courses.through.objects.filter(to_coursepage__live=True).values_list(
        "from_coursepage_id", "to_coursepage_id", "to_coursepage__path", "to_coursepage__title"
    )
    for course_id, *prerequisite in links:
        required.setdefault(course_id, []).append(RequiredCourse(*prerequisite))
    steps = {}
    rows = (
        LearningPathCourse.objects.filter(learning_path__is_active=True)
        .order_by("learning_path_id", "sort_order")
        .values_list(
            "learning_path_id",
            "learning_path__name",
            "sort_order",
            "is_required",
            "course_id",
            "course__path",
            "course__title",
        )
    )
    for path_id, path_name, sort_order, is_required, *course in rows:
        steps.setdefault(path_id, []).append(
            PathStep(path_id, path_name, sort_order, is_required, RequiredCourse(*course))
        )
    return Prerequisites(required, steps)


def best_quiz_scores(user, course_ids):
    """{course id: the user's best score (%) in any quiz or exam of that course}, in one query."""
    from quizzes.models import QuizAttempt

    if not user.is_authenticated or not course_ids:
        return {}
    return dict(
        QuizAttempt.objects.filter(user=user, course_id__in=course_ids, status=QuizAttempt.Status.SUBMITTED)
        .values("course_id")
        .annotate(best=Max("score"))
        .values_list("course_id", "best")
    )


def missing_prerequisites(user, courses, *, progress=None):
    """{course id: [what is still missing, in words]} for many courses: no query for the structure
    (see site_prerequisites), the student's progress in the courses it names (none when `progress`,
    what the request already read of courses/progress.py, covers them) and, when a course asks for a
    quiz score, the student's best scores."""
    from courses.progress import completed_course_ids

    if not courses:
        return {}
    structure = site_prerequisites()
    course_ids = {course.pk for course in courses}
    required = {course_id: structure.required.get(course_id, []) for course_id in course_ids}
    earlier_required = {}
    for steps in structure.steps.values():
        for step in steps:
            if step.course.pk not in course_ids:
                continue
            for earlier in steps:
                if earlier.sort_order < step.sort_order and earlier.is_required:
                    earlier_required.setdefault(step.course.pk, []).append((earlier.course, earlier.learning_path_name))
    involved = {c.pk: c for items in required.values() for c in items}
    involved |= {c.pk: c for items in earlier_required.values() for c, _name in items}
    done = completed_course_ids(user, list(involved.values()), known=progress)
    scores = best_quiz_scores(user, list(involved)) if any(c.required_quiz_score for c in courses) else {}
    missing = {}
    for course in courses:
        own = sorted(required[course.pk], key=lambda c: c.title)
        messages = [f"Complete “{c.title}” first." for c in own if c.pk not in done]
        for earlier_course, path_name in earlier_required.get(course.pk, []):
            if earlier_course.pk not in done and earlier_course.pk not in {c.pk for c in own}:
                messages.append(f"Complete “{earlier_course.title}” first (learning path “{path_name}”).")
        if course.required_quiz_score and own:
            best = max((scores[c.pk] for c in own if c.pk in scores), default=None)
            if best is None or best < course.required_quiz_score:
                messages.append(f"Score at least {course.required_quiz_score}% in the prerequisite courses' quizzes.")
        missing[course.pk] = messages
    return missing


def check_course_prerequisites(user, course):
    """(met, missing): what `user` must still do before enrolling in `course`, in words."""
    missing = missing_prerequisites(user, [course])[course.pk]
    return not missing, missing
