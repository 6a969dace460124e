"""Grading the rows of one class: each answer checked against the key, and feedback written.

A :class:`Grader` caches each problem's expected result and the cells it has graded, so the
same answer to the same problem is checked once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping

from linsteps.assess.answerkey import AnswerKey, KeyProblem
from linsteps.assess.checking import check_problem, expect
from linsteps.assess.expected import Expected
from linsteps.assess.grades import Cell, Graded, Settings
from linsteps.assess.shapechecking import ShapeExpected
from linsteps.assess.submissions import cell_problem
from linsteps.errors import LinstepsError
from linsteps.i18n import translate

MAX_CACHED = 4096  # graded cells kept, the least recently used dropped first


class Grader:
    """Grades rows against a key, caching each problem's expected result and verdicts."""

    def __init__(self, key: AnswerKey, settings: Settings) -> None:
        self.key = key
        self.settings = settings
        self.expected: dict[int, Expected | LinstepsError] = {}
        self.verdicts: OrderedDict[tuple[int, str], Cell] = OrderedDict()
        self.derivations: dict[int, str] = {}

    def expected_for(self, problem: KeyProblem) -> Expected | LinstepsError:
        slot = id(problem)
        if slot not in self.expected:
            try:
                self.expected[slot] = expect(problem.problem())
            except LinstepsError as error:
                self.expected[slot] = error
        return self.expected[slot]

    def grade_cell(self, problem: KeyProblem, text: str) -> Cell:
        lang = self.settings.lang
        if not text.strip():
            return Cell("blank")
        bad = cell_problem(text)
        if bad is not None:
            return Cell("invalid", "unreadable", translate(lang, bad[0], **bad[1]))
        slot = (id(problem), text)
        cached = self.verdicts.get(slot)
        if cached is not None:
            self.verdicts.move_to_end(slot)
            return cached
        expected = self.expected_for(problem)
        if isinstance(expected, LinstepsError):
            return Cell("invalid", "key_error", expected.message(lang))
        try:
            verdict = check_problem(
                expected,
                text,
                tolerance=self.settings.tolerance,
                time_limit=self.settings.time_limit,
            )
        except LinstepsError as error:
            cell = Cell("invalid", "unreadable", error.message(lang))
        else:
            cell = Cell(
                verdict.status,
                verdict.diagnosis or "",
                verdict.message(lang),
                verdict.read_as(lang) or "",
            )
        self.verdicts[slot] = cell
        if len(self.verdicts) > MAX_CACHED:
            self.verdicts.popitem(last=False)
        return cell

    def grade_row(self, row: int, student: str, answers: dict[str, str]) -> Graded:
        problems = self.key.students[student] if self.key.roster else self.key.problems
        cells = {pid: self.grade_cell(p, answers.get(pid, "")) for pid, p in problems.items()}
        warnings = tuple(
            translate(self.settings.lang, "grade.cell_invalid", row=row, column=pid,
                      reason=cell.message)
            for pid, cell in cells.items()
            if cell.status == "invalid"
        )  # fmt: skip
        graded = Graded(row, student, cells, len(problems), warnings=warnings)
        if self.settings.feedback:
            text = self.feedback(graded, problems)
            graded = Graded(row, student, cells, len(problems), text, warnings)
        return graded

    def derivation(self, problem: KeyProblem) -> str:
        slot = id(problem)
        if slot not in self.derivations:
            expected = self.expected_for(problem)
            if isinstance(expected, LinstepsError):
                text = expected.message(self.settings.lang)
            elif expected.derivation is None and not isinstance(expected, ShapeExpected):
                reason = expected.reason
                text = reason.message(self.settings.lang) if reason else ""
            else:
                text = expected.explanation(self.settings.lang).rstrip("\n")
            self.derivations[slot] = text
        return self.derivations[slot]

    def feedback(self, graded: Graded, problems: Mapping[str, KeyProblem]) -> str:
        """One student's Markdown feedback: each problem's verdict and the worked derivation."""
        lang = self.settings.lang
        name = graded.student.replace("`", "'")
        parts = [
            "# " + translate(lang, "feedback.title", student=f"`{name}`"),
            translate(lang, "feedback.score", score=graded.score, total=graded.total),
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
                    parts.append(cell.message)
                read_as = cell.read_as.replace("`", "'")
                parts.append(translate(lang, "feedback.answer", read_as=f"`{read_as}`"))
            if cell.status != "correct":
                derivation = self.derivation(problems[pid]).replace("```", "'''")
                parts.append(translate(lang, "feedback.derivation"))
                parts.append(f"```text\n{derivation}\n```")
        return "\n\n".join(parts) + "\n"


__all__ = ["Grader"]
