"""Small pieces the course templates repeat many times a page, in Python rather than in includes."""

from django import template

register = template.Library()

# The rating each star needs to be filled: half stars round up from the middle (3.5 shows four).
STAR_THRESHOLDS = (1, 1.5, 2.5, 3.5, 4.5)


@register.filter
def stars(rating):
    """A rating of 0 to 5 as five filled or empty stars."""
    rating = rating or 0
    return "".join("★" if rating >= threshold else "☆" for threshold in STAR_THRESHOLDS)
