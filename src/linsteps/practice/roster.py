"""Class rosters: student ids from a spreadsheet's CSV, and a safe file name for each.

The first row is the header.  Ids come from the ``student`` column (any case), or else the
first column.  UTF-8 with or without a byte-order mark; ``,`` ``;`` or tab separated (the
separator is the one the header uses most).  Blank lines are skipped; empty or duplicate ids,
a missing column, and ids that would share a file name are errors naming the rows.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from linsteps.errors import UsageError

MAX_ROSTER = 5_000_000
MAX_STUDENTS = 10_000
SEPARATORS = (",", ";", "\t")
_UNSAFE = re.compile(r"[^\w.-]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def read_roster(path: str | Path) -> list[str]:
    """Return the student ids of a roster file, in file order (a regular file, read bounded)."""
    from linsteps.reading.files import read_file

    return parse_roster(read_file(path, MAX_ROSTER), str(path))


def separator_of(header: str) -> str:
    """Return the separator the header line uses most; with none, the file has one column
    (read with a separator that cannot occur, so that ``Smith, Jo`` stays one id)."""
    counts = [(header.count(sep), -i, sep) for i, sep in enumerate(SEPARATORS)]
    best = max(counts)
    return best[2] if best[0] else "\x1f"


def parse_roster(text: str, path: str = "roster") -> list[str]:
    """Return the ids of a roster given as text (see the module docstring)."""
    if "\x00" in text:
        raise UsageError("roster_nul", path=path)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise UsageError("roster_no_column", path=path)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator_of(header_line)))
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    header = numbered[0][1]
    names = [cell.strip().lower() for cell in header]
    if "student" in names:
        column = names.index("student")
    elif names and names[0]:
        column = 0
    else:
        raise UsageError("roster_no_column", path=path)
    ids: list[str] = []
    first_row: dict[str, int] = {}
    for number, row in numbered[1:]:
        student = unicodedata.normalize("NFC", row[column].strip()) if column < len(row) else ""
        if not student:
            raise UsageError("roster_empty_id", path=path, row=number)
        if student in first_row:
            raise UsageError(
                "roster_duplicate", path=path, id=student, first=first_row[student], row=number
            )
        first_row[student] = number
        ids.append(student)
    if not ids:
        raise UsageError("roster_no_students", path=path)
    if len(ids) > MAX_STUDENTS:
        raise UsageError("roster_too_long", path=path, most=MAX_STUDENTS)
    _check_names(ids, first_row, path)
    return ids


def safe_stem(student: str) -> str:
    """Return a file-name stem for an id: letters, digits, ``.`` ``-`` ``_`` (others become
    ``_``), no leading dot, not a reserved device name, at most 80 characters."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", student)).strip()
    stem = re.sub(r"^\.+", lambda m: "_" * len(m.group()), stem)[:80] or "_"
    if stem.split(".")[0].lower() in _RESERVED:
        stem = "_" + stem
    return stem


def file_names(students: list[str], extension: str) -> list[str]:
    """Return each student's file name, ``<safe id>.<extension>``."""
    return [f"{safe_stem(s)}.{extension}" for s in students]


def _check_names(ids: list[str], rows: dict[str, int], path: str) -> None:
    """Raise when two ids map to the same file name (compared without case)."""
    owner: dict[str, str] = {}
    for student in ids:
        folded = safe_stem(student).casefold()
        if folded in owner:
            other = owner[folded]
            raise UsageError(
                "roster_same_file",
                path=path,
                a=other,
                b=student,
                first=rows[other],
                row=rows[student],
                name=safe_stem(student),
            )
        owner[folded] = student
