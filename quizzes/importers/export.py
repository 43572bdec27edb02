"""Writing a quiz back out as GIFT and CSV."""

import csv
import io
import re

from .common import CSV_COLUMNS, FORMULA_STARTS, LETTERS
from .gift import percent

# Export -----------------------------------------------------------------------------------------


def gift_escape(text):
    """Text as GIFT writes it: markup characters and backslashes escaped, line breaks as \\n."""
    text = re.sub(r"([\\~=#{}:])", r"\\\1", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\n", "\\n")


def export_gift(quiz):
    lines = [f"// {gift_escape(quiz.title)}", ""]
    for number, child in enumerate(quiz.questions, start=1):
        value = child.value
        title = f"::Q{number}::"
        stem = gift_escape(value["text"])
        if child.block_type == "true_false":
            is_true = value["correct_answer"] == "true"
            answers = "T" if is_true else "F"
            right, wrong = value["true_explanation"], value["false_explanation"]
            if not is_true:
                right, wrong = wrong, right
            if wrong or right:
                answers += f"#{gift_escape(wrong)}"
            if right:
                answers += f"#{gift_escape(right)}"
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
                    mark = f"~%{percent(100 / len(correct)) if option['is_correct'] else '-100%'}"
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
