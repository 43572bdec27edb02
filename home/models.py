from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from courses.page_cache import CachedViewRestrictionsMixin
from learning_site.page_routing import route_below
from learning_site.rich_text import SanitisedStreamField

from .blocks import HomeStreamBlock


class HomePage(CachedViewRestrictionsMixin, Page):
    """The landing page: sections an editor arranges freely."""

    body = SanitisedStreamField(HomeStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    def route(self, request, path_components):
        # Every address of the site starts here: find the page it names in a fixed number of queries.
        return route_below(self, request, path_components)
