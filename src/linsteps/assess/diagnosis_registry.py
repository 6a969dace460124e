"""The registry of named misconceptions, and the helpers its derivers share.

``DIAGNOSES`` maps an operation to the functions that derive its wrong answers: each yields
``Candidate(code, value, params)`` where ``value`` is what a learner with that misconception
would write (a SymPy matrix; a scalar is 1×1).  A deriver registers with ``@derives("name")``;
the derivers of this package are registered by importing :mod:`linsteps.assess.diagnoses`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy

# Stable codes, in the order the README documents them.
CODES = (
    "equivalent_form",
    "approximate",
    "imprecise",
    "wrong_shape",
    "hadamard_instead_of_matmul",
    "matmul_instead_of_hadamard",
    "reversed_order",
    "transposed",
    "forgot_to_sum",
    "outer_instead_of_inner",
    "dot_instead_of_cos",
    "cos_instead_of_angle",
    "missing_sqrt",
    "degrees_for_radians",
    "radians_for_degrees",
    "sign_error",
    "entry_error",
    "missing_bias",
    "missing_scale",
    "softmax_wrong_axis",
    "missing_conjugate",
    "orthogonal_component",
    "forgot_transpose",
    "heads_not_transposed",
    "dot_on_nd",
    "broadcast_missed",
    "wrong_contraction",
    "not_defined",
    "arithmetic_error",
)


@dataclass(frozen=True)
class Candidate:
    """A wrong answer a misconception produces, with the message parameters that name it."""

    code: str
    value: Any  # an ImmutableMatrix
    params: Mapping[str, str] = field(default_factory=dict)
    variant: str | None = None  # selects ``diagnosis.<code>.<variant>`` in the catalogs


@dataclass(frozen=True)
class Setting:
    """A problem as the derivers see it: operand values (vectors as columns) and options."""

    operation: str
    operands: tuple[Any, ...]
    names: tuple[str, ...]
    layouts: tuple[str, ...]
    options: Mapping[str, Any]


Deriver = Callable[[Setting], Iterator[Candidate]]
DIAGNOSES: dict[str, list[Deriver]] = {}


def derives(*operations: str) -> Callable[[Deriver], Deriver]:
    """Register a function deriving wrong answers for ``operations``."""

    def register(function: Deriver) -> Deriver:
        for operation in operations:
            DIAGNOSES.setdefault(operation, []).append(function)
        return function

    return register


def matrix(value: Any) -> Any:
    """``value`` as an ImmutableMatrix (a scalar becomes 1×1)."""
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value)
    return sympy.ImmutableMatrix([[value]])


def flat(value: Any) -> list[Any]:
    """The entries of a vector operand, whatever its orientation."""
    return list(value)


def dot_of(u: list[Any], v: list[Any]) -> Any:
    """The exact dot product of two lists of entries."""
    return sympy.Add(*(x * y for x, y in zip(u, v, strict=True)))


def sub(name: str, index: int) -> str:
    """``a`` and 2 as ``a₂``."""
    from linsteps.render.printing import symbol_text

    return symbol_text(f"{name}_{index}")


def product_of(x: Any, y: Any) -> Any | None:
    """The matrix product ``xy``, or None when the shapes do not allow it."""
    return matrix(x * y) if x.cols == y.rows else None


def elementwise_of(x: Any, y: Any) -> Any | None:
    """The element-wise product of ``x`` and ``y``, or None when their shapes differ."""
    return matrix(x.multiply_elementwise(y)) if x.shape == y.shape else None


__all__ = [
    "CODES",
    "DIAGNOSES",
    "Candidate",
    "Deriver",
    "Setting",
    "derives",
    "dot_of",
    "elementwise_of",
    "flat",
    "matrix",
    "product_of",
    "sub",
]
