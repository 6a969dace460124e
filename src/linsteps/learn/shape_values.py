"""What walking an expression yields: lines, arrays, the stop at a misfit, and the helpers
every rule handler of the walk shares (reading arguments, recording lines).

:class:`WalkerBase` holds the text, the given shapes and the library; the handlers of calls
(:mod:`linsteps.learn.shape_calls`) and of operators (:mod:`linsteps.learn.shape_walk`) build
on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from linsteps.errors import ParseError
from linsteps.learn.shape_axes import Strides
from linsteps.learn.shape_rules import Fit, Misfit, Shape
from linsteps.reading.shape_expr import Constant, Expr, Number, Text, TupleOf, source


@dataclass(frozen=True)
class Line:
    """One sub-expression as typed, its shape, and why (``mlcode.fit.<key>``)."""

    code: str
    shape: Shape
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Array:
    """What a node evaluates to: a shape, PyTorch strides (None: unknown) and whether it is a
    plain number rather than an array."""

    shape: Shape
    strides: Strides | None
    number: bool = False


class Stopped(Exception):
    """A rule broke at ``node``."""

    def __init__(self, node: Expr, misfit: Misfit) -> None:
        super().__init__(misfit.key)
        self.node = node
        self.misfit = misfit


class WalkerBase:
    """The state of one walk and the helpers its handlers share."""

    def __init__(self, text: str, bindings: Mapping[str, Shape], library: str) -> None:
        self.text = text
        self.bindings = bindings
        self.library = library
        self.lines: list[Line] = []
        self.notes: list[tuple[str, dict[str, Any]]] = []
        self.given: set[str] = set()

    def evaluate(self, node: Expr) -> Array:
        """Return what ``node`` evaluates to (the walker defines it)."""
        raise NotImplementedError

    def code(self, node: Expr) -> str:
        """Return a node's text as typed."""
        return source(self.text, node)

    def apply(self, node: Expr, rule: Any, *args: Any) -> Fit:
        try:
            fit: Fit = rule(*args)
        except Misfit as misfit:
            raise Stopped(node, misfit) from None
        return fit

    def record(self, node: Expr, fit: Fit, strides: Strides | None) -> Array:
        self.lines.append(Line(self.code(node), fit.shape, fit.key, fit.params))
        return Array(fit.shape, strides)

    def note(self, key: str, **params: Any) -> None:
        if (key, params) not in self.notes:
            self.notes.append((key, params))

    def unreadable(self, node: Expr, wanted: str) -> ParseError:
        return ParseError(
            "shape_expr_argument", code=self.code(node), wanted=wanted, column=node.span[0] + 1
        )

    def integer(self, node: Expr) -> int:
        """Return an integer argument (``-1``, ``2``)."""
        if isinstance(node, Number) and isinstance(node.value, int):
            return node.value
        raise self.unreadable(node, "integer")

    def integers(self, nodes: tuple[Expr, ...]) -> tuple[int, ...]:
        """Return integer arguments given one by one or as one tuple: ``(2, 3)`` or ``2, 3``."""
        if len(nodes) == 1 and isinstance(nodes[0], TupleOf):
            nodes = nodes[0].items
        return tuple(self.integer(n) for n in nodes)

    def flag(self, node: Expr | None) -> bool:
        if node is None:
            return False
        if isinstance(node, Constant) and isinstance(node.value, bool):
            return node.value
        raise self.unreadable(node, "True or False")

    def text_argument(self, node: Expr) -> str:
        if isinstance(node, Text):
            return node.value
        raise self.unreadable(node, "string")

    def array(self, node: Expr) -> Array:
        value = self.evaluate(node)
        if value.number:
            raise self.unreadable(node, "array")
        return value


__all__ = ["Array", "Line", "Stopped", "WalkerBase"]
