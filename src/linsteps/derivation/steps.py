"""Steps and derivations: an explanation as data.

An operation builds a :class:`Derivation`: the operands, an ordered tuple of immutable steps
and the result, computed from the nodes the steps show.  Steps hold message keys and
notation nodes, never prose; renderers turn them into text, JSON or LaTeX.  A derivation
formats itself through the presenter the public package installs
(:mod:`linsteps.derivation.presentation`): this layer never imports the renderers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from linsteps.derivation.node import Node
from linsteps.derivation.presentation import installed
from linsteps.derivation.values import Name

Param = int | str | Node


@dataclass(frozen=True)
class Operand:
    """An input as the user gave it and as it was read.

    ``name`` is how derivations call it (``a``, ``B``); ``layout`` is ``vector`` or
    ``matrix``; ``value`` is a SymPy Matrix (a vector is an n×1 column).
    """

    name: str
    value: Any
    layout: str
    source: str
    decimal: bool = False

    @property
    def shape(self) -> tuple[int, int]:
        """Return the (rows, columns) of the value."""
        return (int(self.value.rows), int(self.value.cols))

    @property
    def length(self) -> int:
        """Return the number of entries."""
        return int(self.value.rows * self.value.cols)

    def node(self) -> Name:
        """Return the name node that stands for this operand."""
        return Name(self.name, self.value, role=self.layout)


class Step:
    """Base of all steps."""

    kind: ClassVar[str] = "step"


@dataclass(frozen=True)
class Heading(Step):
    """What is being computed: ``Dot product a·b``."""

    operation: str
    expression: Node
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Rule(Step):
    """The definition ``lhs = form₁ = form₂``, stated generally or with entry names."""

    lhs: Node
    forms: tuple[Node, ...]
    kind: ClassVar[str] = "rule"


@dataclass(frozen=True)
class Condition(Step):
    """Why the shapes allow the operation: a message key and its parameters."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)
    kind: ClassVar[str] = "condition"


@dataclass(frozen=True)
class Assumption(Condition):
    """What the derivation assumes because it cannot prove it: ``assuming x ≠ 0``.

    With symbols a divisor may be neither provably zero nor provably nonzero; the derivation
    then states the assumption it works under, as a condition of its own kind.
    """

    kind: ClassVar[str] = "assumption"


@dataclass(frozen=True)
class Link:
    """One ``= node`` of a chain, with the role of that step (substitute, multiply, sum …)."""

    role: str
    node: Node


@dataclass(frozen=True)
class Chain(Step):
    """A chain of equalities ``lhs = link₁ = link₂ = …``, optionally ``≈ approx``.

    ``inline`` chains are printed on one line (one entry of a matrix product); the others
    one link per line with its role as the label.
    """

    lhs: Node
    links: tuple[Link, ...]
    approx: Node | None = None
    inline: bool = False
    kind: ClassVar[str] = "chain"

    @property
    def last(self) -> Node:
        """Return the final node of the chain."""
        return self.links[-1].node if self.links else self.lhs


@dataclass(frozen=True)
class Note(Step):
    """A sentence from the catalog: a remark, a contrast or an interpretation."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)
    kind: ClassVar[str] = "note"


@dataclass(frozen=True)
class Result(Step):
    """The conclusion: ``lhs = value`` (``≈ approx``) and what kind of object it is."""

    lhs: Node
    value: Node
    key: str
    approx: Node | None = None
    params: Mapping[str, Param] = field(default_factory=dict)
    kind: ClassVar[str] = "result"


@dataclass(frozen=True)
class Derivation:
    """A whole explanation: operation, operands, steps and the result they compute."""

    operation: str
    inputs: tuple[Operand, ...]
    steps: tuple[Step, ...]
    result: Any
    settings: Mapping[str, Any] = field(default_factory=dict)

    def render(self, fmt: str = "text", lang: str = "en", **settings: Any) -> str:
        """Return this derivation formatted as ``fmt`` (text, json …) in ``lang``."""
        merged = {**self.settings, **settings}
        return installed().render(self, fmt, lang, **merged)

    def to_text(self, lang: str = "en", **settings: Any) -> str:
        """Return the Unicode text explanation."""
        return self.render("text", lang, **settings)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return the JSON contract as a dict."""
        return installed().to_dict(self, lang, **dict(self.settings))

    def __str__(self) -> str:
        return self.to_text()

    # Jupyter shows the richest of these as the value of a cell.
    def _repr_latex_(self) -> str:
        return self.render("latex")

    def _repr_markdown_(self) -> str:
        return self.render("markdown")

    def _repr_html_(self) -> str:
        return self.render("html", standalone=False)
