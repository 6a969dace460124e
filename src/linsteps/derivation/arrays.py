"""Numbers from Python, NumPy and PyTorch, read exactly as the decimals they print as.

A float is read from its shortest repr, the decimal Python prints (``0.2`` is 1/5, not the
binary 0.2000000000000000111…), as the parser reads a typed decimal.  A float32 (or float16,
bfloat16) entry of an array is read from the shortest decimal that rounds to the same float32
(``0.1``, where its double value prints as 0.10000000149011612).  Arrays are recognised by
duck typing (``shape``, ``dtype`` and ``tolist``), so neither NumPy nor PyTorch is imported:
an array is its ``tolist()``, after its shape has been checked against the input limits.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from linsteps.errors import LimitError, ParseError, UsageError
from linsteps.reading.limits import LIMITS

_DECIMAL = re.compile(r"-?(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?")


def is_array(value: Any) -> bool:
    """Return True for a NumPy array, a PyTorch tensor or anything shaped like one."""
    return all(hasattr(value, attr) for attr in ("shape", "dtype", "tolist"))


def dtype_name(value: Any) -> str:
    """Return the element type of an array without its library's prefix: ``float32``."""
    return str(value.dtype).rpartition(".")[2]


def array_rows(value: Any, name: str) -> tuple[list[Any], int]:
    """Return an array's entries as nested lists of Python numbers, and its dimensions (1, 2).

    The shape is checked against the input limits before any entry is converted.
    """
    shape = tuple(int(n) for n in value.shape)
    if len(shape) == 0:
        raise ParseError("scalar_operand", operand=name)
    if len(shape) > 2:
        raise UsageError("array_dimensions", operand=name, ndim=len(shape))
    if 0 in shape:
        raise ParseError("empty", operand=name)
    rows, cols = (1, shape[0]) if len(shape) == 1 else shape
    if rows * cols > LIMITS.max_entries:
        raise LimitError("too_many_entries", operand=name, limit=LIMITS.max_entries)
    if rows > LIMITS.max_rows:
        raise LimitError("too_many_rows", operand=name, rows=rows, limit=LIMITS.max_rows)
    if cols > LIMITS.max_columns:
        raise LimitError(
            "too_many_columns", operand=name, row=1, count=cols, limit=LIMITS.max_columns
        )
    try:
        entries = value.tolist()
    except (TypeError, ValueError, RuntimeError) as error:  # a tensor that cannot be copied
        raise UsageError("bad_operand_type", operand=name, type=type(value).__name__) from error
    shortest = SHORTEST.get(dtype_name(value))
    if shortest is not None:
        entries = _map(entries, len(shape), lambda x: _narrow(x, shortest))
    return entries, len(shape)


def _map(entries: list[Any], ndim: int, convert: Callable[[Any], Any]) -> list[Any]:
    if ndim == 1:
        return [convert(x) for x in entries]
    return [_map(row, ndim - 1, convert) for row in entries]


def array_entries(value: Any, name: str) -> Any:
    """Return an array of any rank as nested lists, its narrow floats as :class:`Narrow`
    decimals; the number of entries is checked against the input limits first."""
    shape = tuple(int(n) for n in value.shape)
    if math.prod(shape) > LIMITS.max_entries:
        raise LimitError("too_many_entries", operand=name, limit=LIMITS.max_entries)
    entries = value.tolist()
    shortest = SHORTEST.get(dtype_name(value))
    if shortest is None or not shape:
        return entries if shortest is None else _narrow(entries, shortest)
    return _map(entries, len(shape), lambda x: _narrow(x, shortest))


class Narrow:
    """An entry of an array whose floats are narrower than a double: the decimal it prints as
    (``imag`` too for a complex entry)."""

    __slots__ = ("imag", "real")

    def __init__(self, real: str, imag: str | None = None) -> None:
        self.real = real
        self.imag = imag


def _narrow(x: Any, shortest: Callable[[float], str]) -> Any:
    """Return an entry of a float32 (…) array as the decimal it prints as; others unchanged."""
    if isinstance(x, complex) and math.isfinite(x.real) and math.isfinite(x.imag):
        return Narrow(shortest(x.real), shortest(x.imag))
    if isinstance(x, float) and math.isfinite(x):
        return Narrow(shortest(x))
    return x


def narrow_scalar(x: Any) -> Any:
    """Return a NumPy or PyTorch scalar (``np.float32(0.1)``, a 0-d tensor) as a Python number,
    or a :class:`Narrow` decimal for a narrow float type."""
    shortest = SHORTEST.get(dtype_name(x))
    value = x.tolist()
    return value if shortest is None else _narrow(value, shortest)


def _rounds_back(round_to: Callable[[float], float]) -> Callable[[float], str]:
    """Return a function giving the shortest decimal that rounds (``round_to``) to ``x``."""

    def shortest(x: float) -> str:
        for digits in range(1, 18):
            text = f"{x:.{digits}g}"
            if round_to(float(text)) == x:
                return text
        return repr(x)

    return shortest


def _packed(code: str) -> Callable[[float], float]:
    def round_to(x: float) -> float:
        try:
            value: float = struct.unpack(code, struct.pack(code, x))[0]
        except OverflowError:
            return math.inf
        return value

    return round_to


def _bfloat16(x: float) -> float:
    """Round to the nearest bfloat16 (the upper half of a float32), ties to even."""
    try:
        bits = struct.unpack("<I", struct.pack("<f", x))[0]
    except OverflowError:
        return math.inf
    bits = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    value: float = struct.unpack("<f", struct.pack("<I", bits))[0]
    return value


_FLOAT32 = _rounds_back(_packed("<f"))
_FLOAT16 = _rounds_back(_packed("<e"))
# The element types narrower than a double (complex64 holds two float32 parts).
SHORTEST: dict[str, Callable[[float], str]] = {
    "float32": _FLOAT32,
    "complex64": _FLOAT32,
    "float16": _FLOAT16,
    "complex32": _FLOAT16,
    "bfloat16": _rounds_back(_bfloat16),
}


def decimal_value(text: str, name: str) -> Any:
    """Return the exact rational of a float's decimal (``0.2``, ``1e-05``), as the parser reads
    it; a literal past the parser's limits (``5e-324``) gets the parser's own error."""
    import sympy

    match = _DECIMAL.fullmatch(text)
    if match is None or abs(int(match[3] or 0)) > LIMITS.max_sci_exponent:
        from linsteps.reading.parsing import parse_expression

        return parse_expression(text, operand=name)
    exact = Fraction(text)
    return sympy.Rational(exact.numerator, exact.denominator)


def float_text(x: float, name: str) -> str:
    """Return the decimal a float prints as; refuse nan and infinities."""
    if not math.isfinite(x):
        raise UsageError("float_entry", operand=name, value=float.__repr__(x))
    return float.__repr__(x)  # a NumPy float64's repr is np.float64(…)
