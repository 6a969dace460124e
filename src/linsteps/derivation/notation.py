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


# nodes of the general forms and of the operations on them -----------------------------------


def size_symbol(size: int | str) -> Any:
    """Return a size or an index as SymPy sees it: an integer, or a positive integer symbol."""
    if isinstance(size, int):
        return _sympy().Integer(size)
    return _sympy().Symbol(size, integer=True, positive=True)


@dataclass(frozen=True)
class Entry(Node):
    """An entry of a vector or matrix of any size: ``aᵢ``, ``aₙ``, ``aᵢₖ`` (a SymPy Indexed)."""

    base: str
    indices: tuple[int | str, ...]
    kind: ClassVar[str] = "entry"

    def evaluate(self) -> Any:
        sym = _sympy()
        return sym.IndexedBase(self.base, real=True)[tuple(size_symbol(i) for i in self.indices)]


@dataclass(frozen=True)
class SymbolicSum(Node):
    """``Σ_{index=lower}^{upper} body`` with a value: SymPy's ``Sum``, for any upper bound."""

    index: str
    lower: int | str
    upper: int | str
    body: Node
    kind: ClassVar[str] = "symbolicsum"

    def evaluate(self) -> Any:
        sym = _sympy()
        bounds = (size_symbol(self.index), size_symbol(self.lower), size_symbol(self.upper))
        return sym.Sum(self.body.evaluate(), bounds)

    def children(self) -> tuple[Node, ...]:
        return (self.body,)


@dataclass(frozen=True)
class ElidedSum(Node):
    """The sum ``whole`` written out as ``t₁ + t₂ + ⋯ + tₙ``: ``terms`` are the ones shown.

    Its value is the value of ``whole``; tests check that each shown term is the body of
    ``whole`` at its index (``positions``).
    """

    terms: tuple[Node, ...]
    positions: tuple[int | str, ...]
    whole: SymbolicSum
    elide: bool = True
    kind: ClassVar[str] = "elidedsum"

    def evaluate(self) -> Any:
        return self.whole.evaluate()

    def children(self) -> tuple[Node, ...]:
        return self.terms


@dataclass(frozen=True)
class Conjugate(Node):
    """The complex conjugate ``conj(z)``."""

    argument: Node
    kind: ClassVar[str] = "conjugate"

    def evaluate(self) -> Any:
        value = self.argument.evaluate()
        if isinstance(value, _sympy().MatrixBase):
            return value.conjugate()
        return _sympy().conjugate(value)

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Modulus(Node):
    """The modulus ``|z|`` of a complex number."""

    argument: Node
    kind: ClassVar[str] = "modulus"

    def evaluate(self) -> Any:
        return _sympy().Abs(self.argument.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class InnerProduct(Node):
    """The complex inner product ``⟨u, v⟩ = Σ uᵢ·conj(vᵢ)`` (the second argument conjugated)."""

    left: Node
    right: Node
    kind: ClassVar[str] = "innerproduct"

    def evaluate(self) -> Any:
        u, v = self.left.evaluate(), self.right.evaluate()
        return _sympy().Add(*(x * _sympy().conjugate(y) for x, y in zip(u, v, strict=True)))

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Scale(Node):
    """A scalar times a vector or matrix: ``(a·b/b·b) b``."""

    factor: Node
    argument: Node
    kind: ClassVar[str] = "scale"

    def evaluate(self) -> Any:
        return self.factor.evaluate() * self.argument.evaluate()

    def children(self) -> tuple[Node, ...]:
        return (self.factor, self.argument)


@dataclass(frozen=True)
class VectorSum(Node):
    """Vectors or matrices added (``Wx + b``) or subtracted (``a − p``).

    With ``broadcast`` the right side, a vector, is added to every row of the left (the
    bias of a batch, ``XWᵀ + b``).
    """

    left: Node
    right: Node
    minus: bool = False
    broadcast: bool = False
    kind: ClassVar[str] = "vectorsum"

    def evaluate(self) -> Any:
        sym = _sympy()
        left, right = self.left.evaluate(), self.right.evaluate()
        if self.broadcast:
            row = sym.Matrix(right).reshape(1, len(right))
            right = sym.Matrix.vstack(*([row] * left.rows))
        return left - right if self.minus else left + right

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Projection(Node):
    """The projection ``proj_b a = (a·b / b·b) b`` of ``vector`` on ``onto``."""

    vector: Node
    onto: Node
    kind: ClassVar[str] = "projection"

    def evaluate(self) -> Any:
        a, b = self.vector.evaluate(), self.onto.evaluate()
        return (a.dot(b) / b.dot(b)) * b

    def children(self) -> tuple[Node, ...]:
        return (self.vector, self.onto)


@dataclass(frozen=True)
class Similarity(Node):
    """The cosine-similarity matrix ``S`` of the rows of ``argument``: Sᵢⱼ = cos θᵢⱼ."""

    argument: Node
    kind: ClassVar[str] = "similarity"

    def evaluate(self) -> Any:
        sym = _sympy()
        value = self.argument.evaluate()
        rows = [value.row(i) for i in range(value.rows)]
        return sym.ImmutableMatrix(
            [[u.dot(v) / (sym.sqrt(u.dot(u)) * sym.sqrt(v.dot(v))) for v in rows] for u in rows]
        )

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Exp(Node):
    """The exponential ``e^x``."""

    argument: Node
    kind: ClassVar[str] = "exp"

    def evaluate(self) -> Any:
        return _sympy().exp(self.argument.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Softmax(Node):
    """Softmax by row: each entry ``e^{sᵢⱼ} / Σₖ e^{sᵢₖ}``, every row summing to 1."""

    argument: Node
    kind: ClassVar[str] = "softmax"

    def evaluate(self) -> Any:
        sym = _sympy()
        value = self.argument.evaluate()
        rows = []
        for row in value.tolist():
            powers = [sym.exp(x) for x in row]
            total = sym.Add(*powers)
            rows.append([p / total for p in powers])
        return sym.ImmutableMatrix(rows)

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Masked(Node):
    """The causal mask: entries above the diagonal replaced by ``−∞``."""

    argument: Node
    kind: ClassVar[str] = "masked"

    def evaluate(self) -> Any:
        sym = _sympy()
        value = self.argument.evaluate()
        return sym.ImmutableMatrix(
            value.rows, value.cols, lambda i, j: -sym.oo if j > i else value[i, j]
        )

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


def is_general(node: Node) -> bool:
    """Return True when ``node`` contains a letter index (a general formula, not a value)."""
    for sub in walk(node):
        if isinstance(sub, SumOver):
            return True
        if isinstance(sub, Name | Indexed) and any(isinstance(i, str) for i in sub.indices):
            return True
        if isinstance(sub, Slice) and isinstance(sub.index, str):
            return True
        if isinstance(sub, Name) and getattr(sub.value, "is_MatrixExpr", False):
            return True  # a vector or matrix of symbolic size
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
