"""Check AI-drafted test cases against the test conditions your techniques produced.

Module 9, lesson "Generating Test Ideas and Test Cases with AI".

    python coverage_check.py kestrel-test-conditions.csv kestrel-ai-draft-reviewed.csv

conditions CSV: condition_id, technique, criterion, condition
tests CSV:      id, title, ..., covers, review_note
                covers = the condition ids a test really checks, separated by spaces; YOU fill it in
                while reviewing. Leave it empty when a test checks none of them.

The script prints which conditions no test covers (the gaps to fill), which tests cover nothing
(new ideas to judge, or noise), duplicates, and tags that point to unknown conditions.
Exit code 1 while any condition is uncovered, so it can gate a review in CI.
"""

import csv
import sys
from collections import defaultdict


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main(conditions_path, tests_path):
    conditions = {row["condition_id"]: row for row in read(conditions_path)}
    tests = read(tests_path)
    covered_by = defaultdict(list)
    unknown, no_condition = [], []
    for test in tests:
        tags = (test.get("covers") or "").split()
        if not tags:
            no_condition.append(test)
        for tag in tags:
            if tag in conditions:
                covered_by[tag].append(test["id"])
            else:
                unknown.append((test["id"], tag))

    gaps = [cid for cid in conditions if cid not in covered_by]
    print(f"{len(tests)} tests, {len(conditions)} conditions, "
          f"{len(conditions) - len(gaps)} covered ({100 * (len(conditions) - len(gaps)) / len(conditions):.0f}%)\n")
    print("GAPS: conditions no test covers")
    for cid in gaps:
        row = conditions[cid]
        print(f"  {cid} [{row['technique']} {row['criterion']}] {row['condition']}")
    print("\nTESTS THAT COVER NO CONDITION: judge each one (new idea, invented rule, or too vague)")
    for test in no_condition:
        print(f"  {test['id']} {test['title']}  -> {test.get('review_note', '')}")
    duplicates = {cid: ids for cid, ids in covered_by.items() if len(ids) > 1}
    if duplicates:
        print("\nCONDITIONS COVERED MORE THAN ONCE: merge if the tests add nothing new")
        for cid, ids in sorted(duplicates.items()):
            print(f"  {cid}: {', '.join(ids)}")
    if unknown:
        print("\nUNKNOWN TAGS (typos?)")
        for test_id, tag in unknown:
            print(f"  {test_id}: {tag}")
    return 1 if gaps or unknown else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
