"""Building blocks shared by the operations: entries, products, sums, approximations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from linsteps.derivation.arithmetic import PairSum, Product, Sum, ValueSum
from linsteps.derivation.matrices import Grid, Shape
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Operand
from linsteps.derivation.values import Name, Value

SUMMARY_TERMS = 8
SUMMARY_ENTRIES = 16
DEFAULT_PLACES = 4


def plain(x: Any) -> Any:
    """Return a Python int for an integer entry (fast arithmetic), else the SymPy value."""
    if isinstance(x, sympy.Integer):
        return int(x)
    return x


def multiply(x: Any, y: Any) -> Any:
    """Multiply two entries, staying in Python ints where both are integers."""
    if isinstance(x, int) and isinstance(y, int):
        return x * y
    return sympy.Mul(x, y)


def add(values: list[Any]) -> Any:
    """Add entries, staying in Python ints where all are integers."""
    if all(isinstance(v, int) for v in values):
        return sum(values)
    return sympy.Add(*values)


def changes(before: Any, after: Any) -> bool:
    """Return True when evaluating ``before`` (an unevaluated SymPy form) visibly changes it."""
    return str(before) != str(after)


def products_change(left: list[Any], right: list[Any]) -> bool:
    """Return True when multiplying out the pairs changes how any of them reads."""
    return any(
        (isinstance(x, int) and isinstance(y, int))
        or changes(sympy.Mul(exact(x), exact(y), evaluate=False), sympy.Mul(exact(x), exact(y)))
        for x, y in zip(left, right, strict=True)
    )


def sum_changes(values: list[Any], total: Any) -> bool:
    """Return True when adding the terms changes how the sum reads."""
    if len(values) < 2:
        return False
    if all(isinstance(v, int) for v in values):
        return True
    return changes(sympy.Add(*(exact(v) for v in values), evaluate=False), exact(total))


def exact(value: Any) -> Any:
    """Return ``value`` as a SymPy object."""
    if isinstance(value, int):
        return sympy.Integer(value)
    return value


def entries(operand: Operand) -> list[Any]:
    """Return the entries of a vector operand, in order."""
    return [plain(x) for x in operand.value]


def entry_names(operand: Operand, values: list[Any]) -> list[Name]:
    """Return the entry nodes a₁, a₂, … bound to their values."""
    return [
        Name(operand.name.lower(), exact(v), (i,), "entry") for i, v in enumerate(values, start=1)
    ]


def pair_sum(left: Sequence[Node], right: Sequence[Node], full: bool) -> Node:
    """Return ``l₁·r₁ + l₂·r₂ + …`` (one pair stands alone), elided when long and not ``full``."""
    if len(left) == 1:
        return Product((left[0], right[0]))
    return PairSum(tuple(left), tuple(right), elide=not full and len(left) > SUMMARY_TERMS)


def value_sum(values: Sequence[Any], full: bool) -> Node:
    """Return the plain values added (one value stands alone), elided like :func:`pair_sum`."""
    if len(values) == 1:
        return Value(values[0])
    return ValueSum(tuple(values), elide=not full and len(values) > SUMMARY_TERMS)


def sum_node(terms: Sequence[Node], full: bool) -> Node:
    """Return the sum of ``terms`` (one term stands alone), elided when long and not ``full``."""
    if len(terms) == 1:
        return terms[0]
    return Sum(tuple(terms), elide=not full and len(terms) > SUMMARY_TERMS)


def needs_approximation(value: Any) -> bool:
    """Return True for a number whose exact form is not a short decimal (√14, 1/3, π/4)."""
    value = exact(value)
    if isinstance(value, sympy.MatrixBase):
        return any(needs_approximation(x) for x in value)
    if not getattr(value, "is_number", False):
        return False
    if value.is_Integer:
        return False
    if value.is_Rational:
        q = int(value.q)
        while q % 2 == 0:
            q //= 2
        while q % 5 == 0:
            q //= 5
        return q != 1 or len(str(value.q)) > 6
    return True


def approximate(value: Any, places: int, layout: str = "matrix") -> Node | None:
    """Return the decimal approximation node of ``value``, or None when it is not needed.

    A matrix value with ``layout="vector"`` is shown as a vector, as its exact value is.
    """
    if not needs_approximation(value):
        return None
    digits = places + 15
    value = exact(value)
    if isinstance(value, sympy.MatrixBase):
        decimals = value.applyfunc(lambda x: _decimal(x, digits) if needs_approximation(x) else x)
        if layout == "vector":
            return Grid(tuple((Value(x),) for x in decimals), "vector")
        return Value(decimals)
    return Value(_decimal(value, digits))


def _decimal(value: Any, digits: int) -> Any:
    """``value`` evaluated to ``digits`` digits; a Float when real (a complex number stays
    a sum of Floats: a Float cannot hold it)."""
    number = value.evalf(digits)
    return sympy.Float(number, digits) if number.is_real else number


def shape_node(operand: Operand) -> Shape:
    """Return the shape node of an operand (a vector: its length × 1)."""
    rows, cols = operand.shape
    return Shape(rows, cols)


def settings_of(inputs: tuple[Operand, ...], places: int, **extra: Any) -> dict[str, Any]:
    """Return the rendering settings: decimals as typed, decimal places, flags."""
    return {"decimal": any(op.decimal for op in inputs), "places": places, **extra}
