"""The tree of a NumPy or PyTorch expression as :mod:`linsteps.reading.shape_expr` reads it.

Frozen nodes whose ``span`` points back into the text, so every sub-expression can be shown
as it was typed; helpers to list a node's children and the tensor names of a tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expr:
    """Base of the nodes; ``span`` is the (start, end) of the node's text."""

    span: tuple[int, int] = field(compare=False, kw_only=True)


@dataclass(frozen=True)
class Tensor(Expr):
    """A named array or tensor whose shape is given (``x``)."""

    name: str


@dataclass(frozen=True)
class Number(Expr):
    """A number literal: a 0-dimensional operand, or an integer argument."""

    value: int | float


@dataclass(frozen=True)
class Text(Expr):
    """A string literal (an einsum spec)."""

    value: str


@dataclass(frozen=True)
class Constant(Expr):
    """``True``, ``False`` or ``None``."""

    value: bool | None


@dataclass(frozen=True)
class TupleOf(Expr):
    """A parenthesised tuple ``(0, 2, 1)``."""

    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Negative(Expr):
    """Unary minus ``-x``."""

    operand: Expr


@dataclass(frozen=True)
class Binary(Expr):
    """``left OP right`` with OP one of ``@ * / + - **``."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Attribute(Expr):
    """``base.T`` or ``base.mT``."""

    base: Expr
    name: str


@dataclass(frozen=True)
class Call(Expr):
    """A function (``np.dot(a, b)``) or, with ``base``, a method (``x.sum(1)``).

    ``name`` is the operation (``dot``, ``sum`` …), ``spelled`` as typed, ``library`` the
    library whose rules a function follows ("" for methods and for either).
    """

    name: str
    spelled: str
    library: str
    base: Expr | None
    args: tuple[Expr, ...]
    keywords: tuple[tuple[str, Expr], ...]

    def keyword(self, *names: str) -> Expr | None:
        """Return the argument given by one of ``names``, if any."""
        return next((value for key, value in self.keywords if key in names), None)


def source(text: str, node: Expr) -> str:
    """Return a node's text as typed."""
    return text[node.span[0] : node.span[1]]


def tensor_names(node: Expr) -> list[str]:
    """Return the tensor names of a tree, in order of first appearance."""
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Tensor):
            if current.name not in found:
                found.append(current.name)
            continue
        stack.extend(reversed(children(current)))
    return found


def children(node: Expr) -> list[Expr]:
    """Return the direct sub-expressions of ``node``, left to right."""
    if isinstance(node, Binary):
        return [node.left, node.right]
    if isinstance(node, Negative):
        return [node.operand]
    if isinstance(node, Attribute):
        return [node.base]
    if isinstance(node, TupleOf):
        return list(node.items)
    if isinstance(node, Call):
        base = [node.base] if node.base is not None else []
        return [*base, *node.args, *(value for _, value in node.keywords)]
    return []


__all__ = [
    "Attribute",
    "Binary",
    "Call",
    "Constant",
    "Expr",
    "Negative",
    "Number",
    "Tensor",
    "Text",
    "TupleOf",
    "children",
    "source",
    "tensor_names",
]
