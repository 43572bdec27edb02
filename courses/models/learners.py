"""What belongs to one learner: progress, favourite courses, private notes, reviews, downloads."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from .pages import CoursePage, LessonPage


class UserProgress(models.Model):
    """How far one student got in one lesson."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    video_watch_percentage = models.FloatField(default=0)
    last_position_seconds = models.FloatField(default=0)
    completion_threshold = models.FloatField(default=90)
    started_at = models.DateTimeField(null=True, blank=True)
    last_accessed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "user progress"
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_row_per_user_and_lesson")]
        indexes = [models.Index(fields=["user", "completed"])]

    def __str__(self):
        return f"{self.user} – {self.lesson}: {self.get_status_display()}"


class FavoriteCourse(models.Model):
    """A course a student marked with the heart."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favorite_courses")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="favorited_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_favorite_per_user_and_course")]

    def __str__(self):
        return f"{self.user} ♥ {self.course}"


class LessonNote(models.Model):
    """A student's private note on a lesson; nobody else ever sees it."""

    MAX_LENGTH = 10_000

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_notes")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(max_length=MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_note_per_user_and_lesson")]

    def __str__(self):
        return f"{self.user}'s note on {self.lesson}"


class CourseReview(models.Model):
    """A student's rating (1 to 5) and optional words about a course; admins may hide it."""

    MAX_LENGTH = 2_000

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_reviews")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    text = models.TextField(blank=True, max_length=MAX_LENGTH)
    is_hidden = models.BooleanField(default=False, help_text="Hidden reviews count nowhere and show nowhere.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_review_per_user_and_course"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="rating_from_one_to_five"),
        ]

    def __str__(self):
        return f"{self.rating}★ {self.course} by {self.user}"


class ResourceDownload(models.Model):
    """One download of a lesson's file through its tracked link."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    downloaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["document", "lesson"])]

    def __str__(self):
        return f"{self.document} from {self.lesson}"
