"""Worksheets: seeded problems solved by the explainer, made into sheets, written with their key.

:func:`make_sheet` generates and solves a sheet (:mod:`~linsteps.practice.solving`), so its
answers and worked solutions are the explainer's derivations; :func:`run_request` does what
``linsteps worksheet`` asks: one sheet or one per student, their documents
(:mod:`~linsteps.practice.documents`) and the answer key (:mod:`~linsteps.practice.answer_key`).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linsteps.errors import UsageError
from linsteps.practice.answer_key import build_key, key_json
from linsteps.practice.documents.formats import (
    EXTENSIONS,
    check_format,
    check_lang,
    check_solutions,
    check_space,
    render_sheet,
)
from linsteps.practice.problems.generation import check_count, generate
from linsteps.practice.problems.levels import check_difficulty
from linsteps.practice.problems.topics import parse_topics
from linsteps.practice.sheet import Sheet
from linsteps.practice.solving import solve
from linsteps.reading.budget import bounded

MAX_SEED = 2**64 - 1


def check_seed(seed: int | None) -> int:
    """Return the seed, or a fresh one (printed in the sheet) when None."""
    if seed is None:
        return secrets.randbelow(10**9)
    if not 0 <= seed <= MAX_SEED:
        raise UsageError("bad_seed", value=seed, most=MAX_SEED)
    return seed


def student_seed(seed: int, student: str) -> int:
    """Return a student's seed: a SHA-256 of the sheet's seed and the id (stable everywhere)."""
    digest = hashlib.sha256(f"{seed}\x1f{student}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


@bounded
def make_sheet(
    seed: int | None = None,
    count: int = 10,
    topics: Sequence[str] | str | None = None,
    difficulty: str = "medium",
    *,
    title: str | None = None,
    date: str | None = None,
    student: str | None = None,
) -> Sheet:
    """Generate and solve a sheet; the same arguments always give the same sheet."""
    chosen = parse_topics(topics)
    seed = check_seed(seed)
    check_count(count)
    check_difficulty(difficulty)
    problems = generate(seed, count, chosen, difficulty)
    solved = tuple(solve(p, i) for i, p in enumerate(problems, start=1))
    options = {"count": count, "topics": list(chosen), "difficulty": difficulty}
    return Sheet(seed, count, chosen, difficulty, solved, title, date, student, options)


@dataclass(frozen=True)
class Request:
    """Everything ``linsteps worksheet`` was asked for."""

    seed: int | None = None
    count: int = 10
    topics: str | Sequence[str] | None = None
    difficulty: str = "medium"
    fmt: str = "markdown"
    lang: str = "en"
    solutions: str = "none"
    title: str | None = None
    date: str | None = None
    out: Path | None = None
    key: Path | None = None
    roster: Path | None = None
    out_dir: Path | None = None
    space: str | None = None  # working space after each problem (None: the format's default)


def run_request(request: Request) -> str | None:
    """Make the sheets, write them and the key whole or not at all; return the text to print
    on standard output (the sheet when no ``out`` is given).  Every option is checked before
    anything is generated or written."""
    from linsteps.output import check_writable, write_atomic, write_directory

    fmt, lang = check_format(request.fmt), check_lang(request.lang)
    solutions = check_solutions(request.solutions)
    space = check_space(request.space, fmt)
    topics = parse_topics(request.topics)
    count, difficulty = check_count(request.count), check_difficulty(request.difficulty)
    if request.roster is not None and request.out_dir is None:
        raise UsageError("roster_needs_out_dir")
    if request.out_dir is not None and request.roster is None:
        raise UsageError("out_dir_needs_roster")
    if request.roster is not None and request.out is not None:
        raise UsageError("roster_with_out")
    for path in (request.out, request.key):
        if path is not None:
            check_writable(path)
    seed = check_seed(request.seed)
    options = {"count": count, "topics": list(topics), "difficulty": difficulty}

    def sheet_for(sheet_seed: int, student: str | None = None) -> Sheet:
        return make_sheet(
            sheet_seed,
            count,
            topics,
            difficulty,
            title=request.title,
            date=request.date,
            student=student,
        )

    if request.roster is not None and request.out_dir is not None:
        from linsteps.practice.roster import file_names, read_roster

        check_writable(request.out_dir, folder=True)
        students = read_roster(request.roster)
        made: dict[str, tuple[Sheet, str]] = {}
        files: dict[str, str] = {}
        for student, file in zip(students, file_names(students, EXTENSIONS[fmt]), strict=True):
            sheet = sheet_for(student_seed(seed, student), student)
            made[student] = (sheet, file)
            files[file] = render_sheet(sheet, fmt, lang, solutions, space)
        write_directory(request.out_dir, files)
        if request.key is not None:
            write_atomic(request.key, key_json(build_key(seed, options, students=made)))
        return None
    sheet = sheet_for(seed)
    text = render_sheet(sheet, fmt, lang, solutions, space)
    if request.key is not None:
        write_atomic(request.key, key_json(build_key(seed, options, sheet=sheet)))
    if request.out is not None:
        write_atomic(request.out, text)
        return None
    return text
