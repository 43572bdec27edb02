"""Reading questions from CSV, Moodle GIFT, Aiken and PDF, and writing them back out as GIFT and CSV.

Parsing never writes anything: it returns the questions it understood and every problem, each with
the line or question number, for a preview. Text stays text: nothing here is marked safe for HTML,
and CSV export defuses cells that a spreadsheet would run as a formula.

What a file says must not change meaning on the way in. Where our question types cannot do what
the source asks (partial credit, several equally right answers in a one-answer question, numerical
or matching questions), the question is reported as a problem; where the only difference is how a
partly right answer is scored, the question is imported with a note the preview shows.
"""

from .common import (
    MAX_ACCEPTED_ANSWERS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_QUESTIONS,
    ImportFileError,
    ImportResult,
    ParsedQuestion,
    decode_text,
    read_upload,
    refuse_nul_characters,
)
from .csv_format import parse_csv
from .export import export_csv, export_gift, gift_escape, spreadsheet_safe
from .gift import parse_gift
from .lettered import parse_aiken, parse_pdf_text, pdf_text

FORMATS = {"csv": parse_csv, "gift": parse_gift, "aiken": parse_aiken, "pdf": parse_pdf_text}


def parse(text, source_format):
    refuse_nul_characters(text)
    return FORMATS[source_format](text)


__all__ = [
    "FORMATS",
    "MAX_ACCEPTED_ANSWERS",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_QUESTIONS",
    "ImportFileError",
    "ImportResult",
    "ParsedQuestion",
    "decode_text",
    "export_csv",
    "export_gift",
    "gift_escape",
    "parse",
    "parse_aiken",
    "parse_csv",
    "parse_gift",
    "parse_pdf_text",
    "pdf_text",
    "read_upload",
    "spreadsheet_safe",
]
