"""Load a bug export (CSV) into an in-memory SQLite database and run the hot-spot queries.

    python defect_hotspots.py freshbasket-bug-export.csv defect_hotspots.sql

Standard library only. Empty cells become NULL, so open bugs without a fix time do not
distort the averages. Use the output as evidence in a conversation, not as a verdict on people.
"""

import csv
import sqlite3
import sys


def load(conn, csv_path):
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames
        conn.execute(f"CREATE TABLE bugs ({', '.join(columns)})")
        placeholders = ", ".join("?" for _ in columns)
        for row in reader:
            values = [None if row[c] == "" else (int(row[c]) if row[c].isdigit() else row[c]) for c in columns]
            conn.execute(f"INSERT INTO bugs VALUES ({placeholders})", values)


def run(conn, sql_path):
    statements = [s.strip() for s in open(sql_path, encoding="utf-8").read().split(";") if s.strip()]
    for statement in statements:
        if all(line.strip().startswith("--") for line in statement.splitlines() if line.strip()):
            continue  # only comments, no SQL
        comment = [line for line in statement.splitlines() if line.startswith("-- ") and line[3:4].isdigit()]
        print("\n" + (comment[0][3:] if comment else "query"))
        cursor = conn.execute(statement)
        headers = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
        widths = [max(len(str(x)) for x in [h, *[r[i] for r in rows]]) for i, h in enumerate(headers)]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
        for row in rows:
            print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)))


if __name__ == "__main__":
    csv_file = sys.argv[1] if len(sys.argv) > 1 else "freshbasket-bug-export.csv"
    sql_file = sys.argv[2] if len(sys.argv) > 2 else "defect_hotspots.sql"
    connection = sqlite3.connect(":memory:")
    load(connection, csv_file)
    run(connection, sql_file)
