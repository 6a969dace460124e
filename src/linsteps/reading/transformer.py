"""The transformer: SymPy values from the parse tree, bottom-up and without recursion.

:class:`ValueBuilder` walks each entry's subtree with an explicit stack (so no input can exhaust
Python's recursion) and builds exact SymPy objects: decimals become rationals, names real
symbols, Greek letters their names.  The depth and shape of the tree, and the size of every power,
product and sum, are checked before SymPy computes them.  SymPy is imported on first use.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from linsteps.reading.limits import (
    LIMITS,
    argument_too_large,
    estimate_bits,
    magnitude,
    root_bits,
    shorten,
    sum_bits,
)
from linsteps.reading.operand_errors import limit_error, parse_error
from linsteps.reading.parsed import Parsed

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")

if TYPE_CHECKING:
    import sympy
    from lark import Token, Tree


def _first_column(node: Tree[Token] | Token) -> int:
    """The 1-based column of the first token under ``node``."""
    from lark import Tree

    while isinstance(node, Tree) and node.children:
        node = node.children[0]
    return (getattr(node, "start_pos", 0) or 0) + 1


def _check_depth(entry: Tree[Token] | Token) -> None:
    """Refuse an entry nested deeper than the limit, without recursion."""
    from lark import Tree

    stack: list[tuple[Tree[Token] | Token, int]] = [(entry, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > LIMITS.max_tree_depth:
            column = _first_column(node)
            raise limit_error("expression_too_deep", column=column, limit=LIMITS.max_tree_depth)
        if isinstance(node, Tree):
            stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))


def _rows(top: Tree[Token]) -> tuple[Literal["scalar", "vector", "matrix"], list[list[Any]]]:
    """The kind of the operand and its entry subtrees, row by row."""
    from lark import Tree

    trees = [child for child in top.children if isinstance(child, Tree)]
    has_semi = len(trees) < len(top.children)
    if top.data == "tuple":
        return "vector", [list(top.children)]
    if top.data == "nested":
        return "matrix", [list(inner.children[0].children) for inner in trees]  # type: ignore[union-attr]
    rows = [list(row.children) for row in trees]
    if has_semi:
        return "matrix", rows
    if top.data == "bare" and len(rows[0]) == 1:
        return "scalar", rows
    return "vector", rows


def _check_shape(kind: str, rows: list[list[Any]]) -> None:
    """Refuse too many entries, rows or columns, and rows of different lengths."""
    if sum(len(row) for row in rows) > LIMITS.max_entries:
        raise limit_error("too_many_entries", limit=LIMITS.max_entries)
    if kind != "matrix":
        return
    if len(rows) > LIMITS.max_rows:
        raise limit_error("too_many_rows", rows=len(rows), limit=LIMITS.max_rows)
    for index, row in enumerate(rows, start=1):
        if len(row) > LIMITS.max_columns:
            raise limit_error(
                "too_many_columns", row=index, count=len(row), limit=LIMITS.max_columns
            )
        if len(row) != len(rows[0]):
            raise parse_error("ragged", row=index, count=len(row), first=len(rows[0]))


class ValueBuilder:
    """Builds SymPy values from parse trees, bottom-up and without recursion."""

    def __init__(self, imaginary_unit: bool) -> None:
        import sympy

        self.sympy = sympy
        self.imaginary_unit = imaginary_unit
        self.decimal = False
        self.handlers: dict[str, Callable[..., Any]] = {
            "number": self.number,
            "name": self.name,
            "call": self.call,
            "sign": self.sign,
            "root": self.root,
            "power": self.power,
            "product": self.product,
            "sum": self.sum,
        }

    def build(self, tree: Tree[Token], text: str) -> Parsed:
        top = tree.children[0]
        kind, rows = _rows(top)  # type: ignore[arg-type]
        for row in rows:
            for entry in row:
                _check_depth(entry)
        _check_shape(kind, rows)
        values = tuple(tuple(self.entry(entry) for entry in row) for row in rows)
        return Parsed(kind, values, self.decimal, text)

    def entry(self, node: Tree[Token]) -> sympy.Expr:
        """Evaluate one entry subtree in post-order with an explicit stack."""
        from lark import Tree

        stack: list[tuple[Any, bool]] = [(node, False)]
        out: list[Any] = []
        while stack:
            current, ready = stack.pop()
            if not isinstance(current, Tree):
                out.append(current)
            elif not ready:
                stack.append((current, True))
                stack.extend((child, False) for child in reversed(current.children))
            else:
                count = len(current.children)
                args = out[len(out) - count :]
                del out[len(out) - count :]
                out.append(self.handlers[str(current.data)](*args))
        value = out[0]
        s = self.sympy.S
        # atan(log(0)) is no number but SymPy's interval AccumBounds(-π/2, π/2)
        if value.has(s.ComplexInfinity, s.NaN, s.Infinity, s.NegativeInfinity) or value.has(
            self.sympy.AccumBounds
        ):
            raise parse_error(
                "not_finite_value", column=_first_column(node), value=shorten(str(value), 30)
            )
        return value

    def number(self, tok: Token) -> Any:
        """An exact rational from an integer, decimal or scientific literal."""
        mantissa, _, exponent = tok.value.lower().partition("e")
        whole, point, fraction = mantissa.partition(".")
        self.decimal = self.decimal or bool(point or exponent)
        shift = int(exponent or "0") - len(fraction)
        digits = int(whole + fraction or "0")
        if shift >= 0:
            return self.sympy.Integer(digits * 10**shift)
        return self.sympy.Rational(digits, 10**-shift)

    def name(self, tok: Token) -> Any:
        name = tok.value
        if name[0] in _GREEK:
            name = _GREEK[name[0]] + name[1:]
        if name == "pi":
            return self.sympy.pi
        if name == "i" and self.imaginary_unit:
            return self.sympy.I
        return self.sympy.Symbol(name, real=True)

    def call(self, tok: Token, arg: Any) -> Any:
        sp = self.sympy
        function = {
            "sqrt": sp.sqrt, "exp": sp.exp, "ln": sp.log, "log": sp.log,
            "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "abs": sp.Abs,
            "arccos": sp.acos, "acos": sp.acos, "arcsin": sp.asin, "asin": sp.asin,
            "arctan": sp.atan, "atan": sp.atan,
        }[tok.value]  # fmt: skip
        if argument_too_large(function.__name__, arg):
            column = (tok.start_pos or 0) + 1
            raise limit_error("argument_too_large", column=column, function=tok.value)
        if tok.value == "sqrt":
            self._check_root([arg], Fraction(1, 2), tok)
        try:
            value = function(arg)
        except (TypeError, AttributeError, ValueError):
            # SymPy fails to decide a branch (asin(cos(10^300)) asks whether a huge multiple
            # of π exceeds π), or contradicts itself on the sign of a nested value
            # (InconsistentAssumptions, a ValueError); every later question would fail alike.
            value = None
        if value is None or not self._evaluates(value):
            column = (tok.start_pos or 0) + 1
            raise parse_error("not_evaluable", name=tok.value, column=column) from None
        return value

    def _evaluates(self, value: Any) -> bool:
        """Return False for a number SymPy built but cannot evaluate: in
        tan(ln(tan(acos(acos(sin(atan(1e300))))))) its rounding meets a pole at every
        precision. Symbols and infinite values pass, for the entry checks to name."""
        sp = self.sympy
        infinite = (sp.zoo, sp.nan, sp.oo, -sp.oo)
        if not getattr(value, "is_number", False) or value.has(*infinite):
            return True
        try:
            return not value.evalf(15).has(*infinite)
        except (ArithmeticError, ValueError, TypeError):
            return False

    def sign(self, tok: Token, value: Any) -> Any:
        return value if tok.value == "+" else -value

    def root(self, tok: Token, value: Any) -> Any:
        self._check_root([value], Fraction(1, 2), tok)
        return self.sympy.sqrt(value)

    def _check_root(self, factors: list[Any], power: Fraction, tok: Token) -> None:
        """Refuse a power or product whose roots SymPy would work out with huge integers."""
        bits = root_bits(factors, power)
        if bits > LIMITS.max_root_bits:
            column = (tok.start_pos or 0) + 1
            limit = LIMITS.max_root_bits
            raise limit_error("root_too_large", column=column, bits=bits, limit=limit)

    def power(self, base: Any, tok: Token, exponent: Any = None) -> Any:
        """``base ** exponent`` (or ``base`` with a superscript ``tok``) after checking the
        exponent and the size of the result."""
        column = (tok.start_pos or 0) + 1
        if exponent is None:  # x², 2³, x⁻¹; a run too long for an exponent is refused unread
            digits = tok.value.translate(_SUPERSCRIPTS)
            if len(digits) > 8:
                limit = LIMITS.max_power_exponent
                raise limit_error(
                    "power_exponent_too_large",
                    column=column,
                    exponent=shorten(tok.value),
                    limit=limit,
                )
            exponent = self.sympy.Integer(int(digits))
        if exponent.is_Rational:
            if abs(exponent) > LIMITS.max_power_exponent:
                shown = shorten(str(exponent))
                limit = LIMITS.max_power_exponent
                raise limit_error(
                    "power_exponent_too_large", column=column, exponent=shown, limit=limit
                )
            p, q = abs(int(exponent.p)), int(exponent.q)
            bits = -(-estimate_bits(base) * p // q)
            if bits > LIMITS.max_number_bits:
                limit = LIMITS.max_number_bits
                raise limit_error("power_too_large", column=column, bits=bits, limit=limit)
            if base == 0 and exponent < 0:
                raise parse_error("division_by_zero", column=column)
            self._check_root([base], Fraction(int(exponent.p), int(exponent.q)), tok)
        elif getattr(exponent, "is_number", False):
            self._check_irrational_power(base, exponent, column)
        return self.sympy.Pow(base, exponent)

    def _check_irrational_power(self, base: Any, exponent: Any, column: int) -> None:
        """Hold a number raised to an irrational exponent (2^exp(710), 10^√2) to the limits a
        rational exponent has: the exponent within ±``max_power_exponent``, the result within
        ``max_number_bits``."""
        measured = magnitude(exponent)
        if measured is None:
            return
        size = measured[1]
        if size > LIMITS.max_power_exponent:
            limit, shown = LIMITS.max_power_exponent, shorten(str(exponent))
            raise limit_error(
                "power_exponent_too_large", column=column, exponent=shown, limit=limit
            )
        result_bits = estimate_bits(base) * math.ceil(size)
        if result_bits > LIMITS.max_number_bits:
            limit = LIMITS.max_number_bits
            raise limit_error("power_too_large", column=column, bits=result_bits, limit=limit)

    def product(self, *items: Any) -> Any:
        """A product of factors joined by ``*``, ``/`` or juxtaposition (``2x``)."""
        factors = [items[0]]
        for tok, factor in zip(items[1::2], items[2::2], strict=True):
            if tok.value in ("/", "÷"):
                if factor == 0:
                    raise parse_error("division_by_zero", column=(tok.start_pos or 0) + 1)
                factor = self.sympy.Pow(factor, -1)
            factors.append(factor)
        bits = sum(estimate_bits(factor) for factor in factors)
        if bits > LIMITS.max_number_bits:
            column = (items[1].start_pos or 0) + 1
            raise limit_error(
                "number_too_large", column=column, bits=bits, limit=LIMITS.max_number_bits
            )
        self._check_root(factors, Fraction(1), items[1])
        return self.sympy.Mul(*factors)

    def sum(self, *items: Any) -> Any:
        """A sum of terms joined by ``+`` and ``-``."""
        terms = [items[0]]
        for tok, term in zip(items[1::2], items[2::2], strict=True):
            terms.append(term if tok.value == "+" else -term)
        bits = sum_bits(terms)
        if bits > LIMITS.max_number_bits:
            column = (items[1].start_pos or 0) + 1
            raise limit_error(
                "number_too_large", column=column, bits=bits, limit=LIMITS.max_number_bits
            )
        return self.sympy.Add(*terms)


def _greek() -> dict[str, str]:
    """Greek letters to their names: θ -> theta, Δ -> Delta, λ -> lambda."""
    import unicodedata

    table: dict[str, str] = {}
    for code in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA)]:
        char = chr(code)
        words = unicodedata.name(char, "").split()
        if len(words) != 4:  # GREEK SMALL LETTER ALPHA; skips FINAL SIGMA and gaps
            continue
        name = words[3].lower().replace("lamda", "lambda")
        table[char] = name if words[1] == "SMALL" else name.capitalize()
    table.update({"ς": "sigma", "ϑ": "theta", "ϕ": "phi", "ϵ": "epsilon"})
    return table


_GREEK = _greek()


__all__ = ["ValueBuilder"]
