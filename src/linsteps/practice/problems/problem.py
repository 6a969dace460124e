"""A problem and its entries: exact numbers, surds and symbols, written in the input syntax.

Generators build exact entries without SymPy and write them as the explainer reads them
(``3/2``, ``2*sqrt(3)``, ``-x``); the explainer derives the answers from those strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

# Operations whose two operands may come in either order without changing the problem.
SYMMETRIC = frozenset({"dot", "cos", "angle", "hadamard"})


@dataclass(frozen=True)
class Surd:
    """The entry ``coef·√radicand`` (radicand square-free, > 1)."""

    coef: int
    radicand: int


@dataclass(frozen=True)
class Symbol:
    """The entry ``coef·name``."""

    coef: int
    name: str


Entry = int | Fraction | Surd | Symbol
Operand = Sequence[Entry] | Sequence[Sequence[Entry]]


@dataclass(frozen=True)
class Problem:
    """One problem: the topic, the explainer's operation and its inputs in the input syntax.

    ``options`` are the keyword options of the operation (none so far), or for a shape
    question the parts asked: each an expression, an operation and the indices of its inputs.
    """

    topic: str
    operation: str
    inputs: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    entries: tuple[Operand, ...] = field(default=(), compare=False, hash=False)

    def identity(self) -> tuple[str, tuple[str, ...]]:
        """Return what makes two problems the same (operands in either order for a·b)."""
        inputs = tuple(sorted(self.inputs)) if self.operation in SYMMETRIC else self.inputs
        product = self.options.get("product")
        return (f"{self.operation}:{product}" if product else self.operation, inputs)


def entry_text(x: Entry) -> str:
    """Return an entry in the input syntax: ``3``, ``-3/2``, ``2*sqrt(3)``, ``-x``."""
    if isinstance(x, Surd):
        root = f"sqrt({x.radicand})"
        return root if x.coef == 1 else f"-{root}" if x.coef == -1 else f"{x.coef}*{root}"
    if isinstance(x, Symbol):
        return x.name if x.coef == 1 else f"-{x.name}" if x.coef == -1 else f"{x.coef}*{x.name}"
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    return str(x)


def vector_text(entries: Sequence[Entry]) -> str:
    """Return ``[1, 2, 3]``."""
    return "[" + ", ".join(entry_text(x) for x in entries) + "]"


def matrix_text(rows: Sequence[Sequence[Entry]]) -> str:
    """Return ``[[1, 2], [3, 4]]``."""
    return "[" + ", ".join(vector_text(row) for row in rows) + "]"


def problem(topic: str, *operands: Operand, options: dict[str, Any] | None = None) -> Problem:
    """Return a problem of ``topic`` (also its operation) on vectors (lists of entries) and
    matrices (lists of rows), keeping the entries beside their text."""
    texts = tuple(
        matrix_text(op) if op and isinstance(op[0], list) else vector_text(op)  # type: ignore[arg-type]
        for op in operands
    )
    return Problem(topic, topic, texts, options or {}, operands)
