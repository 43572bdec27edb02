"""What course pages share between viewers, cached: a course's outline, and a lesson's body as each
viewer tier sees it. Nothing about one viewer goes into these entries; their own ticks, locks, notes
and progress are read per request and laid over them.

Every key holds the site's content generation. Publishing, unpublishing, moving or deleting a page,
changing a view restriction or a site, and replacing an image or document move it on (see
signal_handlers.py), so after any of them no older entry is read again; old entries simply expire.
"""

import hashlib
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from wagtail.models import Page, PageViewRestriction, Site

from access.models import Audience

GENERATION_KEY = "course-pages:generation"
ENTRY_SECONDS = 24 * 60 * 60

# While a request is served (ContentGenerationMiddleware), what it read of the shared caches once:
# the generation first (the outline, the body, the view restrictions and the route all key by it),
# and entries read in bulk before the template asks for them one by one.
_request_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)


def request_memo():
    """This request's memo of shared cache entries (a dict), or None outside a request."""
    return _request_memo.get()


def content_generation():
    """The current generation: a number that only moves forward, even when the cache lost it."""
    known = _request_memo.get()
    if known and "generation" in known:
        return known["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Started from the clock, so a lost counter never comes back to a number already used.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if known is not None:
        known["generation"] = generation
    return generation


class ContentGenerationMiddleware:
    """Reads the content generation once per request, however many cached entries the request uses.
    A request that moves it on (a publish) reads the new one afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def forget_course_pages():
    """Start a new generation now, and again when the current transaction commits: a request that
    read the old rows before the commit must not store them under the new generation."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    known = _request_memo.get()
    if known:
        known.clear()
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

    @property
    def heading(self):
        from courses.models.pages.base import labelled

        return labelled(f"Module {self.number}", self.title)


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


def live_lesson(lesson_id):
    """The live lesson with this id, with its course, or None: what the learner API serves."""
    from .models import LessonPage

    key = f"course-pages:live-lesson:{content_generation()}:{lesson_id}"
    lesson = cache.get(key)
    if lesson is None:
        lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
        if lesson is None:
            return None  # not kept: anyone can ask for any number
        lesson.course  # noqa: B018 - found now, so it is kept with the lesson
        cache.set(key, lesson, ENTRY_SECONDS)
    return lesson


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


def shared_by_generation(name, read):
    """What `read()` returns, the same for every viewer: read once per content generation, kept in
    the cache and, for the rest of a request, in its memo."""
    memo = request_memo()
    if memo is not None and name in memo:
        return memo[name]
    key = f"course-pages:{name}:{content_generation()}"
    value = cache.get(key)
    if value is None:
        value = read()
        cache.set(key, value, ENTRY_SECONDS)
    if memo is not None:
        memo[name] = value
    return value


def shared_many(name, ids, read_missing, *, memoise=True):
    """{id: value} for `ids`, the same for every viewer, one cache entry per id under the content
    generation: one round trip for the cached ones, `read_missing(ids)` ({id: value}) for the rest,
    and (with `memoise`) kept in the request's memo for the rest of the request."""
    ids = list(dict.fromkeys(ids))
    memo = request_memo() if memoise else None
    known = {} if memo is None else memo.setdefault(f"many:{name}", {})
    wanted = [pk for pk in ids if pk not in known]
    if wanted:
        generation = content_generation()
        keys = {pk: f"course-pages:{name}:{generation}:{pk}" for pk in wanted}
        cached = cache.get_many(list(keys.values()))
        known.update({pk: cached[key] for pk, key in keys.items() if key in cached})
        missing = [pk for pk in wanted if pk not in known]
        if missing:
            read = read_missing(missing)
            cache.set_many({keys[pk]: value for pk, value in read.items()}, ENTRY_SECONDS)
            known.update(read)
    return {pk: known[pk] for pk in ids if pk in known}


def site_view_restrictions():
    """{"restrictions": [(id, path of the page it is on)], "aliases": [path]} for the whole site: the
    same for every viewer, and few."""
    return shared_by_generation(
        "view-restrictions",
        lambda: {
            "restrictions": list(PageViewRestriction.objects.values_list("pk", "page__path")),
            "aliases": list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        },
    )


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


def lesson_outline_html(lesson, request, outline, completed_ids):
    """The lesson page's outline sidebar: the same for every viewer of the lesson (logged in or not),
    rendered once and cached; this viewer's ticks, locks and unlock dates are then put in its markers
    (`outline` carries their drip dates, `completed_ids` the lessons they completed)."""
    course = lesson.course
    context = {"outline": outline, "course": course, "page": lesson, "request": request}
    logged_in = request.user.is_authenticated
    cacheable = course is not None and lesson.pk and not getattr(request, "is_preview", False)
    key = f"lesson-outline:{course.pk}:{lesson.pk}:{int(logged_in)}" if cacheable else None
    html = shared_html("courses/lesson_outline.html", context, key, request)
    return fill_outline_markers(html, outline, completed_ids, badge="Unlocks {}", date="j M")


def course_outline_html(course, request, outline):
    """The course page's outline, the same for every viewer, with this viewer's unlock dates."""
    cacheable = not getattr(request, "is_preview", False)
    key = f"course-outline:{course.pk}" if cacheable else None
    html = shared_html("courses/course_outline.html", {"outline": outline, "request": request}, key, request)
    return fill_outline_markers(html, outline, set(), badge="Unlocks on {}", date="j F Y")


CARD_FACTS = ("rating_count", "rating_average", "lesson_count", "total_minutes", "discount_is_on")


def course_card_html(course, request):
    """A course card as every viewer sees it, with markers for the viewer's own parts. What the card
    shows beyond the course's own fields (its rating and size, as the caller annotated them) is part
    of the key, so a new review makes a new card at once."""
    context = {"course": course, "request": request}
    return shared_html("components/course_card.html", context, course_card_key(course), request)


def course_card_key(course):
    return f"course-card:{course.pk}:" + ":".join(str(getattr(course, name, None)) for name in CARD_FACTS)


def prefetch_course_cards(courses, request):
    """Read the cards of `courses` in one round trip, for the template's course_card tags."""
    keys = [shared_html_key(course_card_key(course), request) for course in courses]
    memo = request_memo()
    if memo is not None and keys:
        memo.setdefault("shared-html", {}).update(cache.get_many(keys))


def shared_html(template, context, key, request):
    """`template` rendered, from the cache under `key` for the request's site (its links are the
    site's); None: a preview, never kept."""
    if key is None:
        return render_to_string(template, context)
    key = shared_html_key(key, request)
    prefetched = (request_memo() or {}).get("shared-html", {})
    html = prefetched.get(key) or cache.get(key)
    if html is None:
        html = str(render_to_string(template, context))
        cache.set(key, html, ENTRY_SECONDS)
    return html


def shared_html_key(key, request):
    site = Site.find_for_request(request)
    return f"course-pages:{key}:{content_generation()}:{site.pk if site else 0}"


OUTLINE_MARKER = re.compile(r"<!--(module|lesson):(\d+)-->")
TICK = mark_safe('<span class="tick" aria-label="Completed">✓</span>')
LOCK = mark_safe('<span aria-label="Locked">🔒</span>')


def fill_outline_markers(html, outline, completed_ids, *, badge, date):
    """The viewer's own state in a shared outline's markers: `badge` (with the date in `date`'s
    format) on each module still closed to them, a lock on its enrolled lessons, a tick on each lesson
    of `completed_ids`. Titles are escaped, so every marker is one the template wrote."""
    badges, locked = {}, set()
    for module in outline:
        if module.unlocks_at:
            opens = date_format(localtime(module.unlocks_at), date)
            badges[str(module.pk)] = format_html(' <span class="badge badge-locked">{}</span>', badge.format(opens))
            locked.update(str(item.pk) for item in module.lessons if item.access_level == Audience.ENROLLED)
    completed = {str(pk) for pk in completed_ids}

    def fill(marker):
        kind, pk = marker.groups()
        if kind == "module":
            return badges.get(pk, "")
        return TICK if pk in completed else LOCK if pk in locked else ""

    return mark_safe(OUTLINE_MARKER.sub(fill, html))  # noqa: S308 - our template's output and our own markup
