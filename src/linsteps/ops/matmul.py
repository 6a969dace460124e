"""The matrix product: (AB)ᵢⱼ = (row i of A)·(column j of B) = Σₖ AᵢₖBₖⱼ."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Product
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import Dot, Grid, Indexed, MatProduct, Shape, Slice
from linsteps.derivation.node import Node
from linsteps.derivation.operands import check_distinct, to_operand
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Link,
    Note,
    Operand,
    Result,
    Rule,
)
from linsteps.derivation.tensor_operands import is_tensor_input, is_tensor_shape
from linsteps.derivation.values import Value
from linsteps.errors import ShapeError, UsageError
from linsteps.ops import general as general_forms
from linsteps.ops.common import (
    DEFAULT_PLACES,
    SUMMARY_ENTRIES,
    SUMMARY_TERMS,
    add,
    approximate,
    exact,
    multiply,
    pair_sum,
    plain,
    products_change,
    settings_of,
    sum_changes,
    value_sum,
)
from linsteps.ops.sizes import all_rational, check_size, rational_product, sum_terms
from linsteps.ops.tensor_matmul import tensor_matmul
from linsteps.reading.deadlines import check_time


def _oriented(operand: Operand, side: str) -> tuple[Operand, str | None]:
    """Return a vector read as a row (on the left) or a column (on the right), and a note key."""
    if operand.layout != "vector":
        return operand, None
    n = operand.length
    value = operand.value.reshape(1, n) if side == "left" else operand.value.reshape(n, 1)
    key = "vector_as_row" if side == "left" else "vector_as_column"
    return Operand(operand.name, value, "matrix", operand.source, operand.decimal), key


def parse_entry(text: str | tuple[int, int], rows: int, cols: int) -> tuple[int, int]:
    """Read ``--entry i,j`` (1-based) and check it lies inside an rows×cols result."""
    if isinstance(text, tuple):
        i, j = text
    else:
        parts = text.replace(" ", "").split(",")
        if len(parts) != 2 or not all(p.isdecimal() and len(p) <= 9 for p in parts):
            raise UsageError("bad_entry", text=text)
        i, j = int(parts[0]), int(parts[1])
    if not (1 <= i <= rows and 1 <= j <= cols):
        raise UsageError("entry_outside", i=i, j=j, rows=rows, cols=cols)
    return i, j


class _Lines:
    """The rows of A and columns of B as shared value nodes, built once per product."""

    def __init__(self, a: Operand, b: Operand, x: list[list[Any]], y: list[list[Any]]) -> None:
        self.a, self.b, self.x, self.y = a, b, x, y
        self.rows = [tuple(Value(v) for v in row) for row in x]
        self.cols = [tuple(Value(r[j]) for r in y) for j in range(len(y[0]))]
        self.row_grids = [Grid((row,), "vector") for row in self.rows]
        self.col_grids = [Grid((col,), "vector") for col in self.cols]


def _entry_chain(lhs: Node, lines: _Lines, i: int, j: int, full: bool) -> tuple[Chain, Any]:
    """Return cᵢⱼ = (row i)·(column j) = Σ products = sum, and the entry's value."""
    row = lines.x[i]
    col = [r[j] for r in lines.y]
    products = [multiply(p, q) for p, q in zip(row, col, strict=True)]
    total = add(products)
    if len(row) > SUMMARY_TERMS and not full:
        a, b = lines.a.node(), lines.b.node()
        slices = Dot(Slice(a, "row", i + 1), Slice(b, "column", j + 1))
    else:
        slices = Dot(lines.row_grids[i], lines.col_grids[j])
    links = [
        Link("row_column", slices),
        Link("substitute", pair_sum(lines.rows[i], lines.cols[j], full)),
    ]
    if products_change(row, col):
        links.append(Link("multiply", value_sum(products, full)))
    if sum_changes(products, total):
        links.append(Link("sum", Value(total)))
    return Chain(Indexed(lhs, (i + 1, j + 1), "c"), tuple(links), inline=True), total


def matmul(
    a: Any,
    b: Any,
    *,
    shape: str | tuple[int, int] | None = None,
    shape_b: str | tuple[int, int] | None = None,
    entry: str | tuple[int, int] | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain the matrix product AB: every entry a row of A times a column of B.

    Operands of rank 3 or more (or a ``shape`` with three sizes) are multiplied as NumPy's
    ``a @ b`` does: see :func:`linsteps.ops.tensor_matmul.tensor_matmul`.
    """
    if any(map(is_tensor_input, (a, b))) or any(map(is_tensor_shape, (shape, shape_b))):
        return tensor_matmul(
            a, b, shape=shape, shape_b=shape_b, places=places, full=full, entry=entry
        )
    if general_forms.is_symbolic_shape(shape) or general_forms.is_symbolic_shape(shape_b):
        return general_forms.matmul(a, b, str(shape or shape_b), str(shape_b or shape))
    left, note_a = _oriented(to_operand(a, "A", shape=shape, as_matrix=True), "left")
    right, note_b = _oriented(to_operand(b, "B", shape=shape_b or shape, as_matrix=True), "right")
    (m, n), (n2, p) = left.shape, right.shape
    if n != n2:
        raise ShapeError("matmul_shapes", a=left.name, b=right.name, m=m, n=n, k=n2, p=p)
    check_distinct(left, right)
    lhs = MatProduct(left.node(), right.node())
    general = SumOver(
        "k", 1, n, Product((Indexed(left.node(), ("i", "k")), Indexed(right.node(), ("k", "j"))))
    )
    rule = Rule(
        Indexed(lhs, ("i", "j"), "c"),
        (Dot(Slice(left.node(), "row", "i"), Slice(right.node(), "column", "j")), general),
    )
    steps: list[Any] = [Heading("matmul", lhs), rule]
    for key, operand in ((note_a, left), (note_b, right)):
        if key:
            steps.append(Note(key, {"a": operand.name, "shape": Shape(*operand.shape)}))
    steps.append(
        Condition(
            "matmul_shapes",
            {"a": left.name, "b": right.name, "m": m, "n": n, "p": p, "shape": Shape(m, p)},
        )
    )
    if m == 1 and p == 1:
        steps.append(Note("row_column_is_dot", {"a": left.name, "b": right.name}))
    summarize = not full and (m * p > SUMMARY_ENTRIES or n > SUMMARY_TERMS)
    chain_terms = 3 * (n if full else min(n, SUMMARY_TERMS)) + 2
    shown_count = 1 if entry is not None else 2 if summarize else m * p
    result_terms = 1 if entry is not None else m * p * sum_terms(n, left, right)
    check_size(left, right, terms=shown_count * chain_terms + result_terms)
    x = [[plain(v) for v in row] for row in left.value.tolist()]
    y = [[plain(v) for v in row] for row in right.value.tolist()]
    if entry is not None:
        i, j = parse_entry(entry, m, p)
        chain, total = _entry_chain(lhs, _Lines(left, right, x, y), i - 1, j - 1, True)
        steps.append(chain)
        value = exact(total)
        steps.append(Result(chain.lhs, Value(value), "matmul_entry", approximate(value, places)))
        return Derivation(
            "matmul",
            (left, right),
            tuple(steps),
            value,
            settings_of((left, right), places, full=full, entry=(i, j)),
        )
    lines = _Lines(left, right, x, y)
    cells = [(i, j) for i in range(m) for j in range(p)]
    values = _summarized_values(x, y, all_rational(left, right)) if summarize else None
    table: list[list[Any]] = [[None] * p for _ in range(m)]
    shown_cells = cells[:2] if summarize else cells
    for i, j in shown_cells:
        chain, total = _entry_chain(lhs, lines, i, j, full)
        steps.append(chain)
        table[i][j] = total
    shown = len(shown_cells)
    values = table if values is None else values
    if summarize:
        steps.append(Note("summarized", {"shown": shown, "total": m * p}))
    result = sympy.ImmutableMatrix([[exact(v) for v in row] for row in values])
    grid = Grid(tuple(tuple(Value(v) for v in row) for row in values))
    steps.append(
        Result(
            lhs,
            grid,
            "matmul",
            approximate(result, places),
            {"a": left.name, "b": right.name, "shape": Shape(m, p)},
        )
    )
    return Derivation(
        "matmul", (left, right), tuple(steps), result, settings_of((left, right), places, full=full)
    )


def _summarized_values(x: list[list[Any]], y: list[list[Any]], rational: bool) -> list[list[Any]]:
    """Return every entry of the product without its steps (a summary shows two of them)."""
    if rational:
        return rational_product(x, y)
    columns = [[line[j] for line in y] for j in range(len(y[0]))]
    table = []
    for row in x:
        check_time()
        table.append([add([multiply(p, q) for p, q in zip(row, c, strict=True)]) for c in columns])
    return table
