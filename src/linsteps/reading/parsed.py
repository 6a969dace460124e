"""One parsed operand: its kind, its entries row by row, and how it was typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import sympy


@dataclass(frozen=True)
class Parsed:
    """One parsed operand: its kind, its entries row by row, and how it was typed."""

    kind: Literal["scalar", "vector", "matrix"]
    rows: tuple[tuple[sympy.Expr, ...], ...]  # vector: one row; scalar: ((x,),)
    decimal: bool  # the user typed a decimal point or scientific notation
    text: str  # the input as given


__all__ = ["Parsed"]
