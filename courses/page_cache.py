"""What course pages share between viewers, cached: a course's outline, and a lesson's body as each
viewer tier sees it. Nothing about one viewer goes into these entries; their own ticks, locks, notes
and progress are read per request and laid over them.

Every key holds the site's content generation. Publishing, unpublishing, moving or deleting a page,
changing a view restriction or a site, and replacing an image or document move it on (see
signal_handlers.py), so after any of them no older entry is read again; old entries simply expire.
"""

import hashlib
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail.models import Page, PageViewRestriction, Site

GENERATION_KEY = "course-pages:generation"
ENTRY_SECONDS = 24 * 60 * 60


def content_generation():
    """The current generation: a number that only moves forward, even when the cache lost it."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Started from the clock, so a lost counter never comes back to a number already used.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def forget_course_pages():
    """Start a new generation now, and again when the current transaction commits: a request that
    read the old rows before the commit must not store them under the new generation."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted, or never set): start from the clock
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


@dataclass
class OutlineLesson:
    pk: int
    title: str
    url: str
    path: str
    access_level: str
    duration_minutes: int


@dataclass
class OutlineModule:
    pk: int
    title: str
    url: str
    path: str
    number: int
    drip_days: int
    description: str
    lessons: list = field(default_factory=list)
    unlocks_at: object = None  # the viewer's own: set per request, never cached


def course_outline(course, request):
    """The course's live modules and lessons (CoursePage.outline) as plain data, from the cache."""
    known = request.__dict__.setdefault("course_outlines", {})  # asked twice in a request, read once
    if course.pk in known:
        return known[course.pk]
    site = Site.find_for_request(request)
    key = f"course-pages:outline:{content_generation()}:{site.pk if site else 0}:{course.pk}"
    outline = cache.get(key)
    if outline is None:
        outline = [
            OutlineModule(
                pk=module.pk,
                title=module.title,
                url=module.get_url(request),
                path=module.path,
                number=module.number,
                drip_days=module.drip_days,
                description=module.description,
                lessons=[
                    OutlineLesson(
                        pk=lesson.pk,
                        title=lesson.title,
                        url=lesson.get_url(request),
                        path=lesson.path,
                        access_level=lesson.access_level,
                        duration_minutes=lesson.duration_minutes,
                    )
                    for lesson in module.lessons
                ],
            )
            for module in course.outline()
        ]
        cache.set(key, outline, ENTRY_SECONDS)
    known[course.pk] = outline
    return outline


def lesson_body(lesson, request, tier):
    """The lesson's blocks rendered for viewers of `tier`. What a block shows depends on the tier, on
    whether the viewer is logged in (which the tier decides: guests are the only anonymous tier) and
    on the page's address (login links come back to it), so those make the key. Previews are never
    cached: they show a draft."""
    context = {"page": lesson, "request": request, "viewer_tier": tier}
    if getattr(request, "is_preview", False) or not lesson.pk:
        return render_to_string("courses/lesson_body.html", context)
    address = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    revision = lesson.live_revision_id
    key = f"course-pages:lesson-body:{content_generation()}:{lesson.pk}:{revision}:{tier}:{address}"
    body = cache.get(key)
    if body is None:
        body = render_to_string("courses/lesson_body.html", context)
        cache.set(key, str(body), ENTRY_SECONDS)
    return mark_safe(body)  # noqa: S308 - our own template's output, escaped as it was rendered


def site_view_restrictions():
    """{"restrictions": [(id, path of the page it is on)], "aliases": [path]} for the whole site: the
    same for every viewer, and few."""
    key = f"course-pages:view-restrictions:{content_generation()}"
    known = cache.get(key)
    if known is None:
        known = {
            "restrictions": list(PageViewRestriction.objects.values_list("pk", "page__path")),
            "aliases": list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        }
        cache.set(key, known, ENTRY_SECONDS)
    return known


def view_restriction_ids(page):
    """The ids of the view restrictions over `page` (on it or an ancestor); None when an alias is on
    the way (Wagtail then resolves it itself)."""
    known = site_view_restrictions()
    if any(page.path.startswith(path) for path in known["aliases"]):
        return None
    return [pk for pk, path in known["restrictions"] if page.path.startswith(path)]


class CachedViewRestrictionsMixin:
    """Wagtail asks the database for a page's view restrictions (two queries) every time it serves
    one; nearly every page has none, and the site has few. This answers from view_restriction_ids."""

    def get_view_restrictions(self):
        ids = view_restriction_ids(self) if self.path else None
        if ids is None:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()


def shared_outline_html(lesson, request, context):
    """The lesson page's outline sidebar, cached for viewers with nothing of their own in it (no ticks,
    no drip dates: every guest, and students who have not started), who all see the same sidebar on
    the same lesson. None for anyone else, whose sidebar the page renders itself."""
    outline = context["outline"]
    if context["completed_ids"] or any(module.unlocks_at for module in outline) or not lesson.pk:
        return None
    if getattr(request, "is_preview", False) or context["course"] is None:
        return None
    logged_in = request.user.is_authenticated
    key = f"course-pages:lesson-outline:{content_generation()}:{context['course'].pk}:{lesson.pk}:{int(logged_in)}"
    html = cache.get(key)
    if html is None:
        shared = {"outline": outline, "course": context["course"], "page": lesson, "request": request}
        html = str(render_to_string("courses/lesson_outline.html", {**shared, "completed_ids": set()}))
        cache.set(key, html, ENTRY_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped as it was rendered
