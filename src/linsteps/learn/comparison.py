"""A comparison of two operands' products: the rows (one per product) and the remarks.

A :class:`Row` is one product that can be written with the two operands, computed by the engine's
own operation: a defined row holds that derivation, an undefined one the very ShapeError or
UndefinedError the operation raised.  A :class:`Comparison` holds the rows and the remarks
(message keys with notation nodes) on what differs.  :mod:`linsteps.learn.compare` builds them;
:mod:`linsteps.learn.comparison_view` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from linsteps.derivation.matrices import Shape, Transpose
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Derivation, Note, Operand, Result
from linsteps.errors import LinstepsError, UsageError


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


def _key(text: str) -> str:
    """Return a row name as compared: lower case, without spaces and marks."""
    table = str.maketrans({"ᵀ": "t", "∘": "o", "·": ".", "θ": "theta"})
    return "".join(text.translate(table).lower().split())


def _notation_text(node: Node) -> str:
    from linsteps.render.text_formatter import TextFormatter

    return TextFormatter().format(node)


__all__ = ["Comparison", "Row", "TransposedOperand", "transposed"]
