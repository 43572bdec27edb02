"""The admin page where an editor asks for a transcript of a lesson's recording, and sees how past requests went."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied
from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.permissions import policy_registry

from courses.models import LessonPage
from learning_site import ai

from .models import LessonTranscription
from .transcription import TranscriptionError, lesson_recordings, request_transcription

RECENT_REQUESTS = 10


class TranscriptionForm(forms.Form):
    recording = forms.ChoiceField(widget=forms.RadioSelect, required=False, label="A recording in the lesson")
    other_document = forms.ModelChoiceField(
        queryset=None,
        required=False,
        widget=AdminDocumentChooser,
        label="Or another document",
        help_text="An audio or video file from the document library (mp3, m4a, wav, mp4, mov…). "
        "Chosen here, it is transcribed instead of the recording above.",
    )

    def __init__(self, *args, recordings, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.recordings = {recording.key: recording for recording in recordings}
        field = self.fields["recording"]
        field.choices = [(recording.key, recording.label) for recording in recordings]
        if len(recordings) == 1:
            field.initial = recordings[0].key
        if not recordings:
            field.help_text = "The lesson holds no audio or video yet: no document of that kind, no Cloudinary video."
        # Only documents the editor may pick in the chooser: a posted id must not reach any other.
        self.fields["other_document"].queryset = policy_registry.get_by_type(
            get_document_model()
        ).instances_user_has_any_permission_for(user, ["choose"])

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("recording") or data.get("other_document")):
            raise forms.ValidationError("Choose a recording: one of the lesson's, or another document.")
        return data

    def chosen(self):
        """(document, media_url) of the recording chosen, the library's document first; one of them is empty."""
        if self.cleaned_data.get("other_document"):
            return self.cleaned_data["other_document"], ""
        recording = self.recordings[self.cleaned_data["recording"]]
        return recording.document, recording.media_url


def transcribe_lesson(request, lesson_id):
    """Ask for a transcript of one of the lesson's recordings; it arrives as a draft revision of the lesson."""
    lesson = get_object_or_404(LessonPage, pk=lesson_id)
    if not lesson.permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    posted = request.POST if request.method == "POST" else None  # an empty POST is still an answer
    form = TranscriptionForm(posted, recordings=lesson_recordings(lesson), user=request.user)
    if posted is not None and form.is_valid():
        document, media_url = form.chosen()
        try:
            transcription = request_transcription(
                lesson=lesson, requested_by=request.user, document=document, media_url=media_url
            )
        except TranscriptionError as error:
            form.add_error(None, str(error))
        else:
            announce(request, transcription)
            return redirect("wagtailadmin_pages:edit", lesson.pk)
    return TemplateResponse(
        request,
        "authoring/transcribe_lesson.html",
        {
            "page_title": f"Transcribe a recording of “{lesson.title}”",
            "header_icon": "media",
            "lesson": lesson,
            "form": form,
            "transcriptions": lesson.transcriptions.select_related("document", "requested_by")[:RECENT_REQUESTS],
            "configured": ai.is_configured(),
            "not_configured": ai.NOT_CONFIGURED,
        },
    )


def announce(request, transcription):
    """Say how the request stands: a background worker may not have started it yet, or it may be done."""
    transcription.refresh_from_db()
    source = transcription.source_label
    if transcription.status == LessonTranscription.Status.FAILED:
        messages.error(request, f"The transcription of “{source}” failed: {transcription.error}")
    elif transcription.status == LessonTranscription.Status.COMPLETED:
        messages.success(
            request,
            f"The transcript of “{source}” is saved as a new draft revision of this lesson: see "
            "“Source transcript” on the Drafting tab. Nothing is published until you publish.",
        )
    else:
        messages.success(
            request,
            f"Transcription of “{source}” has started. The transcript will be saved as a new draft revision "
            "of this lesson (Drafting tab, “Source transcript”); reload this page to see it once it is done.",
        )
