"""The school's identity (home.models.SchoolSettings) as pages, views and emails read it.

`school_settings()` is the one way to read it. Hot pages have query budgets, so what it returns is a
plain snapshot kept in the shared cache under the content generation (courses/page_cache.py): no
query once the cache is warm, and saving the settings or their footer links moves the generation on
(signal_handlers.py), so cached guest pages and shared HTML show a new name at once.
"""

import logging
from dataclasses import dataclass

from wagtail.models import Site

from courses.page_cache import shared_by_generation

logger = logging.getLogger(__name__)

# Twice the header's 40 px, for sharp logos on high-density screens.
LOGO_FILTER = "height-80"


@dataclass(frozen=True)
class FooterLink:
    label: str
    url: str


@dataclass(frozen=True)
class School:
    """A site's SchoolSettings with its footer links and logo address, as plain data."""

    name: str
    primary_colour: str
    accent_colour: str
    contact_line: str = ""
    contact_email: str = ""
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0
    footer_links: tuple[FooterLink, ...] = ()

    @classmethod
    def from_settings(cls, settings):
        logo = logo_rendition(settings.logo) if settings.logo_id else None
        links = settings.footer_links.all() if settings.pk else ()
        return cls(
            name=settings.name,
            primary_colour=settings.primary_colour,
            accent_colour=settings.accent_colour,
            contact_line=settings.contact_line,
            contact_email=settings.contact_email,
            logo_url=logo.url if logo else "",
            logo_width=logo.width if logo else 0,
            logo_height=logo.height if logo else 0,
            footer_links=tuple(FooterLink(label=link.label, url=link.url) for link in links),
        )

    @classmethod
    def defaults(cls):
        """What a site that never saved its settings shows (the model's defaults); reads nothing."""
        from .models import SchoolSettings

        return cls.from_settings(SchoolSettings())


def school_settings(request_or_site=None) -> School:
    """The school as the request's site (or the given site) has it; without either (emails, tasks),
    as the default site has it."""
    if isinstance(request_or_site, Site) or request_or_site is None:
        site = request_or_site
    else:
        site = Site.find_for_request(request_or_site)
    return shared_by_generation(f"school:{site.pk if site else 'default'}", lambda: read_school(site))


def school_or_defaults(request_or_site=None) -> School:
    """school_settings(), or the defaults when it cannot be read: for error pages, which must render
    when the database or the cache is what failed."""
    try:
        return school_settings(request_or_site)
    except Exception:
        logger.warning("Could not read the school's settings; showing the defaults.", exc_info=True)
        return School.defaults()


def read_school(site):
    from .models import SchoolSettings

    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    # Read, never created: Wagtail's for_site() would write a row on a visitor's GET.
    settings = SchoolSettings.objects.filter(site=site).select_related("logo").first() if site else None
    return School.from_settings(settings or SchoolSettings())


def logo_rendition(image):
    try:
        return image.get_rendition(LOGO_FILTER)
    except Exception:  # a missing or broken file must not take every page down with it
        logger.warning("Could not make the school logo's rendition (image %s).", image.pk, exc_info=True)
        return None
