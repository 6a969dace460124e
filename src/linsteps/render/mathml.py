"""Presentation MathML: elements, symbol names and single values.

Element helpers (``mi``, ``mo``, ``mn``, ``mrow``) and :func:`format_mathml`, which hands a
value to SymPy's presentation MathML printer, adjusted as our LaTeX and text printers are
(symbol names, decimals, ``−``); rational numbers, the bulk of a worksheet, are written
directly.  The fragments use only MathML Core elements, so browsers render them without
scripts.  Nodes are formatted by :class:`~linsteps.render.mathml_formatter.MathMLFormatter`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any, ClassVar

from sympy.printing.mathml import MathMLPresentationPrinter

from linsteps.derivation.decimals import DecimalForm, integer_text
from linsteps.render.printing import (
    GREEK,
    approximation_form,
    decimal_form,
    integer_form,
)

_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"lt", "gt", "amp", "quot", "apos"}


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
