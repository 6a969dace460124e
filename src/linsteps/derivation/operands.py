"""Operands: turning strings, lists and SymPy matrices into named, shaped inputs."""

from __future__ import annotations

import re
from typing import Any

from linsteps.derivation.steps import Operand
from linsteps.errors import ParseError, UsageError

_BARE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_SHAPE = re.compile(r"\s*(\d+)\s*[x×X*,]\s*(\d+)\s*")
MAX_GENERIC = 200


def parse_dim(text: str | int) -> int:
    """Read ``--dim``: a positive whole number of entries."""
    value = str(text).strip()
    if not value.isdigit() or not 1 <= int(value) <= MAX_GENERIC:
        raise UsageError("bad_dim", text=str(text), most=MAX_GENERIC)
    return int(value)


def parse_shape(text: str | tuple[int, int]) -> tuple[int, int]:
    """Read ``--shape``: ``MxN`` with positive whole numbers."""
    if isinstance(text, tuple):
        return text
    match = _SHAPE.fullmatch(text)
    if not match:
        raise UsageError("bad_shape", text=text)
    rows, cols = int(match[1]), int(match[2])
    if not (1 <= rows <= MAX_GENERIC and 1 <= cols <= MAX_GENERIC):
        raise UsageError("bad_shape", text=text)
    return rows, cols


def generic_vector(name: str, n: int) -> Any:
    """Return the column (name₁, …, name_n) of real symbols."""
    import sympy

    return sympy.ImmutableMatrix([sympy.Symbol(f"{name}_{i}", real=True) for i in range(1, n + 1)])


def generic_matrix(name: str, rows: int, cols: int) -> Any:
    """Return the matrix of real symbols nameᵢⱼ."""
    import sympy

    sep = "," if rows > 9 or cols > 9 else ""
    return sympy.ImmutableMatrix(
        [
            [sympy.Symbol(f"{name}_{i}{sep}{j}", real=True) for j in range(1, cols + 1)]
            for i in range(1, rows + 1)
        ]
    )


def to_operand(
    value: Any,
    name: str,
    *,
    dim: int | str | None = None,
    shape: str | tuple[int, int] | None = None,
    imaginary_unit: bool = False,
) -> Operand:
    """Return an :class:`Operand` from text, a (nested) list, a SymPy matrix or an Operand.

    A bare name (``a``) with ``dim`` is a generic vector a₁…aₙ; with ``shape`` a generic matrix.
    A generic operand is called by the name typed (a vector in lower case), not by ``name``.
    """
    import sympy

    if isinstance(value, Operand):
        return value
    if isinstance(value, str):
        text = value.strip()
        if (dim is not None or shape is not None) and _BARE_NAME.fullmatch(text):
            base = text.lower() if dim is not None else text
            if dim is not None:
                return Operand(base, generic_vector(base, parse_dim(dim)), "vector", value)
            rows, cols = parse_shape(shape)  # type: ignore[arg-type]
            return Operand(text, generic_matrix(base.lower(), rows, cols), "matrix", value)
        from linsteps.reading.parsing import parse_value

        parsed = parse_value(value, operand=name, imaginary_unit=imaginary_unit)
        if parsed.kind == "scalar":
            raise ParseError("scalar_operand", operand=name)
        if parsed.kind == "vector":
            column = sympy.ImmutableMatrix([x for row in parsed.rows for x in row])
            return Operand(name, column, "vector", value, parsed.decimal)
        return Operand(name, sympy.ImmutableMatrix(parsed.rows), "matrix", value, parsed.decimal)
    if isinstance(value, sympy.MatrixBase | list | tuple):
        if _is_empty(value):
            raise ParseError("empty", operand=name)
        _check_given(value, name)
    if isinstance(value, sympy.MatrixBase):
        matrix = sympy.ImmutableMatrix(value)
        return Operand(name, matrix, "matrix", str(value.tolist()))
    if isinstance(value, list | tuple):
        if value and all(isinstance(row, list | tuple) for row in value):
            table = [[_entry(x, name) for x in row] for row in value]
            if len({len(r) for r in table}) != 1:
                raise ParseError("ragged_list", operand=name)
            return Operand(name, sympy.ImmutableMatrix(table), "matrix", str(value))
        column = sympy.ImmutableMatrix([_entry(x, name) for x in value])
        return Operand(name, column, "vector", str(value))
    raise UsageError("bad_operand_type", operand=name, type=type(value).__name__)


def _is_empty(value: Any) -> bool:
    """Return True for a list, a list of empty rows or a matrix with no entries."""
    if isinstance(value, list | tuple):
        return not value or all(isinstance(row, list | tuple) and not row for row in value)
    return bool(value.rows * value.cols == 0)


def _check_given(value: Any, name: str) -> None:
    """Hold a list or a matrix given from Python to the limits typed input has: entries, rows,
    columns and the size of each number, before anything is built from it."""
    from fractions import Fraction

    import sympy

    from linsteps.errors import LimitError
    from linsteps.reading.limits import LIMITS, estimate_bits

    if isinstance(value, list | tuple):
        nested = all(isinstance(row, list | tuple) for row in value)
        rows: list[Any] = list(value) if nested else [value]
        entries = [x for row in rows for x in row]
        shape = (len(rows), max(len(row) for row in rows)) if nested else (len(entries), 1)
    else:
        shape, entries = value.shape, list(value)
    if len(entries) > LIMITS.max_entries:
        raise LimitError("too_many_entries", operand=name, limit=LIMITS.max_entries)
    if min(shape) > 1 and shape[0] > LIMITS.max_rows:
        raise LimitError("too_many_rows", operand=name, rows=shape[0], limit=LIMITS.max_rows)
    if min(shape) > 1 and shape[1] > LIMITS.max_columns:
        limit = LIMITS.max_columns
        raise LimitError("too_many_columns", operand=name, row=1, count=shape[1], limit=limit)
    for x in entries:
        if isinstance(x, bool) or not isinstance(x, int | Fraction | sympy.Basic):
            continue
        if isinstance(x, int):
            bits = x.bit_length()
        elif isinstance(x, Fraction):
            bits = max(x.numerator.bit_length(), x.denominator.bit_length())
        else:
            bits = estimate_bits(x)
        if bits > LIMITS.max_number_bits:
            limit = LIMITS.max_number_bits
            raise LimitError("entry_too_large", operand=name, bits=bits, limit=limit)


def _entry(x: Any, name: str) -> Any:
    import sympy

    if isinstance(x, str):
        from linsteps.reading.parsing import parse_expression

        return parse_expression(x, operand=name)
    if isinstance(x, bool):
        raise UsageError("bad_operand_type", operand=name, type="bool")
    if isinstance(x, int):
        return sympy.Integer(x)
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise UsageError("float_entry", operand=name, value=repr(x))
        return sympy.Rational(repr(x))
    if isinstance(x, sympy.Basic):
        return x
    from fractions import Fraction

    if isinstance(x, Fraction):
        return sympy.Rational(x.numerator, x.denominator)
    raise UsageError("bad_operand_type", operand=name, type=type(x).__name__)


def check_distinct(left: Operand, right: Operand) -> None:
    """Raise UsageError when one name stands for two different operands (A 2×3 and A 3×2)."""
    if left.name == right.name and left.value != right.value:
        raise UsageError(
            "same_name",
            name=left.name,
            shape_a="×".join(map(str, left.value.shape)),
            shape_b="×".join(map(str, right.value.shape)),
        )


def as_vector(operand: Operand, operation: str) -> Operand:
    """Return ``operand`` as a vector; a 1×n or n×1 matrix is read as one."""
    if operand.layout == "vector":
        return operand
    rows, cols = operand.shape
    if rows == 1 or cols == 1:
        column = operand.value.reshape(rows * cols, 1)
        return Operand(operand.name, column, "vector", operand.source, operand.decimal)
    from linsteps.errors import ShapeError

    raise ShapeError(
        "needs_vector", operation=operation, operand=operand.name, rows=rows, cols=cols
    )
