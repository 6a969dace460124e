"""Grading a class: every answer of a CSV export checked against an answer key.

Two streamed passes over the CSV: the first validates the header and the student ids (a
missing ``student`` column, a duplicate student or a column not in the key stops before any
grading); the second grades row by row, in this process or in ``jobs`` worker processes,
results kept in file order.  Bad cells and rows are reported by row and column while every
other answer is graded.  The report is written whole or not at all; the same inputs give the
same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linsteps.assess.answerkey import load_key
from linsteps.assess.checking import (
    DEFAULT_TIME_LIMIT,
    DEFAULT_TOLERANCE,
    check_time_limit,
    check_tolerance,
    expect,
)
from linsteps.assess.grades import Graded, Settings, Summary
from linsteps.assess.grading_pool import Task, graded_rows
from linsteps.assess.submissions import Row, Submissions
from linsteps.errors import UsageError
from linsteps.i18n import translate

MAX_WARNINGS = 20
_INJECTION = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass
class _Plan:
    """What the first pass learned: the column of each problem and the rows to grade."""

    student_column: int
    columns: dict[str, int]
    rows: int
    width: int


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
    ) -> None:
        check_tolerance(settings.tolerance)
        check_time_limit(settings.time_limit)
        self.key_path = str(key_path)
        self.key = load_key(key_path)
        self.settings = settings
        self.submissions = Submissions(csv_path)
        self.problems = self.key.problem_ids()
        self.summary = Summary(self.problems)
        self._warn = warn
        self._shown = 0
        if self.submissions.fallback:
            self.warn(translate(settings.lang, "grade.cp1252", path=self.submissions.path))
        if not self.key.roster:
            for problem in self.key.problems.values():
                expect(problem.problem())  # a key error stops before grading

    def warn(self, message: str) -> None:
        self.summary.warnings.append(message)
        if self._warn is None:
            return
        self._shown += 1
        if self._shown <= MAX_WARNINGS:
            self._warn(translate(self.settings.lang, "grade.warning", message=message))

    def finish_warnings(self) -> None:
        hidden = self._shown - MAX_WARNINGS
        if hidden > 0 and self._warn is not None:
            self._warn(translate(self.settings.lang, "grade.more_warnings", count=hidden))

    def plan(self, feedback: bool) -> _Plan:
        """The first pass: header, duplicates, feedback file names; nothing is graded."""
        path = self.submissions.path
        records = self.submissions.records()
        header = next(records, None)
        if header is None or not any(c.strip() for c in header.cells):
            raise UsageError("csv_empty", path=path)
        names = [c.strip().strip("\ufeff").strip() for c in header.cells]
        lowered = [n.lower() for n in names]
        if "student" not in lowered:
            raise UsageError("csv_no_student", path=path)
        columns: dict[str, int] = {}
        student_column = lowered.index("student")
        for index, name in enumerate(names):
            if index == student_column:
                continue
            if not name:
                self.warn(translate(self.settings.lang, "grade.ignored_column", index=index + 1))
                continue
            if name in columns or name.lower() == "student":
                raise UsageError("csv_duplicate_column", path=path, column=name)
            if name not in self.problems:
                raise UsageError(
                    "csv_unknown_column", path=path, column=name, choices=", ".join(self.problems)
                )
            columns[name] = index
        first_row: dict[str, int] = {}
        files: dict[str, str] = {}
        count = 0
        for row in records:
            count += 1
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
        return _Plan(student_column, columns, count, len(names))

    @staticmethod
    def _student(row: Row, column: int) -> str:
        if row.too_long or column >= len(row.cells):
            return ""
        return row.cells[column].strip()

    def tasks(self, plan: _Plan) -> Iterator[Task]:
        """The second pass: one task per gradable row; the others are reported."""
        lang = self.settings.lang
        records = self.submissions.records()
        next(records, None)
        for row in records:
            if not any(cell.strip() for cell in row.cells):
                continue
            if row.too_long:
                self.warn(translate(lang, "grade.row_too_long", row=row.number, most="1000000"))
                continue
            student = self._student(row, plan.student_column)
            if not student:
                self.warn(translate(lang, "grade.blank_student", row=row.number))
                continue
            if self.key.roster and student not in self.key.students:
                self.warn(translate(lang, "grade.unknown_student", row=row.number, student=student))
                continue
            if len(row.cells) > plan.width:
                self.warn(translate(lang, "grade.extra_cells", row=row.number))
            answers = {
                pid: row.cells[index] if index < len(row.cells) else ""
                for pid, index in plan.columns.items()
            }
            yield row.number, student, answers

    def run(
        self,
        *,
        out: str | Path | None = None,
        feedback: str | Path | None = None,
        jobs: int = 1,
        progress: Callable[[int, int], None] | None = None,
    ) -> Summary:
        """Grade every row; write the report and feedback; return the summary."""
        from linsteps.output import write_atomic

        if not 1 <= jobs <= 64:
            raise UsageError("bad_jobs", value=jobs)
        if feedback is not None:
            _prepare_folder(Path(feedback))
        plan = self.plan(feedback is not None)
        report = io.StringIO()
        writer = csv.writer(report, lineterminator="\n")
        header = ["student", "score", "total"]
        for pid in self.problems:
            header += [pid, f"{pid}_diagnosis"]
        writer.writerow([escape_cell(c) for c in header])
        for done, graded in enumerate(self._graded(plan, jobs), start=1):
            self.summary.add(graded)
            for message in graded.warnings:
                self.warn(message)
            row = [graded.student, str(graded.score), str(graded.total)]
            for pid in self.problems:
                cell = graded.cells.get(pid)
                row += [cell.status, cell.diagnosis] if cell else ["", ""]
            writer.writerow([escape_cell(c) for c in row])
            if feedback is not None:
                name = safe_name(graded.student) + ".md"
                write_atomic(Path(feedback) / name, graded.feedback)
                self.summary.feedback_files += 1
            if progress is not None:
                progress(done, plan.rows)
        if progress is not None:
            progress(plan.rows, plan.rows)
        self.finish_warnings()
        if out is not None:
            write_atomic(out, report.getvalue())
        return self.summary

    def _graded(self, plan: _Plan, jobs: int) -> Iterator[Graded]:
        settings = Settings(
            self.settings.tolerance, self.settings.time_limit, self.settings.lang, True
        )
        return graded_rows(self.tasks(plan), self.key, self.key_path, settings, jobs)


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError("unwritable", path=str(folder), reason=error.strerror or "error") from None
    if not folder.is_dir():
        raise UsageError("unwritable", path=str(folder), reason="not a folder")


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
    warn: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Grade the answers in ``csv_path`` against the key at ``key_path``."""
    settings = Settings(tolerance, time_limit, lang)
    run = Grading(key_path, csv_path, settings, warn=warn)
    return run.run(out=out, feedback=feedback, jobs=jobs, progress=progress)


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
