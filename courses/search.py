"""Site search that only ever reads the words a viewer may see.

Lesson text is indexed once per tier key (see LessonSearchEntry); a viewer's search reads the
entries of exactly one key per lesson: "enrolled:<course id>" where they have access or edit
rights, else "registered" when logged in, else "guest".
"""

from django.db import transaction
from django.db.models import Q
from wagtail.search.utils import parse_query_string

from access.models import Audience
from access.selectors import drip_locked_lesson_ids, enrolled_tier_course_ids, visible_courses

from .models import CoursePage, LessonPage, LessonSearchEntry

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


def lesson_entries_for(user):
    """The one entry per lesson that `user` may search."""
    if not user.is_authenticated:
        return LessonSearchEntry.objects.filter(visibility_key=GUEST_KEY)
    own_courses = enrolled_tier_course_ids(user)
    # Lessons of modules still dripping are searched as a registered user sees them.
    dripping = drip_locked_lesson_ids(user)
    return LessonSearchEntry.objects.filter(
        (Q(visibility_key__in=[enrolled_key(pk) for pk in own_courses]) & ~Q(lesson_id__in=dripping))
        | (Q(visibility_key=REGISTERED_KEY) & (~Q(course_id__in=own_courses) | Q(lesson_id__in=dripping)))
    )


def parsed(query):
    """The user's words as a search query: quoted phrases kept, no raw syntax reaching the backend."""
    _filters, search_query = parse_query_string(query, operator="and")
    return search_query


def search_lessons(user, query):
    """Lessons whose visible words match, best first, each with its course and public summary."""
    # Entries exist only for live lessons; this also drops lessons behind Wagtail privacy settings.
    entries = lesson_entries_for(user).filter(lesson_id__in=LessonPage.objects.live().public().values("pk"))
    # Results show titles and summaries: the large columns stay in the database, or ranking would
    # carry every matching lesson's body along while it sorts them.
    heavy = ["text", "lesson__body", "lesson__transcript", "course__description", "course__requirements"]
    return entries.select_related("lesson", "course").defer(*heavy).search(parsed(query))


def search_courses(user, query):
    return visible_courses(user, CoursePage.objects.all()).search(parsed(query))
