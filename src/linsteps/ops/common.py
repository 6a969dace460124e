"""Building blocks shared by the operations: entries, products, sums, approximations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy
from sympy.core.evalf import PrecisionExhausted

from linsteps.derivation.arithmetic import PairSum, Product, Sum, ValueSum
from linsteps.derivation.decimals import (
    LARGE,
    MAX_PLACES,
    DecimalForm,
    digit_count,
    float_form,
    float_fraction,
    is_astronomical,
    rounded,
    sympy_text,
)
from linsteps.derivation.matrices import Grid, Shape
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Operand
from linsteps.derivation.values import Name, Value
from linsteps.errors import UsageError

SUMMARY_TERMS = 8
SUMMARY_ENTRIES = 16
DEFAULT_PLACES = 4
WORKING_DIGITS = 20  # guard digits of the first evaluation of an approximation
MAX_WORKING_DIGITS = 4000  # digits past which a value too close to a tie is rounded as it is


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
    return sympy_text(before) != sympy_text(after)


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


def check_places(places: Any) -> int:
    """Return ``places`` when it is a number of decimal places an approximation may have."""
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= MAX_PLACES:
        raise UsageError("bad_places", value=places)
    return places


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
        q >>= (q & -q).bit_length() - 1
        while q % 5 == 0:
            q //= 5
        return q != 1 or digit_count(int(value.q)) > 6
    return True


def approximate(value: Any, places: int, layout: str = "matrix") -> Node | None:
    """Return the decimal approximation node of ``value``, or None when it is not needed.

    Each number is rounded correctly (half to even) to ``places`` decimals, however close it
    lies to a tie.  A matrix value with ``layout="vector"`` is shown as a vector, as its exact
    value is.
    """
    places = check_places(places)
    if not needs_approximation(value):
        return None
    value = exact(value)
    if isinstance(value, sympy.MatrixBase):
        decimals = value.applyfunc(
            lambda x: decimal_approximation(x, places) if needs_approximation(x) else x
        )
        if layout == "vector":
            return Grid(tuple((Value(x),) for x in decimals), "vector")
        return Value(decimals)
    return Value(decimal_approximation(value, places))


def decimal_approximation(value: Any, places: int) -> Any:
    """Return a number rounded correctly to ``places`` decimals, as a SymPy Float.

    A complex number has its real and imaginary parts rounded.  The Float holds the rounded
    decimal, and the printers, rounding it again to ``places``, write exactly that decimal.
    """
    if value.is_Rational:
        return float_of(rounded(int(value.p), int(value.q), places), places)
    estimate = _evaluated(value, places + LARGE + WORKING_DIGITS)
    probe = value.evalf(15) if estimate is None else estimate
    if not probe.has(sympy.I):
        return float_of(rounded_real(value, places, estimate), places)
    parts = [
        sympy.S.Zero if part == 0 else decimal_approximation(part, places)
        for part in (exact(part) for part in value.as_real_imag())
    ]
    return parts[0] + sympy.I * parts[1]


def _evaluated(value: Any, digits: int) -> Any:
    """Return ``value`` to ``digits`` significant digits, or None if SymPy cannot tell it from 0.

    Cancellation is followed up to 4000 digits of working precision.
    """
    try:
        return value.evalf(digits, strict=True, maxn=MAX_WORKING_DIGITS)
    except PrecisionExhausted:
        return None


def rounded_real(value: Any, places: int, estimate: Any = None) -> DecimalForm:
    """Return a real number rounded to ``places`` decimals, decided at enough precision.

    The value is evaluated with a bound on its error, at doubling precision, until every
    number within that bound rounds alike (Ziv's strategy); one still too close to a tie at
    4000 digits is rounded as it then reads.  A value SymPy cannot tell from 0 (a zero in a
    form it does not simplify) reads 0.  ``estimate`` is the value already evaluated to the
    first precision, if it was.
    """
    digits = places + LARGE + WORKING_DIGITS
    if estimate is None:
        estimate = _evaluated(value, digits)
    while True:
        if estimate is None or not estimate.is_Float:
            return rounded(0, 1, places)
        if is_astronomical(estimate):
            return _rounded_astronomical(value, estimate, places)
        num, den = float_fraction(estimate)
        scale = 10 ** (digits - 2)  # the error is below |estimate|·10^(2 − digits)
        low = rounded(num * scale - abs(num), den * scale, places)
        if low == rounded(num * scale + abs(num), den * scale, places):
            return low
        if digits >= MAX_WORKING_DIGITS:
            return rounded(num, den, places)
        digits = min(2 * digits, MAX_WORKING_DIGITS)
        estimate = _evaluated(value, digits)


def _rounded_astronomical(value: Any, estimate: Any, places: int) -> DecimalForm:
    """Return a value past 10^±9000 rounded to ``places`` digits after its first one.

    The value is divided by a power of ten left unevaluated, which brings its first digit to
    the units, and that mantissa is rounded as :func:`rounded_real` rounds.
    """
    power = float_form(estimate, 0).power or 0  # perhaps one off: checked below
    for _ in range(3):
        scaled = sympy.Mul(value, sympy.Pow(10, -power, evaluate=False), evaluate=False)
        form = rounded_real(scaled, places)
        whole, _, fraction = form.mantissa.partition(".")
        if len(whole) == 1 and whole != "0":
            return DecimalForm(form.negative, form.mantissa, power)
        if whole == "10" and not fraction.strip("0"):  # 9.99996… rounded up to 10.0000
            return DecimalForm(form.negative, "1" + (f".{fraction}" if places else ""), power + 1)
        power += 1 if len(whole) > 1 else -1
    return float_form(estimate, places)


def float_of(form: DecimalForm, places: int) -> Any:
    """Return a SymPy Float that prints, at ``places`` decimals, as ``form``."""
    whole, _, fraction = form.mantissa.partition(".")
    precision = len(whole) + len(fraction) + 10
    number = sympy.Float(f"{form.signed}e{form.power or 0}", precision)
    if not (whole + fraction).strip("0") or float_form(number, places) == form:
        return number
    for nudge in (1, -1):  # a decimal on the edge of two styles: step inside it
        candidate = number * (1 + sympy.Rational(nudge, 10 ** (precision - 5)))
        if float_form(candidate, places) == form:
            return candidate
    return number


def shape_node(operand: Operand) -> Shape:
    """Return the shape node of an operand (a vector: its length × 1)."""
    rows, cols = operand.shape
    return Shape(rows, cols)


def settings_of(inputs: tuple[Operand, ...], places: int, **extra: Any) -> dict[str, Any]:
    """Return the rendering settings: decimals as typed, decimal places, flags."""
    places = check_places(places)
    return {"decimal": any(op.decimal for op in inputs), "places": places, **extra}
