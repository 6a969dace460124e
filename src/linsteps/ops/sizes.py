"""The size of a derivation, estimated before the work, and its costly steps kept bounded.

Each operation calls :func:`check_size` once its operands are read and their shapes known, with
the number of terms it would write: every term of its shown steps and of its result (an entry
that is a sum of n products the operands cannot add up, like a₁b₁ + a₂b₂, is n terms).  Past
the budget's ``max_terms`` (:mod:`linsteps.reading.budget`) the operation is refused before any
arithmetic.  The roots the entries carry are held to the parser's limit taken over all entries
at once, so that a product of two entries cannot make SymPy build huge integers.
:func:`radsimp_bounded` rationalizes a denominator only when it has few radicals (with many,
SymPy's denesting grows exponentially), and :func:`rational_product` multiplies matrices of
rationals through Python integers, so a summarized product of large matrices stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from math import lcm
from typing import Any

import sympy

from linsteps.derivation.steps import Operand
from linsteps.ops.common import SUMMARY_TERMS
from linsteps.reading.budget import check_terms
from linsteps.reading.deadlines import check_time
from linsteps.reading.limits import LIMITS, estimate_bits
from linsteps.reading.operand_errors import limit_error, reading

MAX_RADSIMP_RADICALS = 4  # radicals in a denominator that radsimp is asked to clear


def all_rational(*operands: Operand) -> bool:
    """Return True when every entry of the operands is a rational number."""
    return all(x.is_Rational for operand in operands for x in operand.value)


def sum_terms(n: int, *operands: Operand) -> int:
    """Return the terms a sum of ``n`` products of entries of ``operands`` keeps: one when the
    entries are rationals (the sum is a number), else up to ``n``."""
    return 1 if all_rational(*operands) else n


def vector_terms(n: int, full: bool, *operands: Operand) -> int:
    """Return the terms of a chain over vectors of ``n`` entries (substituted, multiplied,
    summed; elided past a few unless ``full``) and of the sum it ends with."""
    shown = n if full else min(n, SUMMARY_TERMS)
    return 3 * shown + sum_terms(n, *operands)


def attention_terms(n: int, m: int, d: int, p: int) -> int:
    """Return the terms attention writes for n queries and m keys of width d, and values of
    width p (0: none): every score (d products), every weight (a quotient over m exponentials)
    and every output entry (m weights, each over m exponentials)."""
    scores = n * m * (3 * d + 2)
    weights = n * m * (3 * m + 4)
    outputs = n * p * (m * (m + 1) + 3 * m)
    return scores + weights + outputs


def check_size(*operands: Operand, terms: int) -> None:
    """Refuse the work before it starts: ``terms`` past the budget, or roots too fine."""
    check_roots(operands)
    check_terms(terms)


def _root_powers(value: Any) -> Iterator[tuple[Any, int]]:
    """Yield (rational base, denominator) for every root of a rational inside ``value``."""
    for part in sympy.preorder_traversal(value):
        if part.is_Pow and part.base.is_Rational and part.exp.is_Rational and part.exp.q != 1:
            yield part.base, int(part.exp.q)


def check_roots(operands: Iterable[Operand]) -> None:
    """Refuse operands whose roots of one base, multiplied together, would make SymPy build
    integers past the parser's limit (bits of the base × the least common denominator)."""
    denominators: dict[Any, int] = {}
    for operand in operands:
        for entry in operand.value:
            if entry.is_Rational or entry.is_Symbol:
                continue
            for base, q in _root_powers(entry):
                denominators[base] = lcm(denominators.get(base, 1), q)
                bits = estimate_bits(base) * denominators[base]
                if bits > LIMITS.max_root_bits:
                    with reading(operand.name):
                        raise limit_error("roots_too_fine", bits=bits, limit=LIMITS.max_root_bits)


def radicals(value: Any) -> int:
    """Return how many roots appear in ``value`` (counted where they occur)."""
    return sum(
        1
        for part in sympy.preorder_traversal(value)
        if part.is_Pow and part.exp.is_Rational and not part.exp.is_Integer
    )


def radsimp_bounded(value: Any) -> Any:
    """Return ``value`` with its denominator rationalized when that is cheap, else as it is."""
    if not value.is_number:
        return value
    _, denominator = sympy.fraction(value)
    if radicals(denominator) > MAX_RADSIMP_RADICALS:
        return value
    return sympy.radsimp(value)


def rational_product(x: list[list[Any]], y: list[list[Any]]) -> list[list[Any]]:
    """Return the matrix product of two tables of rationals, exactly (ints where whole).

    Each row of ``x`` and column of ``y`` is brought to a common denominator, so the sums are
    sums of Python integers.
    """
    rows = [_scaled(row) for row in x]
    columns = [_scaled([line[j] for line in y]) for j in range(len(y[0]))]
    table = []
    for top, d in rows:
        check_time()
        table.append(
            [
                _number(sum(p * q for p, q in zip(top, left, strict=True)), d * e)
                for left, e in columns
            ]
        )
    return table


def _number(numerator: int, denominator: int) -> Any:
    if denominator == 1:
        return numerator
    value = sympy.Rational(numerator, denominator)
    return int(value) if value.q == 1 else value


def _scaled(values: list[Any]) -> tuple[list[int], int]:
    """Return integers proportional to the rationals ``values`` and their common denominator."""
    pairs = [(v, 1) if isinstance(v, int) else (int(v.p), int(v.q)) for v in values]
    denominator = lcm(*(q for _, q in pairs))
    return [p * (denominator // q) for p, q in pairs], denominator


__all__ = [
    "all_rational",
    "attention_terms",
    "check_roots",
    "check_size",
    "radicals",
    "radsimp_bounded",
    "rational_product",
    "sum_terms",
    "vector_terms",
]
