"""The learner's JSON API: lesson progress, lesson completion, favourite courses, the lesson assistant.

Every answer is JSON, errors included: 401 for anonymous callers (never a login redirect), 403
when the caller may not use the lesson or course, 404 for unknown ids, 405 for anything but POST,
400 naming the field that is wrong, 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, 415 for a
body that is not JSON (or, for the player's last report, a form), 429 with Retry-After when a rate
limit is reached. CSRF is enforced as for any form. A caller only ever reads or writes their own
rows: the user always comes from the session, never from the request body.
"""

import json
import math
from functools import wraps

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache

from access.selectors import can_open_lesson, course_is_visible_to, course_viewer
from learning_site.rate_limits import client_ip
from learning_site.request_guards import api_error as error
from learning_site.request_guards import is_api

from .models import CoursePage
from .page_cache import live_lesson
from .services import ProgressError, complete_lesson, record_progress, toggle_favorite


class BadRequest(ValueError):
    """A request the API cannot use; names the field when one is to blame."""

    status = 400

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class UnsupportedMediaType(BadRequest):
    status = 415


class PayloadTooLarge(BadRequest):
    status = 413


JSON_TYPES = {"application/json"}
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def json_api(view):
    """POST only, logged in, JSON errors for every way a call can fail."""

    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            response = error(405, "Use POST.")
            response["Allow"] = "POST"
            return response
        if not request.user.is_authenticated:
            return error(401, "Log in first.")
        try:
            return view(request, *args, **kwargs)
        except BadRequest as problem:
            return error(problem.status, str(problem), field=problem.field)
        except RequestDataTooBig:
            return error(413, "The request body is too large.")
        except Http404:
            return error(404, "Not found.")
        except PermissionDenied as denied:
            return error(403, str(denied) or "You do not have access to this.")

    return wrapper


def json_body(request):
    """The request's JSON object. navigator.sendBeacon cannot set the CSRF header, so the player's
    last report of a page sends a form with Django's csrfmiddlewaretoken field and the same JSON in a
    "payload" field; every other caller sends application/json."""
    if request.content_type in FORM_TYPES:
        raw = request.POST.get("payload", "")
    elif request.content_type in JSON_TYPES:
        raw = request.body or b""
    else:
        raise UnsupportedMediaType("Send the request body as JSON, with Content-Type: application/json.")
    try:
        # NaN and Infinity parse as floats here so that the field check below can name the field.
        data = json.loads(raw, parse_constant=float)
    except (ValueError, UnicodeDecodeError) as problem:
        raise BadRequest("The request body must be JSON.") from problem
    except RecursionError as problem:
        raise BadRequest("The request body is nested too deeply.") from problem
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.")
    for name, value in data.items():
        if "\x00" in name or (isinstance(value, str) and "\x00" in value):
            raise BadRequest(f"{name.replace(chr(0), '')} contains a NUL character (\\0).", field=name)
    return data


def number_field(data, name, *, maximum=None, maximum_label=""):
    if name not in data:
        raise BadRequest(f"{name} is required.", field=name)
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadRequest(f"{name} must be a number, not {type(value).__name__}.", field=name)
    if isinstance(value, float) and not math.isfinite(value):
        raise BadRequest(f"{name} must be a finite number.", field=name)
    if value < 0:
        raise BadRequest(f"{name} must be 0 or more.", field=name)
    if maximum is not None and value > maximum:
        raise BadRequest(f"{name} must be at most {maximum_label or maximum}.", field=name)
    try:
        return float(value)
    except OverflowError as problem:  # a whole number too large for a float, with no maximum to catch it
        raise BadRequest(f"{name} is too large.", field=name) from problem


def lesson_for(request, lesson_id):
    """The live lesson, 404 if it does not exist for this caller, 403 if they may not use it. What
    access says about the caller is asked once and kept as request.course_viewer for the service."""
    lesson = live_lesson(lesson_id)
    if lesson is None or lesson.course is None:
        raise Http404
    viewer = request.course_viewer = course_viewer(request.user, lesson.course)
    if not course_is_visible_to(request.user, lesson.course, viewer=viewer):
        raise Http404
    if not can_open_lesson(request.user, lesson, viewer):
        raise PermissionDenied("You do not have access to this lesson.")
    return lesson


@json_api
def lesson_progress(request, lesson_id):
    lesson = lesson_for(request, lesson_id)
    data = json_body(request)
    watch_percentage = number_field(data, "watch_percentage", maximum=100)
    length = lesson.video_length_seconds()
    timestamp = number_field(
        data, "timestamp", maximum=length, maximum_label=f"the video's length ({length} seconds)" if length else ""
    )
    try:
        progress, note = record_progress(
            user=request.user,
            lesson=lesson,
            watch_percentage=watch_percentage,
            timestamp=timestamp,
            viewer=request.course_viewer,
        )
    except ProgressError as problem:
        raise PermissionDenied(str(problem)) from problem
    return JsonResponse(
        {
            "success": True,
            "watch_percentage": progress.video_watch_percentage,
            "timestamp": progress.last_position_seconds,
            "status": progress.status,
            "completed": progress.completed,
            "message": note,
        }
    )


@json_api
def lesson_complete(request, lesson_id):
    lesson = lesson_for(request, lesson_id)
    try:
        complete_lesson(user=request.user, lesson=lesson, viewer=request.course_viewer)
    except ProgressError as problem:
        return error(409, str(problem))
    _previous, next_lesson = lesson.neighbours(request)
    return JsonResponse(
        {
            "success": True,
            "completed": True,
            "next_lesson_url": next_lesson.url if next_lesson else None,
            "course_url": lesson.course.url,
        }
    )


@json_api
def course_favorite(request, course_id):
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None or not course_is_visible_to(request.user, course):
        raise Http404
    return JsonResponse({"success": True, "favorite": toggle_favorite(user=request.user, course=course)})


@json_api
def chatbot(request):
    """The lesson assistant: {"lesson_id", "action", "message"} in, {"success", "reply"} out."""
    from .assistant import AssistantError, ask

    data = json_body(request)
    lesson_id = data.get("lesson_id")
    if isinstance(lesson_id, bool) or not isinstance(lesson_id, int) or not 0 < lesson_id < 2**63:
        raise BadRequest("lesson_id must be a whole number (a lesson's id).", field="lesson_id")
    message = data.get("message", "")
    if not isinstance(message, str):
        raise BadRequest("message must be text.", field="message")
    lesson = lesson_for(request, lesson_id)
    try:
        reply = ask(
            user=request.user, lesson=lesson, action=data.get("action"), message=message, client=client_ip(request)
        )
    except AssistantError as problem:
        extra = {"field": problem.field} if problem.field else {}
        response = error(problem.status, str(problem), **extra)
        if problem.retry_after:
            response["Retry-After"] = str(problem.retry_after)
        return response
    return JsonResponse({"success": True, "reply": reply})


def csrf_failure(request, reason=""):
    """CSRF failures answer the API's callers in JSON and everyone else with Django's page."""
    from django.views.csrf import csrf_failure as django_csrf_failure

    if is_api(request):
        return error(403, "The CSRF token is missing or wrong. Reload the page and try again.")
    return django_csrf_failure(request, reason=reason)
