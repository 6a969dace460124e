"""Comparing the products of two operands: every product side by side, and how they differ.

:func:`compare` reads two operands and builds one :class:`Row` per product that can be written
with them (a·b, a∘b, a bᵀ, aᵀb and cos θ for two vectors; AB, BA, A∘B and the transposed
products for two matrices; Ax, xᵀA and A∘x for a matrix and a vector).  Each row is computed by
the engine's own operation (:mod:`linsteps.ops`), so a row's value is that derivation's result
and an undefined row carries the very ShapeError or UndefinedError the operation raised.  The
:class:`Comparison` ends with remarks (message keys with notation nodes) on what differs: a sum
or none, the shape kept or changed, the order mattering or not, shown on these numbers.
Renderers (:mod:`linsteps.learn.comparison_view`) only format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, cast

from linsteps.derivation.arithmetic import Call, PairSum, Product, Quotient
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
from linsteps.derivation.steps import Derivation, Note, Operand, Result
from linsteps.derivation.values import Value
from linsteps.errors import LinstepsError, ShapeError, UndefinedError, UsageError

MODES = ("vectors", "matrices", "matrix_vector")


@dataclass(frozen=True)
class TransposedOperand(Operand):
    """The transpose of an operand, shown as ``Aᵀ``: its value is the transposed matrix."""

    base: Operand | None = None

    def node(self) -> Node:  # type: ignore[override]
        """Return ``Aᵀ``, whose value is this operand's value."""
        assert self.base is not None
        return Transpose(self.base.node())


def transposed(operand: Operand) -> TransposedOperand:
    """Return ``operand`` transposed (a vector becomes a 1×n row)."""
    value = operand.value.T
    return TransposedOperand(
        operand.name + "ᵀ", value, "matrix", operand.source, operand.decimal, base=operand
    )


@dataclass(frozen=True)
class Row:
    """One product of the two operands.

    ``name`` is the stable id of ``--explain`` (``dot``, ``ab``, ``atb`` …); ``kind`` names the
    product (``compare.kind.<kind>``) and ``how`` what its rule does (``compare.how.<how>``);
    ``sizes`` is the size check (``compare.sizes.<key>`` with its parameters).  A defined row
    has its derivation, an undefined one the error the engine raised.
    """

    name: str
    kind: str
    notation: Node
    rule: Node
    how: str
    operation: str
    operands: tuple[Operand, ...]
    sizes: tuple[str, dict[str, Any]]
    derivation: Derivation | None = None
    reason: LinstepsError | None = None

    @property
    def defined(self) -> bool:
        """True when the engine computed the product."""
        return self.derivation is not None

    @property
    def result(self) -> Any:
        """The exact value (a SymPy number or matrix), or None when undefined."""
        return self.derivation.result if self.derivation is not None else None

    @property
    def final(self) -> Result | None:
        """The derivation's Result step: the value as the derivation shows it."""
        if self.derivation is None:
            return None
        return next(s for s in reversed(self.derivation.steps) if isinstance(s, Result))

    @property
    def value(self) -> Node | None:
        """The value node as the derivation's result shows it (a grid, a number)."""
        final = self.final
        return final.value if final is not None else None

    @property
    def approx(self) -> Node | None:
        """The decimal approximation the derivation shows beside the value, if any."""
        final = self.final
        return final.approx if final is not None else None

    @property
    def shape(self) -> tuple[str, dict[str, Any]] | None:
        """What the result is: ``scalar``, ``vector`` (of n) or ``matrix`` (of a shape)."""
        result = self.result
        if self.derivation is None:
            return None
        if not getattr(result, "is_Matrix", False):
            return ("scalar", {})
        rows, cols = int(result.rows), int(result.cols)
        if self.kind == "hadamard" and all(op.layout == "vector" for op in self.operands):
            return ("vector", {"n": rows})
        return ("matrix", {"shape": Shape(rows, cols)})


@dataclass(frozen=True)
class Comparison:
    """Every product of two operands, and the remarks on what differs between them."""

    mode: str
    inputs: tuple[Operand, Operand]
    rows: tuple[Row, ...]
    notes: tuple[Note, ...]
    settings: dict[str, Any] = field(default_factory=dict)

    def row(self, name: str) -> Row:
        """Return the row called ``name`` (its id, or its notation as text, such as ``AᵀB``)."""
        wanted = _key(name)
        for row in self.rows:
            if wanted in (row.name, _key(_notation_text(row.notation))):
                return row
        raise UsageError("compare_no_row", name=name, choices=", ".join(r.name for r in self.rows))

    def explain(self, name: str) -> Derivation:
        """Return the full derivation of one row; raise its reason when it is undefined."""
        row = self.row(name)
        if row.derivation is None:
            assert row.reason is not None
            raise row.reason
        return row.derivation

    def givens(self) -> tuple[tuple[Node, Node], ...]:
        """Return each operand's name and its value as written: (1, 2, 3) or a matrix."""
        from linsteps.ops.outer import value_grid

        out = []
        for op in self.inputs:
            rows = [list(op.value)] if op.layout == "vector" else op.value.tolist()
            out.append((op.node(), value_grid(rows, op.layout)))
        return tuple(out)

    def render(self, fmt: str = "text", lang: str = "en", **settings: Any) -> str:
        """Return the comparison as text, markdown, latex, html or json."""
        from linsteps.learn.comparison_view import render_comparison

        return render_comparison(self, fmt, lang, **{**self.settings, **settings})

    def to_text(self, lang: str = "en") -> str:
        """Return the text table."""
        return self.render("text", lang)

    def __str__(self) -> str:
        return self.to_text()


def _key(text: str) -> str:
    """Return a row name as compared: lower case, without spaces and marks."""
    table = str.maketrans({"ᵀ": "t", "∘": "o", "·": ".", "θ": "theta"})
    return "".join(text.translate(table).lower().split())


def _notation_text(node: Node) -> str:
    from linsteps.render.text_formatter import TextFormatter

    return TextFormatter().format(node)


# --- rows ----------------------------------------------------------------------------------------


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


# --- remarks -------------------------------------------------------------------------------------


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
        notes.append(_vector_order(a, b))
    return notes


def _vector_order(a: Operand, b: Operand) -> Note:
    """Return the remark on order for two vectors."""
    x, y = a.node(), b.node()
    return Note(
        "order.vectors",
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


# --- the comparison ------------------------------------------------------------------------------


PRODUCTS = {
    "vectors": ("dot", "hadamard", "outer", "atb", "cos"),
    "matrices": ("ab", "ba", "hadamard", "atb", "abt"),
    "matrix_vector": ("ax", "xta", "hadamard"),
}
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


def _rows(mode: str, first: Operand, second: Operand, places: int, every: bool) -> list[Row]:
    if mode == "vectors":
        return _vector_rows(first, second, places)
    if mode == "matrices":
        return _matrix_rows(first, second, places, every)
    return _matrix_vector_rows(first, second, places)


def product_row(name: str, a: Any, b: Any, *, places: int = 4) -> Row:
    """Return the row ``name`` (``atb``, ``hadamard`` …) of ``a`` and ``b``, defined or not."""
    mode, first, second = operands_of(a, b)
    if name not in PRODUCTS[mode]:
        choices = ", ".join(PRODUCTS[mode])
        raise UsageError("compare_no_row", name=name, choices=choices)
    return next(r for r in _rows(mode, first, second, places, True) if r.name == name)


def compare(a: Any, b: Any, *, places: int = 4) -> Comparison:
    """Compare every product of ``a`` and ``b`` (two vectors, two matrices, or one of each)."""
    from linsteps.ops.common import settings_of

    mode, first, second = operands_of(a, b)
    rows = _rows(mode, first, second, places, False)
    by_name = {r.name: r for r in rows}
    if mode == "vectors":
        notes = _vector_notes(by_name, first, second)
    elif mode == "matrices":
        notes = _matrix_notes(by_name, first, second)
    else:
        notes = _matrix_vector_notes(by_name, first, second)
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
