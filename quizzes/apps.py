from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    """Quizzes, exams and certificates arrive with the assessments issue; the app is reserved now."""

    name = "quizzes"
    verbose_name = "Quizzes"
