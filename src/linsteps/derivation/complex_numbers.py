"""Complex notation: the conjugate, the modulus and the inner product ``⟨u, v⟩``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from linsteps.derivation.node import Node, load_sympy


@dataclass(frozen=True)
class Conjugate(Node):
    """The complex conjugate ``conj(z)``."""

    argument: Node
    kind: ClassVar[str] = "conjugate"

    def evaluate(self) -> Any:
        value = self.argument.evaluate()
        if isinstance(value, load_sympy().MatrixBase):
            return value.conjugate()
        return load_sympy().conjugate(value)

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Modulus(Node):
    """The modulus ``|z|`` of a complex number."""

    argument: Node
    kind: ClassVar[str] = "modulus"

    def evaluate(self) -> Any:
        return load_sympy().Abs(self.argument.evaluate())

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
        return load_sympy().Add(*(x * load_sympy().conjugate(y) for x, y in zip(u, v, strict=True)))

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)
