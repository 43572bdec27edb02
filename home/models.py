from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from learning_site.rich_text import SanitisedStreamField

from .blocks import HomeStreamBlock


class HomePage(Page):
    """The landing page: sections an editor arranges freely."""

    body = SanitisedStreamField(HomeStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1
