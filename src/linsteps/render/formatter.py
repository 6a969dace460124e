"""Formatting notation nodes as Unicode text or LaTeX, dispatched by node class.

As SymPy's printers do, each node class ``X`` is printed by a method ``_format_X``; a
subclass changes only the symbols.  Values go to the single-expression printers in
:mod:`linsteps.render.printing`.  Nothing here computes.
"""

from __future__ import annotations

from functools import lru_cache
from string import Formatter
from typing import Any, ClassVar

from linsteps.derivation.decimals import integer_text
from linsteps.derivation.notation import (
    Angle,
    Call,
    Conjugate,
    Degrees,
    Dot,
    ElidedSum,
    Entry,
    Exp,
    Grid,
    Hadamard,
    Indexed,
    InnerProduct,
    Masked,
    MatProduct,
    Modulus,
    Name,
    Node,
    Norm,
    PairSum,
    Power,
    Product,
    Projection,
    Quotient,
    Root,
    Scale,
    Shape,
    Similarity,
    Slice,
    Softmax,
    Sum,
    SumOver,
    SymbolicSum,
    Transpose,
    Value,
    ValueSum,
    VectorSum,
)
from linsteps.i18n import catalog, translate
from linsteps.render.printing import (
    decimal_of,
    format_latex,
    format_text,
    index_text,
    integer_latex,
    integer_unicode,
    is_scientific,
    subscript,
    superscript,
    symbol_latex,
    symbol_text,
    upper_bound,
)

# Binding strength, as in SymPy's precedence table: a child binding more loosely than its
# parent's slot is parenthesised.
ATOM, POWER, PRODUCT, SUM = 4, 3, 2, 1
MAX_MATRIX_COLUMNS = 10

# the nodes of general forms and of the operations built on them
FORM_STRENGTH = {
    "SymbolicSum": SUM,
    "ElidedSum": SUM,
    "VectorSum": SUM,
    "Scale": PRODUCT,
}


@lru_cache(maxsize=65536)
def _text_value(value: Any, decimal: bool, places: int) -> str:
    return format_text(value, decimal=decimal, places=places)


@lru_cache(maxsize=65536)
def _latex_value(value: Any, decimal: bool, places: int) -> str:
    return format_latex(value, decimal=decimal, places=places)


def translate_template(lang: str, axis: str) -> str:
    """Return the unformatted template naming a row or column: ``row {index} of {name}``."""
    table = catalog(lang)
    return table.get(f"notation.{axis}") or catalog("en")[f"notation.{axis}"]


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

    @staticmethod
    def juxtaposed(factors: tuple[Node, ...]) -> bool:
        """Return True when factors are names written side by side: a₁b₁, ‖a‖‖b‖."""
        return all(isinstance(f, Name | Norm | Indexed | Entry) for f in factors)


class TextFormatter(NodeFormatter):
    """Unicode one-line notation: ``a·b``, ``‖a‖``, ``√14``, ``a₁b₁``."""

    symbols: ClassVar[dict[str, str]] = {
        "plus": "+",
        "minus": "−",
        "pair": "·",
        "juxtapose": "",
        "cdots": "⋯",
        "dot": "·",
        "circ": "∘",
        "theta": "θ",
        "times": "×",
        "eq": "=",
        "approx": "≈",
    }

    def _format_Value(self, node: Value) -> str:
        value = node.value
        if isinstance(value, int):
            return integer_unicode(value, self.decimal)
        return _text_value(value, self.decimal, self.places)

    def _format_Name(self, node: Name) -> str:
        return symbol_text(node.name) + (
            subscript(index_text(node.indices)) if node.indices else ""
        )

    def _format_Sum(self, node: Sum) -> str:
        return self.join_sum(node)

    def _format_Product(self, node: Product) -> str:
        sep = "" if self.juxtaposed(node.factors) else "·"
        return sep.join(self.wrap(f, PRODUCT + 1) for f in node.factors)

    def _format_Quotient(self, node: Quotient) -> str:
        return f"{self.wrap(node.numerator, PRODUCT)}/{self.wrap(node.denominator, ATOM)}"

    def _format_Power(self, node: Power) -> str:
        return self.wrap(node.base, ATOM) + superscript(str(node.exponent))

    def _format_Root(self, node: Root) -> str:
        return "√" + self.wrap(node.radicand, ATOM)

    def _format_Call(self, node: Call) -> str:
        inner = self.format(node.argument)
        if isinstance(node.argument, Angle | Name):
            return f"{node.function} {inner}"
        return f"{node.function}({inner})"

    def _format_Degrees(self, node: Degrees) -> str:
        return self.wrap(node.degrees, ATOM) + "°"

    def _format_Grid(self, node: Grid) -> str:
        if node.layout == "vector":
            return "(" + ", ".join(self.format(e) for row in node.rows for e in row) + ")"
        rows = ("[" + ", ".join(self.format(e) for e in row) + "]" for row in node.rows)
        return "[" + ", ".join(rows) + "]"

    def _format_Dot(self, node: Dot) -> str:
        return f"{self.wrap(node.left, ATOM)}·{self.wrap(node.right, ATOM)}"

    def _format_Hadamard(self, node: Hadamard) -> str:
        return f"{self.wrap(node.left, ATOM)}∘{self.wrap(node.right, ATOM)}"

    def _format_MatProduct(self, node: MatProduct) -> str:
        return f"{self.wrap(node.left, ATOM)}{self.wrap(node.right, ATOM)}"

    def _format_Norm(self, node: Norm) -> str:
        return f"‖{self.format(node.argument)}‖"

    def _format_Transpose(self, node: Transpose) -> str:
        return self.wrap(node.argument, ATOM) + "ᵀ"

    def _format_Angle(self, node: Angle) -> str:
        return "θ"

    def _format_Indexed(self, node: Indexed) -> str:
        base = symbol_text(node.label) if node.label else self.indexed_base(node.base)
        return base + subscript(index_text(node.indices))

    def _format_Slice(self, node: Slice) -> str:
        return translate(
            self.lang, f"notation.{node.axis}", index=node.index, name=self.format(node.base)
        ).join("()")

    def _format_SumOver(self, node: SumOver) -> str:
        bounds = subscript(f"{node.index}={node.lower}") + superscript(str(node.upper))
        return f"Σ{bounds} {self.wrap(node.body, PRODUCT)}"

    def _format_Shape(self, node: Shape) -> str:
        return f"{node.rows}×{node.cols}"

    # general forms and the operations built on them -------------------------------------------
    def _format_Entry(self, node: Entry) -> str:
        return symbol_text(node.base) + subscript(index_text(node.indices))

    def _format_SymbolicSum(self, node: SymbolicSum) -> str:
        bounds = subscript(f"{node.index}={node.lower}") + upper_bound(str(node.upper))
        return f"Σ{bounds} {self.wrap(node.body, PRODUCT)}"

    def _format_ElidedSum(self, node: ElidedSum) -> str:
        terms = [self.term(t) for t in node.terms]
        if node.elide:
            terms = [*terms[:-1], (False, self.symbols["cdots"]), terms[-1]]
        return self.join_terms(terms, False)

    def _format_Conjugate(self, node: Conjugate) -> str:
        return f"conj({self.format(node.argument)})"

    def _format_Modulus(self, node: Modulus) -> str:
        return f"|{self.format(node.argument)}|"

    def _format_InnerProduct(self, node: InnerProduct) -> str:
        return f"⟨{self.format(node.left)}, {self.format(node.right)}⟩"

    def _format_Scale(self, node: Scale) -> str:
        return f"{self.wrap(node.factor, ATOM)} {self.wrap(node.argument, ATOM)}"

    def _format_VectorSum(self, node: VectorSum) -> str:
        sign = self.symbols["minus"] if node.minus else self.symbols["plus"]
        return f"{self.format(node.left)} {sign} {self.wrap(node.right, SUM + 1)}"

    def _format_Projection(self, node: Projection) -> str:
        return f"proj_{self.format(node.onto)} {self.wrap(node.vector, ATOM)}"

    def _format_Similarity(self, node: Similarity) -> str:
        return "S"

    def _format_Exp(self, node: Exp) -> str:
        inner = self.format(node.argument)
        if set(inner) <= set("0123456789"):
            return "e" + superscript(inner)
        return f"e^({inner})"

    def _format_Softmax(self, node: Softmax) -> str:
        return f"softmax({self.format(node.argument)})"

    def _format_Masked(self, node: Masked) -> str:
        return f"mask({self.format(node.argument)})"


class LatexFormatter(NodeFormatter):
    """LaTeX (amsmath) notation: ``a \\cdot b``, ``\\lVert a \\rVert``, ``\\sqrt{14}``."""

    symbols: ClassVar[dict[str, str]] = {
        "plus": "+",
        "minus": "-",
        "pair": " \\cdot ",
        "juxtapose": "",
        "cdots": "\\cdots",
        "dot": "\\cdot",
        "circ": "\\circ",
        "theta": "\\theta",
        "times": "\\times",
        "eq": "=",
        "approx": "\\approx",
    }

    def name(self, text: str) -> str:
        return symbol_latex(text)

    def paren(self, text: str) -> str:
        return f"\\left({text}\\right)"

    def _format_Value(self, node: Value) -> str:
        value = node.value
        if isinstance(value, int):
            return integer_latex(value, self.decimal)
        if getattr(value, "is_Matrix", False) and hasattr(value, "tolist"):
            return self._matrix(
                [
                    [_latex_value(x, self.decimal, self.places) for x in row]
                    for row in value.tolist()
                ]
            )
        return _latex_value(value, self.decimal, self.places)

    def _matrix(self, rows: list[list[str]]) -> str:
        body = " \\\\ ".join(" & ".join(row) for row in rows)
        columns = max((len(row) for row in rows), default=0)
        if columns > MAX_MATRIX_COLUMNS:
            # amsmath's bmatrix holds at most 10 columns; an array holds any number.
            spec = "c" * columns
            return f"\\left[\\begin{{array}}{{{spec}}} {body} \\end{{array}}\\right]"
        return f"\\begin{{bmatrix}} {body} \\end{{bmatrix}}"

    def _format_Name(self, node: Name) -> str:
        base = symbol_latex(node.name)
        return f"{base}_{{{index_text(node.indices)}}}" if node.indices else base

    def _format_Sum(self, node: Sum) -> str:
        return self.join_sum(node)

    def _format_Product(self, node: Product) -> str:
        sep = " " if self.juxtaposed(node.factors) else " \\cdot "
        return sep.join(self.wrap(f, PRODUCT + 1) for f in node.factors)

    def _format_Quotient(self, node: Quotient) -> str:
        return f"\\frac{{{self.format(node.numerator)}}}{{{self.format(node.denominator)}}}"

    def _format_Power(self, node: Power) -> str:
        return f"{self.wrap(node.base, ATOM)}^{{{node.exponent}}}"

    def _format_Root(self, node: Root) -> str:
        return f"\\sqrt{{{self.format(node.radicand)}}}"

    def _format_Call(self, node: Call) -> str:
        inner = self.format(node.argument)
        if isinstance(node.argument, Angle | Name):
            return f"\\{node.function} {inner}"
        return f"\\{node.function}\\left({inner}\\right)"

    def _format_Degrees(self, node: Degrees) -> str:
        return self.wrap(node.degrees, ATOM) + "^{\\circ}"

    def _format_Grid(self, node: Grid) -> str:
        if node.layout == "vector":
            return self._matrix([[self.format(e)] for row in node.rows for e in row])
        return self._matrix([[self.format(e) for e in row] for row in node.rows])

    def _format_Dot(self, node: Dot) -> str:
        return f"{self.wrap(node.left, ATOM)} \\cdot {self.wrap(node.right, ATOM)}"

    def _format_Hadamard(self, node: Hadamard) -> str:
        return f"{self.wrap(node.left, ATOM)} \\circ {self.wrap(node.right, ATOM)}"

    def _format_MatProduct(self, node: MatProduct) -> str:
        return f"{self.wrap(node.left, ATOM)}{self.wrap(node.right, ATOM)}"

    def _format_Norm(self, node: Norm) -> str:
        return f"\\lVert {self.format(node.argument)} \\rVert"

    def _format_Transpose(self, node: Transpose) -> str:
        return f"{self.wrap(node.argument, ATOM)}^{{\\mathsf{{T}}}}"

    def _format_Angle(self, node: Angle) -> str:
        return "\\theta"

    def _format_Indexed(self, node: Indexed) -> str:
        base = symbol_latex(node.label) if node.label else self.indexed_base(node.base)
        return f"{base}_{{{index_text(node.indices)}}}"

    def _format_Slice(self, node: Slice) -> str:
        # Words in \text{}, the index and name in math mode between them: no $ inside math,
        # so the same LaTeX works in documents, in Markdown $…$ and with KaTeX or MathJax.
        values = {"index": str(node.index), "name": self.format(node.base)}
        pieces = []
        for literal, field, _, _ in Formatter().parse(translate_template(self.lang, node.axis)):
            if literal:
                pieces.append(f"\\text{{{literal}}}")
            if field:
                pieces.append(values[field])
        return "\\left(" + "".join(pieces) + "\\right)"

    def _format_SumOver(self, node: SumOver) -> str:
        return (
            f"\\sum_{{{node.index}={node.lower}}}^{{{node.upper}}} {self.wrap(node.body, PRODUCT)}"
        )

    def _format_Shape(self, node: Shape) -> str:
        return f"{node.rows} \\times {node.cols}"

    # general forms and the operations built on them -------------------------------------------
    def _format_Entry(self, node: Entry) -> str:
        return f"{symbol_latex(node.base)}_{{{index_text(node.indices)}}}"

    def _format_SymbolicSum(self, node: SymbolicSum) -> str:
        bounds = f"_{{{node.index}={node.lower}}}^{{{node.upper}}}"
        return f"\\sum{bounds} {self.wrap(node.body, PRODUCT)}"

    def _format_ElidedSum(self, node: ElidedSum) -> str:
        terms = [self.term(t) for t in node.terms]
        if node.elide:
            terms = [*terms[:-1], (False, self.symbols["cdots"]), terms[-1]]
        return self.join_terms(terms, False)

    def _format_Conjugate(self, node: Conjugate) -> str:
        return f"\\overline{{{self.format(node.argument)}}}"

    def _format_Modulus(self, node: Modulus) -> str:
        return f"\\lvert {self.format(node.argument)} \\rvert"

    def _format_InnerProduct(self, node: InnerProduct) -> str:
        return f"\\langle {self.format(node.left)}, {self.format(node.right)} \\rangle"

    def _format_Scale(self, node: Scale) -> str:
        return f"{self.wrap(node.factor, ATOM)} \\, {self.wrap(node.argument, ATOM)}"

    def _format_VectorSum(self, node: VectorSum) -> str:
        sign = self.symbols["minus"] if node.minus else self.symbols["plus"]
        return f"{self.format(node.left)} {sign} {self.wrap(node.right, SUM + 1)}"

    def _format_Projection(self, node: Projection) -> str:
        onto, vector = self.format(node.onto), self.wrap(node.vector, ATOM)
        return f"\\operatorname{{proj}}_{{{onto}}} {vector}"

    def _format_Similarity(self, node: Similarity) -> str:
        return "S"

    def _format_Exp(self, node: Exp) -> str:
        return f"e^{{{self.format(node.argument)}}}"

    def _format_Softmax(self, node: Softmax) -> str:
        return f"\\operatorname{{softmax}}\\left({self.format(node.argument)}\\right)"

    def _format_Masked(self, node: Masked) -> str:
        return f"\\operatorname{{mask}}\\left({self.format(node.argument)}\\right)"
