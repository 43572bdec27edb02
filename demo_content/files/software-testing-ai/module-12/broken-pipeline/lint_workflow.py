"""Find the pipeline mistakes of Module 12 in a GitHub Actions workflow file, before you push it.

    python -m pip install pyyaml
    python lint_workflow.py ci-broken.yml
    python lint_workflow.py .github/workflows/ci.yml --default-branch main

This is a teaching tool for the common mistakes in this module, not a full validator. For real
projects also run actionlint (github.com/rhysd/actionlint), which checks the whole syntax and
every expression. Exit code 1 if any ERROR was found.
"""

import argparse
import re
import sys

import yaml


def steps_of(job):
    return job.get("steps") or []


def step_label(index, step):
    return step.get("name") or step.get("uses") or (step.get("run") or "").strip().splitlines()[0][:40] or f"#{index}"


def find_step(job, text):
    for index, step in enumerate(steps_of(job)):
        if text in str(step.get("uses", "")) or text in str(step.get("run", "")):
            return index
    return None


def check(workflow, default_branch):
    problems = []  # (level, where, message)

    def add(level, where, message):
        problems.append((level, where, message))

    # PyYAML reads the key "on" as the boolean True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    if triggers is None:
        add("ERROR", "workflow", "no 'on:' triggers, so the workflow never runs")
        triggers = {}
    if isinstance(triggers, (str, list)):
        triggers = {name: None for name in ([triggers] if isinstance(triggers, str) else triggers)}
    push = triggers.get("push") or {}
    branches = push.get("branches") if isinstance(push, dict) else None
    if "push" in triggers and branches and default_branch not in branches:
        add("ERROR", "on.push", f"branches {branches} do not include the default branch '{default_branch}'")
    if "pull_request" not in triggers:
        add("WARN", "on", "no pull_request trigger: changes are not checked before they merge")

    for job_id, job in (workflow.get("jobs") or {}).items():
        where = f"jobs.{job_id}"
        if "timeout-minutes" not in job and "uses" not in job:  # a reusable-workflow call has no steps here
            add("WARN", where, "no timeout-minutes: a hung step can run for 6 hours")
        checkout = find_step(job, "actions/checkout")
        for index, step in enumerate(steps_of(job)):
            label = f"{where} step '{step_label(index, step)}'"
            uses = str(step.get("uses", ""))
            run = str(step.get("run", ""))
            with_ = step.get("with") or {}
            if re.search(r"@(main|master)$", uses):
                add("WARN", label, "action pinned to a branch; pin a release tag or a commit SHA")
            if "actions/setup-python" in uses and with_.get("cache"):
                if checkout is None or checkout > index:
                    add("ERROR", label, "pip cache before actions/checkout: no dependency file exists yet")
                if not with_.get("cache-dependency-path"):
                    add("WARN", label, "no cache-dependency-path: the default needs requirements.txt or pyproject.toml")
            fixed_sleeps = [
                line
                for line in run.splitlines()
                if re.search(r"(^|\s|;|&&)sleep\s+\d", line)
                and not re.search(r"\b(until|while)\b", line)  # a sleep inside a wait loop is fine
            ]
            if fixed_sleeps:
                add("WARN", label, "fixed sleep: wait for a condition (e.g. curl --retry on /health) instead")
            if "upload-artifact" in uses:
                if "strategy" in job and "matrix." not in str(with_.get("name", "")):
                    add("ERROR", label, "same artefact name in every matrix job: the second upload gets 409 Conflict")
                if not step.get("if"):
                    add("WARN", label, "no 'if:': reports are not uploaded when tests fail")
        uses_browser = any(
            "--browser" in str(s.get("run", "")) or "tests/ui" in str(s.get("run", "")) for s in steps_of(job)
        )
        if uses_browser and find_step(job, "playwright install") is None:
            add("ERROR", where, "Playwright tests but no 'python -m playwright install --with-deps <browser>' step")
        env_text = str(job.get("env", "")) + str(workflow.get("env", ""))
        for name, service in (job.get("services") or {}).items():
            if re.search(r"(127\.0\.0\.1|localhost)", env_text) and not service.get("ports"):
                add(
                    "ERROR",
                    f"{where}.services.{name}",
                    "no ports: mapping, but the job connects via 127.0.0.1/localhost",
                )
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workflow")
    parser.add_argument("--default-branch", default="main")
    args = parser.parse_args(argv)
    try:
        with open(args.workflow, encoding="utf-8") as handle:
            workflow = yaml.safe_load(handle)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" on line {mark.line + 1}" if mark else ""
        print(f"ERROR  YAML syntax{line}: {getattr(error, 'problem', error)}. GitHub rejects the whole file.")
        return 1
    problems = check(workflow, args.default_branch)
    for level, where, message in problems:
        print(f"{level:5}  {where}: {message}")
    errors = sum(1 for level, _, _ in problems if level == "ERROR")
    print(f"{errors} error(s), {len(problems) - errors} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
