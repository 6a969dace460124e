"""Reading the header of a learning platform's export: the student column and the questions.

A CSV of linsteps' own layout has a ``student`` column and one column per problem id.  The
exports of Moodle (quiz responses report), Canvas (student analysis) and Google or Microsoft
Forms have other columns beside the answers (names, times, grades): the student column is found
by its name (or chosen), each question column is matched to a problem by its header, and every
other column is ignored.  A header is matched, in this order, by:

1. ``--map "HEADER=ID"`` (the header as written, case and spacing aside);
2. the problem id itself (``3``);
3. a numbered question: ``Response 3``, ``Question 3``, ``Problem 3``, ``Q3``, ``3.``, ``3)``
   (Canvas's leading question id, ``1234:``, is dropped first; in a Moodle report, only the
   ``Response N`` columns are answers);
4. the question text containing every operand of exactly one problem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from linsteps.errors import UsageError

# Student columns, most specific first (Moodle and Forms: the e-mail; Canvas: the name).
STUDENT_NAMES = ("student", "email address", "email", "e-mail", "username", "id number", "name")
BLANK_MARKS = frozenset({"-", "–"})  # what Moodle writes for a question not answered
_CANVAS_ID = re.compile(r"^\d+\s*:\s*")
_NUMBERED = re.compile(
    r"^(?:(?:response|question|problem|exercise|answer|q|题目|问题|第)\s*#?\s*(\d+)\s*(?:题)?"
    r"(?:$|[\s.):：-])|(\d+)\s*[.):：](?:\s|$))",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_LOOKS_LIKE_ID = re.compile(r"^[\w.-]{1,12}$")


@dataclass(frozen=True)
class Columns:
    """Where a CSV's answers are: the student column, a column per problem, the ignored ones."""

    student: int
    problems: dict[str, int]
    ignored: list[str] = field(default_factory=list)
    native: bool = True  # linsteps' own layout (a ``student`` column and problem ids)
    names: tuple[int, ...] = ()  # the columns of the student's name, when beside the id


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """``["Question 3=3", …]`` as ``{"question 3": "3"}``; the last ``=`` splits."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        header, sep, pid = pair.rpartition("=")
        if not sep or not header.strip() or not pid.strip():
            raise UsageError("bad_map", value=pair)
        mapping[_normal(header)] = pid.strip()
    return mapping


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\ufeff", "")).strip().casefold()


def _squeezed(text: str) -> str:
    return _SPACES.sub("", text).casefold()


def find_columns(
    path: str,
    names: Sequence[str],
    problems: Sequence[str],
    operands: Mapping[str, Sequence[str]],
    *,
    student_column: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> Columns:
    """The columns of a CSV whose first row is ``names``, for a key with ``problems``.

    ``operands`` gives each problem's inputs (for matching by question text).  Raises
    :class:`UsageError` for no student column, a column mapped twice, or (in linsteps' own
    layout) a column that looks like a problem id but is not one.
    """
    mapping = mapping or {}
    normal = [_normal(n) for n in names]
    for header, target in mapping.items():
        if target not in problems:
            raise UsageError(
                "csv_unknown_column", path=path, column=target, choices=", ".join(problems)
            )
        if header not in normal:
            raise UsageError("csv_map_missing", path=path, column=header)
    student = _student(path, normal, student_column)
    native = normal[student] == "student" and student_column is None and not mapping
    responses = any(n.startswith("response ") for n in normal)  # Moodle: only these answer
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, name in enumerate(names):
        if index == student:
            continue
        if responses and normal[index] not in mapping and not normal[index].startswith("response"):
            ignored.append(name.strip() or f"#{index + 1}")
            continue
        pid = _problem(name, normal[index], problems, operands, mapping)
        if pid is None:
            if native and _LOOKS_LIKE_ID.match(name.strip()) and any(c.isdigit() for c in name):
                raise UsageError(
                    "csv_unknown_column", path=path, column=name.strip(),
                    choices=", ".join(problems),
                )  # fmt: skip
            ignored.append(name.strip() or f"#{index + 1}")
            continue
        if pid in columns or (native and normal[index] == "student"):
            raise UsageError("csv_duplicate_column", path=path, column=name.strip())
        columns[pid] = index
    return Columns(student, columns, ignored, native, _name_columns(normal, student))


def _name_columns(normal: Sequence[str], student: int) -> tuple[int, ...]:
    """The columns holding the student's name (first name then surname), if any."""
    surname = next((normal.index(n) for n in ("surname", "last name") if n in normal), None)
    if "first name" in normal and surname is not None:
        return normal.index("first name"), surname
    if "name" in normal and normal.index("name") != student:
        return (normal.index("name"),)
    return ()


def _student(path: str, normal: Sequence[str], chosen: str | None) -> int:
    if chosen is not None:
        wanted = _normal(chosen)
        if wanted not in normal:
            raise UsageError("csv_student_column_missing", path=path, column=chosen)
        return normal.index(wanted)
    for candidate in STUDENT_NAMES:
        if candidate in normal and (candidate != "name" or "sis_id" in normal):
            return normal.index(candidate)
    raise UsageError("csv_no_student", path=path)


def _problem(
    name: str,
    normal: str,
    problems: Sequence[str],
    operands: Mapping[str, Sequence[str]],
    mapping: Mapping[str, str],
) -> str | None:
    """The problem id of the column headed ``name``, or None."""
    if normal in mapping:
        return mapping[normal]
    stripped = name.replace("\ufeff", "").strip()
    if stripped in problems:
        return stripped
    text = _CANVAS_ID.sub("", stripped)
    if text in problems:
        return text
    match = _NUMBERED.match(text)
    if match:
        number = match.group(1) or match.group(2)
        if number in problems:
            return number
        position = int(number)
        if 1 <= position <= len(problems) and not any(p.isdigit() for p in problems):
            return problems[position - 1]
    squeezed = _squeezed(text)
    found = [
        pid
        for pid, inputs in operands.items()
        if inputs and all(_squeezed(i) in squeezed for i in inputs)
    ]
    return found[0] if len(found) == 1 else None


__all__ = ["BLANK_MARKS", "STUDENT_NAMES", "Columns", "find_columns", "parse_mapping"]
