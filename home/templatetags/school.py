"""`{% school as school %}`: the school's identity (home.school) in any template, emails included,
which are rendered without a request and so read the default site's."""

from django import template

from home.school import school_or_defaults, school_settings

register = template.Library()


@register.simple_tag(takes_context=True)
def school(context):
    return school_settings(context.get("request"))


@register.simple_tag(takes_context=True, name="school_or_defaults")
def school_or_defaults_tag(context):
    """For error pages: the defaults when the settings cannot be read (the database may be what failed)."""
    return school_or_defaults(context.get("request"))
