import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

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


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# Both colours are text on white (links) and the background of white text (buttons): WCAG AA asks
# 4.5:1 for body text either way.
MIN_CONTRAST_ON_WHITE = 4.5


def contrast_with_white(colour):
    """WCAG 2 contrast ratio between `colour` (#rrggbb) and white."""

    def linear(channel):
        value = int(channel, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def validate_brand_colour(value):
    if not HEX_COLOUR.fullmatch(value or ""):
        raise ValidationError(
            "Enter the colour as # and six hexadecimal digits, for example #1f4fd1.", code="invalid_colour"
        )
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST_ON_WHITE:
        raise ValidationError(
            "%(colour)s is too light to read on white or under white text (contrast %(ratio).1f:1, at least "
            "4.5:1 needed). Choose a darker shade.",
            code="low_contrast",
            params={"colour": value, "ratio": ratio},
        )


def validate_footer_url(value):
    """An address on this site (/about/), a web address (https://...) or an email link (mailto:...)."""
    if value.startswith("mailto:"):
        address = value.removeprefix("mailto:").split("?", 1)[0]  # mailto:a@b.example?subject=Hello
        EmailValidator(message="Enter an email address after mailto:, for example mailto:hello@example.com.")(address)
    elif value.startswith("/"):
        if value.startswith("//"):
            raise ValidationError("Start an address on this site with a single /, for example /about/.")
    else:
        URLValidator(
            schemes=["http", "https"],
            message="Enter an address on this site (/about/), a web address (https://…) or mailto:address.",
        )(value)


@register_setting(icon="site")
class SchoolSettings(ClusterableModel, BaseSiteSetting):
    """Who the school is: its name, logo, colours and contact details, shown on every page and email."""

    name = models.CharField(
        max_length=100,
        default="Learning Site",
        help_text="The school's name: in the header, every page's title, the footer, emails and certificates.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header instead of the name (which stays its text alternative). A wide image "
        "at least 80 px high.",
    )
    primary_colour = models.CharField(
        max_length=7,
        default="#1f4fd1",
        validators=[validate_brand_colour],
        help_text="Links, buttons and highlights, as #rrggbb. Dark enough for white text on it.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#173ba0",
        validators=[validate_brand_colour],
        help_text="Links and buttons under the pointer, as #rrggbb: usually a darker shade of the primary colour.",
    )
    contact_line = models.CharField(
        max_length=255,
        blank=True,
        help_text="One sentence shown on paid courses while online checkout is off, e.g. “Questions or want "
        "to buy for a team? Email hello@example.com”.",
    )
    contact_email = models.EmailField(blank=True, help_text="Where students can write to the school.")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
            ],
            heading="Identity",
        ),
        MultiFieldPanel([FieldPanel("contact_line"), FieldPanel("contact_email")], heading="Contact"),
        InlinePanel("footer_links", heading="Footer links", label="Footer link"),
    ]

    class Meta:
        verbose_name = "School"


class SchoolFooterLink(Orderable):
    """One link in every page's footer (About, Contact, Privacy)."""

    school = ParentalKey(SchoolSettings, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField(max_length=50, help_text="The link's text, e.g. Privacy.")
    url = models.CharField(
        max_length=500,
        validators=[validate_footer_url],
        help_text="An address on this site (/about/), a web address (https://…) or mailto:hello@example.com.",
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("url")])]

    def __str__(self):
        return self.label
