"""Reading questions from CSV, Moodle GIFT, Aiken and PDF, and writing them back out as GIFT and CSV.

Parsing never writes anything: it returns the questions it understood and every problem, each with
the line or question number, for a preview. Text stays text: nothing here is marked safe for HTML,
and CSV export defuses cells that a spreadsheet would run as a formula.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from .blocks import QuestionStreamBlock

MAX_IMPORT_BYTES = 2 * 1024 * 1024
CSV_COLUMNS = ["question", "option_a", "option_b", "option_c", "option_d", "correct_answer"]
LETTERS = "ABCDEF"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ImportFileError(ValueError):
    """The whole file is unusable (wrong type, empty, too large, wrong columns); nothing was read."""


@dataclass
class ParsedQuestion:
    """A question as read from a file, before it becomes a block in the quiz."""

    kind: str  # single_choice, multiple_answers, true_false or short_answer
    text: str
    where: str  # "line 4", "question 3": how the preview points back into the source
    options: list = field(default_factory=list)  # [(text, is_correct, explanation)]
    accepted: list = field(default_factory=list)  # short answers
    true_or_false: str = ""
    points: int = 1
    explanation: str = ""

    def stream_item(self):
        """This question in Wagtail's stored StreamField format, with fresh ids."""
        value = {"text": self.text, "points": self.points, "explanation": self.explanation}
        if self.kind in {"single_choice", "multiple_answers"}:
            value["options"] = [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"text": text, "is_correct": correct, "explanation": why},
                }
                for text, correct, why in self.options
            ]
        elif self.kind == "true_false":
            value.update(correct_answer=self.true_or_false, true_explanation="", false_explanation="")
        else:
            value["accepted_answers"] = "\n".join(self.accepted)
        return {"type": self.kind, "value": value, "id": str(uuid.uuid4())}


@dataclass
class ImportResult:
    questions: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (where, message)

    @property
    def ok(self):
        return bool(self.questions) and not self.problems


# Reading uploads ----------------------------------------------------------------------------------


def read_upload(upload):
    """The bytes of an uploaded file, refusing empty and oversized ones."""
    if upload.size == 0:
        raise ImportFileError("The file is empty.")
    if upload.size > MAX_IMPORT_BYTES:
        raise ImportFileError(f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
    data = upload.read()
    if not data.strip():
        raise ImportFileError("The file is empty.")
    return data


def decode_text(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"The file is not UTF-8 text (byte {error.start + 1} cannot be read). Save it as UTF-8 and try again."
        ) from error


def validate(result):
    """Check each parsed question with its block's own rules, as the quiz editor would."""
    stream = QuestionStreamBlock()
    for question in result.questions:
        item = question.stream_item()
        block = stream.child_blocks[question.kind]
        try:
            block.clean(block.to_python(item["value"]))
        except ValidationError as error:
            messages = getattr(error, "block_errors", None) or {}
            detail = "; ".join(
                " ".join(str(message) for message in getattr(value, "messages", [value])) for value in messages.values()
            )
            result.problems.append((question.where, detail or " ".join(error.messages)))
    if not result.questions and not result.problems:
        result.problems.append(("file", "No questions were found."))
    return result


# CSV (the reference format) ---------------------------------------------------------------------


def parse_csv(text):
    """question,option_a,option_b,option_c,option_d,correct_answer; "B" or "A,C" (several correct)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ImportFileError("The file is empty.")
    header = [cell.strip().lower() for cell in rows[0]]
    if header != CSV_COLUMNS:
        raise ImportFileError(
            "The first row must be exactly: " + ",".join(CSV_COLUMNS) + f" (found: {','.join(rows[0])})."
        )
    result = ImportResult()
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"line {line}"
        if len(row) != len(CSV_COLUMNS):
            result.problems.append((where, f"Expected {len(CSV_COLUMNS)} columns, found {len(row)}."))
            continue
        question, *options, answer = (cell.strip() for cell in row)
        letters = [letter.strip().upper() for letter in re.split(r"[,;\s]+", answer) if letter.strip()]
        unknown = [letter for letter in letters if letter not in LETTERS[:4]]
        if not question:
            result.problems.append((where, "The question is empty."))
            continue
        if not letters or unknown:
            shown = ", ".join(unknown) or "(empty)"
            result.problems.append((where, f"Unknown answer letter {shown}; use A, B, C or D."))
            continue
        empty_picked = [letter for letter in letters if not options[LETTERS.index(letter)]]
        if empty_picked:
            result.problems.append((where, f"The answer {', '.join(empty_picked)} points to an empty option."))
            continue
        choices = [(text, LETTERS[index] in letters, "") for index, text in enumerate(options) if text]
        kind = "single_choice" if len(letters) == 1 else "multiple_answers"
        result.questions.append(ParsedQuestion(kind=kind, text=question, where=where, options=choices))
    return validate(result)


# Moodle GIFT ------------------------------------------------------------------------------------

GIFT_ESCAPES = {"\\~": "~", "\\=": "=", "\\#": "#", "\\{": "{", "\\}": "}", "\\:": ":", "\\n": "\n"}


def gift_unescape(text):
    for escaped, plain in GIFT_ESCAPES.items():
        text = text.replace(escaped, plain)
    return text.strip()


def gift_split(text, marks):
    """Split on unescaped marks (~ = #), keeping each mark with the piece it starts."""
    pieces, current, index = [], "", 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current += text[index : index + 2]
            index += 2
            continue
        if char in marks:
            pieces.append(current)
            current = char
        else:
            current += char
        index += 1
    pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def gift_blocks(text):
    """(first line number, question text) for each question, skipping comments and blank lines."""
    blocks, current, start = [], [], None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("//") or line.strip().startswith("$CATEGORY"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
                current, start = [], None
            continue
        if start is None:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def parse_gift(text):
    result = ImportResult()
    for count, (line, block) in enumerate(gift_blocks(text), start=1):
        where = f"question {count} (line {line})"
        match = re.search(r"(?<!\\)\{(.*?)(?<!\\)\}", block, re.DOTALL)
        if not match:
            result.problems.append((where, "No answers in { }."))
            continue
        stem = (block[: match.start()] + " " + block[match.end() :]).strip()
        stem = re.sub(r"^::.*?::", "", stem, flags=re.DOTALL).strip()
        stem = re.sub(r"^\[(html|moodle|markdown|plain)\]", "", stem).strip()
        body = match.group(1).strip()
        explanation = ""
        if "####" in body:
            body, explanation = body.split("####", 1)
            explanation = gift_unescape(explanation)
        if not stem:
            result.problems.append((where, "The question text is empty."))
            continue
        stem = gift_unescape(stem)
        question = parse_gift_answers(body.strip(), stem, where, explanation)
        if isinstance(question, str):
            result.problems.append((where, question))
        else:
            result.questions.append(question)
    return validate(result)


def parse_gift_answers(body, stem, where, explanation):
    """A ParsedQuestion from the part between braces, or a message saying what is not supported."""
    true_false = re.fullmatch(r"(T|TRUE|F|FALSE)(\s*#.*)?", body, re.IGNORECASE | re.DOTALL)
    if true_false:
        truth = "true" if true_false.group(1).upper().startswith("T") else "false"
        return ParsedQuestion(kind="true_false", text=stem, where=where, true_or_false=truth, explanation=explanation)
    if not body:
        return "Essay questions (empty braces) are not supported."
    if body.startswith("#"):
        return "Numerical questions are not supported."
    answers = gift_split(body, "~=")
    if any("->" in answer for answer in answers):
        return "Matching questions are not supported."
    options = []
    for answer in answers:
        mark, rest = answer[0], answer[1:]
        if mark not in "~=":
            return f"Cannot read the answer “{answer.strip()}”: each answer starts with = or ~."
        weight = None
        weighted = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", rest)
        if weighted:
            weight = float(weighted.group(1))
            rest = rest[weighted.end() :]
        text, _hash, feedback = rest.partition("#") if "#" in rest.replace("\\#", "") else (rest, "", "")
        correct = weight > 0 if weight is not None else mark == "="
        options.append((gift_unescape(text), correct, gift_unescape(feedback)))
    # Only "=" answers and no weights: every one of them is an accepted short answer.
    if all(answer.startswith("=") for answer in answers) and not any(re.match(r"=\s*%", a) for a in answers):
        accepted = [text for text, _correct, _why in options]
        return ParsedQuestion(kind="short_answer", text=stem, where=where, accepted=accepted, explanation=explanation)
    correct_count = sum(1 for _text, correct, _why in options if correct)
    kind = "multiple_answers" if correct_count > 1 else "single_choice"
    return ParsedQuestion(kind=kind, text=stem, where=where, options=options, explanation=explanation)


# Aiken, and numbered questions read from a PDF ------------------------------------------------------

OPTION_LINE = re.compile(r"^\s*([A-Fa-f])\s*[.)]\s+(.*\S)\s*$")
ANSWER_LINE = re.compile(r"^\s*(?:ANSWER|CORRECT ANSWER)\s*[:\-]\s*(.*?)\s*$", re.IGNORECASE)
NUMBERED_LINE = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(\d+)\s*[.):]\s+(.*\S)\s*$", re.IGNORECASE)


def parse_lettered(text, *, numbered):
    """Questions followed by lettered options and an ANSWER line (Aiken), optionally numbered (PDFs)."""
    result = ImportResult()
    question, options, start = None, [], None
    count = 0

    def finish(answer_text, line):
        nonlocal question, options
        count_where = f"question {count} (line {start})"
        letters = [letter.upper() for letter in re.split(r"[,;\s]+", answer_text) if letter]
        offered = [letter for letter, _text in options]
        unknown = [letter for letter in letters if letter not in offered]
        if len(options) < 2:
            result.problems.append((count_where, "A question needs at least two lettered options."))
        elif not letters or unknown:
            shown = ", ".join(unknown) or "(empty)"
            result.problems.append(
                (count_where, f"Unknown answer letter {shown} on line {line}; the options are {', '.join(offered)}.")
            )
        else:
            choices = [(text, letter in letters, "") for letter, text in options]
            kind = "single_choice" if len(letters) == 1 else "multiple_answers"
            result.questions.append(ParsedQuestion(kind=kind, text=question, where=count_where, options=choices))
        question, options = None, []

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        answer = ANSWER_LINE.match(line)
        option = OPTION_LINE.match(line)
        numbered_match = NUMBERED_LINE.match(line) if numbered else None
        if answer and question is not None:
            finish(answer.group(1), number)
        elif option and question is not None and not (numbered_match and not options):
            options.append((option.group(1).upper(), option.group(2)))
        elif question is None or (numbered_match and options):
            if question is not None:
                result.problems.append((f"question {count} (line {start})", "No ANSWER line after the options."))
            count += 1
            start = number
            question = numbered_match.group(2) if numbered_match else line.strip()
            options = []
        elif not options:
            question += " " + line.strip()  # a question that wraps onto more lines
        else:
            options[-1] = (options[-1][0], options[-1][1] + " " + line.strip())  # a wrapped option
    if question is not None:
        result.problems.append((f"question {count} (line {start})", "No ANSWER line after the options."))
    return validate(result)


def parse_aiken(text):
    return parse_lettered(text, numbered=False)


def pdf_text(data):
    """The text of a PDF, page by page, read with pypdf (pure Python)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF-"):
        raise ImportFileError("This is not a PDF file.")
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as error:
        raise ImportFileError("The PDF could not be read; it may be damaged or encrypted.") from error


def parse_pdf_text(text):
    if not text.strip():
        raise ImportFileError("The PDF has no text to read (a scanned PDF needs text recognition first).")
    return parse_lettered(text, numbered=True)


FORMATS = {"csv": parse_csv, "gift": parse_gift, "aiken": parse_aiken, "pdf": parse_pdf_text}


def parse(text, source_format):
    return FORMATS[source_format](text)


# Export -----------------------------------------------------------------------------------------


def gift_escape(text):
    for escaped, plain in GIFT_ESCAPES.items():
        if plain != "\n":
            text = text.replace(plain, escaped)
    return text.replace("\n", " ")


def export_gift(quiz):
    lines = [f"// {gift_escape(quiz.title)}", ""]
    for number, child in enumerate(quiz.questions, start=1):
        value = child.value
        title = f"::Q{number}::"
        stem = gift_escape(value["text"])
        if child.block_type == "true_false":
            answers = "T" if value["correct_answer"] == "true" else "F"
        elif child.block_type == "short_answer":
            answers = " ".join(
                f"={gift_escape(line.strip())}" for line in value["accepted_answers"].splitlines() if line.strip()
            )
        else:
            options = list(value["options"])
            correct = [option for option in options if option["is_correct"]]
            parts = []
            for option in options:
                if child.block_type == "multiple_answers":
                    share = round(100 / len(correct), 5) if option["is_correct"] else -100
                    mark = f"~%{share:g}%"
                else:
                    mark = "=" if option["is_correct"] else "~"
                feedback = f"#{gift_escape(option['explanation'])}" if option["explanation"] else ""
                parts.append(f"{mark}{gift_escape(option['text'])}{feedback}")
            answers = " ".join(parts)
        general = f" ####{gift_escape(value['explanation'])}" if value["explanation"] else ""
        lines += [f"{title}{stem} {{{answers}{general}}}", ""]
    return "\n".join(lines)


def spreadsheet_safe(cell):
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe."""
    cell = str(cell)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def export_csv(quiz):
    """(CSV text, [question numbers left out]): the format holds only choice questions of up to 4 options."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    left_out = []
    for number, child in enumerate(quiz.questions, start=1):
        value = child.value
        if child.block_type == "true_false":
            options = [("True", value["correct_answer"] == "true"), ("False", value["correct_answer"] == "false")]
        elif child.block_type in {"single_choice", "multiple_answers"} and len(value["options"]) <= 4:
            options = [(option["text"], option["is_correct"]) for option in value["options"]]
        else:
            left_out.append(number)
            continue
        texts = [text for text, _correct in options] + [""] * (4 - len(options))
        answer = ",".join(LETTERS[index] for index, (_text, correct) in enumerate(options) if correct)
        writer.writerow([spreadsheet_safe(cell) for cell in [value["text"], *texts, answer]])
    return buffer.getvalue(), left_out
