"""Operands of any rank: text, nested lists, arrays or matrices as named tensors.

A tensor operand is an :class:`~linsteps.derivation.steps.Operand` of layout ``tensor``
whose value is a SymPy ``ImmutableDenseNDimArray`` (rank 0 for a scalar), so a vector
has the shape ``(n,)`` NumPy gives it, not a column.  :class:`Tensor` is the same operand
flattened for arithmetic: its shape and its entries in row-major order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from linsteps.derivation.arrays import array_entries, is_array
from linsteps.derivation.operands import entry_of, source_of
from linsteps.derivation.steps import Operand
from linsteps.errors import LimitError, ParseError, UsageError
from linsteps.reading.limits import LIMITS
from linsteps.reading.tensors import (
    MAX_RANK,
    generic_entries,
    is_tensor_text,
    parse_dims,
    parse_tensor,
)

_BARE_NAME = re.compile(r"\s*[A-Za-z][A-Za-z0-9]*\s*")


@dataclass(frozen=True)
class Tensor:
    """An operand flattened: its name, shape and entries (row-major, ints kept as ints)."""

    name: str
    shape: tuple[int, ...]
    entries: tuple[Any, ...]

    @property
    def rank(self) -> int:
        """Return the number of axes."""
        return len(self.shape)

    def strides(self) -> tuple[int, ...]:
        """Return how far apart in ``entries`` consecutive indices of each axis are."""
        out = [1] * self.rank
        for axis in range(self.rank - 2, -1, -1):
            out[axis] = out[axis + 1] * self.shape[axis + 1]
        return tuple(out)


def is_tensor_input(value: Any) -> bool:
    """Return True for an operand only the operations on arrays read: a literal nested three
    deep or more, nested lists as deep, an array of rank 3 or more, a SymPy array or a
    tensor operand."""
    if isinstance(value, Operand):
        return value.layout == "tensor"
    if isinstance(value, str):
        return is_tensor_text(value)
    if hasattr(value, "ndim"):  # a NumPy array
        return int(value.ndim) >= 3
    if type(value).__name__.endswith("NDimArray"):
        return True
    depth = 0
    while isinstance(value, list | tuple) and value:
        depth, value = depth + 1, value[0]
    return depth >= 3


def is_tensor_shape(shape: Any) -> bool:
    """Return True for a ``--shape`` with three sizes or more (``2x3x4``)."""
    if isinstance(shape, tuple):
        return len(shape) >= 3
    return isinstance(shape, str) and len(re.split(r"[x×X*,]", shape.strip("() "))) >= 3


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _letter(letter: str, rank: int) -> str:
    return letter.lower() if rank <= 1 else letter


def named(operands: list[Operand]) -> tuple[list[Operand], str]:
    """Return the operands named A, B, … in order (a, b, … for a vector or scalar) and the next
    free letter for the result.

    A generic operand keeps the name typed, and the other names go round it; one name for two
    different generic operands is refused.
    """
    typed: dict[str, Operand] = {}
    for operand in operands:
        if _is_generic(operand):
            known = typed.get(operand.name.upper())
            if known is not None and known.value != operand.value:
                raise UsageError(
                    "same_name",
                    name=operand.name,
                    shape_a="×".join(map(str, known.value.shape)),
                    shape_b="×".join(map(str, operand.value.shape)),
                )
            typed[operand.name.upper()] = operand
    free = iter(x for x in LETTERS if x not in typed)
    out = []
    for operand in operands:
        rank = len(operand.value.shape)
        name = operand.name if _is_generic(operand) else _letter(next(free), rank)
        out.append(Operand(name, operand.value, "tensor", operand.source, operand.decimal))
    return out, next(free)


def result_name(letter: str, rank: int) -> str:
    """Return the result's name: the letter, in lower case for a vector or scalar."""
    return _letter(letter, rank)


def _is_generic(operand: Operand) -> bool:
    """Return True for a generic operand, one given as a bare name (``T`` with a shape)."""
    return bool(_BARE_NAME.fullmatch(operand.source)) and operand.source.strip().lower() == (
        operand.name.lower()
    )


def array_of(shape: tuple[int, ...], entries: list[Any] | tuple[Any, ...]) -> Any:
    """Return the SymPy array of ``shape`` holding ``entries`` (a rank-0 array for ``()``)."""
    import sympy

    values = [sympy.Integer(x) if isinstance(x, int) else x for x in entries]
    if not shape:
        return sympy.ImmutableDenseNDimArray(values[0])
    return sympy.ImmutableDenseNDimArray(values, shape)


def tensor_of(operand: Operand) -> Tensor:
    """Return a tensor operand flattened, integer entries as Python ints (fast arithmetic)."""
    import sympy

    value = operand.value
    if not isinstance(value, sympy.ImmutableDenseNDimArray):
        value = sympy.ImmutableDenseNDimArray(value)
    shape = tuple(int(s) for s in value.shape)
    flat = value.args[0]  # an immutable array's arguments: its entries in order, its shape
    entries = tuple(int(x) if isinstance(x, sympy.Integer) else x for x in flat)
    return Tensor(operand.name, shape, entries)


def to_tensor(value: Any, name: str, *, shape: str | tuple[int, ...] | None = None) -> Operand:
    """Return an operand of any rank from text, nested lists, a SymPy array or matrix, an
    array with ``tolist`` (NumPy's) or another operand.

    A bare name (``T``) with ``shape`` (``2x3x4``) is a generic tensor of symbols tᵢⱼₖ, called
    by the name typed.
    """
    import sympy

    dims: tuple[int, ...]
    if isinstance(value, Operand):
        if value.layout == "tensor":
            return Operand(name, value.value, "tensor", value.source, value.decimal)
        matrix = value.value
        dims = (matrix.rows,) if value.layout == "vector" else (matrix.rows, matrix.cols)
        return Operand(name, array_of(dims, list(matrix)), "tensor", value.source, value.decimal)
    if isinstance(value, str):
        if shape is not None and _BARE_NAME.fullmatch(value):
            dims = parse_dims(shape)
            typed = value.strip()
            symbols = generic_entries(typed.lower(), dims)
            typed = typed.lower() if len(dims) == 1 else typed
            return Operand(typed, array_of(dims, symbols), "tensor", value)
        read = parse_tensor(value, operand=name)
        return Operand(name, array_of(read.shape, read.entries), "tensor", value, read.decimal)
    if isinstance(value, sympy.MatrixBase):
        dims = (value.rows, value.cols)
        return Operand(name, array_of(dims, list(value)), "tensor", str(value.tolist()))
    if isinstance(value, sympy.NDimArray):
        return Operand(name, sympy.ImmutableDenseNDimArray(value), "tensor", str(value))
    listed = array_entries(value, name) if is_array(value) else value
    dims, flat = _flatten(listed, name)
    entries = [entry_of(x, name) for x in flat]
    decimal = any(typed for _, typed in entries)
    return Operand(
        name, array_of(dims, [x for x, _ in entries]), "tensor", source_of(listed), decimal
    )


def _flatten(value: Any, name: str) -> tuple[tuple[int, ...], list[Any]]:
    """Return the shape and the row-major entries of nested lists, refusing ragged ones."""
    dims: list[int] = []
    probe = value
    while isinstance(probe, list | tuple):
        if not probe:
            raise ParseError("empty", operand=name)
        dims.append(len(probe))
        probe = probe[0]
        if len(dims) > MAX_RANK:
            raise LimitError("too_many_axes", operand=name, rank=len(dims), limit=MAX_RANK)
    if math.prod(dims) > LIMITS.max_entries:
        raise LimitError("too_many_entries", operand=name, limit=LIMITS.max_entries)
    level = [value]
    for size in dims:
        if any(not isinstance(item, list | tuple) or len(item) != size for item in level):
            raise ParseError("ragged_list", operand=name)
        level = [x for item in level for x in item]
    if any(isinstance(x, list | tuple) for x in level):
        raise ParseError("ragged_list", operand=name)
    return tuple(dims), level
