"""Site search that only ever reads the words a viewer may see.

Lesson text is indexed once per tier key (see LessonSearchEntry); a viewer's search reads the
entries of exactly one key per lesson: "enrolled:<course id>" where they have access or edit
rights, else "registered" when logged in, else "guest".
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from wagtail.models import Site
from wagtail.search.utils import parse_query_string

from access.models import Audience
from access.selectors import drip_locked_lesson_ids, enrolled_tier_course_ids, visible_courses

from .models import CoursePage, LessonPage, LessonSearchEntry
from .page_cache import content_generation

# Wagtail's index itself catches up in the task worker after a publish: results computed meanwhile are
# kept for a minute at most.
SEARCH_RESULTS_SECONDS = 60

GUEST_KEY = "guest"
REGISTERED_KEY = "registered"


def enrolled_key(course_id):
    return f"enrolled:{course_id}"


def tier_keys_for(course):
    """The keys a lesson of `course` is indexed under, with the tier each key stands for."""
    keys = {enrolled_key(course.pk): Audience.ENROLLED}
    if course.visibility in (CoursePage.Visibility.PUBLIC, CoursePage.Visibility.MEMBERS_ONLY):
        keys[REGISTERED_KEY] = Audience.REGISTERED
    if course.visibility == CoursePage.Visibility.PUBLIC:
        keys[GUEST_KEY] = Audience.GUEST
    return keys


@transaction.atomic
def index_lesson(lesson):
    """Write the lesson's entries from its live content; drop them if it is not live."""
    lesson = LessonPage.objects.get(pk=lesson.pk)  # the live row, never an in-memory draft
    course = lesson.course
    if not lesson.live or course is None:
        remove_lesson(lesson)
        return
    keys = tier_keys_for(course)
    LessonSearchEntry.objects.filter(lesson=lesson).exclude(visibility_key__in=keys).delete()
    for key, tier in keys.items():
        LessonSearchEntry.objects.update_or_create(
            lesson=lesson,
            visibility_key=key,
            defaults={"course": course, "title": lesson.title, "text": lesson.text_visible_to(tier)},
        )


def remove_lesson(lesson):
    LessonSearchEntry.objects.filter(lesson_id=lesson.pk).delete()


def index_lessons_under(page):
    for lesson in LessonPage.objects.descendant_of(page, inclusive=True):
        index_lesson(lesson)


@dataclass(frozen=True)
class Searcher:
    """Everything about a viewer that decides what search shows them: whether they are logged in, the
    courses whose enrolled text they may read (access or edit rights), and the lessons of those still
    dripping. Viewers with the same facts get the same results."""

    authenticated: bool
    own_courses: frozenset = frozenset()
    dripping: frozenset = frozenset()

    @property
    def fingerprint(self):
        facts = (self.authenticated, sorted(self.own_courses), sorted(self.dripping))
        return hashlib.sha256(repr(facts).encode()).hexdigest()[:32]


def searcher_for(user):
    if not user.is_authenticated:
        return Searcher(authenticated=False)
    return Searcher(True, frozenset(enrolled_tier_course_ids(user)), frozenset(drip_locked_lesson_ids(user)))


def lesson_entries_for(user, searcher=None):
    """The one entry per lesson that `user` may search (`searcher`: their facts, when known)."""
    searcher = searcher or searcher_for(user)
    if not searcher.authenticated:
        return LessonSearchEntry.objects.filter(visibility_key=GUEST_KEY)
    own_courses, dripping = searcher.own_courses, searcher.dripping
    # Lessons of modules still dripping are searched as a registered user sees them.
    return LessonSearchEntry.objects.filter(
        (Q(visibility_key__in=[enrolled_key(pk) for pk in own_courses]) & ~Q(lesson_id__in=dripping))
        | (Q(visibility_key=REGISTERED_KEY) & (~Q(course_id__in=own_courses) | Q(lesson_id__in=dripping)))
    )


def parsed(query):
    """The user's words as a search query: quoted phrases kept, no raw syntax reaching the backend."""
    _filters, search_query = parse_query_string(query, operator="and")
    return search_query


def search_lessons(user, query, searcher=None):
    """Lessons whose visible words match, best first, each with its course and public summary."""
    # Entries exist only for live lessons; this also drops lessons behind Wagtail privacy settings.
    entries = lesson_entries_for(user, searcher).filter(lesson_id__in=LessonPage.objects.live().public().values("pk"))
    # Results show titles and summaries: the large columns stay in the database, or ranking would
    # carry every matching lesson's body along while it sorts them.
    heavy = ["text", "lesson__body", "lesson__transcript", "course__description", "course__requirements"]
    return entries.select_related("lesson", "course").defer(*heavy).search(parsed(query))


def search_courses(user, query):
    return visible_courses(user, CoursePage.objects.all()).search(parsed(query))


# Results, kept for viewers with the same facts -------------------------------------------------


@dataclass(frozen=True)
class FoundCourse:
    url: str
    title: str
    short_description: str


@dataclass(frozen=True)
class FoundLesson:
    """A lesson as results show it: its title and public summary, never its body."""

    url: str
    slug: str
    title: str
    access_level: str
    summary: str
    course_title: str


@dataclass
class SearchResults:
    """One page of what a search found, as plain data: courses (the first few) and lessons."""

    courses: list[FoundCourse] = field(default_factory=list)
    lessons: list[FoundLesson] = field(default_factory=list)
    lesson_count: int = 0
    page_number: int = 1


def search_results(request, query, page, *, courses_shown, per_page):
    """What `query` finds for the request's viewer, page `page` of the lessons: from the cache, where
    it is kept under the content generation (publishing changes what is found) and the viewer's
    Searcher fingerprint (access, edit rights and drip decide what they may find)."""
    user = request.user
    searcher = searcher_for(user)
    site = Site.find_for_request(request)
    words = hashlib.sha256(query.encode()).hexdigest()[:32]
    key = f"course-pages:search:{content_generation()}:{site.pk if site else 0}:{words}:{searcher.fingerprint}:{page}"
    results = cache.get(key)
    if results is None:
        paginator = Paginator(search_lessons(user, query, searcher), per_page)
        found = paginator.get_page(page)
        results = SearchResults(
            courses=[
                FoundCourse(course.get_url(request), course.title, course.short_description)
                for course in search_courses(user, query)[:courses_shown]
            ],
            lessons=[
                FoundLesson(
                    url=entry.lesson.get_url(request),
                    slug=entry.lesson.slug,
                    title=entry.lesson.title,
                    access_level=entry.lesson.access_level,
                    summary=entry.lesson.summary,
                    course_title=entry.course.title,
                )
                for entry in found
            ],
            lesson_count=paginator.count,
            page_number=found.number,
        )
        cache.set(key, results, SEARCH_RESULTS_SECONDS)
    return results
