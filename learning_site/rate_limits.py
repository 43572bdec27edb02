"""Rate limits counted in the shared cache, so they hold across every app process once the cache
is Redis; and the one rule for who the client is behind reverse proxies.

A limit is a number of requests per window of seconds (settings.RATE_LIMITS). Windows are fixed:
the count starts when the first request of a window arrives and the answer to a refused request
says, in Retry-After, how long until the window ends.
"""

import ipaddress
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from .request_guards import api_error, is_api


def client_ip(request):
    """The client's address. Without trusted proxies it is REMOTE_ADDR. With TRUSTED_PROXY_COUNT
    proxies, each appends the address it got the request from to X-Forwarded-For, so the client is
    the entry that many places from the end: anything further left was written by the client."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


@dataclass(frozen=True)
class Refusal:
    requests: int
    seconds: int
    retry_after: int


def take(name, key):
    """Count one request against limit `name` for `key`; a Refusal once the allowance is used up."""
    requests, seconds = settings.RATE_LIMITS[name]
    now = time.time()
    window = int(now // seconds)
    cache_key = f"rate:{name}:{key}:{window}"
    cache.add(cache_key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds + 1)
        used = 1
    if used > requests:
        return Refusal(requests, seconds, max(1, int((window + 1) * seconds - now) + 1))
    return None


def describe(refusal):
    if refusal.seconds >= 3600:
        span = f"{refusal.seconds // 3600} hour{'s' if refusal.seconds >= 7200 else ''}"
    elif refusal.seconds >= 60:
        span = f"{refusal.seconds // 60} minute{'s' if refusal.seconds >= 120 else ''}"
    else:
        span = f"{refusal.seconds} seconds"
    wait = refusal.retry_after
    when = f"{wait} seconds" if wait < 120 else f"{(wait + 59) // 60} minutes"
    return f"Too many requests: at most {refusal.requests} in {span}. Please try again in {when}."


def too_many_requests(request, refusal):
    """429 with Retry-After: JSON for the API, the site's page for everyone else."""
    message = describe(refusal)
    if is_api(request):
        response = api_error(429, message)
    else:
        response = TemplateResponse(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(refusal.retry_after)
    return response


def rate_limited(name, *, methods=("POST",)):
    """Limit a view per client address for the given methods (other methods pass freely)."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                refusal = take(name, client_ip(request))
                if refusal:
                    return too_many_requests(request, refusal)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
