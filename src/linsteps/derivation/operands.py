"""Operands: turning strings, lists and SymPy matrices into named, shaped inputs."""

from __future__ import annotations

import re
from typing import Any

from linsteps.derivation.arrays import (
    Narrow,
    array_rows,
    decimal_value,
    float_text,
    is_array,
    narrow_scalar,
)
from linsteps.derivation.steps import Operand
from linsteps.errors import LimitError, ParseError, UsageError
from linsteps.reading.limits import LIMITS, estimate_bits

_BARE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_SHAPE = re.compile(r"\s*(\d{1,9})\s*[x×X*,]\s*(\d{1,9})\s*")
MAX_GENERIC = 200


def parse_dim(text: str | int) -> int:
    """Read ``--dim``: a positive whole number of entries."""
    value = str(text).strip()
    if not value.isdecimal() or len(value) > 9 or not 1 <= int(value) <= MAX_GENERIC:
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
    as_matrix: bool = False,
) -> Operand:
    """Return an :class:`Operand` from text, a (nested) list, a NumPy array, a PyTorch tensor,
    a SymPy matrix or an Operand.  ``as_matrix``: the operand is a matrix by definition (a weight,
    a list of vectors, Q, K, V), so a SymPy matrix of one column stays a matrix.

    A bare name (``a``) with ``dim`` is a generic vector a₁…aₙ; with ``shape`` a generic matrix.
    A generic operand is called by the name typed (a vector in lower case), not by ``name``.
    A one-dimensional array and a SymPy column are vectors; floats are read as the decimals
    they print as (:mod:`linsteps.derivation.arrays`).
    """
    import sympy

    if isinstance(value, Operand):
        return value
    if isinstance(value, str):
        return _from_text(value, name, dim, shape, imaginary_unit)
    if isinstance(value, sympy.MatrixBase):
        if value.rows * value.cols == 0:
            raise ParseError("empty", operand=name)
        _check_size(value.rows, value.cols, name)
        matrix = sympy.ImmutableMatrix([[_sized(x, name) for x in row] for row in value.tolist()])
        layout = "vector" if matrix.cols == 1 and not as_matrix else "matrix"
        return Operand(name, matrix, layout, str(value.tolist()))
    if is_array(value):
        value, _ = array_rows(value, name)
    if isinstance(value, list | tuple):
        if value and all(isinstance(row, list | tuple) for row in value):
            _check_size(len(value), max(len(row) for row in value), name)
            if not any(value):
                raise ParseError("empty", operand=name)
            table = [[entry_of(x, name) for x in row] for row in value]
            if len({len(r) for r in table}) != 1:
                raise ParseError("ragged_list", operand=name)
            decimal = any(typed for row in table for _, typed in row)
            matrix = sympy.ImmutableMatrix([[x for x, _ in row] for row in table])
            return Operand(name, matrix, "matrix", source_of(value), decimal)
        _check_size(1, len(value), name)
        if not value:
            raise ParseError("empty", operand=name)
        entries = [entry_of(x, name) for x in value]
        column = sympy.ImmutableMatrix([x for x, _ in entries])
        source = source_of(value)  # after the entries: each number held to the size limit
        return Operand(name, column, "vector", source, any(typed for _, typed in entries))
    raise UsageError("bad_operand_type", operand=name, type=type(value).__name__)


def _from_text(
    value: str,
    name: str,
    dim: int | str | None,
    shape: str | tuple[int, int] | None,
    imaginary_unit: bool,
) -> Operand:
    """Return the operand typed as ``value``: a generic name, or entries in the input syntax."""
    import sympy

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


def source_of(value: Any) -> str:
    """Return a list as given, its floats as the decimals they print as: ``[0.1, 2]``."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(source_of(x) for x in value) + "]"
    if isinstance(value, Narrow):
        if value.imag is None:
            return value.real
        sign = "" if value.imag.startswith("-") else "+"
        return f"({value.real}{sign}{value.imag}j)"
    if isinstance(value, float):
        return float.__repr__(value)
    return str(value)


def _check_size(rows: int, cols: int, name: str) -> None:
    """Refuse a list past the input limits before any entry is read."""
    if rows * cols > LIMITS.max_entries:
        raise LimitError("too_many_entries", operand=name, limit=LIMITS.max_entries)
    if rows > LIMITS.max_rows:
        raise LimitError("too_many_rows", operand=name, rows=rows, limit=LIMITS.max_rows)
    if rows > 1 and cols > LIMITS.max_columns:
        raise LimitError(
            "too_many_columns", operand=name, row=1, count=cols, limit=LIMITS.max_columns
        )


def entry_of(x: Any, name: str) -> tuple[Any, bool]:
    """Return one entry as an exact SymPy number, and whether it was given as a decimal."""
    import sympy

    if isinstance(x, str):
        from linsteps.reading.parsing import parse_expression, parse_value

        parsed = parse_value(x, operand=name)
        if parsed.kind != "scalar":
            parse_expression(x, operand=name)  # raises the error naming the entries found
        return parsed.rows[0][0], parsed.decimal
    if is_array(x) and tuple(x.shape) == ():
        x = narrow_scalar(x)  # a NumPy scalar (np.float32(0.1), np.int64(3)), a 0-d tensor
    if isinstance(x, bool):
        raise UsageError("bad_operand_type", operand=name, type="bool")
    if isinstance(x, int):
        return _sized(sympy.Integer(x), name), False
    if isinstance(x, float):
        return decimal_value(float_text(x, name), name), True
    if isinstance(x, complex):
        real = decimal_value(float_text(x.real, name), name)
        imag = decimal_value(float_text(x.imag, name), name)
        return real + sympy.I * imag, True
    if isinstance(x, Narrow):
        value = decimal_value(x.real, name)
        if x.imag is not None:
            value += sympy.I * decimal_value(x.imag, name)
        return value, True
    if isinstance(x, sympy.Basic):
        return _sized(x, name), False
    from fractions import Fraction

    if isinstance(x, Fraction):
        return _sized(sympy.Rational(x.numerator, x.denominator), name), False
    raise UsageError("bad_operand_type", operand=name, type=type(x).__name__)


def _sized(x: Any, name: str) -> Any:
    """Return ``x`` when its exact numbers are within the size typed input may have."""
    bits = estimate_bits(x)
    if bits > LIMITS.max_number_bits:
        limit = LIMITS.max_number_bits
        raise LimitError("entry_too_large", operand=name, bits=bits, limit=limit)
    return x


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
