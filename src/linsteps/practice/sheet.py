"""A worksheet as data: its numbered problems, each with what the explainer derives from it.

Making a sheet is :mod:`linsteps.practice.worksheet`; its documents are
:mod:`linsteps.practice.documents`, which read these classes and nothing else of the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linsteps.derivation.steps import Derivation, Operand
from linsteps.errors import LinstepsError
from linsteps.practice.problems.problem import Problem


@dataclass(frozen=True)
class Part:
    """One part of a shape question: ``AB`` and its derivation, or the error it raises."""

    expression: str
    node: Any
    derivation: Derivation | None
    error: LinstepsError | None


@dataclass(frozen=True)
class Solved:
    """A numbered problem, its operands as shown, and what the explainer derives from them."""

    number: int
    problem: Problem
    operands: tuple[Operand, ...]
    derivation: Derivation | None = None
    error: LinstepsError | None = None
    parts: tuple[Part, ...] = ()
    row: Any = None  # for "which product?": the row of compare's table that is asked
    truth: Any = None  # for einsum, broadcasting and code shapes: assess.mlquestions.MLExpected


@dataclass(frozen=True)
class Sheet:
    """A worksheet: its options, its seed and its solved problems."""

    seed: int
    count: int
    topics: tuple[str, ...]
    difficulty: str
    problems: tuple[Solved, ...]
    title: str | None = None
    date: str | None = None
    student: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


def result_shape(derivation: Derivation) -> tuple[int, int] | None:
    """Return (rows, columns) of a matrix result, None for a scalar."""
    result = derivation.result
    if getattr(result, "is_Matrix", False):
        return (int(result.rows), int(result.cols))
    return None
