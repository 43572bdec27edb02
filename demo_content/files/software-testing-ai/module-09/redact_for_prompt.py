"""Remove personal data and secrets from text before you paste it into an AI assistant.

Module 9, lesson "Risks, Ethics and Company Data".

    python redact_for_prompt.py sample-checkout-error.log > safe.log     # redacted copy
    python redact_for_prompt.py --check notes.md                          # exit 1 if anything found

The same value always gets the same placeholder (the first email becomes [EMAIL_1] everywhere),
so the assistant can still see that two log lines are about the same customer.

Redaction is a safety net, not a permission slip. Patterns miss things: a customer's name in a
free-text field, an address, a product that is still secret. Read the output before you send it,
and follow your company's AI policy on what may be shared at all.
"""

import argparse
import re
import sys
from collections import Counter


def luhn_ok(digits):
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


# Order matters: the more specific patterns run first. When a pattern has a group named "keep",
# that part (for example "password=") stays and only the value after it is replaced.
PATTERNS = [
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")),
    ("TOKEN", re.compile(r"(?i)(?P<keep>\bbearer )[A-Za-z0-9._~+/-]+=*")),
    ("SECRET", re.compile(r"(?i)(?P<keep>\b(?:password|passwd|pwd|secret|api_key|apikey|token)=)(?:\"[^\"]*\"|\S+)")),
    ("SECRET", re.compile(r"(?i)(?P<keep>\"(?:password|secret|api_key|token)\": )\"[^\"]*\"")),
    ("EMAIL", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")),
    ("IBAN", re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")),
    ("CARD", re.compile(r"\b\d(?:[ -]?\d){12,18}\b")),
    ("PHONE", re.compile(r"(?:\+\d{1,3}[ -]?|\b0)\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b")),
    ("IP", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")),
    ("HOST", re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|corp|local|lan)\b")),
]


def redact(text):
    seen = {}
    counts = Counter()

    def replace(label, match):
        keep = match.groupdict().get("keep") or ""
        value = match.group(0)[len(keep):]
        if label == "CARD" and not luhn_ok(re.sub(r"\D", "", value)):
            return match.group(0)  # a long number that is not a card number (an order id, a timestamp)
        key = (label, value)
        if key not in seen:
            counts[label] += 1
            seen[key] = f"[{label}_{counts[label]}]"
        return keep + seen[key]

    for label, pattern in PATTERNS:
        text = pattern.sub(lambda match, label=label: replace(label, match), text)
    return text, counts


def main(argv=None):
    parser = argparse.ArgumentParser(description="Redact personal data and secrets before prompting.")
    parser.add_argument("file", help="text file to redact ('-' for standard input)")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if anything was found")
    args = parser.parse_args(argv)
    text = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()
    redacted, counts = redact(text)
    summary = ", ".join(f"{label}: {n}" for label, n in sorted(counts.items())) or "nothing found"
    print(f"redacted distinct values -> {summary}", file=sys.stderr)
    if args.check:
        return 1 if counts else 0
    sys.stdout.write(redacted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
