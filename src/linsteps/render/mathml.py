"""Presentation MathML: node formatting for the HTML renderer.

:class:`MathMLFormatter` formats every notation node as a MathML fragment (``_format_<Node>``,
as the other formatters do); single values go to SymPy's presentation MathML printer,
adjusted as our LaTeX and text printers are (symbol names, decimals, ``−``).  The fragments
use only MathML Core elements, so browsers render them without scripts.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from string import Formatter
from typing import Any, ClassVar

from sympy.printing.mathml import MathMLPresentationPrinter

from linsteps.derivation.decimals import DecimalForm, integer_text
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
    VectorSum,
)
from linsteps.render.formatter import ATOM, PRODUCT, SUM, NodeFormatter
from linsteps.render.layout import template
from linsteps.render.printing import (
    GREEK,
    approximation_form,
    decimal_form,
    index_text,
    integer_form,
    is_scientific,
)

THIN_SPACE = '<mspace width="0.1667em"></mspace>'
APPLY = "\u2061"  # function application: softmax(…), proj
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"lt", "gt", "amp", "quot", "apos"}
BOLD = {c: chr(0x1D400 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {
    c: chr(0x1D41A + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")
}


def escape(text: str) -> str:
    """Return text for a MathML token element."""
    return html.escape(text, quote=False)


def mi(text: str) -> str:
    """Return an identifier."""
    return f"<mi>{escape(text)}</mi>"


def mo(text: str) -> str:
    """Return an operator."""
    return f"<mo>{escape(text)}</mo>"


def mn(text: str) -> str:
    """Return a number."""
    return f"<mn>{escape(text)}</mn>"


def mrow(*parts: str) -> str:
    """Return a group."""
    return "<mrow>" + "".join(parts) + "</mrow>"


def index_mathml(text: str) -> str:
    """Return a subscript: ``12`` a number, ``ij`` two italic letters, ``1,12`` with commas."""
    if text.isdigit():
        return mn(text)
    tokens = [
        mn(t) if t.isdigit() else mo(t) if t == "," else "".join(mi(c) for c in t)
        for t in re.findall(r"\d+|,|[^\d,]+", text)
    ]
    return tokens[0] if len(tokens) == 1 and text.isalpha() and len(text) == 1 else mrow(*tokens)


def symbol_mathml(name: str, indices: str = "") -> str:
    """Return a symbol name (``theta``, ``a_1``, ``xy``) with optional extra indices."""
    base, _, sub = name.partition("_")
    head = mi(GREEK.get(base, base))
    subscript = ",".join(part for part in (sub.replace("_", ","), indices) if part)
    if not subscript:
        return head
    return f"<msub>{head}{index_mathml(subscript)}</msub>"


def _named_entities(text: str) -> str:
    """Replace HTML-only named entities (``&pi;``) by their characters: XML stays valid."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1) in _XML_ENTITIES:
            return match.group()
        return html.unescape(match.group())

    return _ENTITY.sub(replace, text)


class MathMLPrinter(MathMLPresentationPrinter):  # type: ignore[misc]
    """SymPy's presentation MathML printer with our symbols and decimals."""

    _default_settings: ClassVar[dict[str, Any]] = {
        **MathMLPresentationPrinter._default_settings,
        "decimal": False,
        "places": 4,
        "mat_delim": "[",
        "inv_trig_style": "full",
    }

    def _text(self, tag: str, text: str) -> Any:
        element = self.dom.createElement(tag)
        element.appendChild(self.dom.createTextNode(escape(text)))
        return element

    def _print_Symbol(self, sym: Any, style: str = "plain") -> Any:
        base, _, sub = sym.name.partition("_")
        head = self._text("mi", GREEK.get(base, base))
        if not sub:
            return head
        sub = sub.replace("_", ",")
        msub = self.dom.createElement("msub")
        msub.appendChild(head)
        msub.appendChild(self._text("mn" if sub.isdigit() else "mi", sub))
        return msub

    _print_Dummy = _print_Symbol

    def _print_Exp1(self, e: Any) -> Any:
        return self._text("mi", "e")

    def _print_ImaginaryUnit(self, e: Any) -> Any:
        return self._text("mi", "i")

    def _print_Indexed(self, e: Any) -> Any:
        # aᵢₖ as a name with its indices, as the text and LaTeX printers write it
        msub = self.dom.createElement("msub")
        msub.appendChild(self._print(e.base))
        indices = tuple(str(i) for i in e.indices)
        if len(indices) == 1:
            msub.appendChild(self._print(e.indices[0]))
            return msub
        row = self.dom.createElement("mrow")
        separated = any(len(i) > 1 for i in indices)
        for k, index in enumerate(e.indices):
            if k and separated:
                row.appendChild(self._text("mo", ","))
            row.appendChild(self._print(index))
        msub.appendChild(row)
        return msub

    def _print_conjugate(self, expr: Any) -> Any:
        # an overline (mover), which MathML Core renders; SymPy's menclose is not in Core
        over = self.dom.createElement("mover")
        over.setAttribute("accent", "true")
        over.appendChild(self._print(expr.args[0]))
        over.appendChild(self._text("mo", "\u203e"))
        return over

    def _print_Rational(self, e: Any) -> Any:
        if self._settings["decimal"]:
            form = decimal_form(e)
            if form is not None:
                return self._decimal(form)
        return super()._print_Rational(e)

    def _print_Integer(self, e: Any) -> Any:
        return self._decimal(integer_form(int(e.p), self._settings["decimal"]))

    def _print_int(self, p: int) -> Any:
        return self._text("mn", integer_text(p))

    def _print_Float(self, expr: Any) -> Any:
        return self._decimal(approximation_form(expr, self._settings["places"]))

    def _decimal(self, form: DecimalForm) -> Any:
        """Return a decimal: ``<mn>`` with its sign, or mantissa · 10 with a power (msup)."""
        if form.power is None:
            return self._signed(form.signed)
        row = self.dom.createElement("mrow")
        if form.negative:
            row.appendChild(self._text("mo", "-"))
        row.appendChild(self._text("mn", form.mantissa))
        row.appendChild(self._text("mo", "·"))
        power = self.dom.createElement("msup")
        power.appendChild(self._text("mn", "10"))
        power.appendChild(self._signed(str(form.power)))
        row.appendChild(power)
        return row

    def _signed(self, text: str) -> Any:
        if not text.startswith("-"):
            return self._text("mn", text)
        row = self.dom.createElement("mrow")
        row.appendChild(self._text("mo", "−"))
        row.appendChild(self._text("mn", text[1:]))
        return row


_NEGATIVE = "<mrow><mo>&#8722;</mo><mn>{}</mn></mrow>"  # as SymPy's printer writes our −


def decimal_mathml(form: DecimalForm) -> str:
    """Return a decimal as :class:`MathMLPrinter` writes it: ``<mn>``, or mantissa · 10ⁿ."""
    if form.power is None:
        return _NEGATIVE.format(form.mantissa) if form.negative else f"<mn>{form.mantissa}</mn>"
    power = _NEGATIVE.format(-form.power) if form.power < 0 else f"<mn>{form.power}</mn>"
    sign = "<mo>−</mo>" if form.negative else ""
    mantissa = f"<mn>{form.mantissa}</mn><mo>&#183;</mo>"
    return f"<mrow>{sign}{mantissa}<msup><mn>10</mn>{power}</msup></mrow>"


def _number_mathml(value: Any, decimal: bool) -> str | None:
    """Return a rational number as :class:`MathMLPrinter` prints it, without the printer (the
    bulk of a worksheet's values); None for anything else.  A test holds the two identical."""
    if not getattr(value, "is_Rational", False):
        return None
    if value.is_Integer:
        return decimal_mathml(integer_form(int(value), decimal))
    if decimal:
        form = decimal_form(value)
        if form is not None:
            return decimal_mathml(form)
    p, q = int(value.p), int(value.q)
    fraction = f"<mfrac><mn>{integer_text(abs(p))}</mn><mn>{integer_text(q)}</mn></mfrac>"
    return f"<mrow><mo>−</mo>{fraction}</mrow>" if p < 0 else fraction


def _fast_mathml(value: Any, decimal: bool) -> str | None:
    """Return a rational number, or a matrix of them, in MathML; None for anything else."""
    if not getattr(value, "is_Matrix", False):
        return _number_mathml(value, decimal)
    if not hasattr(value, "tolist"):
        return None  # a matrix expression of symbolic size, such as A∘B
    rows = []
    for row in value.tolist():
        cells = []
        for entry in row:
            text = _number_mathml(entry, decimal)
            if text is None:
                return None
            cells.append(f"<mtd>{text}</mtd>")
        rows.append("<mtr>" + "".join(cells) + "</mtr>")
    return "<mrow><mo>[</mo><mtable>" + "".join(rows) + "</mtable><mo>]</mo></mrow>"


@lru_cache(maxsize=65536)
def format_mathml(value: Any, decimal: bool = False, places: int = 4) -> str:
    """Return one value as a presentation MathML fragment (no ``<math>`` wrapper)."""
    fast = _fast_mathml(value, decimal)
    if fast is not None:
        return fast
    return _printed_mathml(value, decimal, places)


def _printed_mathml(value: Any, decimal: bool = False, places: int = 4) -> str:
    """Return one value as SymPy's presentation printer (adjusted) writes it."""
    printer = MathMLPrinter({"decimal": decimal, "places": places})
    text = _named_entities(str(printer.doprint(value)))
    return text.replace("<mo>-</mo>", "<mo>−</mo>")


class MathMLFormatter(NodeFormatter):
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
        "approx": mo("≈"),
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
        if isinstance(value, int) and not (self.decimal and is_scientific(value)):
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


def _bound(value: int | str) -> str:
    """Return an integer or a letter (a bound, a size)."""
    return mn(str(value)) if isinstance(value, int) else mi(str(value))


def _fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """Return the literal texts and fields of a catalog template."""
    return list(Formatter().parse(text))
