"""Score and rank a risk register.

Usage:
    python score_risks.py staynest-risk-register-example.csv

Reads a CSV with at least the columns risk_id, risk, likelihood_1_5 and impact_1_5,
computes score = likelihood x impact, gives each risk a level and prints the register
sorted from the highest score down, with the test depth that level asks for.
Risks with impact 5 are flagged even when their score is low, because a rare
catastrophe still deserves at least one test.
Standard library only: no installation needed.
"""

import csv
import sys

DEPTH = {
    "High": "formal techniques, tested first, code or design review, exploratory sessions",
    "Medium": "main techniques, tested second, one exploratory session",
    "Low": "checklist or smoke test, tested last or accepted",
}


def level(score):
    if score >= 15:
        return "High"
    if score >= 8:
        return "Medium"
    return "Low"


def load(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    risks = []
    for row in rows:
        likelihood = int(row["likelihood_1_5"])
        impact = int(row["impact_1_5"])
        if not (1 <= likelihood <= 5 and 1 <= impact <= 5):
            raise ValueError(f"{row['risk_id']}: likelihood and impact must be 1 to 5")
        score = likelihood * impact
        risks.append({**row, "score": score, "level": level(score), "impact": impact})
    return risks


def main(path):
    risks = sorted(load(path), key=lambda r: (r["score"], r["impact"]), reverse=True)
    print(f"{'ID':<5} {'Score':>5}  {'Level':<7} Risk")
    for risk in risks:
        flag = "  <- impact 5: test it anyway" if risk["impact"] == 5 and risk["level"] == "Low" else ""
        print(f"{risk['risk_id']:<5} {risk['score']:>5}  {risk['level']:<7} {risk['risk']}{flag}")
    print()
    for name in ("High", "Medium", "Low"):
        count = sum(1 for r in risks if r["level"] == name)
        print(f"{name:<7} {count:>2} risk(s): {DEPTH[name]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python score_risks.py <risk-register.csv>")
    main(sys.argv[1])
