"""Notation: the immutable expression trees that derivations show.

A node is what a line of a derivation prints (``1·4 + 2·5``, ``‖a‖``, ``(1, 2)·(5, 7)``).
Every node also knows its value (:meth:`Node.evaluate`), so each printed equality can be
checked with SymPy, and a result can be computed from the very nodes that are shown.
Renderers format nodes; they never evaluate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


def _sympy() -> Any:
    import sympy

    return sympy


class Node:
    """Base of all notation nodes."""

    kind: ClassVar[str] = "node"

    def evaluate(self) -> Any:
        """Return the SymPy value of this node."""
        raise NotImplementedError

    def children(self) -> tuple[Node, ...]:
        """Return the direct sub-nodes, for traversals."""
        return ()


@dataclass(frozen=True)
class Value(Node):
    """A value shown as it is: a number, a surd, a symbolic expression or a matrix."""

    value: Any
    kind: ClassVar[str] = "value"

    def evaluate(self) -> Any:
        return self.value


@dataclass(frozen=True)
class Name(Node):
    """A named quantity such as ``a``, ``A``, ``θ``, ``a₁`` or ``c₁₂``, bound to its value.

    ``indices`` are integers or index letters (``i``, ``j``, ``n``); ``role`` says what the
    name stands for (``vector``, ``matrix``, ``entry``, ``scalar``, ``index``).
    """

    name: str
    value: Any = None
    indices: tuple[int | str, ...] = ()
    role: str = "scalar"
    kind: ClassVar[str] = "name"

    def evaluate(self) -> Any:
        if self.value is None:
            sym = _sympy()
            label = self.name + "".join(f"_{i}" for i in self.indices)
            return sym.Symbol(label, real=True)
        return self.value


@dataclass(frozen=True)
class Sum(Node):
    """Terms added: ``t₁ + t₂ + …``; ``elide`` shows only the first two and the last."""

    terms: tuple[Node, ...]
    elide: bool = False
    kind: ClassVar[str] = "sum"

    def evaluate(self) -> Any:
        return _sympy().Add(*(t.evaluate() for t in self.terms))

    def children(self) -> tuple[Node, ...]:
        return self.terms


@dataclass(frozen=True)
class PairSum(Node):
    """The expanded dot product ``l₁r₁ + l₂r₂ + …`` of two equally long tuples of nodes.

    One node instead of a Sum of Products keeps large matrix products light; ``elide`` shows
    the first two pairs and the last.
    """

    left: tuple[Node, ...]
    right: tuple[Node, ...]
    elide: bool = False
    kind: ClassVar[str] = "pairsum"

    def evaluate(self) -> Any:
        return _sympy().Add(
            *(p.evaluate() * q.evaluate() for p, q in zip(self.left, self.right, strict=True))
        )

    def children(self) -> tuple[Node, ...]:
        return self.left + self.right


@dataclass(frozen=True)
class ValueSum(Node):
    """Plain values added, ``4 + 10 − 18``: the products of a dot product, multiplied out."""

    values: tuple[Any, ...]
    elide: bool = False
    kind: ClassVar[str] = "valuesum"

    def evaluate(self) -> Any:
        return _sympy().Add(*self.values)


@dataclass(frozen=True)
class Product(Node):
    """Scalar factors multiplied: ``f₁·f₂``."""

    factors: tuple[Node, ...]
    kind: ClassVar[str] = "product"

    def evaluate(self) -> Any:
        return _sympy().Mul(*(f.evaluate() for f in self.factors))

    def children(self) -> tuple[Node, ...]:
        return self.factors


@dataclass(frozen=True)
class Quotient(Node):
    """A fraction ``numerator / denominator``."""

    numerator: Node
    denominator: Node
    kind: ClassVar[str] = "quotient"

    def evaluate(self) -> Any:
        return self.numerator.evaluate() / self.denominator.evaluate()

    def children(self) -> tuple[Node, ...]:
        return (self.numerator, self.denominator)


@dataclass(frozen=True)
class Power(Node):
    """``base`` raised to an integer ``exponent`` (squares in a norm)."""

    base: Node
    exponent: int
    kind: ClassVar[str] = "power"

    def evaluate(self) -> Any:
        return self.base.evaluate() ** self.exponent

    def children(self) -> tuple[Node, ...]:
        return (self.base,)


@dataclass(frozen=True)
class Root(Node):
    """The principal square root ``√x``."""

    radicand: Node
    kind: ClassVar[str] = "root"

    def evaluate(self) -> Any:
        return _sympy().sqrt(self.radicand.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.radicand,)


@dataclass(frozen=True)
class Call(Node):
    """A named function applied to one argument: ``arccos(x)``, ``cos(θ)``."""

    function: str
    argument: Node
    kind: ClassVar[str] = "call"

    FUNCTIONS: ClassVar[dict[str, str]] = {"arccos": "acos", "cos": "cos", "exp": "exp"}

    def evaluate(self) -> Any:
        return getattr(_sympy(), self.FUNCTIONS[self.function])(self.argument.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Degrees(Node):
    """An angle written in degrees, ``45°``; its value is in radians."""

    degrees: Node
    kind: ClassVar[str] = "degrees"

    def evaluate(self) -> Any:
        sym = _sympy()
        return self.degrees.evaluate() * sym.pi / 180

    def children(self) -> tuple[Node, ...]:
        return (self.degrees,)


@dataclass(frozen=True)
class Grid(Node):
    """A vector or matrix written out entry by entry.

    ``layout`` is ``vector`` (a tuple ``(x₁, x₂)``, value an n×1 column), ``row`` or
    ``column`` (a 1×n or n×1 matrix) or ``matrix``.
    """

    rows: tuple[tuple[Node, ...], ...]
    layout: str = "matrix"
    kind: ClassVar[str] = "grid"

    def evaluate(self) -> Any:
        sym = _sympy()
        values = [[entry.evaluate() for entry in row] for row in self.rows]
        if self.layout == "vector":
            return sym.Matrix([v for row in values for v in row])
        return sym.Matrix(values)

    def children(self) -> tuple[Node, ...]:
        return tuple(entry for row in self.rows for entry in row)

    @property
    def shape(self) -> tuple[int, int]:
        """Return the shape of the value (a vector is a column)."""
        if self.layout == "vector":
            return (sum(len(r) for r in self.rows), 1)
        return (len(self.rows), len(self.rows[0]) if self.rows else 0)


@dataclass(frozen=True)
class Dot(Node):
    """The dot product ``u·v`` of two vectors: a scalar."""

    left: Node
    right: Node
    kind: ClassVar[str] = "dot"

    def evaluate(self) -> Any:
        return self.left.evaluate().dot(self.right.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Hadamard(Node):
    """The element-wise product ``A∘B``: same shape, no sum."""

    left: Node
    right: Node
    kind: ClassVar[str] = "hadamard"

    def evaluate(self) -> Any:
        return self.left.evaluate().multiply_elementwise(self.right.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class MatProduct(Node):
    """The matrix product ``AB``."""

    left: Node
    right: Node
    kind: ClassVar[str] = "matproduct"

    def evaluate(self) -> Any:
        return self.left.evaluate() * self.right.evaluate()

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Norm(Node):
    """The Euclidean norm ``‖v‖``."""

    argument: Node
    kind: ClassVar[str] = "norm"

    def evaluate(self) -> Any:
        value = self.argument.evaluate()
        sym = _sympy()
        return sym.sqrt(sum((x**2 for x in value), sym.Integer(0)))

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Transpose(Node):
    """The transpose ``Aᵀ``."""

    argument: Node
    kind: ClassVar[str] = "transpose"

    def evaluate(self) -> Any:
        return self.argument.evaluate().T

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Angle(Node):
    """The angle ``θ`` between two vectors (its value in radians)."""

    left: Node
    right: Node
    kind: ClassVar[str] = "angle"

    def evaluate(self) -> Any:
        sym = _sympy()
        u, v = self.left.evaluate(), self.right.evaluate()
        return sym.acos(u.dot(v) / (sym.sqrt(u.dot(u)) * sym.sqrt(v.dot(v))))

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Indexed(Node):
    """Entry ``indices`` (1-based) of the value of ``base``, shown as ``label`` (``c₁₂``)."""

    base: Node
    indices: tuple[int | str, ...]
    label: str = ""
    kind: ClassVar[str] = "indexed"

    def evaluate(self) -> Any:
        value = self.base.evaluate()
        if any(isinstance(i, str) for i in self.indices):
            raise NotImplementedError("a general entry has no value")
        position = tuple(int(i) - 1 for i in self.indices)
        return value[position] if len(position) == 2 else value[position[0]]

    def children(self) -> tuple[Node, ...]:
        return (self.base,)


@dataclass(frozen=True)
class Slice(Node):
    """Row or column ``index`` (1-based, or a letter) of a matrix, as a vector."""

    base: Node
    axis: str
    index: int | str
    kind: ClassVar[str] = "slice"

    def evaluate(self) -> Any:
        if isinstance(self.index, str):
            raise NotImplementedError("a general row has no value")
        value = self.base.evaluate()
        line = value.row(self.index - 1) if self.axis == "row" else value.col(self.index - 1)
        return line.reshape(len(line), 1)

    def children(self) -> tuple[Node, ...]:
        return (self.base,)


@dataclass(frozen=True)
class SumOver(Node):
    """``Σ_{index=lower}^{upper} body``; the body names entries with the index letter."""

    index: str
    lower: int | str
    upper: int | str
    body: Node
    kind: ClassVar[str] = "sumover"

    def evaluate(self) -> Any:
        raise NotImplementedError("a general sum is a definition")

    def children(self) -> tuple[Node, ...]:
        return (self.body,)


@dataclass(frozen=True)
class Shape(Node):
    """A shape ``m×n`` (or a vector length when ``cols`` is 0)."""

    rows: int | str
    cols: int | str
    kind: ClassVar[str] = "shape"

    def evaluate(self) -> Any:
        return (self.rows, self.cols)


def is_general(node: Node) -> bool:
    """Return True when ``node`` contains a letter index (a general formula, not a value)."""
    for sub in walk(node):
        if isinstance(sub, SumOver):
            return True
        if isinstance(sub, Name | Indexed) and any(isinstance(i, str) for i in sub.indices):
            return True
        if isinstance(sub, Slice) and isinstance(sub.index, str):
            return True
    return False


def walk(node: Node) -> list[Node]:
    """Return ``node`` and all its descendants, depth first, without recursion."""
    found: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(current.children()))
    return found
