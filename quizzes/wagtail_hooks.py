"""Quizzes in the admin's Learning menu, with drafts, revisions and previews."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.wagtail_hooks import LearningViewSetGroup

from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    list_display = ["title", Column("question_count", label="Questions"), "is_required", "passing_score"]
    list_filter = ["is_required", "live"]
    search_fields = ["title", "description"]
    search_backend_name = None


LearningViewSetGroup.items = [*LearningViewSetGroup.items, QuizViewSet]
