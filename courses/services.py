"""Rules about a learner's own records: progress through lessons, favourites, notes and reviews."""

import math

from django.db import IntegrityError, transaction
from django.utils import timezone

from access.selectors import can_open_lesson

from .models import CourseReview, FavoriteCourse, LessonNote, UserProgress


class ProgressError(ValueError):
    """A change to progress that cannot be made, with a message for the student."""


def _progress_row(user, lesson, now):
    progress, _created = UserProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"started_at": now, "status": UserProgress.Status.IN_PROGRESS}
    )
    return progress


def _mark_completed(progress, lesson, now):
    progress.completed = True
    progress.completed_at = now
    progress.status = UserProgress.Status.COMPLETED
    progress.completed_revision_id = lesson.live_revision_id


def watched_enough(progress):
    """The video part of completing a lesson: watched up to the lesson's threshold."""
    return progress.video_watch_percentage >= progress.completion_threshold


@transaction.atomic
def record_progress(*, user, lesson, watch_percentage, timestamp, viewer=None):
    """Store how far the student watched. The percentage never goes down, whatever order reports
    arrive in; reaching the lesson's threshold completes it unless a required quiz is still unpassed.
    `viewer` is what the request already asked about the student's access (a CourseViewer).
    Returns (progress, a note for the student or "")."""
    from quizzes.certificates import issue_certificate_if_earned
    from quizzes.services import required_quiz_block

    if not can_open_lesson(user, lesson, viewer):
        raise ProgressError("You do not have access to this lesson.")
    for name, value in (("watch_percentage", watch_percentage), ("timestamp", timestamp)):
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value) or value < 0:
            raise ProgressError(f"{name} must be a number of 0 or more.")
    if watch_percentage > 100:
        raise ProgressError("watch_percentage must be at most 100.")
    now = timezone.now()
    progress = _progress_row(user, lesson, now)
    progress.video_watch_percentage = max(progress.video_watch_percentage, float(watch_percentage))
    progress.last_position_seconds = float(timestamp)
    progress.started_at = progress.started_at or now
    note = ""
    completed_now = False
    if not progress.completed:
        progress.status = UserProgress.Status.IN_PROGRESS
        if watched_enough(progress):
            blocked = required_quiz_block(user, lesson)
            if blocked:
                note = blocked
            else:
                _mark_completed(progress, lesson, now)
                completed_now = True
    progress.save()
    # Only the report that completes a lesson can complete the course; later reports of it cannot.
    if completed_now:
        issue_certificate_if_earned(user, lesson.course)
    return progress, note


@transaction.atomic
def complete_lesson(*, user, lesson, viewer=None):
    """Mark `lesson` complete for `user`, remembering which published revision they completed."""
    from quizzes.certificates import issue_certificate_if_earned
    from quizzes.services import required_quiz_block

    if not can_open_lesson(user, lesson, viewer):
        raise ProgressError("You do not have access to this lesson.")
    blocked = required_quiz_block(user, lesson)
    if blocked:
        raise ProgressError(blocked)
    now = timezone.now()
    progress = _progress_row(user, lesson, now)
    if not progress.completed:
        _mark_completed(progress, lesson, now)
        progress.save()
        issue_certificate_if_earned(user, lesson.course)
    return progress


def complete_after_required_quiz(*, user, lesson):
    """The student just passed `lesson`'s required quiz: the lesson completes when nothing else was
    left, its video watched to the threshold or no video to watch. Returns the progress row, if any."""
    from quizzes.certificates import issue_certificate_if_earned

    progress = UserProgress.objects.select_for_update().filter(user=user, lesson=lesson).first()
    if progress is not None and progress.completed:
        # Completed before the quiz was required: passing it may be what completes the course.
        issue_certificate_if_earned(user, lesson.course)
        return progress
    has_video = any(block.block_type == "video" for block in lesson.body)
    if has_video and (progress is None or not watched_enough(progress)):
        return progress
    now = timezone.now()
    progress = progress or _progress_row(user, lesson, now)
    _mark_completed(progress, lesson, now)
    progress.save()
    issue_certificate_if_earned(user, lesson.course)
    return progress


@transaction.atomic
def toggle_favorite(*, user, course):
    """Heart or un-heart a course; returns whether it is a favourite now."""
    deleted, _ = FavoriteCourse.objects.filter(user=user, course=course).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            FavoriteCourse.objects.create(user=user, course=course)
    except IntegrityError:
        pass  # a simultaneous click already made it a favourite
    return True


def save_note(*, user, lesson, text):
    """Keep (or, with empty text, delete) the student's private note on a lesson."""
    text = (text or "").strip()
    if len(text) > LessonNote.MAX_LENGTH:
        raise ProgressError(f"A note can be at most {LessonNote.MAX_LENGTH} characters long.")
    if not can_open_lesson(user, lesson):
        raise ProgressError("You do not have access to this lesson.")
    if not text:
        LessonNote.objects.filter(user=user, lesson=lesson).delete()
        return None
    note, _created = LessonNote.objects.update_or_create(user=user, lesson=lesson, defaults={"text": text})
    return note


def may_review(user, course):
    from access.selectors import has_course_access

    return user.is_authenticated and has_course_access(user, course)[0]


def save_review(*, user, course, rating, text=""):
    """Create or edit the student's one review of a course (rating 1 to 5, optional words)."""
    if not may_review(user, course):
        raise ProgressError("Only students with access to the course can review it.")
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        raise ProgressError("The rating must be a whole number from 1 to 5.")
    text = (text or "").strip()
    if len(text) > CourseReview.MAX_LENGTH:
        raise ProgressError(f"A review can be at most {CourseReview.MAX_LENGTH} characters long.")
    review, _created = CourseReview.objects.update_or_create(
        user=user, course=course, defaults={"rating": rating, "text": text}
    )
    return review


def course_progress(user, course):
    """`user`'s CourseProgress in `course`, as courses/progress.py counts it, for the exam and
    certificate rules: `is_complete` is the one rule of a completed course."""
    from .progress import course_progress as progress_of_course

    return progress_of_course(user, course)
