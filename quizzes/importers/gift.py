"""Moodle GIFT."""

import re
from dataclasses import dataclass

from ..blocks import MAX_OPTIONS
from .common import MAX_ACCEPTED_ANSWERS, ImportResult, ParsedQuestion, refuse_too_many, validate
from .plain_text import html_to_text, markdown_to_text, tidy_lines

# Moodle GIFT ------------------------------------------------------------------------------------
#
# How Moodle reads GIFT (question/format/gift/format.php), which is what files in the wild are
# written for: a question is a run of lines; `//` lines are comments; `$CATEGORY:` switches the
# question bank category; `::title::` names the question; an optional [html], [moodle], [plain] or
# [markdown] mark gives the text's format; the answers sit in the first { } and any text after the
# closing brace makes it a missing-word question. Moodle needs a blank line between questions; we
# also end a question at the line after its closing brace, or at a line starting with `::`, so
# questions pasted without blank lines are read separately instead of merged into one.

# GIFT's escapes; a backslash before anything else is kept as written, as Moodle does.
GIFT_ESCAPES = {"\\": "\\", "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n"}
# While a question is cut into parts, each escaped character stands in as a private-use character,
# so every markup character left in the text is real markup.
PROTECTED = 0xF0000
BLANK = "\ue000"  # where a missing-word question's answers stood, until the text is plain
FORMAT_MARK = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")
TRUE_FALSE = {"T": "true", "TRUE": "true", "F": "false", "FALSE": "false"}
SHARE_TOLERANCE = 0.01  # percentage points: Moodle writes a third as 33.33333%
IMAGES_LEFT_OUT = "Images were left out (questions here are plain text): check the question still makes sense."


# The reader's own stand-ins: private-use characters, meaningless in quiz text, removed from the input.
GIFT_STAND_INS = re.compile("[\ue000\U000f0000-\U000f007f]")


def gift_protect(text):
    text = GIFT_STAND_INS.sub("", text)
    return re.sub(r"\\([\\~=#{}:n])", lambda match: chr(PROTECTED + ord(match.group(1))), text)


def gift_unprotect(text):
    return re.sub("[\U000f0000-\U000f007f]", lambda match: GIFT_ESCAPES[chr(ord(match.group()) - PROTECTED)], text)


def with_format(raw, default):
    """(format, text without its format mark): a part's own mark wins over the question's."""
    mark = FORMAT_MARK.match(raw)
    if mark:
        return mark.group(1).lower(), raw[mark.end() :]
    return default, raw


def gift_text(raw, text_format, *, one_line=False):
    """(plain text, images left out) for a part of a question, escapes undone and markup made plain."""
    text = gift_unprotect(raw)
    if text_format == "html":
        text, images = html_to_text(text)
    elif text_format == "markdown":
        text, images = markdown_to_text(text)
    else:  # plain, and Moodle's own auto-format, which is plain text with line breaks
        text, images = tidy_lines(text), 0
    return (" ".join(text.split()) if one_line else text), images


def gift_part(raw, question_format, *, one_line=False):
    """(plain text, images left out) for an answer or feedback: its own format mark, else the question's."""
    text_format, raw = with_format(raw, question_format)
    return gift_text(raw, text_format, one_line=one_line)


def percent(weight):
    return f"{weight:.5f}".rstrip("0").rstrip(".") + "%"


class GiftSource:
    """One question's GIFT text (escapes protected) cut into its parts, with the lines they came from."""

    def __init__(self, line, number, *, follows_answers=False):
        self.line = number
        self.follows_answers = follows_answers  # starts on the line after another question's answers closed
        self.pieces = {"stem": [], "answers": [], "tail": []}
        self.part = "stem"  # the part being read: stem, answers, then tail
        self.answers_line = 0  # the line of the opening brace
        self.problems = []  # the first thing wrong with how the question is written: fixing it may fix the rest
        self.in_second_answers = False  # already reported; its closing brace is no further problem
        stripped = line.lstrip()
        if stripped.startswith("::"):  # the question's name, which our questions do not keep
            end = stripped.find("::", 2)
            if end < 0:
                self.report(f"The title on line {number} starts with :: but does not end with ::.")
            line = stripped[end + 2 :] if end >= 0 else stripped[2:]
        self.read(line, number)

    @property
    def stem(self):
        return "".join(self.pieces["stem"])

    @property
    def answers(self):
        return "".join(self.pieces["answers"])

    @property
    def tail(self):
        return "".join(self.pieces["tail"])

    def add(self, text):
        self.pieces[self.part].append(text)

    def report(self, problem):
        if not self.problems:
            self.problems.append(problem)

    def read(self, line, number):
        position = 0
        for brace in re.finditer(r"[{}]", line):
            self.add(line[position : brace.start()])
            position = brace.end()
            self.read_brace(brace.group(), number)
        self.add(line[position:])

    def read_brace(self, char, number):
        if char == "{" and self.part == "stem":
            self.part, self.answers_line = "answers", number
        elif char == "{":
            self.in_second_answers = self.part == "tail"
            self.report(
                f"Line {number} has a {{ inside the answers: write \\{{ for a brace in an answer."
                if self.part == "answers"
                else f"Line {number} starts a second set of answers after the first one closed: a question "
                "has one. Put each question on its own lines, with a blank line between questions."
            )
            self.add(char)
        elif self.part == "answers":
            self.part = "tail"
        elif self.in_second_answers:
            self.in_second_answers = False
            self.add(char)
        else:
            self.report(f"Line {number} has a }} with no {{ before it: write \\}} for a brace in the text.")
            self.add(char)


def gift_sources(text):
    """Each question's GiftSource, in order."""
    sources, current = [], None
    for number, line in enumerate(gift_protect(text).splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue  # a comment, as Moodle writes before every question it exports
        in_answers = current is not None and current.part == "answers"
        if not stripped or (stripped.startswith("$CATEGORY:") and not in_answers):
            if in_answers:
                current.report(
                    f"The {{ on line {current.answers_line} is not closed by a }} "
                    f"before the blank line on line {number}."
                )
            if current is not None:
                sources.append(current)
                current = None
            continue
        # A question has one set of answers: the line after it closed, or a new ::title::, starts the next one.
        follows_answers = current is not None and current.part == "tail"
        if follows_answers or (current is not None and current.part == "stem" and stripped.startswith("::")):
            sources.append(current)
            current = None
        if current is None:
            current = GiftSource(line, number, follows_answers=follows_answers)
        else:
            current.add("\n")
            current.read(line, number)
    if current is not None:
        if current.part == "answers":
            current.report(f"The {{ on line {current.answers_line} is not closed by a }}.")
        sources.append(current)
    return sources


@dataclass
class GiftAnswer:
    mark: str  # = or ~
    weight: float | None  # the %weight% as written, if any
    text: str  # protected, with any format mark
    feedback: str
    line: int

    @property
    def share(self):
        """The percentage of the marks this answer gives, as Moodle would score it."""
        if self.weight is not None:
            return self.weight
        return 100.0 if self.mark == "=" else 0.0


def gift_answers(body, first_line):
    """([GiftAnswer], problem or None) from the text between the braces (general feedback removed)."""
    starts = [mark.start() for mark in re.finditer("[~=]", body)]
    lead = body[: starts[0]] if starts else body
    if lead.strip():
        shown = " ".join(gift_unprotect(lead).split())
        line = first_line + body.count("\n", 0, len(lead) - len(lead.lstrip()))
        return [], f"Cannot read the answer “{shown}” on line {line}: each answer starts with = or ~."
    answers, line = [], first_line + lead.count("\n")
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(body)
        piece, weight = body[start + 1 : end], None
        weighted = WEIGHT.match(piece)
        if weighted:
            weight, piece = float(weighted.group(1)), piece[weighted.end() :]
        text, _hash, feedback = piece.partition("#")
        answers.append(GiftAnswer(body[start], weight, text, feedback, line))
        line += body.count("\n", start, end)
    return answers, None


def described(answers, text_of):
    return ", ".join(f"“{text_of(answer)}” (line {answer.line}) {percent(answer.share)}" for answer in answers)


def gift_choice(answers, stem_format, question):
    """Fill in a choice question from its answers; a problem message if our question types cannot score it."""
    images = 0
    for answer in answers:
        text, found = gift_part(answer.text, stem_format, one_line=True)
        why, more = gift_part(answer.feedback, stem_format)
        question.options.append((text, answer.share > 0, why))
        images += found + more
    texts = {id(answer): text for answer, (text, _correct, _why) in zip(answers, question.options, strict=True)}

    def text_of(answer):
        return texts[id(answer)]

    right = [answer for answer in answers if answer.share > 0]
    wrong = [answer for answer in answers if answer.share <= 0]
    if all(answer.share in (0, 100) for answer in answers):  # %100% is the same as =, %0% as ~
        if not right:
            return "No answer is marked right: start the right answer with = (or give right answers a %weight%)."
        if len(right) > 1:
            return (
                f"Several answers are marked fully right: {described(right, text_of)}. "
                "A one-answer question here has exactly one right option; for several right options that must "
                "all be picked, give each an equal share of 100% (%50% each for two)."
            )
        question.kind = "single_choice"
    elif any(answer.mark == "=" for answer in answers):  # Moodle: one answer to pick, scored by its weight
        odd = [answer for answer in answers if answer.share not in (0, 100)]
        return (
            f"Partial or negative marks in a one-answer question: {described(odd, text_of)}. This site cannot "
            "give part of the marks or take marks away: an answer is fully right or scores 0. Mark the right "
            "answer with = and the others with ~."
        )
    else:  # Moodle: several answers may be picked, each adding or taking away its weight
        share = 100 / len(right) if right else 0
        if not right or any(abs(answer.share - share) > SHARE_TOLERANCE for answer in right):
            return (
                f"These weights give partial credit, which this site cannot: {described(right, text_of)}. "
                "A multiple-answers question here is scored all or nothing; to import it that way, give the "
                "right options equal shares of 100% (e.g. %50% and %50%) and the others 0% or less."
            )
        question.kind = "multiple_answers"
        # Moodle's score for a selection is the sum of its weights, floored at 0: it differs from all
        # or nothing as soon as one right option alone, or the right ones with a wrong one, earn something.
        if len(right) > 1 or any(answer.share > -100 for answer in wrong):
            question.notes.append(
                "Scored all or nothing here: only exactly the right options earn the marks. "
                "Moodle would give partial credit for some other selections."
            )
    if images:
        question.notes.append(IMAGES_LEFT_OUT)
    return None


def gift_short_answer(answers, stem_format, question):
    weighted = [answer for answer in answers if answer.share != 100]

    def text_of(answer):
        return " ".join(gift_unprotect(with_format(answer.text, stem_format)[1]).split())

    if weighted:
        return (
            f"A short answer here is accepted for full marks or not at all, so other weights cannot be kept: "
            f"{described(weighted, text_of)}. Remove those answers, or make one worth %100% to accept it."
        )
    question.kind = "short_answer"
    question.accepted = [text for text in map(text_of, answers) if text]
    with_feedback = [
        answer for answer in answers if answer.feedback.strip() and gift_part(answer.feedback, stem_format)[0]
    ]
    if with_feedback:
        lines = ", ".join(str(answer.line) for answer in with_feedback)
        question.notes.append(
            f"Feedback on individual answers (line{'s' if len(with_feedback) > 1 else ''} {lines}) was left out: "
            "a short-answer question here has one explanation, shown to everyone."
        )
    return None


def gift_true_false(body, stem_format, question):
    # {TRUE#feedback for a wrong answer#feedback for a right answer}, as Moodle reads and writes it
    truth, *feedback = body.split("#", 2)
    question.kind, question.true_or_false = "true_false", TRUE_FALSE[truth.strip().upper()]
    texts, images = [], 0
    for raw in [*feedback, "", ""][:2]:
        text, found = gift_part(raw, stem_format)
        texts.append(text)
        images += found
    wrong, right = texts
    if question.true_or_false == "true":
        question.true_explanation, question.false_explanation = right, wrong
    else:
        question.true_explanation, question.false_explanation = wrong, right
    if images:
        question.notes.append(IMAGES_LEFT_OUT)


def gift_question(source, where):
    """(ParsedQuestion, []) or (None, [problem messages]) for one question's source."""
    if source.problems:
        return None, source.problems
    if source.part == "stem" and source.follows_answers:
        return None, [
            "No answers in { }. If this line continues the question above, put it on the line where that "
            "question's answers close; if it is a new question, give it answers."
        ]
    if source.part == "stem":
        return None, ["No answers in { }."]
    stem_format, raw = with_format(source.stem + BLANK + source.tail, "moodle")
    stem, images = gift_text(raw, stem_format)
    before, _blank, after = stem.partition(BLANK)
    # Text after the answers makes a missing-word question: the answers stand in a visible blank.
    stem = f"{before}_____{after}".strip() if after.strip() else before.strip()
    if not stem:
        return None, ["The question text is empty."]
    body, explanation = source.answers, ""
    general = body.rfind("####")
    if general >= 0:
        body, general_raw = body[:general], body[general + 4 :]
        explanation, found = gift_part(general_raw, stem_format)
        images += found
    question = ParsedQuestion(kind="", text=stem, where=where, explanation=explanation)
    head, choice = body.strip(), "~" in body  # as Moodle decides: only choice questions have a ~
    if not head:
        return None, ["Essay questions (empty braces) are not supported."]
    if head.startswith("#"):
        return None, ["Numerical questions are not supported."]
    if not choice and "=" in body and "->" in body:
        return None, ["Matching questions are not supported."]
    if not choice and head.split("#", 1)[0].strip().upper() in TRUE_FALSE:
        gift_true_false(body, stem_format, question)
    else:
        marks, limit = body.count("~") + body.count("="), MAX_OPTIONS if choice else MAX_ACCEPTED_ANSWERS
        if marks > limit:  # checked before reading them, so a runaway file is refused quickly
            held = "a choice question here has at most" if choice else "a short-answer question here accepts at most"
            return None, [f"{marks} answers: {held} {limit}."]
        answers, problem = gift_answers(body, source.answers_line)
        if not problem:
            problem = (gift_choice if choice else gift_short_answer)(answers, stem_format, question)
        if problem:
            return None, [problem]
    if images and IMAGES_LEFT_OUT not in question.notes:
        question.notes.append(IMAGES_LEFT_OUT)
    return question, []


def parse_gift(text):
    sources = gift_sources(text)
    refuse_too_many(len(sources))
    result = ImportResult()
    for count, source in enumerate(sources, start=1):
        where = f"question {count} (line {source.line})"
        question, problems = gift_question(source, where)
        if question is not None:
            result.questions.append(question)
        result.problems.extend((where, problem) for problem in problems)
    return validate(result)
