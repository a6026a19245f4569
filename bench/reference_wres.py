"""
The plain reference for bench/process.bench.ts: WRES's headline counts from a folder of canonical files with Python's
standard library only (csv), as an analyst might write them. Indicator 1's headcount by group (bank-only staff left
out), indicator 2's shortlisted and appointed applicants, and indicators 3 and 4's people with at least one
disciplinary case or non-mandatory course, each counted once. It checks nothing, locates nothing and leaves out every
breakdown and interval: the least work anyone could do with these files, which is what Mirror is timed against.

    python3 bench/reference_wres.py <folder>
"""
import csv
import os
import sys
from collections import Counter

_groups = {}


def group(raw):
    """White, ethnic minority or unknown, from an NHS code (A, CY, 99) or a label ("White - Irish")."""
    found = _groups.get(raw)
    if found is None:
        value = raw.strip()
        lower = value.lower()
        if value in ("", "Z", "99") or lower.startswith("not "):
            found = "unknown"
        elif lower.startswith("white") or (len(value) <= 2 and value[0] in "ABC"):
            found = "white"
        else:
            found = "ethnic minority"
        _groups[raw] = found
    return found


def rows(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        yield {h: i for i, h in enumerate(header)}
        yield from reader


def main(folder):
    counts = Counter()
    staff_group = {}
    staff = rows(folder, "staff.csv")
    col = next(staff)
    for row in staff:
        if row[col["assignment_category"]].strip().lower() == "bank":
            continue
        g = group(row[col["ethnic_category"]])
        staff_group[row[col["staff_id"]]] = g
        counts["headcount", g] += 1
    applications = rows(folder, "applications.csv")
    col = next(applications)
    for row in applications:
        if not row[col["shortlisted"]].strip().lower().startswith("y"):
            continue
        g = group(row[col["ethnic_category"]])
        counts["shortlisted", g] += 1
        if row[col["appointed"]].strip().lower().startswith("y"):
            counts["appointed", g] += 1
    for name, keep in (("disciplinary.csv", None), ("training.csv", "mandatory")):
        events = rows(folder, name)
        col = next(events)
        seen = set()
        for row in events:
            person = row[col["staff_id"]]
            if person in seen or (keep and row[col[keep]].strip().lower().startswith("y")):
                continue
            seen.add(person)
            counts[name, staff_group.get(person, "not in staff file")] += 1
    for key in sorted(counts):
        print(*key, counts[key], sep="\t")


if __name__ == "__main__":
    main(sys.argv[1])
