"""Rules about a student's progress through lessons."""

from django.db import transaction
from django.utils import timezone

from .models import UserProgress


class ProgressError(ValueError):
    """A change to progress that cannot be made, with a message for the student."""


def may_track_progress(user, lesson):
    """Only a logged-in viewer who may open the lesson (drip applied) has progress on it."""
    from access.services import lesson_view

    return user.is_authenticated and lesson.is_open_to(lesson_view(user, lesson).tier)


@transaction.atomic
def complete_lesson(*, user, lesson):
    """Mark `lesson` complete for `user`, remembering which published revision they completed."""
    from quizzes.services import issue_certificate_if_earned, required_quiz_block

    if not may_track_progress(user, lesson):
        raise ProgressError("You do not have access to this lesson.")
    blocked = required_quiz_block(user, lesson)
    if blocked:
        raise ProgressError(blocked)
    now = timezone.now()
    progress, _created = UserProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"started_at": now}
    )
    if not progress.completed:
        progress.completed = True
        progress.completed_at = now
        progress.status = UserProgress.Status.COMPLETED
        progress.completed_revision_id = lesson.live_revision_id
        progress.save()
        issue_certificate_if_earned(user, lesson.course)
    return progress


def course_progress(user, course):
    """(lessons completed, live lessons) of `course` for `user`, in two queries."""
    from .models import LessonPage

    lesson_ids = list(LessonPage.objects.live().descendant_of(course).values_list("pk", flat=True))
    if not user.is_authenticated or not lesson_ids:
        return 0, len(lesson_ids)
    done = UserProgress.objects.filter(user=user, lesson_id__in=lesson_ids, completed=True).count()
    return done, len(lesson_ids)
