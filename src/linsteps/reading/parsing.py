"""Operand text to SymPy values, through a whitelisting LALR grammar (``grammar.lark``).

Nothing typed is evaluated as Python: lark tokenizes and parses the text, a layout post-lexer
vets every token (:mod:`linsteps.reading.parser`), and an iterative tree walker builds SymPy
objects (:mod:`linsteps.reading.transformer`).  The limits in ``LIMITS`` are checked on the raw
text, on each token and on the tree before any arithmetic.  Errors are
``ParseError``/``LimitError`` with a one-line message giving a 1-based column (a character
position in the operand's text).

Readings to know (see docs/input-syntax.md):

* ``2e+3`` is scientific notation, 2000 (PrairieLearn reads 2·e + 3); ``2e`` alone is 2·e.
* ``e`` is a plain real symbol named e, not Euler's number (write ``exp(1)``); ``pi``/``π`` is π.
* ``i`` is a real symbol unless ``imaginary_unit=True``; decimals are exact: ``0.1`` is 1/10.
* Spaces separate entries (MATLAB's rule), so implicit products take no space: ``2x``, ``2(x+1)``.

SymPy and lark are imported on first use, so importing this module stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linsteps.errors import ParseError
from linsteps.reading.limits import LIMITS, prescan
from linsteps.reading.operand_errors import reading
from linsteps.reading.parsed import Parsed
from linsteps.reading.parser import parse_tree
from linsteps.reading.transformer import ValueBuilder

if TYPE_CHECKING:
    import sympy

__all__ = ["LIMITS", "Parsed", "parse_expression", "parse_value"]


def parse_value(text: str, *, operand: str = "a", imaginary_unit: bool = False) -> Parsed:
    """Parse a scalar, vector or matrix; raise ``ParseError`` (or ``LimitError``) if invalid."""
    with reading(operand):
        prescan(text, operand)
        return ValueBuilder(imaginary_unit).build(parse_tree(text), text)


def parse_expression(text: str, *, operand: str = "a", imaginary_unit: bool = False) -> sympy.Expr:
    """Parse exactly one scalar entry (no brackets, no list)."""
    parsed = parse_value(text, operand=operand, imaginary_unit=imaginary_unit)
    if parsed.kind != "scalar":
        count = sum(len(row) for row in parsed.rows)
        raise ParseError("not_scalar", operand=operand, count=count)
    return parsed.rows[0][0]
