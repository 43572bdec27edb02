"""Turn a findings CSV into the findings part of a security test report (Module 13, Lesson 8 project).

Checks every row before it writes anything: required fields filled in, a well-formed CVSS 4.0 vector,
a score that matches the severity band, and no obvious secrets (passwords, full tokens) in the text.
Standard library only; it does not calculate CVSS scores: use the FIRST calculator for that.

    python findings_to_report.py harbourbank-findings.csv                  # print Markdown
    python findings_to_report.py harbourbank-findings.csv -o findings.md   # write a file

Exit code 1 if any row has a problem (nothing is written then), else 0.
"""

import argparse
import csv
import re
import sys

REQUIRED = ["id", "title", "owasp_2025", "cwe", "location", "severity", "cvss_score", "cvss_vector",
            "priority", "status", "description", "steps", "impact", "recommendation", "evidence"]
ORDER = {"Critical": 0, "High": 1, "Medium": 2, "Low": 3, "None": 4}
BANDS = {"None": (0.0, 0.0), "Low": (0.1, 3.9), "Medium": (4.0, 6.9), "High": (7.0, 8.9), "Critical": (9.0, 10.0)}
VECTOR = re.compile(
    r"^CVSS:4\.0/AV:[NALP]/AC:[LH]/AT:[NP]/PR:[NLH]/UI:[NPA]/VC:[HLN]/VI:[HLN]/VA:[HLN]"
    r"/SC:[HLN]/SI:[HLN]/SA:[HLN](/[A-Za-z]+:[A-Za-z]+)*$"
)
SECRET_HINTS = [
    re.compile(r"password\s*[:=]\s*\S{4,}", re.IGNORECASE),
    re.compile(r"session=[A-Za-z0-9_\-]{20,}"),
    re.compile(r"Bearer\s+[A-Za-z0-9_\-\.]{20,}"),
]


def check(row, line):
    problems = []
    for field in REQUIRED:
        if not (row.get(field) or "").strip():
            problems.append(f"line {line}: '{field}' is empty")
    severity = row.get("severity", "").strip()
    if severity not in BANDS:
        problems.append(f"line {line}: severity must be one of {', '.join(BANDS)}")
    try:
        score = float(row.get("cvss_score", ""))
        low, high = BANDS.get(severity, (0, 10))
        if not low <= score <= high:
            problems.append(f"line {line}: score {score} is not in the {severity} band ({low} to {high})")
    except ValueError:
        problems.append(f"line {line}: cvss_score must be a number such as 7.1")
    if row.get("cvss_vector") and not VECTOR.match(row["cvss_vector"].strip()):
        problems.append(f"line {line}: cvss_vector is not a complete CVSS 4.0 base vector")
    text = " ".join(row.get(field, "") for field in REQUIRED)
    for pattern in SECRET_HINTS:
        if pattern.search(text):
            problems.append(f"line {line}: looks like a secret in the text ({pattern.pattern}); shorten or redact it")
    return problems


def markdown(findings):
    counts = {level: sum(1 for f in findings if f["severity"] == level) for level in ORDER if level != "None"}
    out = ["## Findings summary", ""]
    out.append("| Critical | High | Medium | Low |")
    out.append("|---|---|---|---|")
    out.append("| " + " | ".join(str(counts[level]) for level in ("Critical", "High", "Medium", "Low")) + " |")
    out += ["", "| ID | Title | Severity (CVSS 4.0) | Priority | OWASP 2025 | Status |", "|---|---|---|---|---|---|"]
    for f in findings:
        out.append(f"| {f['id']} | {f['title']} | {f['severity']} ({f['cvss_score']}) | {f['priority']} "
                   f"| {f['owasp_2025']} | {f['status']} |")
    out += ["", "## Findings in detail", ""]
    for f in findings:
        out += [
            f"### {f['id']}: {f['title']}",
            "",
            f"- **Severity:** {f['severity']}, CVSS 4.0 base score {f['cvss_score']} (`{f['cvss_vector']}`)",
            f"- **Priority:** {f['priority']}",
            f"- **Category:** {f['owasp_2025']}; {f['cwe']}",
            f"- **Location:** `{f['location']}`",
            f"- **Status:** {f['status']}",
            "",
            f"**Description.** {f['description']}",
            "",
            f"**Steps to reproduce.** {f['steps']}",
            "",
            f"**Impact.** {f['impact']}",
            "",
            f"**Recommendation.** {f['recommendation']}",
            "",
            f"**Evidence.** {f['evidence']}",
            "",
        ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description="Findings CSV to Markdown report section.")
    parser.add_argument("csv_file")
    parser.add_argument("-o", "--output", help="write the Markdown to this file instead of printing it")
    args = parser.parse_args()

    with open(args.csv_file, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    problems = []
    for line, row in enumerate(rows, start=2):
        problems += check(row, line)
    if problems:
        for problem in problems:
            print("PROBLEM:", problem)
        print(f"{len(problems)} problem(s); nothing written.")
        return 1

    findings = sorted(rows, key=lambda f: (ORDER[f["severity"]], -float(f["cvss_score"]), f["id"]))
    text = markdown(findings)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        print(f"Wrote {len(findings)} findings to {args.output}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
