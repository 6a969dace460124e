"""Comparing the products of two operands: every product side by side, and how they differ.

:func:`compare` reads two operands and builds one :class:`~linsteps.learn.comparison.Row` per
product that can be written with them (:mod:`linsteps.learn.comparison_rows`), each computed by
the engine's own operation, and ends with remarks on what differs: a sum or none, the shape kept
or changed, the order mattering or not (:mod:`linsteps.learn.comparison_remarks`).  Renderers
(:func:`linsteps.learn.comparison_view.render_comparison`) only format.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linsteps.derivation.steps import Operand
from linsteps.errors import UsageError
from linsteps.learn.comparison import Comparison, Row, TransposedOperand, transposed
from linsteps.learn.comparison_remarks import remarks_of
from linsteps.learn.comparison_rows import PRODUCTS, rows_of
from linsteps.reading.budget import bounded

MODES = ("vectors", "matrices", "matrix_vector")
PRODUCT_NAMES = tuple(sorted({name for names in PRODUCTS.values() for name in names}))


def operands_of(a: Any, b: Any) -> tuple[str, Operand, Operand]:
    """Return the mode and the two operands named as a comparison names them (a, b; A, B;
    A, x with the matrix first)."""
    from linsteps.derivation.operands import to_operand

    first, second = to_operand(a, "A"), to_operand(b, "B")
    layouts = (first.layout, second.layout)
    if layouts == ("vector", "vector"):
        return "vectors", replace(first, name="a"), replace(second, name="b")
    if layouts == ("matrix", "matrix"):
        return "matrices", replace(first, name="A"), replace(second, name="B")
    matrix, vector = (first, second) if first.layout == "matrix" else (second, first)
    return "matrix_vector", replace(matrix, name="A"), replace(vector, name="x")


def product_row(name: str, a: Any, b: Any, *, places: int = 4) -> Row:
    """Return the row ``name`` (``atb``, ``hadamard`` …) of ``a`` and ``b``, defined or not."""
    mode, first, second = operands_of(a, b)
    if name not in PRODUCTS[mode]:
        choices = ", ".join(PRODUCTS[mode])
        raise UsageError("compare_no_row", name=name, choices=choices)
    return next(r for r in rows_of(mode, first, second, places, True) if r.name == name)


@bounded
def compare(a: Any, b: Any, *, places: int = 4) -> Comparison:
    """Compare every product of ``a`` and ``b`` (two vectors, two matrices, or one of each)."""
    from linsteps.ops.common import settings_of

    mode, first, second = operands_of(a, b)
    rows = rows_of(mode, first, second, places, False)
    notes = remarks_of(mode, {r.name: r for r in rows}, first, second)
    settings = settings_of((first, second), places)
    return Comparison(mode, (first, second), tuple(rows), tuple(notes), settings)


__all__ = [
    "PRODUCTS",
    "PRODUCT_NAMES",
    "Comparison",
    "Row",
    "TransposedOperand",
    "compare",
    "operands_of",
    "product_row",
    "transposed",
]
