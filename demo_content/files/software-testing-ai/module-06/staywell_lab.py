"""StayWell lab tool: load the extract, verify your masking, snapshot a golden copy and reset from it.

Standard library only (Python 3.10+). Keep it next to staywell-extract.sql.

    python staywell_lab.py load     --db staywell_original.db        # build a database from the extract
    python staywell_lab.py load     --db staywell_masked.db          # a second copy, to mask
    sqlite3 staywell_masked.db < mask-staywell.sql                   # YOUR masking script
    python staywell_lab.py verify   --original staywell_original.db --masked staywell_masked.db
    python staywell_lab.py snapshot --db staywell_masked.db --to staywell_golden.db
    python staywell_lab.py reset    --golden staywell_golden.db --db staywell_work.db

verify prints one PASS or FAIL line per rule and exits with code 1 if any rule fails, so it can run
in a pipeline. The rules are the ones in the lab: no personal value from the original may appear
anywhere in the masked copy, and everything the tests need (counts, keys, dates, totals) must survive.
"""

import argparse
import re
import shutil
import sqlite3
import sys
from pathlib import Path

EXTRACT = Path(__file__).with_name("staywell-extract.sql")
TABLES = ("guests", "rooms", "bookings")
PHONE_PATTERN = re.compile(r"^07700 900\d{3}$")  # Ofcom's range reserved for drama and testing


def connect(path):
    if not Path(path).exists():
        sys.exit(f"no database at {path}")
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    return connection


def load(db):
    with sqlite3.connect(db) as connection:
        connection.executescript(EXTRACT.read_text(encoding="utf-8"))
    print(f"loaded {EXTRACT.name} into {db}")


def text_values(connection):
    """Every non-empty text value in every table, lower-cased, with where it was found."""
    for table in TABLES:
        for row in connection.execute(f"SELECT * FROM {table}"):
            for column in row.keys():
                value = row[column]
                if isinstance(value, str) and value.strip():
                    yield table, column, value.lower()


def verify(original_path, masked_path):
    original, masked = connect(original_path), connect(masked_path)
    results = []

    def rule(name, ok, detail=""):
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'}  {name}{'  -> ' + detail if detail and not ok else ''}")

    # 1. Nothing lost, nothing added.
    for table in TABLES:
        before = original.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        after = masked.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        rule(f"{table}: same row count ({before})", before == after, f"masked copy has {after}")

    # 2. No original personal value anywhere in the masked copy, in any table or column.
    secrets = set()
    for guest in original.execute("SELECT email, full_name, phone FROM guests"):
        secrets.update(value.lower() for value in (guest["email"], guest["full_name"], guest["phone"]) if value)
        secrets.update(part.lower() for part in guest["full_name"].split() if len(part) > 3)  # first and last names
    leaks = [(t, c, s) for t, c, v in text_values(masked) for s in secrets if s in v]
    shown = ", ".join(f"{t}.{c} contains '{s}'" for t, c, s in leaks[:5])
    rule("no original email, name or phone appears anywhere (free text included)", not leaks, shown)

    # 3. Masked values are still valid for the application.
    guests = masked.execute("SELECT guest_id, email, phone FROM guests").fetchall()
    bad_emails = [g["guest_id"] for g in guests if not g["email"].lower().endswith("@example.com")]
    rule("every email ends in @example.com", not bad_emails, f"guest ids {bad_emails[:10]}")
    lowered = [g["email"].lower() for g in guests]
    rule("emails are unique ignoring case", len(lowered) == len(set(lowered)))
    bad_phones = [g["guest_id"] for g in guests if g["phone"] is not None and not PHONE_PATTERN.match(g["phone"])]
    rule("phones are NULL or in the reserved 07700 900xxx range", not bad_phones, f"guest ids {bad_phones[:10]}")
    missing = original.execute("SELECT COUNT(*) FROM guests WHERE phone IS NULL").fetchone()[0]
    masked_missing = masked.execute("SELECT COUNT(*) FROM guests WHERE phone IS NULL").fetchone()[0]
    rule("guests without a phone stay without one", missing == masked_missing, f"{missing} before, {masked_missing} after")

    # 4. Dates of birth generalised to the year: 1 January, same year.
    pairs = {row[0]: row[1] for row in original.execute("SELECT guest_id, date_of_birth FROM guests")}
    wrong = [gid for gid, dob in masked.execute("SELECT guest_id, date_of_birth FROM guests")
             if not (str(dob).endswith("-01-01") and str(dob)[:4] == str(pairs.get(gid, ""))[:4])]
    rule("date_of_birth kept only as the year (YYYY-01-01, same year)", not wrong, f"guest ids {wrong[:10]}")

    # 5. What tests need survives: keys, relationships, bookings.
    orphans = masked.execute(
        "SELECT COUNT(*) FROM bookings b LEFT JOIN guests g ON g.guest_id = b.guest_id WHERE g.guest_id IS NULL"
    ).fetchone()[0]
    rule("every booking still belongs to a guest", orphans == 0, f"{orphans} orphaned bookings")
    keep = "booking_id, guest_id, room_id, check_in, check_out, status, total"
    before = original.execute(f"SELECT {keep} FROM bookings ORDER BY booking_id").fetchall()
    after = masked.execute(f"SELECT {keep} FROM bookings ORDER BY booking_id").fetchall()
    rule("booking keys, dates, statuses and totals unchanged", [tuple(r) for r in before] == [tuple(r) for r in after])
    countries = lambda c: [tuple(r) for r in c.execute("SELECT guest_id, country FROM guests ORDER BY guest_id")]
    rule("guest ids and countries unchanged", countries(original) == countries(masked))

    failed = results.count(False)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def snapshot(db, to):
    """A consistent copy of db, made with SQLite's online backup API."""
    with sqlite3.connect(db) as source, sqlite3.connect(to) as target:
        source.backup(target)
    print(f"snapshot of {db} written to {to}")


def reset(golden, db):
    shutil.copyfile(golden, db)
    print(f"{db} reset from {golden}")


def main():
    parser = argparse.ArgumentParser(description="StayWell lab tool")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("load").add_argument("--db", required=True)
    check = commands.add_parser("verify")
    check.add_argument("--original", required=True)
    check.add_argument("--masked", required=True)
    snap = commands.add_parser("snapshot")
    snap.add_argument("--db", required=True)
    snap.add_argument("--to", required=True)
    back = commands.add_parser("reset")
    back.add_argument("--golden", required=True)
    back.add_argument("--db", required=True)
    args = parser.parse_args()
    if args.command == "load":
        load(args.db)
    elif args.command == "verify":
        sys.exit(verify(args.original, args.masked))
    elif args.command == "snapshot":
        snapshot(args.db, args.to)
    else:
        reset(args.golden, args.db)


if __name__ == "__main__":
    main()
