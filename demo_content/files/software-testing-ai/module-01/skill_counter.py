"""Module 1, lesson "The Tester's Mindset and Career Paths": which skills do job ads ask for?

Reads a CSV of job ads with a "skills" column (skills separated by semicolons) and prints
the most requested skills, optionally for one role family or level, plus the salary range.

    python skill_counter.py qa-job-ads-sample.csv
    python skill_counter.py qa-job-ads-sample.csv --role automation
    python skill_counter.py qa-job-ads-sample.csv --level junior --top 8

Collect 20 to 30 real ads from your own area into the same columns, run it again, and
plan your learning around the skills at the top of the list, not the ones in fashion.
"""

import argparse
import csv
import statistics
import sys
from collections import Counter


def main():
    parser = argparse.ArgumentParser(description="Count the skills requested in QA job ads.")
    parser.add_argument("ads", help="CSV file with role_family, level, salary_min_usd, salary_max_usd, skills")
    parser.add_argument("--role", help="only ads of this role family: manual, automation, sdet, specialist, lead")
    parser.add_argument("--level", help="only ads of this level: junior, mid, senior")
    parser.add_argument("--top", type=int, default=10, help="how many skills to show (default 10)")
    arguments = parser.parse_args()

    with open(arguments.ads, newline="", encoding="utf-8") as handle:
        ads = list(csv.DictReader(handle))
    if arguments.role:
        ads = [ad for ad in ads if ad["role_family"] == arguments.role]
    if arguments.level:
        ads = [ad for ad in ads if ad["level"] == arguments.level]
    if not ads:
        sys.exit("No ads match these filters.")

    skills = Counter(skill.strip() for ad in ads for skill in ad["skills"].split(";") if skill.strip())
    print(f"{len(ads)} ads")
    print(f"{'skill':24} {'ads':>4} {'share':>6}")
    for skill, count in skills.most_common(arguments.top):
        print(f"{skill:24} {count:4} {count / len(ads):6.0%}")

    lows = [int(ad["salary_min_usd"]) for ad in ads]
    highs = [int(ad["salary_max_usd"]) for ad in ads]
    print(f"\nSalary range in these ads: ${min(lows):,} to ${max(highs):,}")
    print(f"Median of the advertised minimums: ${statistics.median(lows):,.0f}")


if __name__ == "__main__":
    main()
