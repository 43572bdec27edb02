"""AI authoring in the admin: the page editor's "Draft with AI", the lesson's drafting panel, transcription."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks

from courses.models import LessonPage

from . import transcription_views
from .action_menu import ACTION_NAME, DraftWithAIMenuItem
from .drafting import DraftError, request_lesson_draft
from .models import LessonAIDraft


@hooks.register("register_admin_urls")
def register_authoring_urls():
    return [
        path(
            "authoring/lessons/<int:lesson_id>/transcribe/",
            transcription_views.transcribe_lesson,
            name="authoring_transcribe",
        ),
    ]


@hooks.register("register_page_action_menu_item")
def draft_with_ai_menu_item():
    return DraftWithAIMenuItem()


@hooks.register("after_edit_page")
def draft_with_ai_after_saving(request, page):
    """The editor pressed "Draft with AI": their changes are saved; now ask for the draft."""
    if ACTION_NAME not in request.POST or not isinstance(page.specific, LessonPage):
        return None
    try:
        draft = request_lesson_draft(lesson=page.specific, requested_by=request.user)
    except DraftError as error:
        messages.error(request, f"Saved, but no AI draft: {error}")
    else:
        draft.refresh_from_db()  # with an immediate task backend it has already run
        if draft.status == LessonAIDraft.Status.GENERATED:
            messages.success(request, "The AI draft is saved as the latest revision: review it, then publish.")
        elif draft.status == LessonAIDraft.Status.FAILED:
            messages.error(request, f"Saved, but the AI draft failed: {draft.message}")
        else:
            messages.info(
                request,
                "Saved. The AI is writing a draft revision from the Drafting tab's notes; its status is on that "
                "tab. Nothing is published until you publish it.",
            )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
