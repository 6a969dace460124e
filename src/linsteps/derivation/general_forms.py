"""General forms: entries and sums of any size (``aᵢ``, ``Σᵢ₌₁ⁿ aᵢbᵢ``), stated with letters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from linsteps.derivation.matrices import Indexed, Slice
from linsteps.derivation.node import Node, load_sympy, walk
from linsteps.derivation.values import Name


def size_symbol(size: int | str) -> Any:
    """Return a size or an index as SymPy sees it: an integer, or a positive integer symbol."""
    if isinstance(size, int):
        return load_sympy().Integer(size)
    return load_sympy().Symbol(size, integer=True, positive=True)


@dataclass(frozen=True)
class Entry(Node):
    """An entry of a vector or matrix of any size: ``aᵢ``, ``aₙ``, ``aᵢₖ`` (a SymPy Indexed)."""

    base: str
    indices: tuple[int | str, ...]
    kind: ClassVar[str] = "entry"

    def evaluate(self) -> Any:
        sym = load_sympy()
        return sym.IndexedBase(self.base, real=True)[tuple(size_symbol(i) for i in self.indices)]


@dataclass(frozen=True)
class SumOver(Node):
    """``Σ_{index=lower}^{upper} body``; the body names entries with the index letter."""

    index: str
    lower: int | str
    upper: int | str
    body: Node
    kind: ClassVar[str] = "sumover"

    def evaluate(self) -> Any:
        raise NotImplementedError("a general sum is a definition")

    def children(self) -> tuple[Node, ...]:
        return (self.body,)


@dataclass(frozen=True)
class SymbolicSum(Node):
    """``Σ_{index=lower}^{upper} body`` with a value: SymPy's ``Sum``, for any upper bound."""

    index: str
    lower: int | str
    upper: int | str
    body: Node
    kind: ClassVar[str] = "symbolicsum"

    def evaluate(self) -> Any:
        sym = load_sympy()
        bounds = (size_symbol(self.index), size_symbol(self.lower), size_symbol(self.upper))
        return sym.Sum(self.body.evaluate(), bounds)

    def children(self) -> tuple[Node, ...]:
        return (self.body,)


@dataclass(frozen=True)
class ElidedSum(Node):
    """The sum ``whole`` written out as ``t₁ + t₂ + ⋯ + tₙ``: ``terms`` are the ones shown.

    Its value is the value of ``whole``; tests check that each shown term is the body of
    ``whole`` at its index (``positions``).
    """

    terms: tuple[Node, ...]
    positions: tuple[int | str, ...]
    whole: SymbolicSum
    elide: bool = True
    kind: ClassVar[str] = "elidedsum"

    def evaluate(self) -> Any:
        return self.whole.evaluate()

    def children(self) -> tuple[Node, ...]:
        return self.terms


def is_general(node: Node) -> bool:
    """Return True when ``node`` contains a letter index (a general formula, not a value)."""
    for sub in walk(node):
        if isinstance(sub, SumOver):
            return True
        if isinstance(sub, Name | Indexed) and any(isinstance(i, str) for i in sub.indices):
            return True
        if isinstance(sub, Slice) and isinstance(sub.index, str):
            return True
        if isinstance(sub, Name) and getattr(sub.value, "is_MatrixExpr", False):
            return True  # a vector or matrix of symbolic size
    return False
