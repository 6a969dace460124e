"""What a grading run records: the settings, a grade per answer and per row, the class summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from linsteps.assess.checking import DEFAULT_TIME_LIMIT, DEFAULT_TOLERANCE
from linsteps.i18n import translate

STATUSES = ("correct", "incorrect", "blank", "invalid", "unverified")
DEFAULT_MEMORY_LIMIT = 1024  # megabytes a worker may add to its address space for one answer
KEPT_WARNINGS = 100  # warnings a summary keeps; the rest are counted (all were streamed)


@dataclass(frozen=True)
class Settings:
    """How answers are checked and reported."""

    tolerance: float = DEFAULT_TOLERANCE
    time_limit: float | None = DEFAULT_TIME_LIMIT
    lang: str = "en"
    feedback: bool = False
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT
    decimal_comma: bool | None = None  # a comma between digits is a decimal point; None: detect
    partial: bool = False  # part credit (:mod:`linsteps.assess.credit`)
    weights: tuple[tuple[str, float], ...] = ()  # points per problem id, over the key's


@dataclass(frozen=True)
class Cell:
    """The grade of one answer."""

    status: str
    diagnosis: str = ""
    message: str = ""
    read_as: str = ""
    right: int = 0  # parts or entries right, of ``of`` (0: not counted)
    of: int = 0


@dataclass(frozen=True)
class Graded:
    """One student's row graded: a cell per problem of their version, and feedback text."""

    row: int
    student: str
    cells: dict[str, Cell]
    total: float
    feedback: str = ""
    warnings: tuple[str, ...] = ()
    earned: Mapping[str, float] | None = None  # points per problem (None: 1 per correct)
    name: str = ""  # the student's name, when the CSV has it beside the id

    @property
    def score(self) -> float:
        """The points earned (the number of correct answers when no points were given)."""
        if self.earned is not None:
            return sum(self.earned.values())
        return sum(cell.status == "correct" for cell in self.cells.values())


@dataclass
class Summary:
    """What a grading run found: per problem counts, scores and warnings."""

    problems: list[str]
    students: int = 0
    answers: int = 0
    score: float = 0
    total: float = 0
    correct: Counter[str] = field(default_factory=Counter)
    seen: Counter[str] = field(default_factory=Counter)
    diagnoses: dict[str, Counter[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # the first KEPT_WARNINGS
    warning_count: int = 0
    feedback_files: int = 0
    points: dict[str, float] = field(default_factory=dict)  # earned per problem, all students

    def warn(self, message: str) -> None:
        """Count a warning; keep its text while fewer than KEPT_WARNINGS are kept."""
        self.warning_count += 1
        if len(self.warnings) < KEPT_WARNINGS:
            self.warnings.append(message)

    def add(self, graded: Graded) -> None:
        self.students += 1
        self.score += graded.score
        self.total += graded.total
        for pid, cell in graded.cells.items():
            self.seen[pid] += 1
            earned = graded.earned.get(pid, 0.0) if graded.earned is not None else None
            if earned is None:
                earned = float(cell.status == "correct")
            self.points[pid] = self.points.get(pid, 0.0) + earned
            self.answers += cell.status != "blank"
            if cell.status == "correct":
                self.correct[pid] += 1
            elif cell.diagnosis:
                self.diagnoses.setdefault(pid, Counter())[cell.diagnosis] += 1

    def text(self, lang: str) -> str:
        """The summary printed on stdout."""
        lines = [
            translate(
                lang,
                "grade.summary_title",
                students=self.students,
                problems=len(self.problems),
                answers=self.answers,
            ),
            translate(lang, "grade.summary_header"),
        ]
        width = max([7, *(len(p) for p in self.problems)])
        for pid in self.problems:
            seen = self.seen[pid]
            percent = f"{100 * self.correct[pid] / seen:.1f}%" if seen else "–"
            counts = self.diagnoses.get(pid, Counter())
            common = translate(lang, "grade.summary_none")
            if counts:
                code, count = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                common = f"{code} ({count})"
            lines.append(f"{pid:<{width}}  {percent:>7}  {common}")
        if self.students:
            mean = self.score / self.students
            average = self.total / self.students
            share = 100 * self.score / self.total if self.total else 0.0
            lines.append(
                translate(
                    lang,
                    "grade.summary_mean",
                    mean=f"{mean:.2f}",
                    total=f"{average:g}",
                    percent=f"{share:.1f}",
                )
            )
        return "\n".join(lines) + "\n"


__all__ = [
    "DEFAULT_MEMORY_LIMIT",
    "KEPT_WARNINGS",
    "STATUSES",
    "Cell",
    "Graded",
    "Settings",
    "Summary",
]
