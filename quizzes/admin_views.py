"""Admin screens for quiz questions: import with a preview (all or nothing, as a draft) and export."""

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify

from learning_site import ai

from . import drafting, importers
from .models import Quiz, QuizDraftRequest

FORMAT_CHOICES = [
    ("csv", "CSV (question, option_a … option_d, correct_answer)"),
    ("gift", "Moodle GIFT"),
    ("aiken", "Aiken"),
    ("pdf", "PDF (numbered questions, lettered options, an Answer: line)"),
]


PASTE_FORMATS = {"gift", "aiken"}


def preview_digest(source_format, text):
    """What a preview showed, so that "Import" writes exactly that and nothing edited since."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(f"{source_format}\n{normalised}".encode()).hexdigest()


class ImportForm(forms.Form):
    title = forms.CharField(max_length=255, required=False, help_text="The new quiz's title.")
    source_format = forms.ChoiceField(choices=FORMAT_CHOICES, label="Format")
    upload = forms.FileField(required=False, label="File")
    pasted = forms.CharField(
        required=False,
        label="Or paste the questions",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="GIFT or Aiken text, pasted straight from an editor.",
    )
    # The text read from an upload at the preview step, carried to the confirmation so nothing is
    # uploaded twice (pasted text travels in its own field), and the digest of what was previewed.
    source_text = forms.CharField(required=False, widget=forms.HiddenInput)
    previewed = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, new_quiz, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_quiz = new_quiz
        if not new_quiz:
            del self.fields["title"]

    def clean(self):
        data = super().clean()
        if self.new_quiz and not (data.get("title") or "").strip():
            self.add_error("title", "Give the new quiz a title.")
        if not (data.get("upload") or data.get("pasted", "").strip() or data.get("source_text")):
            raise forms.ValidationError("Choose a file or paste some questions.")
        if data.get("source_format") in {"csv", "pdf"} and not (data.get("upload") or data.get("source_text")):
            self.add_error("upload", "Upload the file for this format; pasting is for GIFT and Aiken.")
        return data

    def source(self):
        """(text to parse, whether it was pasted): a new upload, else pasted text, else the text of the
        file read at the preview. A new file or edited text always wins, so previewing again reads it."""
        data = self.cleaned_data
        upload = data.get("upload")
        if upload:
            raw = importers.read_upload(upload)
            if data["source_format"] == "pdf":
                return importers.pdf_text(raw), False
            return importers.decode_text(raw), False
        pasted = data.get("pasted", "")
        if pasted.strip() and data["source_format"] in PASTE_FORMATS:
            if len(pasted.encode("utf-8")) > importers.MAX_IMPORT_BYTES:
                raise importers.ImportFileError("The pasted text is larger than 2 MB.")
            return pasted, True
        return data.get("source_text", ""), False


def require(user, action):
    if not user.has_perm(f"quizzes.{action}_quiz"):
        raise PermissionDenied


def import_questions(request, quiz_id=None):
    """Preview what a file or pasted text would add; confirming writes all of it as a draft, or nothing."""
    quiz = get_object_or_404(Quiz, pk=quiz_id) if quiz_id else None
    require(request.user, "change" if quiz else "add")
    form = ImportForm(request.POST or None, request.FILES or None, new_quiz=quiz is None)
    result, changed = None, False
    if request.method == "POST" and form.is_valid():
        source_format = form.cleaned_data["source_format"]
        try:
            text, pasted = form.source()
            result = importers.parse(text, source_format)
        except importers.ImportFileError as error:
            form.add_error(None, str(error))
        else:
            digest = preview_digest(source_format, text)
            previewed = form.cleaned_data.get("previewed")
            if request.POST.get("confirm"):
                changed = bool(form.cleaned_data.get("upload")) or bool(previewed and previewed != digest)
                if result.ok and not changed:
                    saved = save_imported(request, quiz, form.cleaned_data.get("title"), result.questions)
                    return redirect(reverse("wagtailsnippets_quizzes_quiz:edit", args=[saved.pk]))
            carried = {"source_text": "" if pasted else text, "upload": None, "previewed": digest}
            form = ImportForm(initial={**form.cleaned_data, **carried}, new_quiz=quiz is None)
    return TemplateResponse(
        request,
        "quizzes/admin/import.html",
        {
            "page_title": f"Import questions into “{quiz}”" if quiz else "Import a quiz",
            "header_icon": "upload",
            "form": form,
            "result": result,
            "changed": changed,
            "quiz": quiz,
            "max_questions": importers.MAX_IMPORT_QUESTIONS,
        },
    )


def save_imported(request, quiz, title, questions):
    items = [question.stream_item() for question in questions]
    if quiz is None:
        quiz = Quiz(title=title.strip(), questions=items, live=False)
        quiz.save()
        quiz.save_revision(user=request.user, log_action=True)
        messages.success(
            request, f"Quiz “{quiz.title}” created as a draft with {len(items)} questions. Review it, then publish."
        )
        return quiz
    draft = quiz.get_latest_revision_as_object()
    draft.questions = [*draft.questions.raw_data, *items]
    draft.save_revision(user=request.user, log_action=True)
    messages.success(request, f"{len(items)} questions added to a draft of “{quiz.title}”. Review it, then publish.")
    return quiz


def export_questions(request, quiz_id, export_format):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    require(request.user, "view")
    quiz = quiz.get_latest_revision_as_object()
    if export_format == "gift":
        body, content_type, extension = importers.export_gift(quiz), "text/plain; charset=utf-8", "gift.txt"
    else:
        body, left_out = importers.export_csv(quiz)
        content_type, extension = "text/csv; charset=utf-8", "csv"
        if left_out:
            numbers = ", ".join(str(number) for number in left_out)
            messages.warning(
                request,
                f"CSV holds only choice questions of up to four options: questions {numbers} were left out. "
                "Export GIFT to keep every question.",
            )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slugify(quiz.title) or "quiz"}.{extension}"'
    return response


class DraftRequestForm(forms.Form):
    lesson = forms.ModelChoiceField(queryset=None, help_text="The quiz is drafted from this lesson's text.")
    question_count = forms.TypedChoiceField(
        choices=QuizDraftRequest.QUESTION_COUNTS, coerce=int, initial=5, label="Questions"
    )

    def __init__(self, *args, **kwargs):
        from courses.models import LessonPage

        super().__init__(*args, **kwargs)
        self.fields["lesson"].queryset = LessonPage.objects.live().order_by("path")


def request_ai_draft(request):
    """Ask the AI to draft a quiz from a lesson; the result is an unpublished quiz to review."""
    require(request.user, "add")
    form = DraftRequestForm(request.POST or None, initial={"lesson": request.GET.get("lesson")})
    if request.method == "POST" and form.is_valid():
        try:
            draft_request = drafting.request_draft(
                lesson=form.cleaned_data["lesson"],
                question_count=form.cleaned_data["question_count"],
                requested_by=request.user,
            )
        except drafting.DraftError as error:
            form.add_error(None, str(error))
        else:
            draft_request.refresh_from_db()
            level = messages.success if draft_request.status == QuizDraftRequest.Status.SUCCEEDED else messages.info
            if draft_request.status == QuizDraftRequest.Status.FAILED:
                level = messages.error
            level(
                request,
                f"AI quiz draft for “{draft_request.lesson}”: {draft_request.get_status_display()}. "
                f"{draft_request.message}",
            )
            return redirect(reverse("quiz_draft_requests:index"))
    return TemplateResponse(
        request,
        "quizzes/admin/ai_draft.html",
        {
            "page_title": "Draft a quiz with AI",
            "header_icon": "wand-magic-sparkles",
            "form": form,
            "configured": ai.is_configured(),
            "not_configured": ai.NOT_CONFIGURED,
        },
    )
