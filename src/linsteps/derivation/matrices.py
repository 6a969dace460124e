"""Vector and matrix notation: grids, entries, rows, shapes and the operations on them.

The three products learners confuse (``a·b``, ``A∘B``, ``AB``), norms, angles, transposes,
sums and projections, and the matrix functions of similarity and attention.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from linsteps.derivation.node import Node, load_sympy


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
        sym = load_sympy()
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
class Shape(Node):
    """A shape ``m×n`` (or a vector length when ``cols`` is 0)."""

    rows: int | str
    cols: int | str
    kind: ClassVar[str] = "shape"

    def evaluate(self) -> Any:
        return (self.rows, self.cols)


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
        sym = load_sympy()
        return sym.sqrt(sum((x**2 for x in value), sym.Integer(0)))

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Angle(Node):
    """The angle ``θ`` between two vectors (its value in radians)."""

    left: Node
    right: Node
    kind: ClassVar[str] = "angle"

    def evaluate(self) -> Any:
        sym = load_sympy()
        u, v = self.left.evaluate(), self.right.evaluate()
        return sym.acos(u.dot(v) / (sym.sqrt(u.dot(u)) * sym.sqrt(v.dot(v))))

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
        sym = load_sympy()
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
        sym = load_sympy()
        value = self.argument.evaluate()
        rows = [value.row(i) for i in range(value.rows)]
        return sym.ImmutableMatrix(
            [[u.dot(v) / (sym.sqrt(u.dot(u)) * sym.sqrt(v.dot(v))) for v in rows] for u in rows]
        )

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Softmax(Node):
    """Softmax by row: each entry ``e^{sᵢⱼ} / Σₖ e^{sᵢₖ}``, every row summing to 1."""

    argument: Node
    kind: ClassVar[str] = "softmax"

    def evaluate(self) -> Any:
        sym = load_sympy()
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
        sym = load_sympy()
        value = self.argument.evaluate()
        return sym.ImmutableMatrix(
            value.rows, value.cols, lambda i, j: -sym.oo if j > i else value[i, j]
        )

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)
