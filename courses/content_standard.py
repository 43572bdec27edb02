"""The course content standard, measured: what `course_report` shows and flags, lesson by lesson.

The standard (the Software Testing course's own, from its outline): a module has 8 to 10 lessons;
a lesson lasts 45 to 90 minutes, has 3 or 4 objectives, its prerequisites, at least 900 words of
teaching text (1,200 on average across the course), 4 to 6 resources and a quiz of 5 to 10
questions, each question explained; a lab's or project's quiz is required. Teaching text is the
words of text and callout blocks, and a video lesson's transcript.
"""

import html
import re
from dataclasses import dataclass, field

from .models import LessonPage

LESSONS_PER_MODULE = (8, 10)
LESSON_MINUTES = (45, 90)
OBJECTIVES = (3, 4)
RESOURCES = (4, 6)
QUESTIONS = (5, 10)
MIN_WORDS = 900
MIN_AVERAGE_WORDS = 1200
TEACHING_BLOCKS = ("text", "callout")
REQUIRED_QUIZ_TYPES = (LessonPage.LessonType.LAB, LessonPage.LessonType.PROJECT)

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_][\w'’-]*")


def words_of(markup):
    return WORD.findall(html.unescape(TAG.sub(" ", markup or "")))


def teaching_text(lesson):
    """The lesson's teaching text as a list of paragraphs (plain text)."""
    paragraphs = []
    for child in lesson.body:
        if child.block_type not in TEACHING_BLOCKS:
            continue
        markup = child.value["text"].source if child.block_type == "text" else child.value["body"].source
        if child.block_type == "callout" and child.value.get("title"):
            paragraphs.append(child.value["title"])
        paragraphs.extend(
            part for part in re.split(r"</p>|</li>|</h\d>|<br\s*/?>", markup) if TAG.sub("", part).strip()
        )
    if lesson.lesson_type == LessonPage.LessonType.VIDEO and lesson.transcript:
        paragraphs.extend(part for part in lesson.transcript.split("\n\n") if part.strip())
    return [" ".join(words_of(part)) for part in paragraphs]


def question_is_explained(child):
    value = child.value
    if value.get("explanation"):
        return True
    if child.block_type == "true_false":
        return bool(value.get("true_explanation") and value.get("false_explanation"))
    options = value.get("options") or []
    return bool(options) and all(option["explanation"] for option in options)


def outside(value, bounds):
    low, high = bounds
    return not low <= value <= high


@dataclass
class LessonMeasure:
    lesson: LessonPage
    words: int
    resources: int
    questions: int
    flags: list = field(default_factory=list)


def measure_lesson(lesson):
    quiz = lesson.quiz if lesson.quiz_id and lesson.quiz.live else None
    measure = LessonMeasure(
        lesson=lesson,
        words=sum(len(paragraph.split()) for paragraph in teaching_text(lesson)),
        resources=sum(1 for child in lesson.body if child.block_type == "resource"),
        questions=quiz.question_count if quiz else 0,
    )
    flags = measure.flags
    if outside(lesson.duration_minutes, LESSON_MINUTES):
        flags.append(f"{lesson.duration_minutes} minutes (45-90)")
    if outside(len(lesson.objectives), OBJECTIVES):
        flags.append(f"{len(lesson.objectives)} objectives (3-4)")
    if not lesson.prerequisite_lines:
        flags.append("no prerequisites")
    if measure.words < MIN_WORDS:
        flags.append(f"{measure.words} words (at least {MIN_WORDS})")
    if outside(measure.resources, RESOURCES):
        flags.append(f"{measure.resources} resources (4-6)")
    if quiz is None:
        flags.append("no quiz")
    else:
        if outside(measure.questions, QUESTIONS):
            flags.append(f"{measure.questions} quiz questions (5-10)")
        unexplained = sum(1 for child in quiz.questions if not question_is_explained(child))
        if unexplained:
            flags.append(f"{unexplained} quiz question(s) without an explanation")
        if lesson.lesson_type in REQUIRED_QUIZ_TYPES and not quiz.is_required:
            flags.append(f"a {lesson.get_lesson_type_display().lower()}'s quiz must be required")
    return measure


def measure_course(course):
    """[(module, [LessonMeasure])] in outline order, and the course-wide flags."""
    modules = []
    for module in course.outline():
        lessons = LessonPage.objects.live().child_of(module).select_related("quiz").order_by("path")
        measures = [measure_lesson(lesson) for lesson in lessons]
        modules.append((module, measures))
    flags = [
        f"Module {module.number}: {len(measures)} lessons (8-10)"
        for module, measures in modules
        if outside(len(measures), LESSONS_PER_MODULE)
    ]
    all_measures = [measure for _module, measures in modules for measure in measures]
    if all_measures:
        average = sum(measure.words for measure in all_measures) / len(all_measures)
        if average < MIN_AVERAGE_WORDS:
            flags.append(f"{average:.0f} words per lesson on average (at least {MIN_AVERAGE_WORDS})")
    return modules, flags


# No paragraph twice, no lesson a near copy of another ---------------------------------------------

SHARED_PARAGRAPH_WORDS = 12  # shorter lines (headings, "Your task", a list label) may repeat
SHINGLE_WORDS = 5
MAX_SIMILARITY = 0.2  # the share of 5-word shingles two lessons may have in common (Jaccard)


def shingles(paragraphs):
    words = " ".join(paragraphs).lower().split()
    return {tuple(words[index : index + SHINGLE_WORDS]) for index in range(len(words) - SHINGLE_WORDS + 1)}


def repeated_text(lessons):
    """[(lesson, other lesson, what they share)] for paragraphs written twice and near-copies."""
    texts = {lesson.pk: teaching_text(lesson) for lesson in lessons}
    by_pk = {lesson.pk: lesson for lesson in lessons}
    problems, seen = [], {}
    for lesson in lessons:
        for paragraph in texts[lesson.pk]:
            key = paragraph.lower()
            if len(key.split()) < SHARED_PARAGRAPH_WORDS:
                continue
            if key in seen and seen[key] != lesson.pk:
                problems.append((by_pk[seen[key]], lesson, f"the paragraph “{paragraph[:80]}…”"))
            seen.setdefault(key, lesson.pk)
    sets = {pk: shingles(paragraphs) for pk, paragraphs in texts.items()}
    ordered = [lesson for lesson in lessons if sets[lesson.pk]]
    for index, lesson in enumerate(ordered):
        for other in ordered[index + 1 :]:
            a, b = sets[lesson.pk], sets[other.pk]
            similarity = len(a & b) / len(a | b)
            if similarity > MAX_SIMILARITY:
                problems.append((lesson, other, f"{similarity:.0%} of their 5-word runs"))
    return problems
