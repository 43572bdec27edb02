"""Wagtail's routing in a fixed number of queries.

Page.route walks down the tree one level at a time, two queries a level (the child by its slug, then
its specific page): nine for a lesson five levels down. `route_below` finds every page the address
names in one query, then fetches the specific page that answers and the course above it: the same
answers in three queries however deep the page is.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route_below(root, request, path_components):
    """What Page.route(root, ...) returns for the address `path_components` below `root`."""
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
        return Page.route(root, request, path_components)
    page = chain[answering - 1].specific
    hand_down_from_above(page, chain[: answering - 1])
    return page.route(request, path_components[answering:])


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
