"""Summarise a ZAP JSON report for triage (Module 13, Lesson 5: Intercepting Traffic with OWASP ZAP).

ZAP writes the JSON report with the baseline scan's -J option (the GitHub Action calls it
report_json.json). This script lists every alert once, highest risk first, with how many URLs it
was seen on, one example URL, and what your rules file says to do with it. Standard library only.

    python zap_report_summary.py zap-baseline-sample-report.json
    python zap_report_summary.py report_json.json --rules zap-baseline-rules.tsv
    python zap_report_summary.py report_json.json --rules zap-baseline-rules.tsv --csv triage.csv

Exit code: 1 if any alert is marked FAIL in the rules file, or is High risk and not IGNOREd; else 0.
"""

import argparse
import csv
import json
import sys

RISKS = {"3": "High", "2": "Medium", "1": "Low", "0": "Informational"}
CONFIDENCES = {"4": "Confirmed", "3": "High", "2": "Medium", "1": "Low", "0": "False positive"}


def load_rules(path):
    """Rule id -> action, from a zap-baseline rules file (id, action, name, message; tab separated)."""
    rules = {}
    if not path:
        return rules
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                rules[fields[0].strip()] = fields[1].strip().upper()
    return rules


def alerts_in(report):
    for site in report.get("site", []):
        for alert in site.get("alerts", []):
            instances = alert.get("instances", [])
            yield {
                "site": site.get("@name", ""),
                "id": str(alert.get("pluginid", "")),
                "name": alert.get("name") or alert.get("alert", ""),
                "risk": RISKS.get(str(alert.get("riskcode")), "?"),
                "riskcode": int(alert.get("riskcode", 0)),
                "confidence": CONFIDENCES.get(str(alert.get("confidence")), "?"),
                "count": int(alert.get("count", len(instances))),
                "example": instances[0].get("uri", "") if instances else "",
                "cwe": str(alert.get("cweid", "")),
            }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="ZAP JSON report (baseline -J option)")
    parser.add_argument("--rules", help="zap-baseline rules file (.tsv or .conf)")
    parser.add_argument("--csv", help="also write the triage list to this CSV file")
    args = parser.parse_args()

    with open(args.report, encoding="utf-8") as handle:
        report = json.load(handle)
    rules = load_rules(args.rules)
    alerts = sorted(alerts_in(report), key=lambda a: (-a["riskcode"], a["name"]))
    blocking = []

    print(f"ZAP {report.get('@version', '?')} report generated {report.get('@generated', '?')}")
    print(f"{'risk':<14}{'confidence':<11}{'rule':<7}{'urls':>5}  {'action':<8}name / example URL")
    for alert in alerts:
        action = rules.get(alert["id"], "WARN")  # the baseline scan's default for unlisted rules
        alert["action"] = action
        if action == "FAIL" or (alert["risk"] == "High" and action != "IGNORE"):
            blocking.append(alert)
        print(
            f"{alert['risk']:<14}{alert['confidence']:<11}{alert['id']:<7}{alert['count']:>5}  {action:<8}"
            f"{alert['name']}\n{'':<45}{alert['example']}"
        )

    counts = {risk: sum(1 for a in alerts if a["risk"] == risk) for risk in RISKS.values()}
    print("\n" + ", ".join(f"{risk}: {number}" for risk, number in counts.items()))

    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as handle:
            columns = ["id", "name", "risk", "confidence", "count", "example", "cwe", "action"]
            writer = csv.DictWriter(handle, fieldnames=columns + ["decision", "reason", "ticket"])
            writer.writeheader()
            for alert in alerts:
                writer.writerow({key: alert[key] for key in columns})
        print(f"Triage list written to {args.csv}: fill in decision, reason and ticket for each row.")

    if blocking:
        print("BLOCKING: " + "; ".join(f"{a['id']} {a['name']}" for a in blocking))
        return 1
    print("No blocking alerts.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
