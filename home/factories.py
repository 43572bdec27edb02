"""Factories for the school's settings."""

import factory
from wagtail.models import Site

from .models import SchoolFooterLink, SchoolSettings


class SchoolSettingsFactory(factory.django.DjangoModelFactory):
    """The default site's school (there is one per site)."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    name = "Northbridge School of Software Testing"

    class Meta:
        model = SchoolSettings


class SchoolFooterLinkFactory(factory.django.DjangoModelFactory):
    school = factory.SubFactory(SchoolSettingsFactory)
    label = factory.Sequence(lambda n: f"Link {n}")
    url = factory.Sequence(lambda n: f"/link-{n}/")

    class Meta:
        model = SchoolFooterLink
