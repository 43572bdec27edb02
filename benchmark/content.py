"""What the bench site says: the demo course's own words, repeated to any size, in real-sized lessons.

Every bench course has the shape and text of `demo_content/software-testing-ai.yaml`. Lesson bodies
are tiered the way the real ones are (guest, registered, enrolled blocks, a video, a callout), with
the demo's text blocks, sanitised once with the blocks' own features so pages render as stored.
"""

import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

from access.models import Audience
from courses.blocks import LessonStreamBlock
from courses.course_files import read_with_includes
from courses.models import CoursePage
from learning_site.rich_text import sanitise_rich_text

DEMO_DIR = Path(settings.BASE_DIR) / "demo_content"
DEMO_COURSE_FILE = DEMO_DIR / "software-testing-ai.yaml"
VIDEO_URL = "https://vimeo.com/76979871"
VIDEO_SECONDS = 600
# Only enrolled students see this heading: the runner checks for it in the enrolled lesson and
# against it in the guest's.
ENROLLED_MARKER = "Workshop notes for enrolled students"
# A word of the demo text that a real student would search for; it occurs in many lessons.
SEARCH_TERM = "boundary"


@dataclass(frozen=True)
class DemoCourse:
    fields: dict
    modules: list
    lessons: list  # each module's lessons, module by module
    texts: list  # sanitised rich text of every text block
    callouts: list  # (title, sanitised body) of every callout


@cache
def demo_course() -> DemoCourse:
    data, _sources = read_with_includes(DEMO_COURSE_FILE)
    stream = LessonStreamBlock()
    text_features = stream.child_blocks["text"].child_blocks["text"].features
    callout_features = stream.child_blocks["callout"].child_blocks["body"].features
    blocks = [block for module in data["modules"] for lesson in module["lessons"] for block in lesson.get("body") or []]
    return DemoCourse(
        fields=data,
        modules=data["modules"],
        lessons=[module["lessons"] for module in data["modules"]],
        texts=[sanitise_rich_text(block["text"], text_features) for block in blocks if block["type"] == "text"],
        callouts=[
            (block.get("title", ""), sanitise_rich_text(block["body"], callout_features))
            for block in blocks
            if block["type"] == "callout"
        ],
    )


@cache
def demo_quiz() -> dict:
    """The quiz of the demo course's first lesson that has one: its title, description and GIFT questions."""
    lessons = (lesson for module in demo_course().lessons for lesson in module)
    return next(lesson["quiz"] for lesson in lessons if "gift" in (lesson.get("quiz") or {}))


def lines(items):
    return "\n".join(items or [])


def course_fields(number: int, category_ids: list[int]) -> dict:
    """A bench course's own fields. Most are public and open; some paid, members-only or private."""
    demo = demo_course().fields
    paid = number % 2 == 0
    visibility = CoursePage.Visibility.PUBLIC
    if number % 25 == 0:
        visibility = CoursePage.Visibility.PRIVATE
    elif number % 10 == 0:
        visibility = CoursePage.Visibility.MEMBERS_ONLY
    levels = CoursePage.Level.values
    return {
        "title": f"Bench course {number}: {demo['title']}",
        "subtitle": demo["subtitle"],
        "short_description": demo["short_description"].strip(),
        "description": sanitise_rich_text(demo["description"]),
        "category_id": category_ids[number % len(category_ids)] if category_ids else None,
        "level": levels[number % len(levels)],
        "learning_objectives": lines(demo["learning_objectives"]),
        "requirements": lines(demo["requirements"]),
        "skills": lines(demo["skills"]),
        "target_audience": demo["target_audience"].strip(),
        "duration_minutes": demo["duration_minutes"],
        "price": 49 + number % 5 * 50 if paid else 0,
        "has_certificate": True,
        "coach_name": demo["coach_name"],
        "visibility": visibility,
        "enrollment_method": CoursePage.EnrollmentMethod.PURCHASE if paid else CoursePage.EnrollmentMethod.OPEN,
    }


def module_fields(position: int) -> dict:
    """The fields of a course's module at `position` (0-based): the demo module at that place."""
    modules = demo_course().modules
    module = modules[position % len(modules)]
    return {
        "title": module["title"],
        "slug": repeated_slug(module, position, len(modules)),
        "description": module["description"].strip(),
        "philosophy": module.get("philosophy", "").strip(),
        "learning_objectives": lines(module.get("learning_objectives")),
        "duration_minutes": module.get("duration_minutes", 0),
    }


def lesson_fields(module_position: int, position: int, count: int, number: int) -> dict:
    """A lesson's fields: the demo lesson at that place, with a full tiered body. `number` counts
    lessons across the whole bench site, so neighbouring lessons get different text."""
    modules = demo_course().lessons
    demo_lessons = modules[module_position % len(modules)]
    lesson = demo_lessons[position % len(demo_lessons)]
    return {
        "title": lesson["title"],
        "slug": repeated_slug(lesson, position, len(demo_lessons)),
        "lesson_type": lesson.get("lesson_type", "text"),
        "access_level": access_level_at(position, count),
        "duration_minutes": lesson.get("duration_minutes", 0),
        "summary": lesson.get("summary", "").strip(),
        "learning_objectives": lines(lesson.get("learning_objectives")),
        "transcript": lesson.get("transcript", "").strip(),
        "body": lesson_body(number, lesson["title"]),
    }


def repeated_slug(item, position, cycle):
    """The slug import_course gives the demo item, kept unique among siblings when a size asks for
    more modules or lessons than the demo has."""
    slug = item.get("slug") or slugify(item["title"])[:240]
    return slug if position < cycle else f"{slug}-{position // cycle + 1}"


def access_level_at(position: int, count: int) -> Audience:
    """Three quarters of each module open to guests, then registered, then enrolled lessons, as in
    the demo course."""
    share = position / count
    if share < 0.75:
        return Audience.GUEST
    return Audience.REGISTERED if share < 0.875 else Audience.ENROLLED


def lesson_body(number: int, title: str) -> list[dict]:
    """A lesson body as the StreamField stores it (about 4 KB, like the demo's written lessons)."""
    demo = demo_course()
    texts, callouts = demo.texts, demo.callouts
    first = number * 4
    callout_title, callout_body = callouts[number % len(callouts)]
    enrolled_text = f"<h2>{ENROLLED_MARKER}</h2>" + texts[(first + 3) % len(texts)]
    return [
        block("video", Audience.GUEST, url=VIDEO_URL, title=f"{title} (video)", duration_seconds=VIDEO_SECONDS),
        block("text", Audience.GUEST, text=texts[first % len(texts)]),
        block("callout", Audience.GUEST, style="tip", title=callout_title, body=callout_body),
        block("text", Audience.GUEST, text=texts[(first + 1) % len(texts)]),
        block("text", Audience.REGISTERED, text=texts[(first + 2) % len(texts)]),
        block("text", Audience.ENROLLED, text=enrolled_text),
    ]


def block(block_type, audience, **value):
    return {"type": block_type, "value": {"audience": audience.value, **value}, "id": str(uuid.uuid4())}
