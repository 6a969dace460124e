"""Divisors: proved nonzero, proved zero, or nonzero only under an assumption the steps state.

A derivation that divides prints why the division is defined.  With numbers SymPy decides it;
with symbols it often cannot (b = (x, 0) has b·b = x², zero at x = 0).  Then the derivation says
what it assumes, "assuming x ≠ 0", as an :class:`~linsteps.derivation.steps.Assumption` step,
and derives under it.  A divisor proved zero is refused by the caller.
"""

from __future__ import annotations

from typing import Any, Literal

import sympy

from linsteps.derivation.matrices import Dot, Norm
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Assumption, Condition, Operand
from linsteps.derivation.values import Value
from linsteps.ops.common import exact

Status = Literal["nonzero", "zero", "unknown"]

# Factoring finds the simplest assumption (x ≠ 0 for x²); past these sizes the divisor itself
# is assumed nonzero, which is as true and costs nothing.
MAX_FACTOR_SYMBOLS = 6
MAX_FACTOR_OPERATIONS = 200


def zero_status(value: Any) -> Status:
    """Return whether ``value`` is provably nonzero, provably zero, or neither.

    Symbols are real (the parser declares them so); a sum of squares of real entries that is
    not identically zero is still zero where all the entries are, so it stays ``unknown``.
    """
    value = exact(value)
    known = value.is_zero
    if known is not None:
        return "zero" if known else "nonzero"
    if value.is_number:
        try:
            equal = value.equals(0)
        except (ArithmeticError, ValueError, TypeError, AttributeError):
            # SymPy's numeric identification overflows on a huge number (7·10³⁰⁸ beside
            # arcsin(√2)), or its solver meets a comparison it cannot decide (a TypeError its
            # cache turns into an AttributeError): undecided, so the derivation states the
            # assumption.
            equal = None
        if equal is None:
            return "unknown"
        return "zero" if equal else "nonzero"
    expanded = sympy.expand(value)
    if expanded == 0:
        return "zero"
    return "nonzero" if expanded.is_zero is False else "unknown"


def is_zero_vector(vector: Operand) -> bool:
    """Return True when every entry is provably zero (v·v = 0 is not enough: v may be complex)."""
    return all(zero_status(x) == "zero" for x in vector.value)


def nonzero_condition(value: Any) -> Any:
    """Return the simplest expression whose being nonzero makes ``value`` nonzero.

    It is the product of the factors of ``value`` not known to be nonzero: ``x`` for ``x²``,
    ``xy`` for ``4x²y²``, ``x² + y²`` itself when it does not factor.  Since the remaining
    factors and the constant are nonzero, the product of the rest being nonzero implies it.
    """
    value = exact(value)
    small = (
        len(value.free_symbols) <= MAX_FACTOR_SYMBOLS
        and sympy.count_ops(value) <= MAX_FACTOR_OPERATIONS
    )
    if not small:
        return value
    try:
        _, factors = sympy.factor_list(value)
    except sympy.PolynomialError:
        return value
    if not all(
        isinstance(power, int) or getattr(power, "is_Integer", False) for _, power in factors
    ):
        return value  # a factor to a symbolic power (x^(2i·acos(asin(π)))): keep the divisor
    unknown = [base for base, power in factors if power > 0 and base.is_zero is not False]
    if not unknown or any(power < 0 for _, power in factors):
        return value
    return sympy.Mul(*unknown)


def vector_condition(vector: Operand, squared: Any, norm: Node | None = None) -> Condition:
    """Return why ‖v‖ ≠ 0 from ``squared`` = v·v: proved, or assumed when it cannot be.

    The caller refuses a vector whose ``squared`` is proved zero before asking.
    """
    node = vector.node()
    params: dict[str, Any] = {"a": node, "norm": norm if norm is not None else Norm(node)}
    if zero_status(squared) == "nonzero":
        return Condition("nonzero_vector", params)
    return Assumption("assumed_nonzero_vector", {**params, "condition": assumed(squared)})


def pair_conditions(a: Operand, b: Operand, squared_a: Any, squared_b: Any) -> list[Condition]:
    """Return why ‖a‖‖b‖ ≠ 0: one condition when both are proved, else one per vector."""
    if zero_status(squared_a) == zero_status(squared_b) == "nonzero":
        return [Condition("nonzero", {"a": a.name, "b": b.name})]
    return [vector_condition(a, squared_a), vector_condition(b, squared_b)]


def onto_condition(onto: Operand, squared: Any) -> Condition:
    """Return why b·b ≠ 0 for a projection onto b: proved (b·b > 0 when it is), or assumed."""
    params: dict[str, Any] = {"b": onto.name, "bb": Dot(onto.node(), onto.node())}
    if zero_status(squared) != "nonzero":
        return Assumption("assumed_nonzero_onto", {**params, "condition": assumed(squared)})
    if exact(squared).is_positive:
        return Condition("nonzero_onto", params)
    return Condition("nonzero_dot_onto", {**params, "value": Value(exact(squared))})


def assumed(value: Any) -> Value:
    """Return the node of what is assumed nonzero for ``value`` to be nonzero."""
    return Value(nonzero_condition(value))


__all__ = [
    "Status",
    "assumed",
    "is_zero_vector",
    "nonzero_condition",
    "onto_condition",
    "pair_conditions",
    "vector_condition",
    "zero_status",
]
