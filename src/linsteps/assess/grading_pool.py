"""Grading rows with bounded worker processes, the results kept in file order.

Every answer to check is a job for a worker (:class:`~linsteps.assess.isolation.Workers`), where
its time and memory are bounded: a job past its deadline has its worker killed and replaced, the
answer graded ``unverified`` and named, and every other answer graded.  An answer already
graded (the same text to the same problem) comes from a cache without a job.  At most
``WINDOW`` rows per worker are in flight, so memory does not grow with the CSV.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from linsteps.assess.answerkey import AnswerKey, KeyProblem
from linsteps.assess.credit import scored
from linsteps.assess.grader import (
    blank_or_invalid,
    failure_text,
    feedback_text,
    lost_cell,
    make_grader,
    no_derivation,
    warm_up,
)
from linsteps.assess.grades import Cell, Graded, Settings
from linsteps.assess.isolation import Outcome, Workers, start_context
from linsteps.errors import UsageError
from linsteps.i18n import translate

WINDOW = 32  # rows in flight per worker
CACHED_CELLS = 4096  # graded answers kept, the least recently used dropped first
CACHED_DERIVATIONS = 256
GRACE = 2.0  # seconds a worker has, past the time limits of a job, before it is killed
STEPS = 2  # time-limited steps of a job: deriving the key's result, then the job itself


@dataclass(frozen=True)
class Task:
    """One row of the CSV: its answers by problem id, or None when it is not graded."""

    row: int
    student: str
    answers: Mapping[str, str] | None
    warnings: tuple[str, ...] = ()
    name: str = ""  # the student's name, when the CSV has it


@dataclass
class _Row:
    task: Task
    problems: Mapping[str, KeyProblem]
    cells: dict[str, Cell] = field(default_factory=dict)
    derivations: dict[str, str] = field(default_factory=dict)
    waiting: int = 0
    asked: bool = False  # for the derivations its feedback needs
    done: bool = False


class _Cache(OrderedDict[tuple[str, ...], Any]):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def find(self, slot: tuple[str, ...]) -> Any:
        value = self.get(slot)
        if value is not None:
            self.move_to_end(slot)
        return value

    def keep(self, slot: tuple[str, ...], value: Any) -> None:
        self[slot] = value
        if len(self) > self.size:
            self.popitem(last=False)


class GradingPool:
    """Worker processes grading against ``key``; use as a context manager."""

    def __init__(self, key: AnswerKey, key_path: str, settings: Settings, jobs: int) -> None:
        self.key, self.settings = key, settings
        warm_up(settings.lang)  # forked workers start with it all imported
        context = start_context()
        shared = key if context.get_start_method() == "fork" else None
        self.workers = Workers(
            jobs,
            make_grader,
            (key_path, settings, shared),
            megabytes=settings.memory_limit,
            context=context,
        )
        limit = settings.time_limit
        self.deadline = STEPS * limit + GRACE if limit else None
        self.window = WINDOW * jobs
        self.cells = _Cache(CACHED_CELLS)
        self.derivations = _Cache(CACHED_DERIVATIONS)
        self.counter = itertools.count()
        self.inflight: dict[tuple[str, ...], int] = {}
        self.slots: dict[int, tuple[str, ...]] = {}
        self.waiters: dict[int, list[tuple[_Row, str]]] = {}

    def __enter__(self) -> GradingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.workers.close()

    def check_key(self) -> None:
        """Derive each problem of a shared key under the limits; the first that cannot be
        derived stops the run with one line naming it."""
        if self.key.roster:
            return  # each student's version is derived with their answers (key_error cells)
        idents = {}
        for pid in self.key.problems:
            ident = next(self.counter)
            idents[ident] = pid
            self.workers.submit(ident, ("expect", None, pid), self.deadline)
        failures: dict[str, str] = {}
        while self.workers.busy:
            for outcome in self.workers.outcomes():
                reason = self._failure(outcome)
                if reason is not None:
                    failures[idents[outcome.ident]] = reason
        for pid in self.key.problems:
            if pid in failures:
                raise UsageError(
                    "key_underivable", path=self.key.path, id=pid, reason=failures[pid]
                )

    def _failure(self, outcome: Outcome) -> str | None:
        if outcome.lost is not None:
            return failure_text(outcome.lost, self.settings, outcome.exitcode)
        return None if outcome.result is None else str(outcome.result)

    def graded(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, Graded | None]]:
        """Each task with its graded row (None for a row that is not graded), in order."""
        window: deque[_Row] = deque()
        source = iter(tasks)
        more = True
        while True:
            while more and len(window) < self.window:
                task = next(source, None)
                if task is None:
                    more = False
                else:
                    window.append(self._start(task))
            while window and window[0].done:
                row = window.popleft()
                yield row.task, self._graded(row)
            if not window:
                if not more:
                    return
                continue
            outcomes = self.workers.outcomes()
            if not outcomes and not window[0].done:
                raise RuntimeError("a row waits for no job")  # pragma: no cover
            for outcome in outcomes:
                self._deliver(outcome)

    def _problems(self, task: Task) -> Mapping[str, KeyProblem]:
        return self.key.students[task.student] if self.key.roster else self.key.problems

    def _start(self, task: Task) -> _Row:
        if task.answers is None:
            return _Row(task, {}, done=True)
        row = _Row(task, self._problems(task))
        student = task.student if self.key.roster else None
        for pid, problem in row.problems.items():
            text = task.answers.get(pid, "")
            slot = ("cell", problem.token, text)
            cell = blank_or_invalid(text, self.settings.lang) or self.cells.find(slot)
            if cell is not None:
                row.cells[pid] = cell
            else:
                self._request(slot, ("cell", student, pid, text), row, pid)
        if not row.waiting:
            self._advance(row)
        return row

    def _request(self, slot: tuple[str, ...], job: tuple[Any, ...], row: _Row, pid: str) -> None:
        ident = self.inflight.get(slot)
        if ident is None:
            ident = next(self.counter)
            self.inflight[slot], self.slots[ident], self.waiters[ident] = ident, slot, []
            self.workers.submit(ident, job, self.deadline)
        self.waiters[ident].append((row, pid))
        row.waiting += 1

    def _advance(self, row: _Row) -> None:
        """Every cell is graded: ask for the derivations feedback needs, else the row is done."""
        if self.settings.feedback and not row.asked:
            row.asked = True
            student = row.task.student if self.key.roster else None
            for pid, cell in row.cells.items():
                if cell.status == "correct":
                    continue
                slot = ("derivation", row.problems[pid].token)
                text = self.derivations.find(slot)
                if text is not None:
                    row.derivations[pid] = text
                else:
                    self._request(slot, ("derivation", student, pid), row, pid)
        row.done = not row.waiting

    def _deliver(self, outcome: Outcome) -> None:
        slot = self.slots.pop(outcome.ident)
        del self.inflight[slot]
        value: Any = outcome.result
        if slot[0] == "cell":
            if outcome.lost is not None:
                value = lost_cell(outcome.lost, self.settings, outcome.exitcode)
            self.cells.keep(slot, value)
        else:
            if outcome.lost is not None:
                reason = failure_text(outcome.lost, self.settings, outcome.exitcode)
                value = no_derivation(reason, self.settings)
            self.derivations.keep(slot, value)
        for row, pid in self.waiters.pop(outcome.ident):
            if slot[0] == "cell":
                row.cells[pid] = value
            else:
                row.derivations[pid] = value
            row.waiting -= 1
            if not row.waiting:
                self._advance(row)

    def _graded(self, row: _Row) -> Graded | None:
        task = row.task
        if task.answers is None:
            return None
        lang = self.settings.lang
        cells = {pid: row.cells[pid] for pid in row.problems}
        warnings = list(task.warnings)
        for pid, cell in cells.items():
            if cell.status in ("invalid", "unverified"):
                reason = cell.message.rstrip(".。")
                key = f"grade.cell_{cell.status}"
                warnings.append(translate(lang, key, row=task.row, column=pid, reason=reason))
        weights = dict(self.settings.weights)
        points = {pid: weights.get(pid, problem.points) for pid, problem in row.problems.items()}
        earned, total = scored(cells, points, self.settings.partial)
        graded = Graded(
            task.row, task.student, cells, total, "", tuple(warnings), earned, task.name
        )
        if self.settings.feedback:
            text = feedback_text(graded, row.derivations, self.settings)
            graded = replace(graded, feedback=text)
        return graded


__all__ = ["GradingPool", "Task"]
