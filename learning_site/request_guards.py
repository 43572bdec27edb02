"""Input no view can use is refused at the door with a clear 400, instead of a 500 deeper down.

NUL characters are the case that matters: PostgreSQL cannot store them in text, and a lookup with
one in it fails. They never belong in a web form, a query string or an address, so any request
carrying one (percent-encoded as %00) is answered before it reaches a view.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse, JsonResponse
from django.template import loader

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
NUL = "\x00"
MESSAGE = (
    "Your request contained a NUL character (\\0), which cannot be stored. "
    "It usually comes from text pasted from another program: remove it and try again."
)


def contains_nul(query_dict):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


def is_api(request):
    """The site's JSON APIs live under /api/: their callers get every answer, errors too, as JSON."""
    return request.path_info.startswith("/api/")


def api_error(status, message, **extra):
    """An API error as every JSON endpoint answers it."""
    return JsonResponse({"success": False, "error": message, **extra}, status=status)


def bad_request(request, message, status=400):
    if is_api(request):
        return api_error(status, message)
    return HttpResponse(loader.render_to_string("400.html", {"message": message}), status=status)


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info or contains_nul(request.GET):
            return bad_request(request, MESSAGE)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            try:
                if contains_nul(request.POST):
                    return bad_request(request, MESSAGE)
            except RequestDataTooBig:
                return bad_request(request, "The request is too large. Nothing was saved.", status=413)
            except TooManyFieldsSent:
                return bad_request(request, "The form has too many fields. Nothing was saved.")
        return self.get_response(request)
