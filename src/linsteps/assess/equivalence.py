"""Deciding whether two values are equal: proved equal, proved different, or undecided.

An exact answer is equal to the result only when their difference is proved zero, and
different only when it is proved nonzero (:mod:`linsteps.assess.decision`); otherwise the entry
is ``undecided`` and the verdict ``unverified``, never ``correct`` because digits agree.  A
decimal answer (a number typed with a decimal point, possibly complex, possibly an angle with
°) to a result that has no short decimal form (√14, 1/3, π/4, √2·i) is accepted within a
relative tolerance.  Every comparison runs under a time limit (:func:`time_limit`); past it the
comparison raises :class:`Unverified`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal

import sympy

from linsteps.assess.decision import Undecided, is_zero
from linsteps.ops.common import needs_approximation
from linsteps.reading import deadlines

CLOSE_FACTOR = 10  # within CLOSE_FACTOR × tolerance a decimal is imprecise rather than wrong
DIGITS = 30  # digits a decimal answer is compared to

Match = Literal["same", "equal", "approx", "close", "undecided", "unequal"]
_ORDER = {"same": 0, "equal": 1, "approx": 2, "close": 3, "undecided": 4, "unequal": 5}


class Unverified(Exception):
    """The comparison could not be decided: too slow, or a value that cannot be evaluated."""


def can_interrupt() -> bool:
    """Return True when :func:`time_limit` can interrupt work here (POSIX, main thread)."""
    return deadlines.can_interrupt()


def time_limit(seconds: float | None) -> AbstractContextManager[None]:
    """Raise :class:`Unverified` when the body runs longer than ``seconds`` (None: no limit).

    A deadline of :mod:`linsteps.reading.deadlines`, nested in the command's own: it works on the
    main thread of a POSIX process (the CLI and grading workers); elsewhere the caller isolates
    the work in a child process.  Returned as it is, not wrapped in a generator, whose exit an
    alarm could interrupt before the deadline closes.
    """
    return deadlines.deadline(seconds, lambda: Unverified("time_limit"))


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
    if decimal and _decimal_number(answer) and target.is_number:
        return _compare_decimal(answer, target, tolerance)
    return _exact(answer, target)


def _exact(answer: Any, target: Any) -> Match:
    """``equal`` or ``unequal`` when proved, else ``undecided``."""
    try:
        return "equal" if is_zero(answer - target) else "unequal"
    except Undecided:
        return "undecided"


def _decimal_number(value: Any) -> bool:
    """True for a number whose real and imaginary parts are rational (a typed decimal)."""
    if not value.is_number:
        return False
    if value.is_Rational:
        return True
    real, imaginary = value.as_real_imag()
    return bool(real.is_Rational and imaginary.is_Rational)


def _compare_decimal(answer: Any, target: Any, tolerance: float) -> Match:
    """A typed decimal against a number: exact, within tolerance, close or wrong."""
    exact = _exact(answer, target)
    if exact == "equal":
        return "equal"
    value = target.evalf(DIGITS)
    if not value.is_number or value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        return exact
    error = abs(sympy.expand(answer - value))
    size = abs(value)
    scale = size if size != 0 else sympy.Integer(1)
    tol = sympy.Float(tolerance, DIGITS)
    if error <= tol * scale and _no_short_decimal(target):
        return "approx"
    if error <= tol * scale * CLOSE_FACTOR:
        return "close"
    return exact


def _no_short_decimal(target: Any) -> bool:
    """True for a number that has no short decimal form, in its real or imaginary part."""
    if not target.has(sympy.I):
        return needs_approximation(target)
    return any(needs_approximation(part) for part in target.as_real_imag())


def compare_matrices(answer: Any, target: Any, *, decimal: bool, tolerance: float) -> Comparison:
    """Compare two matrices of the same shape entry by entry (else ``shape_ok`` is False)."""
    if answer.shape != target.shape:
        return Comparison("unequal", False)
    worst: Match = "same"
    wrong: list[tuple[int, int]] = []
    close: list[tuple[int, int]] = []
    right = 0
    rows, cols = target.shape
    a, t = answer.tolist(), target.tolist()
    for i in range(rows):
        for j in range(cols):
            match = compare_scalars(a[i][j], t[i][j], decimal=decimal, tolerance=tolerance)
            if match == "unequal":
                wrong.append((i, j))
            elif match == "close":
                close.append((i, j))
            elif match != "undecided":
                right += 1
            if _ORDER[match] > _ORDER[worst]:
                worst = match
    return Comparison(worst, True, tuple(wrong) or tuple(close), right)
