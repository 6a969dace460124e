"""Grading a class: every answer of a CSV export checked against an answer key.

Two streamed passes over the CSV: the first reads the header (linsteps' own layout or a
learning platform's export, :mod:`linsteps.assess.exports_reading`) and the student ids (no
student column or a duplicate student stops before any grading); the second grades row by
row in ``jobs`` worker processes, every answer under the time and memory limits
(:mod:`linsteps.assess.grading_pool`), results kept in file order.  Bad cells and rows are
reported by row and column while every other answer is graded.  The report is streamed to a
temporary file and put in place whole; the feedback files are put in place as a set; the
same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linsteps.assess.answerkey import load_key
from linsteps.assess.checking import (
    DEFAULT_TIME_LIMIT,
    DEFAULT_TOLERANCE,
    check_time_limit,
    check_tolerance,
)
from linsteps.assess.credit import points_text, stats_text
from linsteps.assess.exports_reading import BLANK_MARKS, find_columns
from linsteps.assess.grades import DEFAULT_MEMORY_LIMIT, Graded, Settings, Summary
from linsteps.assess.grading_pool import GradingPool, Task
from linsteps.assess.submissions import BAD, MAX_CELL, NUL, Row, Submissions
from linsteps.errors import UsageError
from linsteps.i18n import translate

if TYPE_CHECKING:
    from linsteps.output import StagedFolder

_INJECTION = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass
class _Plan:
    """What the first pass learned: the column of each problem and the rows to grade."""

    student_column: int
    columns: dict[str, int]
    names: tuple[int, ...]
    rows: int
    width: int
    decimal_comma: str | None = None  # an answer written with a decimal comma, if any


def escape_cell(text: str) -> str:
    """A report cell safe from spreadsheet formula injection (``'`` before = + - @ tab CR)."""
    return "'" + text if text.startswith(_INJECTION) else text


def safe_name(student: str) -> str:
    """A file name for a student's feedback: letters, digits, ``.``, ``_`` and ``-`` only."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFKC", student)).strip("._")[:100]
    return name or "student"


class Grading:
    """One grading run of ``csv_path`` against ``key_path``."""

    def __init__(
        self,
        key_path: str | Path,
        csv_path: str | Path,
        settings: Settings,
        *,
        warn: Callable[[str], None] | None = None,
        student_column: str | None = None,
        mapping: Mapping[str, str] | None = None,
    ) -> None:
        check_tolerance(settings.tolerance)
        check_time_limit(settings.time_limit)
        self.key_path = str(key_path)
        self.key = load_key(key_path)
        self.settings = settings
        self.submissions = Submissions(csv_path)
        self.student_column = student_column
        self.mapping = dict(mapping or {})
        self.native = True
        self.problems = self.key.problem_ids()
        unknown = [pid for pid, _ in settings.weights if pid not in self.problems]
        if unknown:
            raise UsageError("weights_unknown", id=unknown[0], choices=", ".join(self.problems))
        self.summary = Summary(self.problems)
        self._warn = warn
        if self.submissions.fallback:
            self.warn(translate(settings.lang, "grade.cp1252", path=self.submissions.path))

    def warn(self, message: str) -> None:
        """Report a warning now (streamed: nothing waits for the end of the run)."""
        self.summary.warn(message)
        if self._warn is not None:
            self._warn(translate(self.settings.lang, "grade.warning", message=message))

    def plan(self, feedback: bool) -> _Plan:
        """The first pass: header, duplicates, feedback file names; nothing is graded."""
        path = self.submissions.path
        records = self.submissions.records()
        header = next(records, None)
        if header is None or not any(c.strip() for c in header.cells):
            raise UsageError("csv_empty", path=path)
        names = [c.strip().strip("\ufeff").strip() for c in header.cells]
        found = find_columns(
            path,
            names,
            self.problems,
            {pid: problem.inputs for pid, problem in self.key.problems.items()},
            student_column=self.student_column,
            mapping=self.mapping,
        )
        student_column, columns = found.student, found.problems
        if found.ignored:
            distinct = Counter(found.ignored)
            shown = ", ".join(
                repr(n) + (f" ×{c}" if c > 1 else "") for n, c in list(distinct.items())[:12]
            )
            shown += ", …" if len(distinct) > 12 else ""
            lang = self.settings.lang
            self.warn(
                translate(lang, "grade.ignored_columns", count=len(found.ignored), names=shown)
            )
        self.native = found.native
        first_row: dict[str, int] = {}
        files: dict[str, str] = {}
        commas = self.submissions.decimal_commas()
        count = 0
        for row in records:
            count += 1
            commas.see(row, columns.values())
            student = self._student(row, student_column)
            if not student:
                continue
            if student in first_row:
                raise UsageError(
                    "csv_duplicate_student",
                    path=path,
                    row=row.number,
                    student=student,
                    first=first_row[student],
                )
            first_row[student] = row.number
            if feedback:
                name = safe_name(student).lower()
                if name in files:
                    raise UsageError(
                        "feedback_collision", a=files[name], b=student, name=safe_name(student)
                    )
                files[name] = student
        return _Plan(student_column, columns, found.names, count, len(names), commas.example)

    @staticmethod
    def _student(row: Row, column: int) -> str:
        if row.too_long or column >= len(row.cells):
            return ""
        return row.cells[column].strip().replace(NUL, BAD)

    def _answer(self, cell: str) -> str:
        """An answer as graded: a platform's mark for "not answered" is a blank."""
        return "" if not self.native and cell.strip() in BLANK_MARKS else cell

    def tasks(self, plan: _Plan) -> Iterator[Task]:
        """The second pass: a task per row; a row that is not graded carries the reason."""
        lang = self.settings.lang
        records = self.submissions.records()
        next(records, None)
        for row in records:
            if not any(cell.strip() for cell in row.cells):
                continue
            if row.too_long:
                message = translate(lang, "grade.row_too_long", row=row.number, most="1000000")
                yield Task(row.number, "", None, (message,))
                continue
            student = self._student(row, plan.student_column)
            if not student:
                message = translate(lang, "grade.blank_student", row=row.number)
                yield Task(row.number, "", None, (message,))
                continue
            notes = []
            if BAD in student:
                notes.append(
                    translate(lang, "grade.student_bad_bytes", row=row.number, student=student)
                )
            if self.key.roster and student not in self.key.students:
                message = translate(lang, "grade.unknown_student", row=row.number, student=student)
                yield Task(row.number, student, None, (*notes, message))
                continue
            if len(row.cells) > plan.width:
                notes.append(translate(lang, "grade.extra_cells", row=row.number))
            missing = [pid for pid, index in plan.columns.items() if index >= len(row.cells)]
            if missing:
                notes.append(
                    translate(
                        lang,
                        "grade.missing_cells",
                        row=row.number,
                        count=len(row.cells),
                        width=plan.width,
                        columns=", ".join(missing),
                    )
                )
            answers = {
                pid: self._answer(row.cells[index]) if index < len(row.cells) else ""
                for pid, index in plan.columns.items()
            }
            name = " ".join(row.cells[i].strip() for i in plan.names if i < len(row.cells))
            yield Task(row.number, student, answers, tuple(notes), name.strip())

    def run(
        self,
        *,
        out: str | Path | None = None,
        feedback: str | Path | None = None,
        jobs: int = 1,
        progress: Callable[[int, int], None] | None = None,
        stats: str | Path | None = None,
    ) -> Summary:
        """Grade every row; write the report and the feedback set; return the summary.

        ``out`` and ``feedback`` are checked before any grading; the report is written whole or
        not at all, the feedback files as a set (see :class:`~linsteps.output.StagedFolder`).
        """
        from linsteps.output import StagedFolder, check_writable, write_atomic

        if not 1 <= jobs <= 64:
            raise UsageError("bad_jobs", value=jobs)
        for path in (out, stats):
            if path is not None:
                check_writable(path)
        staged = StagedFolder(feedback) if feedback is not None else None
        try:
            self._run(out, staged, jobs, progress)
        except BaseException:
            if staged is not None:
                staged.discard()
            raise
        if staged is not None:
            staged.commit()
        if stats is not None:
            write_atomic(stats, stats_text(self.summary, self.points()))
        return self.summary

    def points(self) -> dict[str, float]:
        """What each problem is worth: ``--weights``, else the key's ``points``, else 1."""
        weights = dict(self.settings.weights)
        found: dict[str, float] = {}
        for problems in (self.key.problems, *self.key.students.values()):
            for pid, problem in problems.items():
                found.setdefault(pid, weights.get(pid, problem.points))
        return found

    def _run(
        self,
        out: str | Path | None,
        staged: StagedFolder | None,
        jobs: int,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        from linsteps.output import write_atomic

        plan = self.plan(staged is not None)
        comma = self.settings.decimal_comma
        if comma is None and plan.decimal_comma is not None:
            comma = True
            message = translate(
                self.settings.lang,
                "grade.decimal_comma",
                path=self.submissions.path,
                example=plan.decimal_comma,
            )
            self.warn(message)
        settings = replace(self.settings, feedback=staged is not None, decimal_comma=comma)
        with (
            GradingPool(self.key, self.key_path, settings, jobs) as pool,
            tempfile.TemporaryFile() as spool,
        ):
            pool.check_key()
            report = io.TextIOWrapper(spool, encoding="utf-8", newline="")
            writer = csv.writer(report, lineterminator="\n")
            header = ["student", "score", "total"]
            for pid in self.problems:
                header += [pid, f"{pid}_diagnosis"]
            header += [f"{pid}_answer" for pid in self.problems]  # as read, after the verdicts
            writer.writerow([escape_cell(c) for c in header])
            for done, (task, graded) in enumerate(pool.graded(self.tasks(plan)), start=1):
                for message in task.warnings if graded is None else graded.warnings:
                    self.warn(message)
                if graded is not None:
                    self._record(graded, task, writer, staged)
                if progress is not None:
                    progress(done, plan.rows)
            if progress is not None:
                progress(plan.rows, plan.rows)
            report.flush()
            if out is not None:
                spool.seek(0)
                write_atomic(out, spool)
            report.detach()

    def _record(self, graded: Graded, task: Task, writer: Any, staged: StagedFolder | None) -> None:
        self.summary.add(graded)
        row = [graded.student, points_text(graded.score), points_text(graded.total)]
        answers = task.answers or {}
        for pid in self.problems:
            cell = graded.cells.get(pid)
            row += [cell.status, cell.diagnosis] if cell else ["", ""]
        row += [" ".join(answers.get(pid, "").split())[:MAX_CELL] for pid in self.problems]
        writer.writerow([escape_cell(c) for c in row])
        if staged is not None:
            staged.write(safe_name(graded.student) + ".md", graded.feedback)
            self.summary.feedback_files += 1


def grade(
    key_path: str | Path,
    csv_path: str | Path,
    *,
    out: str | Path | None = None,
    feedback: str | Path | None = None,
    jobs: int = 1,
    tolerance: float = DEFAULT_TOLERANCE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    lang: str = "en",
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    decimal_comma: bool | None = None,
    warn: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    student_column: str | None = None,
    mapping: Mapping[str, str] | None = None,
    partial: bool = False,
    weights: Mapping[str, float] | None = None,
    stats: str | Path | None = None,
) -> Summary:
    """Grade the answers in ``csv_path`` against the key at ``key_path``.

    Each answer is read, checked, diagnosed and echoed within ``time_limit`` seconds (None: no
    limit) in a worker process that may use ``memory_limit`` more megabytes; an answer past
    either limit is graded ``unverified`` and named in a warning.  ``decimal_comma``: a comma
    between digits is a decimal point (True), a separator (False), or as the CSV shows (None).
    """
    settings = Settings(
        tolerance,
        time_limit,
        lang,
        memory_limit=memory_limit,
        decimal_comma=decimal_comma,
        partial=partial,
        weights=tuple((weights or {}).items()),
    )
    run = Grading(
        key_path, csv_path, settings, warn=warn, student_column=student_column, mapping=mapping
    )
    return run.run(out=out, feedback=feedback, jobs=jobs, progress=progress, stats=stats)


def progress_bar(stream: Any = None) -> Callable[[int, int], None]:
    """A progress bar drawn on ``stream`` (stderr), redrawn at most every 1%."""
    out = stream or sys.stderr
    last = [-1]

    def draw(done: int, total: int) -> None:
        percent = min(100, 100 * done // total) if total else 100
        if percent == last[0]:
            return
        last[0] = percent
        bar = "#" * (percent // 4)
        out.write(f"\r[{bar:<25}] {percent:3d}% {done}/{total}")
        if done >= total:
            out.write("\n")
        out.flush()

    return draw
