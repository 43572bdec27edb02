"""Load PayFlow's sprint metrics into SQLite and run the proposal queries.

    python sprint_metrics.py                                   # uses the files next to this script
    python sprint_metrics.py my-team-metrics.csv proposal_metrics.sql

Standard library only. Every query prints as a small table you can paste into the proposal.
To explore further, save the database:  python sprint_metrics.py --save payflow.db
and open payflow.db in DB Browser for SQLite or with the sqlite3 command-line shell.
"""

import argparse
import csv
import sqlite3
from pathlib import Path

HERE = Path(__file__).parent


def load(conn, csv_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames
        conn.execute(f"CREATE TABLE sprints ({', '.join(columns)})")
        marks = ", ".join("?" for _ in columns)
        for row in reader:
            conn.execute(
                f"INSERT INTO sprints VALUES ({marks})",
                [int(row[c]) if row[c].isdigit() else row[c] for c in columns],
            )


def statements(sql_text):
    for chunk in sql_text.split(";"):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if any(not line.strip().startswith("--") for line in lines):
            title = next((line[3:] for line in lines if line.startswith("-- ") and line[3:4].isdigit()), "query")
            yield title, chunk


def show(cursor):
    headers = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    widths = [max(len(str(v)) for v in [h, *(r[i] for r in rows)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    for row in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv_file", nargs="?", default=HERE / "payflow-sprint-metrics.csv")
    parser.add_argument("sql_file", nargs="?", default=HERE / "proposal_metrics.sql")
    parser.add_argument("--save", metavar="DB_FILE", help="write the database to a file as well")
    args = parser.parse_args()
    conn = sqlite3.connect(args.save or ":memory:")
    conn.execute("DROP TABLE IF EXISTS sprints")
    load(conn, args.csv_file)
    conn.commit()
    for title, sql in statements(Path(args.sql_file).read_text(encoding="utf-8")):
        print(f"\n{title}")
        show(conn.execute(sql))


if __name__ == "__main__":
    main()
