"""Search, resource downloads and lesson completion: what a lesson offers beyond its page."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.documents import get_document_model

from access.services import course_is_visible_to, lesson_view

from . import search as site_search
from .models import LessonPage
from .services import ProgressError, complete_lesson

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    courses, lessons = [], None
    if query:
        courses = list(site_search.search_courses(request.user, query)[:5])
        paginator = Paginator(site_search.search_lessons(request.user, query), RESULTS_PER_PAGE)
        lessons = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "courses": courses, "lesson_results": lessons}
    )


def lesson_resource(request, lesson_id, document_id):
    """Download a lesson's file, only for a viewer who may see the resource block that holds it."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    document = get_object_or_404(get_document_model(), pk=document_id)
    course = lesson.course
    if course is None or not course_is_visible_to(request.user, course):
        raise PermissionDenied
    tier = lesson_view(request.user, lesson).tier
    visible = lesson.is_open_to(tier) and document in lesson.body.stream_block.documents_visible_to(lesson.body, tier)
    if not visible:
        if not request.user.is_authenticated:
            return redirect_to_login(lesson.url)
        raise PermissionDenied("This file is for students with access to the course.")
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename, content_type=content_type
    )


def complete_lesson_view(request, lesson):
    """The lesson page's "Mark complete" button: on to the next lesson, or back with the reason."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.url)
    try:
        complete_lesson(user=request.user, lesson=lesson)
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    _previous, next_lesson = lesson.neighbours()
    messages.success(request, f"“{lesson.title}” is complete.")
    return redirect(next_lesson.url if next_lesson else lesson.course.url if lesson.course else lesson.url)
