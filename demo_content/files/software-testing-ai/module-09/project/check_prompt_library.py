"""Check a versioned prompt library before the team uses it.

Module 9, project "An AI-Assisted Test Design Workflow".

    python -m pip install pyyaml
    python check_prompt_library.py prompt-library.yaml

Checks: required fields, unique ids, placeholders in each template match its declared inputs,
the template names its role, task and output format, the data class is one the policy allows
in prompts, and the changelog has an entry for the current version. Exit code 1 on any problem,
so the check can run in CI on every pull request that changes a prompt.
"""

import re
import sys

import yaml

REQUIRED = ["id", "version", "stage", "purpose", "inputs", "data_class_max", "review_checklist",
            "template", "changelog"]
ALLOWED_DATA_CLASSES = {"green", "amber"}  # red data never goes into a prompt
SECTIONS = ["Role:", "Task:", "Output format:"]
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def check(library):
    problems = []
    seen = set()
    for number, prompt in enumerate(library.get("prompts") or [], start=1):
        name = prompt.get("id", f"prompt #{number}")
        for field in REQUIRED:
            if field not in prompt:
                problems.append(f"{name}: missing field '{field}'")
        if name in seen:
            problems.append(f"{name}: duplicate id")
        seen.add(name)
        template = str(prompt.get("template", ""))
        used = set(PLACEHOLDER.findall(template))
        declared = set(prompt.get("inputs") or [])
        for missing in sorted(used - declared):
            problems.append(f"{name}: template uses {{{missing}}} but inputs does not declare it")
        for unused in sorted(declared - used):
            problems.append(f"{name}: input '{unused}' is never used in the template")
        for section in SECTIONS:
            if section not in template:
                problems.append(f"{name}: template has no '{section}' part")
        if prompt.get("data_class_max") not in ALLOWED_DATA_CLASSES:
            problems.append(f"{name}: data_class_max must be one of {sorted(ALLOWED_DATA_CLASSES)}")
        version = prompt.get("version")
        if not isinstance(version, int) or version < 1:
            problems.append(f"{name}: version must be a whole number from 1")
        logged = {entry.get("version") for entry in prompt.get("changelog") or []}
        if version not in logged:
            problems.append(f"{name}: changelog has no entry for version {version}")
    if not seen:
        problems.append("the library has no prompts")
    return problems


def main(path):
    with open(path, encoding="utf-8") as handle:
        library = yaml.safe_load(handle) or {}
    problems = check(library)
    count = len(library.get("prompts") or [])
    for problem in problems:
        print("PROBLEM:", problem)
    print(f"{count} prompts checked: " + ("OK" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
