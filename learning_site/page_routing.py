"""Wagtail's routing in a fixed number of queries, and none once an address has been served.

Page.route walks down the tree one level at a time, two queries a level (the child by its slug, then
its specific page): nine for a lesson five levels down. `route_below` finds every page the address
names in one query, then fetches the specific page that answers and the course above it: the same
answers in three queries however deep the page is. The page that answered (with its course) and the
request's Wagtail site are then kept in the cache under the content generation (page_cache.py),
which publishing, unpublishing, moving or deleting a page and changing a site move on at once.
"""

import hashlib

from django.core.cache import cache
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from courses.page_cache import ENTRY_SECONDS, content_generation


class CachedSiteMiddleware:
    """Wagtail looks up the request's site with a query on every request (Site.find_for_request);
    this answers it from the cache, as Wagtail would have found it, with the site's root page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = cached_site_for(request)
        return self.get_response(request)


def cached_site_for(request):
    # get_host() refuses hosts outside ALLOWED_HOSTS, so strangers' Host headers make no entries.
    host = hashlib.sha256(request.get_host().encode()).hexdigest()[:32]
    key = f"course-pages:site:{content_generation()}:{host}:{request.get_port()}"
    known = cache.get(key)
    if known is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 - loaded now, so it is kept with the site
        known = {"site": site}
        cache.set(key, known, ENTRY_SECONDS)
    return known["site"]


def route_below(root, request, path_components):
    """What Page.route(root, ...) returns for the address `path_components` below `root`."""
    address = hashlib.sha256("/".join(path_components).encode()).hexdigest()[:32]
    key = f"course-pages:route:{content_generation()}:{root.pk}:{address}"
    known = cache.get(key)
    if known is not None:
        page, answering = known
        return page.route(request, path_components[answering:])
    page, answering = answering_page(root, path_components)
    if page is None:
        return Page.route(root, request, path_components)
    result = page.route(request, path_components[answering:])
    # Only addresses that led to a page are kept: a made-up one raised Http404 above. The parent
    # (breadcrumbs ask for it) is kept with the page: treebeard remembers it on the instance.
    page.get_parent()
    cache.set(key, (page, answering), ENTRY_SECONDS)
    return result


def answering_page(root, path_components):
    """(the specific page that answers the address, with its course handed down; how many of the
    address's components name it), or (None, 0) when no page below `root` is named."""
    chain = pages_named_by(root, path_components)
    # The deepest page on the address answers, unless a routable page above it has a route of its
    # own for the rest of the address: as in Page.route, a route wins over a child of the same name.
    answering = next(
        (
            level
            for level, page in enumerate(chain, start=1)
            if page.live
            and issubclass(page.specific_class, RoutablePageMixin)
            and has_route(page.specific_class, path_components[level:])
        ),
        len(chain),
    )
    if not answering:
        return None, 0
    page = chain[answering - 1].specific
    hand_down_from_above(page, chain[: answering - 1])
    return page, answering


def pages_named_by(root, path_components):
    """The pages the address names, from the top, as far as they exist: one query, by the url_path
    each would have (Wagtail keeps it up to date as pages move and change slugs)."""
    if not path_components:
        return []
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[:n]) for n in range(1, len(path_components) + 1)
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes).only(
            "id", "path", "depth", "url_path", "live", "content_type_id"
        )
    }
    chain = []
    for prefix in prefixes:
        if prefix not in found:
            break
        chain.append(found[prefix])
    return chain


def has_route(page_class, remaining_components):
    path = "/" + "".join(f"{component}/" for component in remaining_components)
    try:
        page_class.get_resolver().resolve(path)
    except Http404:
        return False
    return True


def hand_down_from_above(page, ancestors):
    """Give `page` the course above it (one query), as Wagtail's walk down would have handed it."""
    from courses.models import CoursePage

    course = next((row for row in ancestors if row.specific_class is CoursePage), None)
    if course is not None:
        course.specific.hand_down_to(page)
