"""Size limits on one operand, all checked before the arithmetic they guard.

``prescan`` looks at the raw text (length, control characters, brackets); the parser checks
every number literal as it is lexed; ``estimate_bits`` and ``sum_bits`` bound the size of the
exact numbers SymPy would compute, so a power, product or sum that would grow huge is refused
before it is computed.  Imports no SymPy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
