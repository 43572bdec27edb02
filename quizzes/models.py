"""Quizzes and exams (one question engine), and the attempts students make at them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin

from .blocks import QuestionStreamBlock


class Quiz(DraftStateMixin, RevisionMixin, PreviewableMixin, models.Model):
    """A pool of questions with the rules for attempting it; a lesson's quiz or a course's final exam."""

    class ShowResults(models.TextChoices):
        NEVER = "never", "Never: only the score"
        AFTER_EACH_ATTEMPT = "after_each_attempt", "After each attempt"
        AFTER_PASSING = "after_passing", "After passing"

    title = models.CharField(max_length=255)
    description = models.TextField(blank=True, help_text="Shown to students before they start.")
    passing_score = models.PositiveSmallIntegerField(
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Percentage of the points needed to pass.",
    )
    is_required = models.BooleanField(
        default=False,
        verbose_name="required",
        help_text="Students must pass it before they can complete the lesson.",
    )
    max_attempts = models.PositiveSmallIntegerField(default=0, help_text="0 means unlimited.")
    time_limit_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Empty means no time limit."
    )
    randomize_questions = models.BooleanField(default=False, help_text="Each attempt gets its own question order.")
    randomize_options = models.BooleanField(default=False, help_text="Each attempt gets its own option order.")
    questions_per_attempt = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Draw this many questions at random from the pool for each attempt. Empty: all of them.",
    )
    show_results = models.CharField(
        max_length=20,
        choices=ShowResults.choices,
        default=ShowResults.AFTER_EACH_ATTEMPT,
        help_text="When students see which answers were right, with the explanations. The score is always shown.",
    )
    questions = StreamField(QuestionStreamBlock(), help_text="The question pool.")
    # Deleting a quiz deletes its revisions (Wagtail's documented pattern for snippets with revisions).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quiz")

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("passing_score"), FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]
                ),
                FieldRowPanel([FieldPanel("is_required"), FieldPanel("show_results")]),
                FieldRowPanel(
                    [
                        FieldPanel("randomize_questions"),
                        FieldPanel("randomize_options"),
                        FieldPanel("questions_per_attempt"),
                    ]
                ),
            ],
            heading="Rules",
        ),
        FieldPanel("questions"),
    ]

    preview_modes = [("", "As a student"), ("answers", "With the correct answers")]

    class Meta:
        verbose_name_plural = "quizzes"
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def question_count(self):
        return len(self.questions)

    def clean(self):
        super().clean()
        if self.questions_per_attempt and self.questions_per_attempt > len(self.questions):
            raise ValidationError(
                {
                    "questions_per_attempt": (
                        f"The pool has {len(self.questions)} questions; an attempt cannot draw "
                        f"{self.questions_per_attempt}."
                    )
                }
            )

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        from .services import public_questions

        context = super().get_preview_context(request, mode_name)
        context["questions"] = public_questions(self, with_answers=mode_name == "answers")
        context["with_answers"] = mode_name == "answers"
        return context


class QuizAttempt(models.Model):
    """One go at a quiz: the questions served, the answers given, and the score the server worked out."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"
        # Submitted after the student's access ended: kept for the record, never scored, no attempt used.
        CLOSED = "closed", "Closed: access ended"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    # A quiz students have attempted cannot be deleted: their attempts are their record.
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="quiz_attempts"
    )
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="quiz_attempts"
    )
    is_exam = models.BooleanField(default=False)
    # The published version the attempt was drawn from, so an edit mid-attempt cannot change its scoring.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempt_number = models.PositiveSmallIntegerField()
    served = models.JSONField(default=list, help_text="[{question id, option ids in the order shown}]")
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    points_earned = models.PositiveIntegerField(default=0)
    points_possible = models.PositiveIntegerField(default=0)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(default=False)
    results = models.JSONField(default=dict, blank=True, help_text="{question id: points earned}")

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "attempt_number"], name="attempt_numbers_are_unique"),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(status="in_progress"),
                name="one_attempt_in_progress_per_quiz",
            ),
        ]
        indexes = [models.Index(fields=["user", "quiz", "passed"])]

    def __str__(self):
        return f"{self.user} – {self.quiz} #{self.attempt_number}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    def seconds_left(self, at=None):
        if self.deadline is None:
            return None
        return max(0, int((self.deadline - (at or timezone.now())).total_seconds()))


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """Proof that a student completed a course; anyone with its number can check that it is genuine."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey("courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="certificates")
    # What the certificate says, fixed when it is issued (names and titles may change later).
    holder_name = models.CharField(max_length=255)
    course_title = models.CharField(max_length=255)
    number = models.CharField(max_length=32, unique=True, editable=False)
    verification_hash = models.CharField(max_length=64, unique=True, editable=False)
    issued_at = models.DateTimeField(default=timezone.now)
    attempt = models.ForeignKey(
        QuizAttempt,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        help_text="The passing exam attempt; empty for courses without an exam.",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.CharField(max_length=255, blank=True)
    # The account it was issued to, kept when that account is deleted and the certificate moves to its
    # tombstone: the verification hash was sealed over this id.
    original_user_id = models.BigIntegerField(null=True, blank=True, editable=False)
    accredible_credential_id = models.CharField(max_length=64, blank=True)
    accredible_url = models.URLField(blank=True)
    accredible_error = models.CharField(max_length=255, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=Q(revoked_at__isnull=True), name="one_valid_certificate_per_course"
            )
        ]
        permissions = [("revoke_certificate", "Can revoke certificates")]

    def __str__(self):
        return f"{self.number}: {self.holder_name}, {self.course_title}"

    @property
    def is_valid(self):
        return self.revoked_at is None

    def get_absolute_url(self):
        return f"/certificates/{self.number}/"


class QuizDraftRequest(models.Model):
    """An editor's request for an AI-drafted quiz from a lesson, and how it went."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Draft ready"
        FAILED = "failed", "Failed"

    QUESTION_COUNTS = [(3, "3"), (5, "5"), (10, "10"), (15, "15")]

    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="quiz_draft_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="quiz_draft_requests"
    )
    question_count = models.PositiveSmallIntegerField(choices=QUESTION_COUNTS, default=5)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    message = models.CharField(max_length=500, blank=True)
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # What the draft was made from (see authoring.sources): the lesson's revision and the text it read.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_inputs = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "AI quiz draft"

    def __str__(self):
        return f"{self.question_count} questions for “{self.lesson}” ({self.get_status_display()})"
