"""Aiken, and numbered questions read from a PDF."""

import io
import re

from .common import MAX_IMPORT_BYTES, ImportFileError, ImportResult, ParsedQuestion, refuse_too_many, validate

# Aiken, and numbered questions read from a PDF ------------------------------------------------------

OPTION_LINE = re.compile(r"^\s*([A-Fa-f])\s*[.)]\s+(.*\S)\s*$")
ANSWER_LINE = re.compile(r"^\s*(?:ANSWER|CORRECT ANSWER)\s*[:\-]\s*(.*?)\s*$", re.IGNORECASE)
NUMBERED_LINE = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(\d+)\s*[.):]\s+(.*\S)\s*$", re.IGNORECASE)


def left_out_note(texts):
    shown = " ".join(texts)
    shown = shown if len(shown) <= 160 else shown[:160] + "…"
    return f"Text that is not part of a question was left out: “{shown}”"


def parse_lettered(text, *, numbered):
    """Questions followed by lettered options and an ANSWER line (Aiken), optionally numbered (PDFs).

    In a PDF only a numbered line starts a question: titles, instructions and section headings
    between questions are left out, with a note on the next question so the editor sees what was.
    """
    result = ImportResult()
    question, options, start = None, [], None
    count = 0
    skipped, skipped_before = [], []  # text outside questions: since the last one, and before this one

    def finish(answer_text, line):
        nonlocal question, options
        count_where = f"question {count} (line {start})"
        question_text = " ".join(question)
        options = [(letter, " ".join(lines)) for letter, lines in options]
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
            choices = [(option_text, letter in letters, "") for letter, option_text in options]
            kind = "single_choice" if len(letters) == 1 else "multiple_answers"
            notes = [left_out_note(skipped_before)] if skipped_before else []
            result.questions.append(
                ParsedQuestion(kind=kind, text=question_text, where=count_where, options=choices, notes=notes)
            )
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
            options.append((option.group(1).upper(), [option.group(2)]))
        elif question is None and numbered and not numbered_match:
            skipped.append(line.strip())
        elif question is None or (numbered_match and options):
            if question is not None:
                result.problems.append((f"question {count} (line {start})", "No ANSWER line after the options."))
            count += 1
            start = number
            question = [numbered_match.group(2) if numbered_match else line.strip()]
            options, skipped_before, skipped = [], skipped, []
        elif not options:
            question.append(line.strip())  # a question that wraps onto more lines
        else:
            options[-1][1].append(line.strip())  # a wrapped option
    if question is not None:
        result.problems.append((f"question {count} (line {start})", "No ANSWER line after the options."))
    if skipped and result.questions:
        result.questions[-1].notes.append(left_out_note(skipped))
    refuse_too_many(count)
    return validate(result)


def parse_aiken(text):
    return parse_lettered(text, numbered=False)


def without_running_lines(pages):
    """Pages without the header or footer line that every page repeats ("Page 2 of 5": digits may differ)."""
    lines = [page.strip("\n").split("\n") for page in pages]
    if len(lines) < 2 or not all(any(line.strip() for line in page) for page in lines):
        return pages
    for position in (0, -1):
        first = lines[0][position]
        edges = {re.sub(r"\d+", "#", page[position].strip()) for page in lines}
        looks_like_content = ANSWER_LINE.match(first) or OPTION_LINE.match(first) or NUMBERED_LINE.match(first)
        if len(edges) == 1 and first.strip() and not looks_like_content:
            for page in lines:
                page.pop(position)
    return ["\n".join(page) for page in lines]


def pdf_text(data):
    """The text of a PDF, page by page, read with pypdf (pure Python)."""
    from pypdf import PdfReader

    if not data.startswith(b"%PDF-"):
        raise ImportFileError("This is not a PDF file.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFileError("The PDF is protected by a password. Remove the password and try again.")
        # A small PDF can hold far more text than its size suggests: stop once there is too much.
        pages, size = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_IMPORT_BYTES:
                raise ImportFileError(
                    f"The PDF holds more than {MAX_IMPORT_BYTES // (1024 * 1024)} MB of text. "
                    "Split it into smaller files and import them one by one."
                )
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError("The PDF could not be read; it may be damaged or encrypted.") from error
    text = "\n".join(without_running_lines(pages))
    # Text extraction can leave control characters (a NUL among them) where a font maps no text.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


def parse_pdf_text(text):
    if not text.strip():
        raise ImportFileError("The PDF has no text to read (a scanned PDF needs text recognition first).")
    return parse_lettered(text, numbered=True)
