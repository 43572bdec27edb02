"""Rank security test ideas and find the OWASP Top 10:2025 risks nobody is testing (Module 13, Lesson 2).

Reads a CSV with the columns id, owasp_2025, area, test_idea, likelihood, impact (1 to 3 each),
such as security-test-ideas-greenbasket.csv. Standard library only.

    python top10_coverage.py security-test-ideas-greenbasket.csv
    python top10_coverage.py my-ideas.csv --top 5

Prints the ideas by priority (likelihood x impact), then one line per Top 10 risk with the number of
ideas and the best score, and exits with code 1 if any risk has no idea at all.
"""

import argparse
import csv
import sys

TOP10_2025 = {
    "A01": "Broken Access Control",
    "A02": "Security Misconfiguration",
    "A03": "Software Supply Chain Failures",
    "A04": "Cryptographic Failures",
    "A05": "Injection",
    "A06": "Insecure Design",
    "A07": "Authentication Failures",
    "A08": "Software or Data Integrity Failures",
    "A09": "Logging and Alerting Failures",
    "A10": "Mishandling of Exceptional Conditions",
}


def read_ideas(path):
    ideas, problems = [], []
    with open(path, newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                likelihood, impact = int(row["likelihood"]), int(row["impact"])
            except (KeyError, ValueError):
                problems.append(f"line {line}: likelihood and impact must be whole numbers")
                continue
            category = (row.get("owasp_2025") or "").strip().upper()[:3]
            if category not in TOP10_2025:
                problems.append(f"line {line}: unknown category {row.get('owasp_2025')!r} (use A01 to A10)")
                continue
            if not (1 <= likelihood <= 3 and 1 <= impact <= 3):
                problems.append(f"line {line}: scores must be 1, 2 or 3")
                continue
            ideas.append({**row, "category": category, "score": likelihood * impact})
    return ideas, problems


def main():
    parser = argparse.ArgumentParser(description="Rank security test ideas and check Top 10 coverage.")
    parser.add_argument("csv_file")
    parser.add_argument("--top", type=int, default=10, help="how many ideas to list (default 10)")
    args = parser.parse_args()

    ideas, problems = read_ideas(args.csv_file)
    for problem in problems:
        print("PROBLEM:", problem)

    ranked = sorted(ideas, key=lambda idea: (-idea["score"], idea["id"]))
    print(f"Top {min(args.top, len(ranked))} of {len(ranked)} ideas by likelihood x impact")
    for idea in ranked[: args.top]:
        print(f"  {idea['score']}  {idea['id']:<7}{idea['category']}  {idea['test_idea']}")

    print("\nCoverage of the OWASP Top 10:2025")
    gaps = []
    for code, name in TOP10_2025.items():
        mine = [idea for idea in ideas if idea["category"] == code]
        if mine:
            best = max(idea["score"] for idea in mine)
            label = "idea" if len(mine) == 1 else "ideas"
            print(f"  {code} {name:<40}{len(mine):>3} {label}, best score {best}")
        else:
            gaps.append(code)
            print(f"  {code} {name:<40}  0 ideas  <-- GAP")
    if gaps:
        print(f"\n{len(gaps)} risk(s) without a single test idea: {', '.join(gaps)}.")
        print("Add at least one idea each, even if it is 'ask the team how this is handled'.")
        return 1
    print("\nEvery Top 10 risk has at least one test idea.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
