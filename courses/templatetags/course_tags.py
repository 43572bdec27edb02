"""Small pieces the course templates repeat many times a page, in Python rather than in includes."""

import re

from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from courses.models.pages.base import labelled as labelled_title
from courses.page_cache import course_card_html
from payments import stripe_api

register = template.Library()
CARD_MARKER = re.compile(r"<!--(favorite|unlock)-->")

# The rating each star needs to be filled: half stars round up from the middle (3.5 shows four).
STAR_THRESHOLDS = (1, 1.5, 2.5, 3.5, 4.5)


@register.filter
def labelled(title, label):
    """{{ exam.title|labelled:"Final exam" }}: the label once, however the title was written."""
    return labelled_title(label, title)


@register.filter
def stars(rating):
    """A rating of 0 to 5 as five filled or empty stars."""
    rating = rating or 0
    return "".join("★" if rating >= threshold else "☆" for threshold in STAR_THRESHOLDS)


@register.simple_tag
def favorite_button(course, favorite):
    """The heart that adds the course to the viewer's favourites, or takes it off."""
    return format_html(
        '<button type="button" class="favorite" data-favorite-url="/api/courses/{}/favorite/" aria-pressed="{}"'
        ' aria-label="Favourite: {}"><span aria-hidden="true">{}</span></button>',
        course.pk,
        "true" if favorite else "false",
        course.title,
        "♥" if favorite else "♡",
    )


# The catalog's one-click actions on a card: (route on the course page, button text).
CARD_ACTIONS = {"enroll": ("enroll/", "Enroll for free"), "buy": ("buy/", "Buy now")}


def card_action(request, course, action):
    """The viewer's Enroll or Buy button on a card (a form with their CSRF token), or ""."""
    if action not in CARD_ACTIONS or not request.user.is_authenticated:
        return ""
    if action == "buy" and not stripe_api.is_configured():
        return ""  # the course page says how to buy it
    route, label = CARD_ACTIONS[action]
    return format_html(
        '<form method="post" action="{}{}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button class="button button-small" type="submit">{}</button></form>',
        course.url,
        route,
        get_token(request),
        label,
    )


@register.simple_tag(takes_context=True)
def course_card(context, course, reason="", action=""):
    """A course's card: the same for every viewer (cached), with this viewer's favourite button (for
    logged-in viewers), what unlocks the course for them (`reason`) and their Enroll or Buy button."""
    request = context["request"]
    html = course_card_html(course, request)
    unlock = format_html('<p class="unlock-reason"><strong>{}</strong></p>', reason) if reason else ""
    own = {
        "favorite": favorite_button(course, getattr(course, "is_favorite", False))
        if request.user.is_authenticated
        else "",
        "unlock": unlock + card_action(request, course, action),
    }
    return mark_safe(CARD_MARKER.sub(lambda marker: own[marker.group(1)], html))  # noqa: S308 - escaped above
