"""Size limits on one operand, all checked before the arithmetic they guard.

``prescan`` looks at the raw text (length, control characters, brackets); the parser checks
every number literal as it is lexed; ``estimate_bits`` and ``sum_bits`` bound the size of the
exact numbers SymPy would compute, so a power, product or sum that would grow huge is refused
before it is computed.  ``root_bits`` bounds the integers SymPy builds for a rational power
with a large denominator (``(1/4000)^(98458737/250000000)`` would make it factor an integer of
hundreds of millions of bits), and ``magnitude`` the size of a number handed to exp, sin,
cos or tan (``sin(exp(exp(exp(3))))`` would need π to hundreds of millions of digits).
Imports no SymPy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from linsteps.errors import LimitError, ParseError


@dataclass(frozen=True)
class Limits:
    """Upper bounds on what one operand may contain."""

    max_length: int = 100_000  # characters per operand
    max_digits: int = 50  # digits per number literal
    max_sci_exponent: int = 308  # |e| in 1e308
    max_power_exponent: int = 1000  # |n| in x^n for a rational n
    max_number_bits: int = 10_000  # estimated size of a computed exact number
    max_root_bits: int = 20_000  # bits × denominator of a rational power of a rational
    max_exp_argument: float = 6931.0  # |x| in exp(x) for a number x: e^6931 < 2^10000
    max_trig_argument_bits: int = 10_000  # |x| < 2^10000 in sin, cos and tan of a number x
    max_nesting: int = 50  # brackets and parentheses
    max_tree_depth: int = 200  # operators inside operators, per entry
    max_entries: int = 10_000
    max_rows: int = 200  # of a matrix
    max_columns: int = 200  # of a matrix


LIMITS = Limits()

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_BRACKET = re.compile(r"[()\[\]]")
_OPENER = {")": "(", "]": "["}


def prescan(text: str, operand: str) -> None:
    """Refuse text that is too long, empty, has control characters or unbalanced brackets."""
    if len(text) > LIMITS.max_length:
        raise LimitError("too_long", operand=operand, length=len(text), limit=LIMITS.max_length)
    if not text.strip(" \t\r\n"):
        raise ParseError("empty", operand=operand)
    bad = _CONTROL.search(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ParseError("control_char", operand=operand, column=bad.start() + 1, code=code)
    open_: list[tuple[str, int]] = []
    for match in _BRACKET.finditer(text):
        char, column = match.group(), match.start() + 1
        if char in "([":
            open_.append((char, column))
            if len(open_) > LIMITS.max_nesting:
                raise LimitError(
                    "too_deep", operand=operand, column=column, limit=LIMITS.max_nesting
                )
        elif not open_:
            raise ParseError("unmatched_close", operand=operand, char=char, column=column)
        else:
            opener, open_column = open_.pop()
            if opener != _OPENER[char]:
                raise ParseError(
                    "mismatched_bracket",
                    operand=operand,
                    close=char,
                    column=column,
                    open=opener,
                    open_column=open_column,
                )
    if open_:
        opener, column = open_[-1]
        raise ParseError("unclosed", operand=operand, char=opener, column=column)


def shorten(text: str, width: int = 12) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, for one-line messages."""
    return text if len(text) <= width else text[: width - 1] + "…"


def estimate_bits(value: Any) -> int:
    """An upper bound on the bits of the exact numbers inside a SymPy ``value``.

    Only rationals and what SymPy evaluates automatically count (powers with rational
    exponents, products, sums); symbols and function values count 0.
    """
    if value.is_Rational:
        return max(abs(int(value.p)).bit_length(), int(value.q).bit_length())
    if value.is_Pow and value.exp.is_Rational:
        p, q = abs(int(value.exp.p)), int(value.exp.q)
        return -(-estimate_bits(value.base) * p // q)
    if value.is_Mul or value.is_Add:
        return sum(estimate_bits(arg) for arg in value.args)
    return 0


def sum_bits(terms: Iterable[Any]) -> int:
    """An upper bound on the bits of the exact numbers in the sum of ``terms``.

    Adding rationals multiplies distinct denominators: ``1/2 + 1/3 + 1/5 + …`` grows fast while
    ``0.1 + 0.2 + …`` does not.
    """
    denominators: set[int] = set()
    largest = 0
    count = 0
    for term in terms:
        for part in term.args if term.is_Add else (term,):
            count += 1
            coeff = part if part.is_Rational else None
            if part.is_Mul and part.args[0].is_Rational:
                coeff = part.args[0]
            if coeff is not None:
                denominators.add(int(coeff.q))
            largest = max(largest, estimate_bits(part))
    return largest + sum(d.bit_length() for d in denominators) + count.bit_length()


def root_bits(factors: Iterable[Any], power: Fraction = Fraction(1)) -> int:
    """An upper bound on the bits of the integers SymPy builds to evaluate the product of
    ``factors`` raised to the rational ``power``.

    SymPy splits a rational base into prime powers and keeps each exponent's remainder modulo
    the exponent's denominator, then multiplies the primes back: for ``b^(p/q)`` an integer of
    up to bits(b) × q bits.  Powers of the same base in a product add their exponents, whose
    denominators multiply.
    """
    exponents: dict[Any, Fraction] = {}
    whole = power.denominator == 1
    for factor in factors:
        if whole and factor.is_Rational:
            continue  # a rational to a whole power is a rational: no root
        for part in factor.args if factor.is_Mul else (factor,):
            if part.is_Rational:
                if whole:
                    continue
                base, exponent = part, Fraction(1)
            elif part.is_Pow and part.base.is_Rational and part.exp.is_Rational:
                base, exponent = part.base, Fraction(int(part.exp.p), int(part.exp.q))
            else:
                continue
            exponents[base] = exponents.get(base, Fraction(0)) + exponent * power
    return sum(
        estimate_bits(base) * exponent.denominator
        for base, exponent in exponents.items()
        if exponent.denominator > 1
    )


def magnitude(value: Any) -> tuple[int, float] | None:
    """About log₂ |value|, and |value| as a float (infinite past 2⁶⁴), for a number SymPy
    evaluates; None for zero or not a number. The value is evaluated once.

    Call it only on values whose parts passed these limits: evaluating them is then cheap.
    """
    try:
        # Evaluated first, then its modulus: SymPy's Abs of a nested complex expression
        # (exp(sin(atan(asin(2))))) simplifies for seconds before it is evaluated.
        number = abs(value.evalf(15)).evalf(15)
    except (ArithmeticError, ValueError, TypeError):
        return None
    mpf = getattr(number, "_mpf_", None)
    if mpf is None or not mpf[1]:
        return None
    _sign, _mantissa, exponent, bits = mpf
    size = int(exponent + bits)
    return size, float(number) if size < 64 else math.inf


def argument_too_large(function: str, argument: Any) -> bool:
    """Return True when ``function(argument)`` of a number is too large to evaluate: exp of a
    number past ±``max_exp_argument``, sin, cos or tan of one past 2^``max_trig_argument_bits``."""
    if function not in ("exp", "sin", "cos", "tan") or not getattr(argument, "is_number", False):
        return False
    measured = magnitude(argument)
    if measured is None:
        return False
    bits, size = measured
    if function != "exp":
        return bits > LIMITS.max_trig_argument_bits
    return size > LIMITS.max_exp_argument
