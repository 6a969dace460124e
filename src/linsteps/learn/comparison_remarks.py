"""The remarks of a comparison: what differs between the products, shown on these numbers.

A sum or none (a·b adds the products a∘b keeps), the shape kept or changed, the order mattering
or not (the first entry where AB and BA differ).  Each remark is a :class:`Note`: a catalog key
(``compare.note.<key>``) with notation nodes and values as its parameters.
"""

from __future__ import annotations

from typing import Any

from linsteps.derivation.arithmetic import PairSum, Product
from linsteps.derivation.matrices import Dot, Hadamard, Indexed, MatProduct, Shape, Transpose
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Note, Operand
from linsteps.derivation.values import Value
from linsteps.learn.comparison import Row


def _first_difference(left: Any, right: Any) -> tuple[int, int] | None:
    """Return the first (row, column) where two equally shaped matrices differ, 1-based."""
    import sympy

    for i in range(int(left.rows)):
        for j in range(int(left.cols)):
            if sympy.expand(left[i, j] - right[i, j]) != 0:
                return i + 1, j + 1
    return None


def _order_note(first: Row, second: Row) -> Note:
    """Return the remark on order for two matrix products in opposite orders."""
    names = {"ab": first.notation, "ba": second.notation}
    if first.defined and second.defined:
        one, other = first.result, second.result
        if one.shape != other.shape:
            shape_one, shape_two = Shape(*one.shape), Shape(*other.shape)
            return Note("order.shapes", {**names, "shape_ab": shape_one, "shape_ba": shape_two})
        spot = _first_difference(one, other)
        if spot is None:
            return Note("order.commute", names)
        i, j = spot
        return Note(
            "order.differ",
            {
                **names,
                "ab_entry": Indexed(first.notation, spot),
                "ab_value": Value(one[i - 1, j - 1]),
                "ba_entry": Indexed(second.notation, spot),
                "ba_value": Value(other[i - 1, j - 1]),
            },
        )
    if first.defined or second.defined:
        defined, undefined = (first, second) if first.defined else (second, first)
        return Note(
            "order.one_defined", {"defined": defined.notation, "undefined": undefined.notation}
        )
    return Note("order.neither", names)


def _shown(row: Row) -> Node:
    """Return the value node of a defined row."""
    assert row.value is not None
    return row.value


def _vector_notes(rows: dict[str, Row], a: Operand, b: Operand) -> list[Note]:
    dot, had, out, atb = rows["dot"], rows["hadamard"], rows["outer"], rows["atb"]
    notes: list[Note] = []
    if dot.defined and had.defined:
        notes.append(
            Note(
                "sum.vectors",
                {
                    "dot": dot.notation,
                    "dot_value": _shown(dot),
                    "hadamard": had.notation,
                    "hadamard_value": _shown(had),
                    "outer": out.notation,
                },
            )
        )
        notes.append(
            Note(
                "shape.vectors",
                {
                    "hadamard": had.notation,
                    "n": a.length,
                    "dot": dot.notation,
                    "atb": atb.notation,
                    "outer": out.notation,
                    "shape": Shape(a.length, b.length),
                },
            )
        )
        notes.append(_vector_order(a, b))
        notes.append(
            Note(
                "dot_is_matmul",
                {
                    "dot": dot.notation,
                    "dot_value": _shown(dot),
                    "atb": atb.notation,
                    "atb_value": _shown(atb),
                },
            )
        )
    else:
        notes.append(
            Note(
                "sum.vectors_lengths",
                {
                    "n": a.length,
                    "m": b.length,
                    "outer": out.notation,
                    "shape": Shape(a.length, b.length),
                },
            )
        )
        notes.append(_vector_order(a, b, "order.vectors_outer"))  # b·a, b∘a are undefined too
    return notes


def _vector_order(a: Operand, b: Operand, key: str = "order.vectors") -> Note:
    """Return the remark on order for two vectors."""
    x, y = a.node(), b.node()
    return Note(
        key,
        {
            "dot": Dot(x, y),
            "ba_dot": Dot(y, x),
            "hadamard": Hadamard(x, y),
            "ba_hadamard": Hadamard(y, x),
            "outer": MatProduct(x, Transpose(y)),
            "ba_outer": MatProduct(y, Transpose(x)),
        },
    )


def _matrix_notes(rows: dict[str, Row], a: Operand, b: Operand) -> list[Note]:
    ab, ba, had = rows["ab"], rows["ba"], rows["hadamard"]
    notes: list[Note] = []
    if ab.defined and had.defined:
        row = [Value(v) for v in a.value.row(0)]
        column = [Value(v) for v in b.value.col(0)]
        terms: Node = (
            PairSum(tuple(row), tuple(column)) if len(row) > 1 else Product((row[0], column[0]))
        )
        notes.append(
            Note(
                "sum.matrices_numbers",
                {
                    "ab": ab.notation,
                    "hadamard": had.notation,
                    "ab_entry": Indexed(ab.notation, (1, 1)),
                    "ab_terms": terms,
                    "ab_value": Value(ab.result[0, 0]),
                    "hadamard_entry": Indexed(had.notation, (1, 1)),
                    "hadamard_terms": Product((row[0], column[0])),
                    "hadamard_value": Value(had.result[0, 0]),
                },
            )
        )
    else:
        notes.append(Note("sum.matrices", {"ab": ab.notation, "hadamard": had.notation}))
    notes.append(
        Note(
            "shape.matrices",
            {
                "ab": ab.notation,
                "hadamard": had.notation,
                "a": a.node(),
                "b": b.node(),
                "shape_a": Shape(*a.shape),
                "shape_b": Shape(*b.shape),
            },
        )
    )
    notes.append(_order_note(ab, ba))
    notes.append(
        Note("order.hadamard", {"hadamard": had.notation, "ba": Hadamard(b.node(), a.node())})
    )
    return notes


def _matrix_vector_notes(rows: dict[str, Row], a: Operand, x: Operand) -> list[Note]:
    ax, xta, had = rows["ax"], rows["xta"], rows["hadamard"]
    return [
        Note(
            "sum.matrix_vector",
            {"ax": ax.notation, "hadamard": had.notation, "a": a.node(), "x": x.node()},
        ),
        Note(
            "shape.matrix_vector_same" if had.defined else "shape.matrix_vector",
            {
                "ax": ax.notation,
                "hadamard": had.notation,
                "a": a.node(),
                "x": x.node(),
                "shape_a": Shape(*a.shape),
                "n": x.length,
            },
        ),
        Note("order.matrix_vector", {"ax": ax.notation, "xta": xta.notation, "x": x.node()}),
    ]


def remarks_of(mode: str, rows: dict[str, Row], first: Operand, second: Operand) -> list[Note]:
    """Return the remarks on the rows of ``mode``, keyed by row name."""
    if mode == "vectors":
        return _vector_notes(rows, first, second)
    if mode == "matrices":
        return _matrix_notes(rows, first, second)
    return _matrix_vector_notes(rows, first, second)


__all__ = ["remarks_of"]
