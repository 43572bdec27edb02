"""Search, resource downloads and lesson completion: what a lesson offers beyond its page."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model

from access.selectors import course_is_visible_to, lesson_view
from quizzes.certificates import TROPHY_TIERS

from . import search as site_search
from . import selectors
from .models import CourseIndexPage, CoursePage, LessonPage, ResourceDownload
from .page_cache import prefetch_course_cards
from .services import ProgressError, complete_lesson, save_note, save_review

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    context = {"search_query": query}
    if query:
        page = request.GET.get("page", "")[:12]
        results = site_search.search_results(request, query, page, courses_shown=5, per_page=RESULTS_PER_PAGE)
        # Only the count is paged here: the page's lessons come with the results.
        context["lesson_page"] = Paginator(range(results.lesson_count), RESULTS_PER_PAGE).get_page(results.page_number)
        context["results"] = results
    return TemplateResponse(request, "search/search.html", context)


def lesson_resource(request, lesson_id, document_id):
    """Download a lesson's file, only for a viewer who may see the resource block that holds it."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    document = get_object_or_404(get_document_model(), pk=document_id)
    course = lesson.course
    if course is None or not course_is_visible_to(request.user, course):
        raise Http404  # a 403 would confirm that a private course exists
    tier = lesson_view(request.user, lesson).tier
    visible = lesson.is_open_to(tier) and document in lesson.body.stream_block.documents_visible_to(lesson.body, tier)
    if not visible:
        if not request.user.is_authenticated:
            return redirect_to_login(lesson.url)
        raise PermissionDenied("This file is for students with access to the course.")
    ResourceDownload.objects.create(
        user=request.user if request.user.is_authenticated else None, lesson=lesson, document=document
    )
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename, content_type=content_type
    )


def save_note_view(request, lesson):
    """The lesson page's private notes box."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.url)
    try:
        note = save_note(user=request.user, lesson=lesson, text=request.POST.get("text", ""))
    except ProgressError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Note saved." if note else "Note deleted.")
    return redirect(lesson.url + "#notes")


def save_review_view(request, course):
    """The course page's review form: one review per student, editable."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    try:
        rating = int(request.POST.get("rating", ""))
    except ValueError:
        rating = None
    try:
        save_review(user=request.user, course=course, rating=rating, text=request.POST.get("text", ""))
    except ProgressError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Thank you: your review is saved.")
    return redirect(course.url + "#reviews")


def complete_lesson_view(request, lesson):
    """The lesson page's "Mark complete" button: on to the next lesson, or back with the reason."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.url)
    try:
        complete_lesson(user=request.user, lesson=lesson, viewer=getattr(request, "course_viewer", None))
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    _previous, next_lesson = lesson.neighbours(request)
    messages.success(request, f"“{lesson.title}” is complete.")
    return redirect(next_lesson.url if next_lesson else lesson.course.url if lesson.course else lesson.url)


@login_required
def dashboard(request):
    """/my-dashboard/: the student's numbers, their courses and what they could unlock next."""
    from access.selectors import catalog_groups

    user = request.user
    sort = request.GET.get("sort") if request.GET.get("sort") in selectors.DASHBOARD_SORTS else "recent"
    favorites_only = request.GET.get("favorites") == "1"
    certificates = selectors.valid_certificates(user)  # read once: counted, and shown on their courses
    summaries = selectors.learner_courses(user, sort=sort, certificates=certificates)
    shown = [summary for summary in summaries if summary.favorite or not favorites_only]
    catalog = CourseIndexPage.objects.live().first()
    available = []
    if catalog:
        courses = selectors.catalog_courses(user, catalog, selectors.UNFILTERED)
        owned = {course.pk for course in courses if course.is_owned}
        # The progress the summaries read tells which prerequisites the student has completed.
        progress = {summary.course.pk: summary.progress for summary in summaries}
        available = catalog_groups(user, courses, owned=owned, progress=progress).available
        prefetch_course_cards([entry.course for entry in available], request)
    return render_private(
        request,
        "courses/dashboard.html",
        {
            "stats": selectors.dashboard_stats(summaries, len(certificates)),
            "summaries": shown,
            "sort": sort,
            "sorts": selectors.sort_labels(selectors.DASHBOARD_SORTS),
            "favorites_only": favorites_only,
            "available": available,
        },
    )


@login_required
def course_progress(request, slug):
    """/my-dashboard/course/<slug>/: lesson by lesson, with quiz results, notes and the next lesson."""
    from access.selectors import course_viewer

    from .page_cache import course_outline

    course = CoursePage.objects.live().filter(slug=slug).first()
    viewer = course_viewer(request.user, course) if course is not None else None
    if viewer is None or viewer.access is None:
        raise Http404("You are not enrolled in this course.")
    outline = course_outline(course, request)
    groups, next_lesson, progress = selectors.course_progress(request.user, course, outline, viewer)
    return render_private(
        request,
        "courses/course_progress.html",
        {
            "course": course,
            "groups": groups,
            "next_lesson": next_lesson,
            "done": progress.done,
            "total": progress.total,
            "notes": [row for group in groups for row in group.rows if row.note],
        },
    )


@login_required
def certifications(request):
    """/my-certifications/: certificates with their verification links, and the trophy shelf."""
    from quizzes.certificates import trophy_shelf
    from quizzes.models import Certificate

    certificates = list(Certificate.objects.filter(user=request.user).select_related("course"))
    valid = [certificate for certificate in certificates if certificate.is_valid]
    return render_private(
        request,
        "courses/certifications.html",
        {"certificates": certificates, "shelf": trophy_shelf(len(valid)), "tiers": TROPHY_TIERS},
    )


def render_private(request, template, context):
    response = TemplateResponse(request, template, context)
    patch_cache_control(response, private=True, no_store=True)
    return response
