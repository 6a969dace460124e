"""A :class:`~linsteps.learn.comparison.Comparison` laid out once, for every format.

:class:`TableBuilder` turns the comparison into spans of text and formatted mathematics (the same
:class:`~linsteps.render.layout.Span` the derivation layouts use): a title, the operands, a
header, one line of cells per product, the reasons of the undefined products and the remarks on
what differs.  The writers of :mod:`linsteps.learn.comparison_view` and
:mod:`linsteps.learn.comparison_json` put those pieces into their syntax.  Nothing here computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linsteps.derivation.node import Node
from linsteps.derivation.steps import Derivation
from linsteps.i18n import translate
from linsteps.learn.comparison import Comparison, Row
from linsteps.render.formatter import NodeFormatter
from linsteps.render.layout import LayoutBuilder, Span

COLUMNS = ("product", "rule", "sizes", "result", "value")
Cell = tuple[Span, ...]


@dataclass(frozen=True)
class Table:
    """A comparison laid out: every piece is spans, or formatted mathematics."""

    title: Cell
    givens: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    reasons: tuple[Cell, ...]
    notes: tuple[Cell, ...]
    names: tuple[str, ...]
    code: tuple[Cell, ...] = ()  # each product in NumPy and PyTorch, then the traps


class TableBuilder:
    """Lays out a comparison with one node formatter."""

    def __init__(self, comparison: Comparison, lang: str, fmt: NodeFormatter) -> None:
        self.comparison = comparison
        self.lang = lang
        self.fmt = fmt
        carrier = Derivation("compare", comparison.inputs, (), None, comparison.settings)
        self.layout = LayoutBuilder(carrier, lang, fmt)

    def math(self, node: Node) -> Span:
        """Return a node as a formula span."""
        return Span(self.fmt.format(node), True)

    def message(self, key: str, params: dict[str, Any]) -> Cell:
        """Return a catalog message as spans, its nodes as mathematics."""
        return self.layout.spans(key, params, {})

    def value(self, row: Row) -> Cell:
        """Return the value cell: the result as its derivation shows it, ≈ a decimal."""
        if row.value is None:
            return (Span("—"),)
        text = self.fmt.format(row.value)
        if row.approx is not None:
            text += f" {self.fmt.symbols['approx']} {self.fmt.format(row.approx)}"
        return (Span(text, True),)

    def cells(self, row: Row) -> tuple[Cell, ...]:
        """Return the cells of one product."""
        kind = translate(self.lang, "compare.kind." + row.kind)
        how = translate(self.lang, "compare.how." + row.how)
        key, params = row.sizes
        shape = row.shape
        result = (
            self.message("compare.result." + shape[0], shape[1])
            if shape is not None
            else (Span(translate(self.lang, "compare.result.undefined")),)
        )
        return (
            (self.math(row.notation), Span(f" — {kind}")),
            (self.math(row.rule), Span(f": {how}")),
            self.message("compare.sizes." + key, params),
            result,
            self.value(row),
        )

    def reason(self, row: Row) -> Cell:
        """Return why a product is undefined: the engine's own error message."""
        assert row.reason is not None
        why = self.message("compare.why", {"expr": row.notation})
        separator = translate(self.lang, "compare.why_separator")
        return (*why, Span(separator + row.reason.message(self.lang)))

    def build(self) -> Table:
        """Return the whole table."""
        comparison = self.comparison
        a, b = comparison.inputs
        title = self.message("compare.title." + comparison.mode, {"a": a.node(), "b": b.node()})
        givens = tuple(
            f"{self.fmt.format(name)} {self.fmt.symbols['eq']} {self.fmt.format(value)}"
            for name, value in comparison.givens()
        )
        return Table(
            title,
            givens,
            tuple(translate(self.lang, "compare.head." + c) for c in COLUMNS),
            tuple(self.cells(row) for row in comparison.rows),
            tuple(self.reason(row) for row in comparison.rows if not row.defined),
            tuple(
                self.message("compare.note." + note.key, dict(note.params))
                for note in comparison.notes
            ),
            tuple(row.name for row in comparison.rows),
            self.code(),
        )

    def code(self) -> tuple[Cell, ...]:
        """Return each product as NumPy and PyTorch write it, then the traps between them."""
        from linsteps.learn.comparison_code import expressions, traps

        comparison, lang = self.comparison, self.lang
        cells: list[Cell] = []
        for row in comparison.rows:
            numpy, torch = expressions(comparison.mode, row.name)
            said = translate(lang, "compare.code.row", numpy=numpy, torch=torch)
            cells.append((self.math(row.notation), Span(said)))
        for key, params in traps(comparison):
            cells.append((Span(translate(lang, "compare.code.trap." + key, **params)),))
        return tuple(cells)


def plain(cell: Cell) -> str:
    """Return the text of a cell, its formulas as formatted."""
    return "".join(span.text for span in cell)


def number_settings(comparison: Comparison) -> tuple[bool, int]:
    """Return how the comparison's numbers print: decimals as typed, and decimal places."""
    settings = comparison.settings
    return bool(settings.get("decimal", False)), int(settings.get("places", 4))


__all__ = ["COLUMNS", "Cell", "Table", "TableBuilder", "number_settings", "plain"]
