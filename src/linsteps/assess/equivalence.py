"""Deciding whether two values are equal, without an unbounded ``simplify``.

Exact forms are equal when their difference is zero: SymPy's automatic evaluation settles most
cases, and a number left over is evaluated at high precision.  Expressions with free symbols are
compared at random points (as STACK and WeBWorK do): exact rational arithmetic when the degree
is small, high-precision floating point otherwise.  Decimal answers to results that have no
short decimal form are accepted within a relative tolerance.  Every comparison runs under a time
limit (:func:`time_limit`); past it the comparison raises :class:`Unverified`.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import sympy

from linsteps.ops.common import needs_approximation
from linsteps.reading import budget

PRECISION = 60  # significant digits of the numeric zero test
ZERO = sympy.Float(10) ** -45  # |difference| / scale below this is zero at PRECISION digits
POINTS = 6  # random points at which expressions with symbols must agree
EXACT_DEGREE = 4096  # up to this estimated degree, points are evaluated exactly
CLOSE_FACTOR = 10  # within CLOSE_FACTOR × tolerance a decimal is imprecise rather than wrong

Match = Literal["same", "equal", "approx", "close", "unequal"]


class Unverified(Exception):
    """The comparison could not be decided: too slow, or a value that cannot be evaluated."""


def can_interrupt() -> bool:
    """Return True when :func:`time_limit` can interrupt work here (POSIX, main thread)."""
    return budget.can_interrupt()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Unverified` when the body runs longer than ``seconds`` (None: no limit).

    A deadline of :mod:`linsteps.reading.budget`, nested in the command's own: it works on the
    main thread of a POSIX process (the CLI and grading workers); elsewhere the caller isolates
    the work in a child process.
    """
    with budget.deadline(seconds, lambda: Unverified("time_limit")):
        yield


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two matrices entry by entry."""

    match: Match
    shape_ok: bool
    wrong: tuple[tuple[int, int], ...] = field(default_factory=tuple)  # 0-based (row, column)
    right: int = 0  # entries that agree

    @property
    def ok(self) -> bool:
        """True when the answer is accepted (exactly, in another form, or approximately)."""
        return self.match in ("same", "equal", "approx")


def compare_scalars(answer: Any, target: Any, *, decimal: bool, tolerance: float) -> Match:
    """Compare one entry of an answer with one entry of the target value."""
    if answer == target:
        return "same"
    if decimal and answer.is_Rational and target.is_number:
        return _compare_decimal(answer, target, tolerance)
    return "equal" if exactly_equal(answer, target) else "unequal"


def _compare_decimal(answer: Any, target: Any, tolerance: float) -> Match:
    """A typed decimal against a number: exact, within tolerance, close or wrong."""
    if exactly_equal(answer, target):
        return "equal"
    value = _evaluate(target, 30)
    if not (value.is_real and value.is_Number):
        return "unequal"
    error = abs(answer - value)
    scale = abs(value) if value != 0 else sympy.Integer(1)
    tol = sympy.Float(tolerance, 30)
    if error <= tol * scale and needs_approximation(target):
        return "approx"
    if error <= tol * scale * CLOSE_FACTOR:
        return "close"
    return "unequal"


def exactly_equal(a: Any, b: Any) -> bool:
    """Return True when ``a - b`` is zero; symbols are compared at random points."""
    if a == b:
        return True
    difference = a - b
    if difference == 0:
        return True
    if difference.is_Rational:
        return False
    symbols = difference.free_symbols
    if not symbols:
        if a.free_symbols or b.free_symbols:  # the symbols cancel: a constant difference
            return _numeric_zero(difference, difference, sympy.Integer(0))
        return _numeric_zero(difference, a, b)
    return _zero_at_points(difference, sorted(symbols, key=str))


def _evaluate(value: Any, digits: int) -> Any:
    """``value`` evaluated to ``digits`` digits, or :class:`Unverified` when it is not a number."""
    number = value.evalf(digits)
    if not number.is_number or number.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        raise Unverified("not_a_number")
    return number


def _numeric_zero(difference: Any, a: Any, b: Any) -> bool:
    """Decide a difference of constants: a proof when radsimp/expand settle it, else digits."""
    number = _evaluate(difference, PRECISION)
    size = abs(number)
    scale = max(abs(_evaluate(a, 20)), abs(_evaluate(b, 20)), sympy.Integer(1))
    if size > ZERO * scale * 10**20:
        return False
    if size == 0 or sympy.expand(sympy.radsimp(difference)) == 0:
        return True
    return bool(size <= ZERO * scale)


def _zero_at_points(difference: Any, symbols: list[Any]) -> bool:
    """Evaluate the difference at random rational points, seeded by the symbols' names."""
    seed = hashlib.sha256(",".join(map(str, symbols)).encode()).hexdigest()
    rng = random.Random(seed)
    exact = degree(difference) <= EXACT_DEGREE
    agreed = tries = 0
    while agreed < POINTS:
        tries += 1
        if tries > 4 * POINTS:
            raise Unverified("no_points")
        point = {s: sympy.Rational(rng.choice((-1, 1)) * rng.randint(1, 40), rng.randint(1, 9))
                 for s in symbols}  # fmt: skip
        if exact:
            value = difference.xreplace(point)
            if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
                continue
            if value.is_Rational:
                if value != 0:
                    return False
                agreed += 1
                continue
            if value.free_symbols:
                raise Unverified("not_a_number")
            try:
                if not _numeric_zero(value, value, sympy.Integer(0)):
                    return False
            except Unverified:
                continue
        else:
            number = difference.evalf(PRECISION, subs=point)
            if not number.is_Number or number.has(sympy.nan, sympy.zoo):
                continue
            if abs(number) > ZERO * 10**20:
                return False
        agreed += 1
    return True


def degree(expr: Any) -> int:
    """An upper bound on the polynomial degree of ``expr`` (integer powers multiply)."""
    if expr.is_Symbol:
        return 1
    if expr.is_Atom:
        return 0
    if expr.is_Pow and expr.exp.is_Integer:
        return degree(expr.base) * abs(int(expr.exp))
    return sum(degree(arg) for arg in expr.args) or 0


def compare_matrices(answer: Any, target: Any, *, decimal: bool, tolerance: float) -> Comparison:
    """Compare two matrices of the same shape entry by entry (else ``shape_ok`` is False)."""
    if answer.shape != target.shape:
        return Comparison("unequal", False)
    worst: Match = "same"
    order = {"same": 0, "equal": 1, "approx": 2, "close": 3, "unequal": 4}
    wrong: list[tuple[int, int]] = []
    close: list[tuple[int, int]] = []
    rows, cols = target.shape
    a, t = answer.tolist(), target.tolist()
    for i in range(rows):
        for j in range(cols):
            match = compare_scalars(a[i][j], t[i][j], decimal=decimal, tolerance=tolerance)
            if match == "unequal":
                wrong.append((i, j))
            elif match == "close":
                close.append((i, j))
            if order[match] > order[worst]:
                worst = match
    right = rows * cols - len(wrong) - len(close)
    return Comparison(worst, True, tuple(wrong) or tuple(close), right)
