"""Deciding exactly whether a difference is zero: a proof either way, or :class:`Undecided`.

A difference of constants is

* proved nonzero when SymPy's evaluation with error control (``evalf(strict=True)``) finds a
  nonzero value to full precision: its error is smaller than the value itself;
* proved zero by exact transformations: expansion and radical simplification; for an algebraic
  number its minimal polynomial (which also proves it nonzero); otherwise, with every
  transcendental part replaced by an unknown — exponentials of rational multiples of a common
  exponent by powers of one unknown, π, logarithms and trigonometric values each by their own —
  a rational function that cancels to zero.

Agreement of digits is never taken for equality: what neither proof settles raises
:class:`Undecided`.  A difference with symbols is first attempted exactly when it is small, then
evaluated at test points drawn for each comparison from the operating system's random source,
each point decided exactly as a constant.  For a rational function of the symbols a nonzero
difference of degree d vanishes at a random point with probability at most d / 10⁹ per point
(Schwartz–Zippel); other expressions get more points.
"""

from __future__ import annotations

import random
from functools import reduce
from math import lcm
from typing import Any

import sympy

PRECISION = 50  # significant digits a nonzero value must be known to
MAX_DIGITS = 1000  # working precision evalf may rise to while cancelling
POINTS = 8  # test points at which a rational function must vanish
MORE_POINTS = 24  # test points for differences with symbols under roots or functions
NUMERATORS = 10**6  # a coordinate is ±n/d with 1 ≤ n ≤ NUMERATORS and 1 ≤ d ≤ DENOMINATORS
DENOMINATORS = 10**3
SMALL = 400  # operations up to which a symbolic difference is first attempted exactly
SMALL_DEGREE = 64

_SOURCE = random.SystemRandom()


class Undecided(Exception):
    """Neither a proof that the difference is zero nor one that it is not."""


def is_zero(difference: Any) -> bool:
    """Return True when ``difference`` is proved zero, False when proved nonzero.

    Raises :class:`Undecided` otherwise.
    """
    if difference == 0:
        return True
    if difference.is_Rational:
        return False
    if difference.free_symbols:
        return _zero_function(difference)
    return _zero_constant(difference)


def _zero_constant(difference: Any) -> bool:
    """Decide a difference of constants exactly."""
    if _not_a_number(difference):
        raise Undecided("not_a_number")
    if proved_nonzero(difference):
        return False
    if sympy.expand(difference) == 0 or sympy.expand(sympy.radsimp(difference)) == 0:
        return True
    if _algebraic(difference):
        x = sympy.Dummy("x")
        try:
            return bool(sympy.minimal_polynomial(difference, x) == x)
        except Exception:  # NotAlgebraic or a failure inside the polynomial algebra
            raise Undecided("minimal_polynomial") from None
    if _cancels(difference) or _same_angles(difference):
        return True
    raise Undecided("constant")


_INVERSE_TRIG = (sympy.acos, sympy.asin, sympy.atan)


def _same_angles(difference: Any) -> bool:
    """True for ``c·(f(α) − g(β))`` where f, g are arccos, arcsin or arctan of algebraic
    numbers with equal cosines and equal sines: both angles lie in [−π/2, π], so they differ
    by less than 2π and are equal (``atan(2)`` is ``acos(√5/5)``)."""
    core = sympy.factor_terms(difference)
    if core.is_Mul:
        sums = [factor for factor in core.args if factor.is_Add]
        if len(sums) != 1:
            return False
        core = sums[0]
    if not core.is_Add or len(core.args) != 2:
        return False
    angles = []
    for term in core.args:
        coefficient, angle = term.as_coeff_Mul()
        if abs(coefficient) != 1 or not isinstance(angle, _INVERSE_TRIG):
            return False
        if not _algebraic(angle.args[0]) or not angle.args[0].is_real:
            return False
        angles.append((coefficient, angle))
    (first, u), (second, v) = angles
    if first == second:
        return False
    try:
        return is_zero(sympy.cos(u) - sympy.cos(v)) and is_zero(sympy.sin(u) - sympy.sin(v))
    except Undecided:
        return False


def proved_nonzero(value: Any) -> bool:
    """Return True when evaluation with error control shows ``value`` is not zero."""
    try:
        number = value.evalf(PRECISION, strict=True, maxn=MAX_DIGITS)
    except Exception:  # PrecisionExhausted, or a function evalf cannot bound
        return False
    if not number.is_number or _not_a_number(number):
        return False
    parts = number.as_real_imag()
    return any(part.is_Number and part != 0 for part in parts)


def _not_a_number(value: Any) -> bool:
    return bool(value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo))


def _algebraic(value: Any) -> bool:
    """True for a number built from rationals and i by arithmetic and rational powers."""
    if value.atoms(sympy.Function) or value.atoms(sympy.NumberSymbol):
        return False
    return all(power.exp.is_Rational for power in value.atoms(sympy.Pow))


def _cancels(value: Any) -> bool:
    """True when ``value`` is zero as a rational function of its transcendental parts.

    Replacing them by unknowns is sound in this direction: an identity of rational functions
    holds at every value of the unknowns where the expression is defined.
    """
    try:
        function = as_rational_function(value)
        return bool(sympy.cancel(sympy.together(function)) == 0)
    except Exception:  # a failure inside the polynomial algebra proves nothing
        return False


def as_rational_function(value: Any) -> Any:
    """``value`` with its transcendental parts replaced by unknowns (see :func:`_cancels`).

    ``exp(c·β)`` for a rational c becomes ``t_β^(c·L)`` with ``t_β = exp(β/L)``, L the least
    common denominator of the multiples of β, so ``e^2·e^(-1)`` and ``e`` meet as ``t²/t`` and
    ``t``; π, a logarithm, a trigonometric value or a power with an irrational exponent is an
    unknown of its own.
    """
    exponentials = [atom for atom in value.atoms(sympy.exp) if atom.args]
    terms: dict[Any, list[tuple[Any, Any]]] = {}  # exp atom -> [(basis, coefficient)]
    denominators: dict[Any, list[int]] = {}
    for atom in [*exponentials, *([sympy.E] if value.has(sympy.E) else [])]:
        exponent = atom.args[0] if atom != sympy.E else sympy.Integer(1)
        split = []
        for term in sympy.Add.make_args(exponent):
            coefficient, basis = term.as_coeff_Mul()
            if not coefficient.is_Rational:
                coefficient, basis = sympy.Integer(1), term
            split.append((basis, coefficient))
            denominators.setdefault(basis, []).append(int(coefficient.q))
        terms[atom] = split
    unknowns = {basis: sympy.Dummy("t") for basis in denominators}
    common = {basis: reduce(lcm, qs, 1) for basis, qs in denominators.items()}
    replacements: dict[Any, Any] = {}
    for atom, split in terms.items():
        replacements[atom] = sympy.Mul(*(unknowns[b] ** int(c * common[b]) for b, c in split))
    for atom in value.atoms(sympy.Function, sympy.NumberSymbol):
        if atom not in replacements and not isinstance(atom, sympy.exp):
            replacements[atom] = sympy.Dummy("u")
    for power in value.atoms(sympy.Pow):
        if not power.exp.is_Rational and power not in replacements:
            replacements[power] = sympy.Dummy("u")
    return value.xreplace(replacements)


def _zero_function(difference: Any) -> bool:
    """Decide a difference with symbols: exactly when small, else at random test points."""
    symbols = sorted(difference.free_symbols, key=str)
    rational = _rational_in(difference, symbols)
    if sympy.count_ops(difference) <= SMALL and degree(difference) <= SMALL_DEGREE:
        if sympy.expand(difference) == 0:
            return True
        if not rational and _cancels(difference):  # where test points are weakest
            return True
    points = POINTS if rational else MORE_POINTS
    agreed = tries = undecided = 0
    while agreed < points:
        tries += 1
        if tries > 4 * points:
            raise Undecided("no_points")
        value = difference.xreplace({s: _coordinate() for s in symbols})
        if _not_a_number(value):
            continue
        if value.free_symbols:
            raise Undecided("not_a_number")
        try:
            if not is_zero(value):
                return False
        except Undecided:
            undecided += 1
            if undecided > points:
                raise
            continue
        agreed += 1
    return True


def _coordinate() -> Any:
    """One coordinate of a test point: a rational drawn from the system's random source."""
    sign = _SOURCE.choice((-1, 1))
    numerator = _SOURCE.randint(1, NUMERATORS)
    return sympy.Rational(sign * numerator, _SOURCE.randint(1, DENOMINATORS))


def _rational_in(expr: Any, symbols: list[Any]) -> bool:
    """True when ``expr`` is a rational function of ``symbols`` (constants may be anything)."""
    for node in sympy.preorder_traversal(expr):
        if not node.free_symbols or node.is_Symbol:
            continue
        if node.is_Add or node.is_Mul:
            continue
        if node.is_Pow and node.exp.is_Integer:
            continue
        return False
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


__all__ = ["Undecided", "as_rational_function", "degree", "is_zero", "proved_nonzero"]
