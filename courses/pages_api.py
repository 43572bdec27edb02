"""Wagtail's read-only pages API, with the same visibility as the site: a private course, its
modules and its lessons do not exist for a viewer without access (listing, detail and find)."""

from wagtail.api.v2.views import PagesAPIViewSet

from access.selectors import without_hidden_courses


class CoursePagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Every listing, detail, find and child_of/descendant_of lookup starts from this queryset.
        return without_hidden_courses(self.request.user, super().get_base_queryset())
