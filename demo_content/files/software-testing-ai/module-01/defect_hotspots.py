"""Module 1, lesson "The Seven Testing Principles": see principle 4 (defects cluster) in real data.

Two ways to find the hot spots of a product, with nothing but the Python standard library:

    python defect_hotspots.py shop-bug-log.csv
        Counts bugs per module in a bug tracker export (a CSV with a "module" column,
        like shop-bug-log.csv) and shows each module's share, weighted by severity too.

    python defect_hotspots.py --git /path/to/a/repository --since "6 months ago"
        Counts, per file, the commits whose message mentions a fix ("fix", "bug", "hotfix").
        Files that are fixed again and again are where the next bug is most likely to be.

Use the output to decide where to test first and deepest, and say so in your test plan.
"""

import argparse
import csv
import re
import subprocess
import sys
from collections import Counter

SEVERITY_WEIGHT = {"critical": 8, "major": 4, "minor": 2, "trivial": 1}
FIX_WORDS = re.compile(r"\b(fix|fixes|fixed|bug|hotfix)\b", re.IGNORECASE)


def print_table(title, counts, total, limit=10):
    width = min(60, max(len(name) for name in counts))
    print(f"\n{title}")
    print(f"{'':{width}} {'count':>6} {'share':>7} {'cumulative':>11}")
    running = 0
    for name, count in counts.most_common(limit):
        running += count
        print(f"{name[:width]:{width}} {count:6} {count / total:7.0%} {running / total:11.0%}")


def from_bug_log(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "module" not in rows[0]:
        sys.exit(f"{path}: expected a CSV file with a 'module' column")
    by_module = Counter(row["module"].strip() for row in rows)
    by_weight = Counter()
    for row in rows:
        by_weight[row["module"].strip()] += SEVERITY_WEIGHT.get(row.get("severity", "").strip().lower(), 1)
    print(f"{len(rows)} bugs in {len(by_module)} modules")
    print_table("Bugs per module", by_module, len(rows))
    print_table("Weighted by severity (critical 8, major 4, minor 2, trivial 1)", by_weight, sum(by_weight.values()))
    top_two = sum(count for _name, count in by_module.most_common(2))
    print(f"\nThe top 2 of {len(by_module)} modules hold {top_two / len(rows):.0%} of the bugs.")


def from_git(repository, since):
    command = ["git", "-C", repository, "log", f"--since={since}", "--name-only", "--pretty=format:@@%s"]
    try:
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"git log failed: {error}")
    files, is_fix, fix_commits = Counter(), False, 0
    for line in output.splitlines():
        if line.startswith("@@"):
            is_fix = bool(FIX_WORDS.search(line))
            fix_commits += is_fix
        elif line.strip() and is_fix:
            files[line.strip()] += 1
    if not files:
        sys.exit(f"No fix commits since {since} in {repository}")
    print(f"{fix_commits} fix commits since {since}")
    print_table("Files changed by fix commits", files, sum(files.values()))


def main():
    parser = argparse.ArgumentParser(description="Find where defects cluster.")
    parser.add_argument("bug_log", nargs="?", help="a CSV export of bugs with a 'module' column")
    parser.add_argument("--git", metavar="REPOSITORY", help="a Git repository to mine for fix commits")
    parser.add_argument("--since", default="6 months ago", help="how far back to read the Git history")
    arguments = parser.parse_args()
    if arguments.git:
        from_git(arguments.git, arguments.since)
    elif arguments.bug_log:
        from_bug_log(arguments.bug_log)
    else:
        parser.error("give a bug log CSV file or --git REPOSITORY")


if __name__ == "__main__":
    main()
