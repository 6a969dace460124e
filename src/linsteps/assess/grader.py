"""Grading one answer inside a worker, every step under the time limit; feedback text.

A :class:`Grader` answers three kinds of job, each bounded by the per-answer time limit (and,
in its worker, the memory limit): ``("expect", student, id)`` derives a problem's result from
the key, ``("cell", student, id, text)`` reads, checks, diagnoses and echoes one answer, and
``("derivation", student, id)`` writes a problem's worked derivation.  Whatever goes wrong with
one job (a time limit, a memory limit, a bug) becomes that job's result; it never escapes.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from linsteps.assess.answerkey import AnswerKey, KeyProblem, load_key
from linsteps.assess.grades import Cell, Graded, Settings
from linsteps.assess.submissions import cell_problem
from linsteps.errors import LinstepsError
from linsteps.i18n import translate

_MARKDOWN = re.compile(r"[\\`*_<>|]")
MAX_EXPECTED = 512  # derived problems a worker keeps, the least recently used dropped first
T = TypeVar("T")


class KeyFailure(Exception):
    """A problem of the key whose result could not be derived within the limits."""


def blank_or_invalid(text: str, lang: str) -> Cell | None:
    """The grade of a cell that needs no checking (blank, or unreadable bytes), else None."""
    if not text.strip():
        return Cell("blank")
    bad = cell_problem(text)
    if bad is not None:
        return Cell("invalid", "unreadable", translate(lang, bad[0], **bad[1]))
    return None


def _why(kind: str, reason: str, settings: Settings, exitcode: int | None) -> str:
    """Why a job of ``kind`` (``cell`` or ``key``) did not finish, in one phrase."""
    if reason not in ("time_limit", "memory_limit", "stopped"):
        return translate(settings.lang, f"grade.{kind}_failed", reason=reason)
    return translate(
        settings.lang,
        f"grade.{kind}_{reason}",
        seconds=f"{settings.time_limit:g}" if settings.time_limit else "0",
        megabytes=settings.memory_limit or 0,
        code=exitcode,
    )


def lost_cell(reason: str, settings: Settings, exitcode: int | None = None) -> Cell:
    """The grade of an answer whose check ran out of time or memory, or failed."""
    code = reason if reason in ("time_limit", "memory_limit") else "internal_error"
    return Cell("unverified", code, _why("cell", reason, settings, exitcode))


def failure_text(reason: str, settings: Settings, exitcode: int | None = None) -> str:
    """Why a problem's result or explanation could not be derived, in one phrase."""
    return _why("key", reason, settings, exitcode)


def no_derivation(reason: str, settings: Settings) -> str:
    """What feedback shows in place of a derivation that could not be made."""
    return translate(settings.lang, "feedback.no_derivation", reason=reason.rstrip(".。"))


class Grader:
    """Answers the jobs of one worker: derived problems and their explanations are cached."""

    def __init__(self, key: AnswerKey, settings: Settings) -> None:
        self.key = key
        self.settings = settings
        self.expected: OrderedDict[str, Any] = OrderedDict()

    def __call__(self, job: tuple[Any, ...]) -> tuple[Any, bool]:
        """Run ``job``; return its result and True when this worker should stop after it."""
        from linsteps.assess.equivalence import Unverified

        kind = job[0]
        try:
            return self.run(job), False
        except Unverified:
            return self.lost(kind, "time_limit"), False
        except MemoryError:
            return self.lost(kind, "memory_limit"), True  # a fresh worker for the next job
        except RecursionError:
            return self.lost(kind, "RecursionError"), True
        except Exception as error:  # a bug: named in this job's result, not a stopped class
            return self.lost(kind, type(error).__name__), False

    def lost(self, kind: str, reason: str) -> Any:
        """The result of a job of ``kind`` that could not finish, for ``reason``."""
        if kind == "cell":
            return lost_cell(reason, self.settings)
        if kind == "derivation":
            return no_derivation(failure_text(reason, self.settings), self.settings)
        return failure_text(reason, self.settings)

    def bounded(self, work: Callable[[], T]) -> T:
        """``work()`` under the per-answer time limit (:class:`Unverified` past it)."""
        from linsteps.assess.equivalence import time_limit

        with time_limit(self.settings.time_limit):
            return work()

    def run(self, job: tuple[Any, ...]) -> Any:
        kind, student, pid = job[0], job[1], job[2]
        problems = self.key.students[student] if student is not None else self.key.problems
        problem = problems[pid]
        if kind == "expect":
            expected = self.expected_for(problem)
            return expected.args[0] if isinstance(expected, KeyFailure) else None
        if kind == "derivation":
            return self.derivation(problem)
        return self.grade_cell(problem, job[3])

    def expected_for(self, problem: KeyProblem) -> Any:
        """The problem's expected result, derived once under the limit (or why it is not)."""
        from linsteps.assess.checking import expect
        from linsteps.assess.equivalence import Unverified

        token = problem.token
        if token in self.expected:
            self.expected.move_to_end(token)
            return self.expected[token]
        try:
            value: Any = self.bounded(lambda: expect(problem.problem()))
        except LinstepsError as error:
            value = KeyFailure(error.message(self.settings.lang))
        except Unverified:
            value = KeyFailure(failure_text("time_limit", self.settings))
        self.expected[token] = value
        if len(self.expected) > MAX_EXPECTED:
            self.expected.popitem(last=False)
        return value

    def grade_cell(self, problem: KeyProblem, text: str) -> Cell:
        """Read, check, diagnose and echo one answer, all within the time limit."""
        from linsteps.assess.checking import check_problem
        from linsteps.assess.credit import parts_right

        lang = self.settings.lang
        quick = blank_or_invalid(text, lang)
        if quick is not None:
            return quick
        expected = self.expected_for(problem)
        if isinstance(expected, KeyFailure):
            return Cell("invalid", "key_error", str(expected.args[0]))

        def graded() -> Cell:
            verdict = check_problem(
                expected,
                text,
                tolerance=self.settings.tolerance,
                time_limit=self.settings.time_limit,
                decimal_comma=bool(self.settings.decimal_comma),
            )
            right, of = parts_right(verdict)
            return Cell(
                verdict.status,
                verdict.diagnosis or "",
                verdict.message(lang),
                verdict.read_as(lang) or "",
                right,
                of,
            )

        try:
            return self.bounded(graded)
        except LinstepsError as error:
            return Cell("invalid", "unreadable", error.message(lang))

    def derivation(self, problem: KeyProblem) -> str:
        """The worked derivation of ``problem`` as text (or why there is none)."""
        from linsteps.assess.shapechecking import ShapeExpected

        lang = self.settings.lang
        expected = self.expected_for(problem)
        if isinstance(expected, KeyFailure):
            return no_derivation(str(expected.args[0]), self.settings)
        if expected.derivation is None and not isinstance(expected, ShapeExpected):
            return expected.reason.message(lang) if expected.reason else ""
        return self.bounded(lambda: str(expected.explanation(lang)).rstrip("\n"))


def warm_up(lang: str) -> None:
    """Import what grading uses and read the message catalogs, so that no answer's time limit
    pays for them (called before workers are forked, and in each spawned worker)."""
    import linsteps.assess.checking
    import linsteps.assess.diagnoses
    import linsteps.assess.equivalence
    import linsteps.assess.shapechecking
    import linsteps.assess.verdict
    import linsteps.render.printing
    import linsteps.render.text  # noqa: F401
    from linsteps.i18n import catalog

    catalog("en")
    catalog(lang)


def make_grader(key_path: str, settings: Settings, key: AnswerKey | None = None) -> Grader:
    """A worker's grader: the key passed in (forked workers) or read from ``key_path``."""
    warm_up(settings.lang)
    return Grader(key if key is not None else load_key(key_path), settings)


def plain(text: str) -> str:
    """``text`` shown as written in Markdown: its emphasis, code and HTML marks escaped."""
    return _MARKDOWN.sub(lambda match: "\\" + match.group(0), text)


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a final stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "。", "！", "？", ")")) else text + "."


def feedback_text(graded: Graded, derivations: Mapping[str, str], settings: Settings) -> str:
    """One student's Markdown feedback: each problem's verdict and the worked derivation."""
    from linsteps.assess.credit import points_text

    lang = settings.lang
    name = plain(" ".join((graded.name or graded.student).split()))
    total = points_text(graded.total)
    score_key = "feedback.score_one" if total == "1" else "feedback.score"
    parts = [
        "# " + translate(lang, "feedback.title", student=name),
        translate(lang, score_key, score=points_text(graded.score), total=total),
    ]
    for pid, cell in graded.cells.items():
        status = translate(lang, f"grade.status.{cell.status}")
        parts.append("## " + translate(lang, "feedback.problem", id=pid, status=status))
        if cell.status == "blank":
            parts.append(translate(lang, "feedback.blank"))
        elif cell.status == "invalid":
            parts.append(translate(lang, "feedback.invalid", reason=cell.message))
        else:
            if cell.status != "correct" or cell.diagnosis:
                parts.append(sentence(cell.message))
            if cell.read_as:
                parts.append(translate(lang, "feedback.answer", read_as=plain(cell.read_as)))
        if cell.status != "correct":
            derivation = derivations.get(pid, "").replace("```", "'''")
            parts.append(translate(lang, "feedback.derivation"))
            parts.append(f"```text\n{derivation}\n```")
    return "\n\n".join(parts) + "\n"


__all__ = [
    "Grader",
    "KeyFailure",
    "blank_or_invalid",
    "failure_text",
    "feedback_text",
    "lost_cell",
    "make_grader",
    "no_derivation",
    "warm_up",
]
