"""Presentation MathML notation: node formatting for the HTML renderer.

:class:`MathMLFormatter` formats every notation node as a MathML fragment (``_format_<Node>``,
as the other formatters do), from the elements and values of :mod:`linsteps.render.mathml`.
"""

from __future__ import annotations

from string import Formatter
from typing import Any, ClassVar

from linsteps.derivation.arithmetic import Call, Degrees, Exp, Power, Product, Quotient, Root, Sum
from linsteps.derivation.complex_numbers import Conjugate, InnerProduct, Modulus
from linsteps.derivation.decimals import integer_text
from linsteps.derivation.general_forms import ElidedSum, Entry, SumOver, SymbolicSum
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Grid,
    Hadamard,
    Indexed,
    Masked,
    MatProduct,
    Norm,
    Projection,
    Scale,
    Shape,
    Similarity,
    Slice,
    Softmax,
    Transpose,
    VectorSum,
)
from linsteps.derivation.node import Node
from linsteps.derivation.values import Name, Value
from linsteps.render.formatter import ATOM, PRODUCT, SUM, NodeFormatter
from linsteps.render.layout import template
from linsteps.render.mathml import (
    decimal_mathml,
    escape,
    format_mathml,
    index_mathml,
    mi,
    mn,
    mo,
    mrow,
    symbol_mathml,
)
from linsteps.render.printing import index_text, integer_form, is_scientific
from linsteps.render.prose import FUNCTIONS, GREEK_LETTERS, formula_tokens
from linsteps.render.tensor_notation import TensorMathML

THIN_SPACE = '<mspace width="0.1667em"></mspace>'
APPLY = "\u2061"  # function application: softmax(…), proj
BOLD = {c: chr(0x1D400 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {
    c: chr(0x1D41A + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")
}


class MathMLFormatter(NodeFormatter, TensorMathML):
    """Presentation MathML notation: ``<mi>a</mi><mo>·</mo><mi>b</mi>``."""

    symbols: ClassVar[dict[str, str]] = {
        "plus": mo("+"),
        "minus": mo("−"),
        "pair": mo("·"),
        "juxtapose": mo("\u2062"),
        "cdots": mo("⋯"),
        "dot": mo("·"),
        "circ": mo("∘"),
        "theta": mi("θ"),
        "times": mo("×"),
        "eq": mo("="),
        "neq": mo("≠"),
        "approx": mo("≈"),
        "space": "",
        "to": mo("→"),
        "quad": '<mspace width="2em"></mspace>',
    }
    HADAMARD: ClassVar[dict[str, str]] = {"circ": "∘", "odot": "⊙"}

    def __init__(
        self,
        lang: str = "en",
        decimal: bool = False,
        places: int = 4,
        hadamard: str = "circ",
        vector: str = "plain",
    ) -> None:
        super().__init__(lang, decimal, places)
        self.hadamard = self.HADAMARD[hadamard]
        self.vector = vector

    def name(self, text: str) -> str:
        return symbol_mathml(text)

    def formula(self, text: str) -> str:
        return mathml_formula(text)

    def paren(self, text: str) -> str:
        return mrow(mo("("), text, mo(")"))

    def term(self, node: Node) -> tuple[bool, str]:
        text = self.format(node)
        if isinstance(node, Value) and not getattr(node.value, "is_Add", False):
            for sign in ("<mrow><mo>−</mo>", "<mrow><mo>-</mo>"):
                if text.startswith(sign) and not text[len(sign) :].startswith("<mo>("):
                    return True, "<mrow>" + text[len(sign) :]
        return False, self.wrap(node, SUM + 1)

    def value_term(self, value: Any) -> tuple[bool, str]:
        if isinstance(value, int):
            return value < 0, mn(integer_text(abs(value)))
        return self.term(Value(value))

    def _format_Value(self, node: Value) -> str:
        value = node.value
        if isinstance(value, int):
            if self.decimal and is_scientific(value):
                return decimal_mathml(integer_form(value, True))
            return mrow(mo("−"), mn(integer_text(-value))) if value < 0 else mn(integer_text(value))
        return format_mathml(value, self.decimal, self.places)

    def _format_Name(self, node: Name) -> str:
        if node.role == "vector" and not node.indices and self.vector != "plain":
            if self.vector == "bold":
                return mi("".join(BOLD.get(c, c) for c in node.name))
            return f'<mover accent="true">{symbol_mathml(node.name)}{mo("→")}</mover>'
        return symbol_mathml(node.name, index_text(node.indices) if node.indices else "")

    def _format_Sum(self, node: Sum) -> str:
        return mrow(self.join_sum(node))

    def _format_PairSum(self, node: Any) -> str:
        return mrow(super()._format_PairSum(node))

    def _format_ValueSum(self, node: Any) -> str:
        return mrow(super()._format_ValueSum(node))

    def _format_Product(self, node: Product) -> str:
        sep = self.symbols["juxtapose"] if self.juxtaposed(node.factors) else mo("·")
        return mrow(sep.join(self.wrap(f, PRODUCT + 1) for f in node.factors))

    def _format_Quotient(self, node: Quotient) -> str:
        top, bottom = self.format(node.numerator), self.format(node.denominator)
        return f"<mfrac>{mrow(top)}{mrow(bottom)}</mfrac>"

    def _format_Power(self, node: Power) -> str:
        return f"<msup>{mrow(self.wrap(node.base, ATOM))}{mn(str(node.exponent))}</msup>"

    def _format_Root(self, node: Root) -> str:
        return f"<msqrt>{self.format(node.radicand)}</msqrt>"

    def _format_Call(self, node: Call) -> str:
        inner = self.format(node.argument)
        function = mi(node.function) + mo("\u2061")
        if isinstance(node.argument, Angle | Name):
            return mrow(function, THIN_SPACE, inner)
        return mrow(function, self.paren(inner))

    def _format_Degrees(self, node: Degrees) -> str:
        return mrow(self.wrap(node.degrees, ATOM), mo("°"))

    def _table(self, rows: list[list[str]]) -> str:
        body = "".join(
            "<mtr>" + "".join(f"<mtd>{cell}</mtd>" for cell in row) + "</mtr>" for row in rows
        )
        return mrow(mo("["), f"<mtable>{body}</mtable>", mo("]"))

    def _format_Grid(self, node: Grid) -> str:
        if node.layout == "vector":
            return self._table([[self.format(e)] for row in node.rows for e in row])
        return self._table([[self.format(e) for e in row] for row in node.rows])

    def _format_Dot(self, node: Dot) -> str:
        return mrow(self.wrap(node.left, ATOM), mo("·"), self.wrap(node.right, ATOM))

    def _format_Hadamard(self, node: Hadamard) -> str:
        return mrow(self.wrap(node.left, ATOM), mo(self.hadamard), self.wrap(node.right, ATOM))

    def _format_MatProduct(self, node: MatProduct) -> str:
        return mrow(self.wrap(node.left, ATOM), mo("\u2062"), self.wrap(node.right, ATOM))

    def _format_Norm(self, node: Norm) -> str:
        return mrow(mo("‖"), self.format(node.argument), mo("‖"))

    def _format_Transpose(self, node: Transpose) -> str:
        return f"<msup>{mrow(self.wrap(node.argument, ATOM))}{mi('T')}</msup>"

    def _format_Angle(self, node: Angle) -> str:
        return mi("θ")

    def _format_Indexed(self, node: Indexed) -> str:
        indices = index_text(node.indices)
        if node.label:
            return symbol_mathml(node.label, indices)
        base = self.indexed_base(node.base)
        return f"<msub>{mrow(base)}{index_mathml(indices)}</msub>"

    def _format_Slice(self, node: Slice) -> str:
        values = {"index": mi(str(node.index)), "name": self.format(node.base)}
        if isinstance(node.index, int):
            values["index"] = mn(str(node.index))
        pieces = []
        words = template(self.lang, f"notation.{node.axis}")
        for literal, field, _, _ in _fields(words):
            if literal:
                # Spaces at the ends of <mtext> are dropped: keep them as no-break spaces.
                words = literal.replace(" ", "\u00a0")
                pieces.append(f"<mtext>{escape(words)}</mtext>")
            if field:
                pieces.append(values[field])
        return self.paren(mrow(*pieces))

    def _format_SumOver(self, node: SumOver) -> str:
        lower = mrow(mi(node.index), mo("="), _bound(node.lower))
        head = f"<munderover>{mo('∑')}{lower}{_bound(node.upper)}</munderover>"
        return mrow(head, self.wrap(node.body, PRODUCT))

    def _format_Shape(self, node: Shape) -> str:
        return mrow(_bound(node.rows), mo("×"), _bound(node.cols))

    # general forms and the operations built on them -------------------------------------------
    def _format_Entry(self, node: Entry) -> str:
        return symbol_mathml(node.base, index_text(node.indices))

    def _format_SymbolicSum(self, node: SymbolicSum) -> str:
        lower = mrow(mi(node.index), mo("="), _bound(node.lower))
        head = f"<munderover>{mo('∑')}{lower}{_bound(node.upper)}</munderover>"
        return mrow(head, self.wrap(node.body, PRODUCT))

    def _format_ElidedSum(self, node: ElidedSum) -> str:
        terms = [self.term(t) for t in node.terms]
        if node.elide:
            terms = [*terms[:-1], (False, self.symbols["cdots"]), terms[-1]]
        return mrow(self.join_terms(terms, False))

    def _format_Conjugate(self, node: Conjugate) -> str:
        return f'<mover accent="true">{mrow(self.format(node.argument))}{mo("‾")}</mover>'

    def _format_Modulus(self, node: Modulus) -> str:
        return mrow(mo("|"), self.format(node.argument), mo("|"))

    def _format_InnerProduct(self, node: InnerProduct) -> str:
        left, right = self.format(node.left), self.format(node.right)
        return mrow(mo("⟨"), left, mo(","), right, mo("⟩"))

    def _format_Scale(self, node: Scale) -> str:
        factor, argument = self.wrap(node.factor, ATOM), self.wrap(node.argument, ATOM)
        return mrow(factor, mo("\u2062"), THIN_SPACE, argument)

    def _format_VectorSum(self, node: VectorSum) -> str:
        sign = self.symbols["minus"] if node.minus else self.symbols["plus"]
        return mrow(self.format(node.left), sign, self.wrap(node.right, SUM + 1))

    def _format_Projection(self, node: Projection) -> str:
        head = f"<msub>{mi('proj')}{mrow(self.format(node.onto))}</msub>"
        return mrow(head, mo(APPLY), self.wrap(node.vector, ATOM))

    def _format_Similarity(self, node: Similarity) -> str:
        return mi("S")

    def _format_Exp(self, node: Exp) -> str:
        return f"<msup>{mi('e')}{mrow(self.format(node.argument))}</msup>"

    def _format_Softmax(self, node: Softmax) -> str:
        return mrow(mi("softmax"), mo(APPLY), self.paren(self.format(node.argument)))

    def _format_Masked(self, node: Masked) -> str:
        return mrow(mi("mask"), mo(APPLY), self.paren(self.format(node.argument)))


# Symbols written after what they apply to: Kᵀ, ‖a‖², aᵢ.
_SCRIPTS = {"ᵀ": ("msup", mi("T")), "²": ("msup", mn("2")), "³": ("msup", mn("3"))}
_SUBSCRIPTS = {"ᵢ": "i", "ⱼ": "j"}


def _mathml_word(word: str) -> list[str]:
    """Return a word of a formula: a function applied (``cos``, ``proj_b``) or letters."""
    base, _, sub = word.partition("_")
    if base in FUNCTIONS:
        head = mi(base) if not sub else f"<msub>{mi(base)}{index_mathml(sub)}</msub>"
        return [head, mo(APPLY)]
    letters = [mi(c) for c in base]
    if sub:
        letters[-1] = f"<msub>{letters[-1]}{index_mathml(sub.replace('_', ','))}</msub>"
    return letters


def mathml_formula(text: str) -> str:
    """Return a formula found in prose (``cos θ = 1``, ``QKᵀ``, ``‖a‖ = 0``) in MathML."""
    out: list[str] = []
    subscripts = ""
    for kind, token in [*formula_tokens(text), ("end", "")]:
        if subscripts and token not in _SUBSCRIPTS:
            base = out.pop() if out else "<mrow></mrow>"
            out.append(f"<msub>{base}{index_mathml(subscripts)}</msub>")
            subscripts = ""
        if token in _SUBSCRIPTS:
            subscripts += _SUBSCRIPTS[token]
        elif token in _SCRIPTS:
            tag, script = _SCRIPTS[token]
            base = out.pop() if out else "<mrow></mrow>"
            out.append(f"<{tag}>{base}{script}</{tag}>")
        elif kind == "word":
            out.extend(_mathml_word(token))
        elif kind == "number":
            out.append(mn(token))
        elif token == "Σ":
            out.append(mo("∑"))  # the summation sign of the prose (Σ aᵢbᵢ), not the letter
        elif kind == "symbol" and token in GREEK_LETTERS:
            out.append(mi(token))
        elif kind in ("symbol", "op"):
            out.append(mo(token))
    return mrow(*out)


def _bound(value: int | str) -> str:
    """Return an integer or a letter (a bound, a size)."""
    return mn(str(value)) if isinstance(value, int) else mi(str(value))


def _fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Return the literal texts and fields of a catalog template."""
    return list(Formatter().parse(text))
