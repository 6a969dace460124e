"""Scalar arithmetic: sums, products, quotients, powers, roots and named functions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from linsteps.derivation.node import Node, load_sympy


@dataclass(frozen=True)
class Sum(Node):
    """Terms added: ``t₁ + t₂ + …``; ``elide`` shows only the first two and the last."""

    terms: tuple[Node, ...]
    elide: bool = False
    kind: ClassVar[str] = "sum"

    def evaluate(self) -> Any:
        return load_sympy().Add(*(t.evaluate() for t in self.terms))

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
        return load_sympy().Add(
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
        return load_sympy().Add(*self.values)


@dataclass(frozen=True)
class Product(Node):
    """Scalar factors multiplied: ``f₁·f₂``."""

    factors: tuple[Node, ...]
    kind: ClassVar[str] = "product"

    def evaluate(self) -> Any:
        return load_sympy().Mul(*(f.evaluate() for f in self.factors))

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
        return load_sympy().sqrt(self.radicand.evaluate())

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
        return getattr(load_sympy(), self.FUNCTIONS[self.function])(self.argument.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)


@dataclass(frozen=True)
class Degrees(Node):
    """An angle written in degrees, ``45°``; its value is in radians."""

    degrees: Node
    kind: ClassVar[str] = "degrees"

    def evaluate(self) -> Any:
        sym = load_sympy()
        return self.degrees.evaluate() * sym.pi / 180

    def children(self) -> tuple[Node, ...]:
        return (self.degrees,)


@dataclass(frozen=True)
class Exp(Node):
    """The exponential ``e^x``."""

    argument: Node
    kind: ClassVar[str] = "exp"

    def evaluate(self) -> Any:
        return load_sympy().exp(self.argument.evaluate())

    def children(self) -> tuple[Node, ...]:
        return (self.argument,)
