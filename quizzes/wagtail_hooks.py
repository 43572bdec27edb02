"""Quizzes in the admin's Learning menu (drafts, revisions, previews) and the certificates listing."""

import functools

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView as ModelIndexView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import DeleteView, IndexView, SnippetViewSet

from authoring.sources import QUIZ_DRAFT_INPUTS, Freshness
from courses.instructors import CourseQuizPermissionPolicy
from courses.models import LessonPage
from learning_site.permissions import ReadOnlyPolicy

from . import admin_views
from .certificates import revoke_certificate
from .models import Certificate, Quiz, QuizDraftRequest
from .services import QuizError


class QuizIndexView(IndexView):
    def get_base_queryset(self):
        # An instructor lists the quizzes of their own courses only; editors list them all.
        allowed = quiz_permission_policy.instances_user_has_any_permission_for(self.request.user, ["view", "change"])
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("quizzes.add_quiz"):
            url = reverse("wagtailsnippets_quizzes_quiz:import_new")
            buttons.append(Button("Import a quiz", url, icon_name="upload", priority=50))
        return buttons


class QuizDeleteView(DeleteView):
    """A quiz students have attempted stays: their attempts are their record. Unpublish it instead."""

    def form_valid(self, form):
        if self.object.attempts.exists():
            messages.error(
                self.request,
                f"“{self.object}” has student attempts, so it cannot be deleted. Unpublish it to hide it instead.",
            )
            return redirect(reverse("wagtailsnippets_quizzes_quiz:edit", args=[self.object.pk]))
        return super().form_valid(form)


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    index_view_class = QuizIndexView
    delete_view_class = QuizDeleteView
    list_display = ["title", Column("question_count", label="Questions"), "is_required", "passing_score"]
    list_filter = ["is_required", "live"]
    search_fields = ["title", "description"]
    search_backend_name = None

    def construct_view(self, view_class, **kwargs):
        return only_quizzes_you_may_see(super().construct_view(view_class, **kwargs))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", admin_views.import_questions, name="import_new"),
            path("<int:quiz_id>/import/", admin_views.import_questions, name="import"),
            path("<int:quiz_id>/export/<str:export_format>/", admin_views.export_questions, name="export"),
        ]


def only_quizzes_you_may_see(view):
    """Every view of one quiz (edit, history, usage, revisions and their previews, …) answers only
    someone who may view or change that quiz: Wagtail asks the policy about "some quiz" only."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if "pk" in kwargs:
            quiz = get_object_or_404(Quiz, pk=unquote(str(kwargs["pk"])))
            if not quiz_permission_policy.user_has_any_permission_for_instance(request.user, ["view", "change"], quiz):
                return permission_denied(request)
        return view(request, *args, **kwargs)

    return guarded


@hooks.register("register_snippet_listing_buttons")
def quiz_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Quiz):
        return
    if user.has_perm("quizzes.change_quiz"):
        yield Button("Import questions", reverse("wagtailsnippets_quizzes_quiz:import", args=[snippet.pk]), priority=30)
    for label, export_format in [("Export GIFT", "gift"), ("Export CSV", "csv")]:
        url = reverse("wagtailsnippets_quizzes_quiz:export", args=[snippet.pk, export_format])
        yield Button(label, url, icon_name="download", priority=40)


class CertificateInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        certificate = self.object
        buttons = [Button("Public page", certificate.get_absolute_url(), icon_name="link-external", priority=10)]
        if certificate.is_valid and self.request.user.has_perm("quizzes.revoke_certificate"):
            buttons.append(
                Button("Revoke", reverse("certificates:revoke", args=[certificate.pk]), icon_name="cross", priority=20)
            )
        return buttons


class RevokeCertificateForm(forms.Form):
    reason = forms.CharField(
        max_length=255, help_text="Required. Shown to nobody but admins; the public page says revoked."
    )


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "success"
    menu_label = "Certificates"
    add_to_admin_menu = False
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    search_backend_name = None
    list_display = ["number", "holder_name", "course_title", "issued_at", Column("is_valid", label="Valid")]
    list_filter = ["course", "revoked_at"]
    search_fields = ["number", "holder_name", "course_title", "user__email", "user__username"]
    list_export = ["number", "holder_name", "course_title", "issued_at", "revoked_at", "revocation_reason"]
    form_fields = ["revocation_reason"]  # required by ModelViewSet; its add and edit views are never allowed

    def get_queryset(self, request):
        return Certificate.objects.select_related("user", "course")

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/revoke/", self.revoke_view, name="revoke")]

    def revoke_view(self, request, pk):
        if not request.user.has_perm("quizzes.revoke_certificate"):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate, pk=pk)
        form = RevokeCertificateForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                revoke_certificate(certificate=certificate, revoked_by=request.user, reason=form.cleaned_data["reason"])
            except QuizError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"Certificate {certificate.number} revoked.")
            return redirect(reverse("certificates:inspect", args=[certificate.pk]))
        return TemplateResponse(
            request,
            "access/admin/form.html",
            {
                "page_title": f"Revoke certificate {certificate.number}",
                "page_subtitle": f"{certificate.holder_name} · {certificate.course_title}",
                "header_icon": "cross",
                "form": form,
                "submit_label": "Revoke certificate",
                "danger": True,
            },
        )


class DraftRequestIndexView(ModelIndexView):
    @cached_property
    def header_more_buttons(self):
        return [Button("Draft a quiz with AI", reverse("quiz_ai_draft"), icon_name="plus", priority=10)]


def made_from(draft_request):
    """Whether the lesson has changed since the quiz was drafted from it, with a link to compare."""
    if not draft_request.source_inputs:
        return "Not recorded (drafted before sources were kept)"
    freshness = Freshness(draft_request, QUIZ_DRAFT_INPUTS)
    if not freshness.is_stale:
        return "The lesson as it is now"
    if freshness.compare_url:
        return format_html('Stale: made from an older version (<a href="{}">compare</a>)', freshness.compare_url)
    return "Stale: made from an older version"


class DraftRequestViewSet(ModelViewSet):
    model = QuizDraftRequest
    icon = "wand-magic-sparkles"
    menu_label = "AI quiz drafts"
    add_to_admin_menu = False
    index_view_class = DraftRequestIndexView
    inspect_view_enabled = True
    search_backend_name = None
    list_display = [
        "lesson",
        "question_count",
        "status",
        "message",
        "quiz",
        Column("made_from", label="Made from", accessor=made_from),
        "requested_by",
        "created_at",
    ]
    list_filter = ["status"]
    form_fields = ["message"]  # required by ModelViewSet; its add and edit views are never allowed

    def get_queryset(self, request):
        return QuizDraftRequest.objects.select_related("lesson__latest_revision", "quiz", "requested_by")


# Certificates are issued by the quiz engine and AI requests finished by their task: look, never edit.
register_permission_policy(
    Certificate, ReadOnlyPolicy(Certificate, may_view=lambda user: user.has_perm("quizzes.revoke_certificate"))
)
register_permission_policy(
    QuizDraftRequest, ReadOnlyPolicy(QuizDraftRequest, may_view=lambda user: user.has_perm("quizzes.add_quiz"))
)
# Quizzes: editors by their model permissions, and a course's instructors the quizzes only their courses
# use (courses/instructors.py). Wagtail's snippet edit view asks a policy "may they change some quiz?"
# but not "this quiz?", so the hook below asks for the quiz at hand (edit and revert views alike).
quiz_permission_policy = CourseQuizPermissionPolicy(Quiz)
register_permission_policy(Quiz, quiz_permission_policy)


@hooks.register("before_edit_snippet")
def edit_only_quizzes_you_may_change(request, instance):
    if isinstance(instance, Quiz) and not quiz_permission_policy.user_has_permission_for_instance(
        request.user, "change", instance
    ):
        return permission_denied(request)


draft_request_viewset = DraftRequestViewSet("quiz_draft_requests")
certificate_viewset = CertificateViewSet("certificates")


class AssessmentsViewSetGroup(ViewSetGroup):
    """The quiz engine's own admin menu: quizzes and exams, the certificates they issued, AI drafts."""

    menu_label = "Assessments"
    menu_icon = "success"
    menu_order = 220
    items = [QuizViewSet, certificate_viewset, draft_request_viewset]


hooks.register("register_admin_viewset", AssessmentsViewSetGroup)


@hooks.register("register_admin_urls")
def register_ai_draft_url():
    return [path("quizzes/ai-draft/", admin_views.request_ai_draft, name="quiz_ai_draft")]


@hooks.register("register_page_listing_buttons")
def draft_quiz_button(page, user, next_url=None):
    if page.specific_class is LessonPage and user.has_perm("quizzes.add_quiz"):
        yield Button("Draft a quiz with AI", f"{reverse('quiz_ai_draft')}?lesson={page.pk}", priority=60)
