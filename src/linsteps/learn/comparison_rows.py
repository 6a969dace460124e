"""The rows of a comparison: every product the two operands can be put in, each computed by
the engine.

Two vectors give a·b, a∘b, a bᵀ, aᵀb and cos θ; two matrices AB, BA, A∘B and the transposed
products AᵀB and ABᵀ; a matrix and a vector Ax, xᵀA and A∘x.  Each row carries its notation, its
general rule (naming the operands' own entries), what the rule does and the size check; its value
is the derivation the operation in :data:`linsteps.ops.OPERATIONS` returns, or the error it raised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from linsteps.derivation.arithmetic import Call, Product, Quotient
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Hadamard,
    Indexed,
    MatProduct,
    Norm,
    Shape,
    Transpose,
)
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Derivation, Operand
from linsteps.errors import ShapeError, UndefinedError
from linsteps.learn.comparison import Row, TransposedOperand, transposed

PRODUCTS = {
    "vectors": ("dot", "hadamard", "outer", "atb", "cos"),
    "matrices": ("ab", "ba", "hadamard", "atb", "abt"),
    "matrix_vector": ("ax", "xta", "hadamard"),
}


def _build(
    name: str,
    kind: str,
    notation: Node,
    rule: Node,
    how: str,
    operation: str,
    operands: tuple[Operand, ...],
    sizes: tuple[str, dict[str, Any]],
    places: int,
) -> Row:
    """Return a row computed by the engine's ``operation`` (or the error it raises)."""
    from linsteps.ops import OPERATIONS

    function = cast("Callable[..., Derivation]", OPERATIONS[operation])
    try:
        derivation = function(*operands, places=places)
    except (ShapeError, UndefinedError) as error:
        return Row(name, kind, notation, rule, how, operation, operands, sizes, None, error)
    return Row(name, kind, notation, rule, how, operation, operands, sizes, derivation)


def _length_sizes(a: Operand, b: Operand) -> tuple[str, dict[str, Any]]:
    key = "lengths_equal" if a.length == b.length else "lengths_differ"
    return key, {"n": a.length, "m": b.length}


def _inner_sizes(left: Operand, right: Operand) -> tuple[str, dict[str, Any]]:
    """The sizes of a matrix product (a vector on the right is a column)."""
    (m, n), (k, p) = left.shape, right.shape
    if right.layout == "vector":
        k, p = right.length, 1
    params: dict[str, Any] = {"left": Shape(m, n), "right": Shape(k, p), "n": n, "k": k}
    if n == k:
        return "inner_equal", {**params, "shape": Shape(m, p)}
    return "inner_differ", params


def _shape_sizes(a: Operand, b: Operand) -> tuple[str, dict[str, Any]]:
    key = "shapes_equal" if a.shape == b.shape else "shapes_differ"
    return key, {"left": Shape(*a.shape), "right": Shape(*b.shape)}


def _entry(node: Node, *indices: int | str) -> Indexed:
    return Indexed(node, tuple(indices))


def _vector_rows(a: Operand, b: Operand, places: int) -> list[Row]:
    x, y = a.node(), b.node()
    pair = Product((_entry(x, "i"), _entry(y, "i")))
    total = SumOver("i", 1, a.length, pair)
    at = transposed(a)
    return [
        _build("dot", "dot", Dot(x, y), total, "sums", "dot", (a, b), _length_sizes(a, b), places),
        _build(
            "hadamard",
            "hadamard",
            Hadamard(x, y),
            pair,
            "no_sum",
            "hadamard",
            (a, b),
            _length_sizes(a, b),
            places,
        ),
        _build(
            "outer",
            "outer",
            MatProduct(x, Transpose(y)),
            Product((_entry(x, "i"), _entry(y, "j"))),
            "every_pair",
            "outer",
            (a, b),
            ("outer", {"n": a.length, "m": b.length, "shape": Shape(a.length, b.length)}),
            places,
        ),
        _build(
            "atb",
            "matmul",
            MatProduct(at.node(), y),
            total,
            "row_column",
            "matmul",
            (at, b),
            _inner_sizes(at, b),
            places,
        ),
        _build(
            "cos",
            "cos",
            Call("cos", Angle(x, y)),
            Quotient(Dot(x, y), Product((Norm(x), Norm(y)))),
            "normalized",
            "cos",
            (a, b),
            _length_sizes(a, b),
            places,
        ),
    ]


def _matmul_row(name: str, left: Operand, right: Operand, places: int) -> Row:
    """Return the row of the matrix product ``left right``; its rule names entries of the
    operands themselves ((Aᵀ)ᵢₖ is written Aₖᵢ)."""

    def entry(operand: Operand, i: str, j: str) -> Indexed:
        base = operand.base if isinstance(operand, TransposedOperand) else None
        if (base or operand).layout == "vector":
            return _entry((base or operand).node(), "k")  # a vector's entry: the summed index
        if base is not None:
            return _entry(base.node(), j, i)
        return _entry(operand.node(), i, j)

    inner = left.shape[1]
    rule = SumOver("k", 1, inner, Product((entry(left, "i", "k"), entry(right, "k", "j"))))
    notation = MatProduct(left.node(), right.node())
    return _build(
        name,
        "matmul",
        notation,
        rule,
        "row_column",
        "matmul",
        (left, right),
        _inner_sizes(left, right),
        places,
    )


def _hadamard_row(a: Operand, b: Operand, places: int) -> Row:
    x, y = a.node(), b.node()
    rule = Product((_entry(x, "i", "j"), _entry(y, "i", "j")))
    return _build(
        "hadamard",
        "hadamard",
        Hadamard(x, y),
        rule,
        "no_sum",
        "hadamard",
        (a, b),
        _shape_sizes(a, b),
        places,
    )


def _matrix_rows(a: Operand, b: Operand, places: int, every: bool = False) -> list[Row]:
    """Return AB, BA, A∘B, and AᵀB and ABᵀ when they are defined (always with ``every``)."""
    rows = [
        _matmul_row("ab", a, b, places),
        _matmul_row("ba", b, a, places),
        _hadamard_row(a, b, places),
    ]
    for name, left, right in (
        ("atb", transposed(a), b),
        ("abt", a, transposed(b)),
    ):
        row = _matmul_row(name, left, right, places)
        if row.defined or every:
            rows.append(row)
    return rows


def _matrix_vector_rows(a: Operand, x: Operand, places: int) -> list[Row]:
    return [
        _matmul_row("ax", a, x, places),
        _matmul_row("xta", transposed(x), a, places),
        _hadamard_row(a, x, places),
    ]


def rows_of(mode: str, first: Operand, second: Operand, places: int, every: bool) -> list[Row]:
    """Return the rows of ``mode``; with ``every``, also the undefined transposed products."""
    if mode == "vectors":
        return _vector_rows(first, second, places)
    if mode == "matrices":
        return _matrix_rows(first, second, places, every)
    return _matrix_vector_rows(first, second, places)


__all__ = ["PRODUCTS", "rows_of"]
