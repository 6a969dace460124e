"""Exact values as the numbers a learning platform compares: a decimal and an absolute tolerance.

Platforms compare a typed number with a key number within an absolute tolerance.  The checker
(:mod:`linsteps.assess.equivalence`) accepts an exact short decimal only as itself, and a
decimal for a value with no short decimal form (√2, 1/3, π/6) within the relative tolerance
``DEFAULT_TOLERANCE``.  So an integer or a short decimal is written exactly with tolerance 0,
and any other real number with 15 significant digits and the tolerance ``DEFAULT_TOLERANCE ×
|value|`` (× 1 for 0), rounded down to 6 significant digits: every number a platform accepts
is one the checker accepts.  Values that are not real numbers (symbols) are compared as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Context, Decimal
from typing import Any

import sympy

from linsteps.assess.answers import to_input
from linsteps.assess.checking import DEFAULT_TOLERANCE
from linsteps.ops.common import needs_approximation

DIGITS = 15  # significant digits of an approximated answer
TOLERANCE_DIGITS = 6  # significant digits of its tolerance, rounded down
_EXACT = Context(prec=80)


@dataclass(frozen=True)
class Value:
    """One answer to a blank: a decimal with an absolute tolerance, or a text to match.

    ``text`` is what a student types (``16.75``, ``0.459468...``, ``undefined``); ``numeric``
    says whether it is a number compared within ``tolerance`` (a decimal string, ``0`` for an
    exact value); ``exact`` is the exact value in the input syntax (``sqrt(190)/30``).
    """

    text: str
    numeric: bool = False
    tolerance: str = "0"
    exact: str = ""

    @property
    def low(self) -> Decimal:
        """The smallest number accepted."""
        return Decimal(self.text) - Decimal(self.tolerance)

    @property
    def high(self) -> Decimal:
        """The largest number accepted."""
        return Decimal(self.text) + Decimal(self.tolerance)

    def accepts(self, other: Value) -> bool:
        """True when ``other``'s number lies within this value's tolerance (or texts agree)."""
        if self.numeric != other.numeric:
            return False
        if not self.numeric:
            return self.text.casefold() == other.text.casefold()
        return self.low <= Decimal(other.text) <= self.high


def plain(number: Decimal) -> str:
    """A decimal in positional notation, without an exponent or trailing zeros."""
    text = format(number.normalize(_EXACT), "f")
    return "0" if text in ("-0", "") else text


def real_number(value: Any) -> Any | None:
    """The value as a 30-digit SymPy Float when it is a real number, else None."""
    if not getattr(value, "is_number", False) or value.free_symbols:
        return None
    number = sympy.N(value, 30)
    real, imaginary = number.as_real_imag()
    if not real.is_Number or (imaginary != 0 and abs(imaginary) > 10**-25):
        return None
    return real


def value_of(value: Any) -> Value:
    """A SymPy value as a platform's number (or, for symbols, the text to match)."""
    exact = to_input(value)
    if value.is_Rational and not needs_approximation(value):
        number = _EXACT.divide(Decimal(int(value.p)), Decimal(int(value.q)))
        return Value(plain(number), True, "0", exact)
    real = real_number(value)
    if real is None:
        return Value(exact, False, "0", exact)
    number = Decimal(str(real))
    shown = Context(prec=DIGITS, rounding=ROUND_HALF_EVEN).plus(number)
    scale = abs(number) if number != 0 else Decimal(1)
    width = Context(prec=TOLERANCE_DIGITS, rounding=ROUND_DOWN).multiply(
        Decimal(str(DEFAULT_TOLERANCE)), scale
    )
    return Value(plain(shown), True, plain(width), exact)


def text_value(text: str) -> Value:
    """A text answer matched as typed (case aside)."""
    return Value(text)


def percent(tolerance: float = DEFAULT_TOLERANCE) -> str:
    """The relative tolerance in percent, as it is printed (``0.1``)."""
    return plain(Decimal(str(tolerance)) * 100)
