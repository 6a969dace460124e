"""Formatting notation nodes, dispatched by node class: the shared base of every notation.

As SymPy's printers do, each node class ``X`` is printed by a method ``_format_X``; a
subclass changes only the symbols.  :class:`NodeFormatter` holds what all notations share:
dispatch and memoising, precedence and parentheses, sums and their signs.  The notations
are :class:`~linsteps.render.text_formatter.TextFormatter`,
:class:`~linsteps.render.latex_formatter.LatexFormatter` and
:class:`~linsteps.render.mathml_formatter.MathMLFormatter`.  Nothing here computes.
"""

from __future__ import annotations

from typing import Any, ClassVar

from linsteps.derivation.arithmetic import PairSum, Power, Product, Quotient, Sum, ValueSum
from linsteps.derivation.decimals import integer_text
from linsteps.derivation.general_forms import ElidedSum, Entry
from linsteps.derivation.matrices import (
    Dot,
    Hadamard,
    Indexed,
    MatProduct,
    Norm,
    Similarity,
    VectorSum,
)
from linsteps.derivation.node import Node
from linsteps.derivation.values import Name, Value
from linsteps.render.printing import decimal_of, is_scientific

# Binding strength, as in SymPy's precedence table: a child binding more loosely than its
# parent's slot is parenthesised.
ATOM, POWER, PRODUCT, SUM = 4, 3, 2, 1

# the nodes of general forms and of the operations built on them
FORM_STRENGTH = {
    "SymbolicSum": SUM,
    "ElidedSum": SUM,
    "VectorSum": SUM,
    "Scale": PRODUCT,
}


class NodeFormatter:
    """Formats nodes in one notation; subclasses set the symbols."""

    symbols: ClassVar[dict[str, str]] = {}

    def __init__(self, lang: str = "en", decimal: bool = False, places: int = 4) -> None:
        self.lang = lang
        self.decimal = decimal
        self.places = places
        self._memo: dict[int, tuple[Node, str]] = {}
        self._factors: dict[tuple[int, bool], tuple[tuple[Node, ...], list[str]]] = {}

    def format(self, node: Node) -> str:
        """Return ``node`` in this notation (memoised: shared nodes are formatted once)."""
        key = id(node)
        known = self._memo.get(key)
        if known is not None and known[0] is node:
            return known[1]
        method = getattr(self, "_format_" + type(node).__name__, None)
        if method is None:
            raise TypeError(f"no format for {type(node).__name__}")
        text = str(method(node))
        self._memo[key] = (node, text)
        return text

    def param(self, value: Any) -> str:
        """Return a message parameter: nodes formatted, numbers and names as they are."""
        if isinstance(value, Node):
            return self.format(value)
        return str(value)

    def name(self, text: str) -> str:
        """Return an operand name (``a``, ``A``) in this notation."""
        return text

    def formula(self, text: str) -> str:
        """Return a formula found in prose (``cos θ = 1``, :mod:`~linsteps.render.prose`)."""
        return text

    def concat(self, left: str, right: str) -> str:
        """Return two pieces of notation written one after the other."""
        return left + right

    # precedence ------------------------------------------------------------------------------
    def strength(self, node: Node) -> int:
        """Return how tightly ``node`` binds when printed."""
        if type(node).__name__ in FORM_STRENGTH:
            return FORM_STRENGTH[type(node).__name__]
        if isinstance(node, Sum | PairSum | ValueSum):
            return SUM
        if isinstance(node, Product | Quotient | Dot | Hadamard | MatProduct):
            return PRODUCT
        if isinstance(node, Power):
            return POWER
        if isinstance(node, Value):
            return self.value_strength(node.value)
        return ATOM

    def value_strength(self, value: Any) -> int:
        """Return how tightly a printed value binds (a negative number binds like a sum)."""
        if self.decimal and is_scientific(value):
            return SUM if value < 0 else PRODUCT
        if (
            self.decimal
            and getattr(value, "is_Rational", False)
            and value >= 0
            and decimal_of(value) is not None
        ):
            return ATOM
        if isinstance(value, int):
            return SUM if value < 0 else ATOM
        if getattr(value, "is_Matrix", False):
            return ATOM
        if getattr(value, "is_Add", False):
            return SUM
        if getattr(value, "could_extract_minus_sign", lambda: False)():
            return SUM
        if getattr(value, "is_Rational", False) and not getattr(value, "is_Integer", True):
            return PRODUCT
        if type(value).__name__ == "exp":  # printed e^x: a power
            return POWER
        if getattr(value, "is_Pow", False):
            exponent = value.exp
            return ATOM if exponent.is_Rational and exponent.q == 2 and exponent > 0 else POWER
        if getattr(value, "is_Mul", False):
            return PRODUCT
        return ATOM

    def wrap(self, node: Node, slot: int) -> str:
        """Return ``node`` formatted, parenthesised when it binds more loosely than ``slot``."""
        text = self.format(node)
        return self.paren(text) if self.strength(node) < slot else text

    def indexed_base(self, base: Node) -> str:
        """Return the base of an indexed entry: a name bare, anything else in parentheses."""
        text = self.format(base)
        return text if isinstance(base, Name) else self.paren(text)

    def paren(self, text: str) -> str:
        """Return ``text`` in parentheses."""
        return f"({text})"

    def join_terms(self, terms: list[tuple[bool, str]], elide: bool) -> str:
        """Join (negative, text) terms with + and −; ``⋯`` stands for the middle when elided."""
        return "".join(self.signed_parts(terms, elide))

    def signed_parts(self, terms: list[tuple[bool, str]], elide: bool) -> list[str]:
        """Return the terms of a sum with their signs: ``a``, `` + b``, `` − c`` (for breaking)."""
        plus, minus = f" {self.symbols['plus']} ", f" {self.symbols['minus']} "
        if elide and len(terms) > 3:
            terms = [*terms[:2], (False, self.symbols["cdots"]), terms[-1]]
        first_negative, first = terms[0]
        parts = [self.symbols["minus"] + first if first_negative else first]
        for negative, text in terms[1:]:
            parts.append((minus if negative else plus) + text)
        return parts

    def sum_parts(self, node: Node) -> list[str] | None:
        """Return the signed terms of a Sum, PairSum or ValueSum (None for other nodes)."""
        if isinstance(node, Sum):
            return self.signed_parts([self.term(t) for t in node.terms], node.elide)
        if isinstance(node, PairSum):
            return self.signed_parts(self.pair_terms(node), node.elide)
        if isinstance(node, ValueSum):
            return self.signed_parts([self.value_term(v) for v in node.values], node.elide)
        return None

    def term(self, node: Node) -> tuple[bool, str]:
        """Return a term of a sum as (negative, text without its sign)."""
        text = self.format(node)
        # A negative number gives its sign to the sum; a sum of values keeps its parentheses.
        if (
            isinstance(node, Value)
            and text[:1] in ("-", "−")
            and text[1:2] != "("
            and not getattr(node.value, "is_Add", False)
        ):
            return True, text[1:].lstrip()
        return False, self.wrap(node, SUM + 1)

    def value_term(self, value: Any) -> tuple[bool, str]:
        """Return a plain value as a term: (negative, text without its sign)."""
        if isinstance(value, int) and not (self.decimal and is_scientific(value)):
            return (True, integer_text(-value)) if value < 0 else (False, integer_text(value))
        return self.term(Value(value))

    def join_sum(self, node: Sum) -> str:
        """Return the terms of a sum."""
        return self.join_terms([self.term(t) for t in node.terms], node.elide)

    def pair(self, left: Node, right: Node) -> str:
        """Return one product of a pair sum: juxtaposed names, or ``x·y``."""
        if self.juxtaposed((left, right)):
            return self.format(left) + self.format(right)
        return self.wrap(left, PRODUCT + 1) + self.symbols["pair"] + self.wrap(right, PRODUCT + 1)

    def factors(self, nodes: tuple[Node, ...], bare: bool) -> list[str]:
        """Return the texts of a tuple of factors (memoised: rows are shared by many sums)."""
        key = (id(nodes), bare)
        known = self._factors.get(key)
        if known is not None and known[0] is nodes:
            return known[1]
        texts = [self.format(n) if bare else self.wrap(n, PRODUCT + 1) for n in nodes]
        self._factors[key] = (nodes, texts)
        return texts

    def pair_terms(self, node: PairSum) -> list[tuple[bool, str]]:
        """Return the products of a pair sum as (negative, text) terms."""
        bare = self.juxtaposed(node.left + node.right)
        sep = self.symbols["juxtapose"] if bare else self.symbols["pair"]
        left, right = self.factors(node.left, bare), self.factors(node.right, bare)
        return [(False, p + sep + q) for p, q in zip(left, right, strict=True)]

    def _format_PairSum(self, node: PairSum) -> str:
        return self.join_terms(self.pair_terms(node), node.elide)

    def _format_ValueSum(self, node: ValueSum) -> str:
        return self.join_terms([self.value_term(v) for v in node.values], node.elide)

    def _format_Sum(self, node: Sum) -> str:
        return self.join_sum(node)

    def _format_MatProduct(self, node: MatProduct) -> str:
        return f"{self.wrap(node.left, ATOM)}{self.wrap(node.right, ATOM)}"

    def _format_ElidedSum(self, node: ElidedSum) -> str:
        terms = [self.term(t) for t in node.terms]
        if node.elide:
            terms = [*terms[:-1], (False, self.symbols["cdots"]), terms[-1]]
        return self.join_terms(terms, False)

    def _format_VectorSum(self, node: VectorSum) -> str:
        sign = self.symbols["minus"] if node.minus else self.symbols["plus"]
        return f"{self.format(node.left)} {sign} {self.wrap(node.right, SUM + 1)}"

    def _format_Similarity(self, node: Similarity) -> str:
        return "S"

    @staticmethod
    def juxtaposed(factors: tuple[Node, ...]) -> bool:
        """Return True when factors are names written side by side: a₁b₁, ‖a‖‖b‖."""
        return all(isinstance(f, Name | Norm | Indexed | Entry) for f in factors)
