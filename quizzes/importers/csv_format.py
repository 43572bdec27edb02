"""The reference CSV format: question,option_a,option_b,option_c,option_d,correct_answer."""

import csv
import io
import re

from .common import (
    CSV_COLUMNS,
    CSV_DELIMITERS,
    FORMULA_STARTS,
    LETTERS,
    ImportFileError,
    ImportResult,
    ParsedQuestion,
    refuse_too_many,
    validate,
)

# CSV (the reference format) ---------------------------------------------------------------------


def csv_delimiter(text):
    """The separator that makes the first row the reference header, or ImportFileError."""
    first_line = text.lstrip("\r\n").splitlines()[0] if text.strip() else ""
    if not first_line.strip():
        raise ImportFileError("The file is empty.")
    for delimiter in CSV_DELIMITERS:
        header = [cell.strip().lower() for cell in next(csv.reader([first_line], delimiter=delimiter))]
        while len(header) > len(CSV_COLUMNS) and not header[-1]:
            header.pop()  # Excel keeps empty columns that were ever formatted
        if header == CSV_COLUMNS:
            return delimiter
    shown = first_line if len(first_line) <= 200 else first_line[:200] + "…"
    raise ImportFileError(
        "The first row must be exactly: "
        + ",".join(CSV_COLUMNS)
        + f" (found: {shown}). Commas, semicolons or tabs may separate the columns."
    )


def csv_records(text, delimiter):
    """(first line, last line, cells) for each record; a quoted cell may span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, start = [], 1
    try:
        for row in reader:
            records.append((start, reader.line_num, row))
            start = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                f"Line {start}: a cell is longer than {csv.field_size_limit():,} characters. This usually "
                'means a quote (") opens a cell and is never closed; check that line.'
            ) from error
        raise ImportFileError(f"Line {start}: the CSV cannot be read ({error}).") from error
    return records


def from_spreadsheet(cell):
    """A cell as written: drop the apostrophe our export (or a spreadsheet) put before a formula-like start."""
    cell = cell.strip()
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def parse_csv(text):
    """question,option_a,option_b,option_c,option_d,correct_answer; "B" or "A,C" (several correct).

    Reads CSV as Excel and LibreOffice save it: a UTF-8 byte order mark, CRLF or CR line ends,
    commas, semicolons or tabs between cells, cells over several lines, trailing empty columns.
    """
    if not text.strip():
        raise ImportFileError("The file is empty.")
    delimiter = csv_delimiter(text)
    records = csv_records(text, delimiter)
    header_seen, rows = False, []
    for start, end, row in records:
        if not any(cell.strip() for cell in row):
            continue
        if not header_seen:
            header_seen = True
            continue
        while len(row) > len(CSV_COLUMNS) and not row[-1].strip():
            row = row[:-1]
        rows.append((start, end, row))
    refuse_too_many(len(rows), "rows of questions")
    result = ImportResult()
    for line, end, row in rows:
        where = f"line {line}"
        if len(row) != len(CSV_COLUMNS):
            message = f"Expected {len(CSV_COLUMNS)} columns, found {len(row)}."
            if end > line:
                message += f' The row runs on to line {end}: a quote (") may be left open.'
            result.problems.append((where, message))
            continue
        question, *options, answer = (from_spreadsheet(cell) for cell in row)
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
