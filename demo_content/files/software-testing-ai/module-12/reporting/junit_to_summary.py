"""Turn pytest JUnit XML into a GitHub Actions job summary and failure annotations.

    python junit_to_summary.py reports/*.xml

In GitHub Actions the Markdown goes to the run's summary page ($GITHUB_STEP_SUMMARY) and each
failure becomes an ::error annotation on the failing test line, visible in the pull request.
Anywhere else the Markdown is printed, so you can try it on the sample:

    python junit_to_summary.py pantrypal-junit-sample.xml

Exit code 0, because the test step has already failed the job if tests failed; pass
--fail-on-failures to make this step fail too. Standard library only.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

LOCATION = re.compile(r"^(?P<file>[\w./-]+\.py):(?P<line>\d+): ", re.MULTILINE)


def cases(paths):
    for path in paths:
        yield from ET.parse(path).getroot().iter("testcase")


def outcome(case):
    for tag in ("failure", "error", "skipped"):
        element = case.find(tag)
        if element is not None:
            return tag, element
    return "passed", None


def node_id(case, detail):
    """The pytest node id, e.g. tests/api/test_baskets_api.py::test_x[10], to paste into a terminal."""
    locations = LOCATION.findall(detail or "")
    classname = case.get("classname") or ""
    if locations:
        path = locations[-1][0]
    else:
        path = classname.replace(".", "/") + ".py"
    parts = classname.split(".")
    test_class = parts[-1] if parts and parts[-1][:1].isupper() else None
    return f"{path}::{test_class}::{case.get('name')}" if test_class else f"{path}::{case.get('name')}"


def escape_annotation(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", help="JUnit XML files")
    parser.add_argument("--slowest", type=int, default=5, help="how many slow tests to list")
    parser.add_argument("--fail-on-failures", action="store_true", help="exit 1 when any test failed")
    args = parser.parse_args(argv)

    counts = {"passed": 0, "failure": 0, "error": 0, "skipped": 0}
    problems, timings, total_time = [], [], 0.0
    for case in cases(args.reports):
        kind, element = outcome(case)
        counts[kind] += 1
        seconds = float(case.get("time") or 0)
        total_time += seconds
        detail = (element.text or "") if element is not None else ""
        test_id = node_id(case, detail)
        timings.append((seconds, test_id))
        if kind in ("failure", "error"):
            message = (element.get("message") or detail or kind).strip().splitlines()[0][:200]
            problems.append((kind, test_id, message, LOCATION.findall(detail)))

    total = sum(counts.values())
    broken = counts["failure"] + counts["error"]
    icon = "❌" if broken else "✅"
    heading = (
        f"## {icon} Tests: {counts['passed']} passed, {counts['failure']} failed, {counts['error']} errors, "
        f"{counts['skipped']} skipped ({total} in {total_time:.1f} s)"
    )
    out = [heading, ""]
    if problems:
        out += ["| Result | Test | Message | Reproduce locally |", "| --- | --- | --- | --- |"]
        for kind, test_id, message, _ in problems:
            safe = message.replace("|", "\\|")
            out.append(f'| {kind} | `{test_id}` | {safe} | `python -m pytest "{test_id}"` |')
        out.append("")
    slow = sorted(timings, reverse=True)[: args.slowest]
    if slow:
        out += ["<details><summary>Slowest tests</summary>", ""]
        out += [f"- {seconds:.2f} s `{test_id}`" for seconds, test_id in slow]
        out += ["", "</details>", ""]
    markdown = "\n".join(out)

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown + "\n")
    else:
        print(markdown)

    # Annotations: GitHub reads these lines from the step's output and pins them to the file and line.
    for _kind, test_id, message, locations in problems:
        where = f"file={locations[-1][0]},line={locations[-1][1]}," if locations else ""
        title = escape_annotation(test_id.split("::")[-1]).replace(",", "%2C").replace(":", "%3A")
        print(f"::error {where}title={title}::{escape_annotation(message)}")

    return 1 if args.fail_on_failures and broken else 0


if __name__ == "__main__":
    sys.exit(main())
