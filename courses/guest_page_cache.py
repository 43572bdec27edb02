"""Whole pages for guests: a visitor with no session and no pending messages is anonymous, and every
such visitor gets the same page at the same address. Their pages are kept for a minute under the
content generation (page_cache.py), so publishing, unpublishing, moving or deleting a page, or
changing a view restriction, shows at once; what else a guest page shows (ratings, whether enrollment
has opened) is at most a minute old.

Only a page that used nothing of the request's own is kept: a page that wrote a CSRF token (a form)
or wrote to the session is rendered for each visitor, as is anything but a 200. Wagtail's view
restrictions are checked before this runs (it is registered after Wagtail's own hook), so a cached
page never passes a restriction by.

A kept page's inline styles carry the CSP nonce of the request that rendered it; each visitor's copy
gets their own request's nonce instead, which their Content-Security-Policy header then names.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from .page_cache import content_generation

GUEST_PAGE_SECONDS = 60
MESSAGES_COOKIE = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")


def serves_guests_from_cache(serve_page):
    """Wagtail's on_serve_page hook: the cached page for a guest, or the page, kept when shareable."""

    def serve(page, request, serve_args, serve_kwargs):
        if not is_plain_guest_request(request):
            return serve_page(page, request, serve_args, serve_kwargs)
        key = guest_page_key(request)
        kept = cache.get(key)
        if kept is not None:
            return guest_response(kept, request)
        response = serve_page(page, request, serve_args, serve_kwargs)
        if is_shareable(request, response):
            kept = {"content": response.content, "content_type": response["Content-Type"], "nonce": used_nonce(request)}
            cache.set(key, kept, GUEST_PAGE_SECONDS)
        return response

    return serve


def is_plain_guest_request(request):
    """A GET of an address without a query string, from a visitor without a session or messages."""
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and not request.user.is_authenticated
    )


def guest_page_key(request):
    site = Site.find_for_request(request)
    address = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    return f"course-pages:guest-page:{content_generation()}:{site.pk if site else 0}:{address}"


def is_shareable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if hasattr(response, "render"):
        response.render()
    wrote_session = getattr(getattr(request, "session", None), "modified", False)
    return not wrote_session and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def used_nonce(request):
    """The CSP nonce the page was rendered with, or None if it used none (django-csp's lazy nonce is
    true once it has been read)."""
    nonce = getattr(request, "csp_nonce", None)
    return str(nonce) if nonce else None


def guest_response(kept, request):
    content = kept["content"]
    if kept.get("nonce"):
        content = content.replace(kept["nonce"].encode(), str(request.csp_nonce).encode())
    response = HttpResponse(content, content_type=kept["content_type"])
    # The same address shows a logged-in student other things: no shared cache may keep it.
    patch_cache_control(response, private=True)
    return response
