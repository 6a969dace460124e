"""LaTeX (amsmath) notation: ``a \\cdot b``, ``\\lVert a \\rVert``, ``\\sqrt{14}``, ``bmatrix``.

Values go to the single-expression printer :func:`~linsteps.render.printing.format_latex`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from string import Formatter
from typing import Any, ClassVar

from linsteps.derivation.arithmetic import Call, Degrees, Exp, Power, Product, Quotient, Root
from linsteps.derivation.complex_numbers import Conjugate, InnerProduct, Modulus
from linsteps.derivation.general_forms import Entry, SumOver, SymbolicSum
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Grid,
    Hadamard,
    Indexed,
    Masked,
    Norm,
    Projection,
    Scale,
    Shape,
    Slice,
    Softmax,
    Transpose,
)
from linsteps.derivation.values import Name, Value
from linsteps.i18n import catalog
from linsteps.render.formatter import ATOM, PRODUCT, NodeFormatter
from linsteps.render.printing import GREEK, format_latex, index_text, integer_latex, symbol_latex
from linsteps.render.prose import FUNCTIONS, formula_tokens
from linsteps.render.tensor_notation import TensorLatex

MAX_MATRIX_COLUMNS = 10


@lru_cache(maxsize=65536)
def _latex_value(value: Any, decimal: bool, places: int) -> str:
    return format_latex(value, decimal=decimal, places=places)


def translate_template(lang: str, axis: str) -> str:
    """Return the unformatted template naming a row or column: ``row {index} of {name}``."""
    table = catalog(lang)
    return table.get(f"notation.{axis}") or catalog("en")[f"notation.{axis}"]


# Characters of prose that are mathematics, in LaTeX (the subscripts ᵢ ⱼ become _{ij}).
PROSE_MATH: dict[str, str] = {
    **{char: "\\" + name for name, char in GREEK.items() if name != "omicron"},
    "−": "-",
    "·": "\\cdot",
    "×": "\\times",
    "→": "\\to",
    "≈": "\\approx",
    "‖": "\\Vert",
    "∘": "\\circ",
    "⊙": "\\odot",
    "√": "\\surd",
    "≤": "\\le",
    "≥": "\\ge",
    "≠": "\\neq",
    "ᵢ": "i",
    "ⱼ": "j",
    "ᵀ": "^{\\mathsf{T}}",
    "²": "^{2}",
    "³": "^{3}",
    "⋯": "\\cdots",
    "∞": "\\infty",
    "⟨": "\\langle",
    "⟩": "\\rangle",
    "±": "\\pm",
    "°": "^{\\circ}",
    "Σ": "\\sum",  # the summation sign of the prose (Σ aᵢbᵢ), not the letter
}
SUBSCRIPTS = frozenset("ᵢⱼ")
_NAMED = ("cos", "sin", "tan", "arccos", "arcsin", "arctan", "exp", "ln", "log")
FUNCTION_LATEX = {name: "\\" + name for name in _NAMED}
_CONTROL_WORD = re.compile(r"\\[A-Za-z]+$")


def join_latex(left: str, right: str) -> str:
    """Return ``left`` then ``right``, a space between a control word and a letter."""
    if _CONTROL_WORD.search(left) and right[:1].isalpha():
        return left + " " + right
    return left + right


def _latex_word(word: str) -> str:
    """Return a word of a formula: a function (``\\cos``), or letters with a subscript."""
    base, _, sub = word.partition("_")
    if base in FUNCTION_LATEX:
        head = FUNCTION_LATEX[base]
    elif base in FUNCTIONS:
        head = f"\\operatorname{{{base}}}"
    else:
        head = base
    return f"{head}_{{{sub.replace('_', ',')}}}" if sub else head


def latex_formula(text: str) -> str:
    """Return a formula found in prose (``cos θ = 1``, ``QKᵀ``, ``‖a‖ = 0``) in LaTeX."""
    out: list[str] = []
    for kind, token in formula_tokens(text):
        if kind == "symbol" and token in SUBSCRIPTS:
            if out and out[-1].startswith("_{"):
                out[-1] = out[-1][:-1] + PROSE_MATH[token] + "}"
            else:
                out.append("_{" + PROSE_MATH[token] + "}")
            continue
        if kind == "symbol":
            out.append(PROSE_MATH[token])
        elif kind == "word":
            out.append(_latex_word(token))
        else:
            out.append(" " if kind == "space" else token)
    text = ""
    for piece in out:
        text = join_latex(text, piece)
    return text


class LatexFormatter(NodeFormatter, TensorLatex):
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
        "neq": "\\neq",
        "approx": "\\approx",
        "space": " ",
    }

    def name(self, text: str) -> str:
        return symbol_latex(text)

    def formula(self, text: str) -> str:
        return latex_formula(text)

    def concat(self, left: str, right: str) -> str:
        return join_latex(left, right)

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

    def _format_Conjugate(self, node: Conjugate) -> str:
        return f"\\overline{{{self.format(node.argument)}}}"

    def _format_Modulus(self, node: Modulus) -> str:
        return f"\\lvert {self.format(node.argument)} \\rvert"

    def _format_InnerProduct(self, node: InnerProduct) -> str:
        return f"\\langle {self.format(node.left)}, {self.format(node.right)} \\rangle"

    def _format_Scale(self, node: Scale) -> str:
        return f"{self.wrap(node.factor, ATOM)} \\, {self.wrap(node.argument, ATOM)}"

    def _format_Projection(self, node: Projection) -> str:
        onto, vector = self.format(node.onto), self.wrap(node.vector, ATOM)
        return f"\\operatorname{{proj}}_{{{onto}}} {vector}"

    def _format_Exp(self, node: Exp) -> str:
        return f"e^{{{self.format(node.argument)}}}"

    def _format_Softmax(self, node: Softmax) -> str:
        return f"\\operatorname{{softmax}}\\left({self.format(node.argument)}\\right)"

    def _format_Masked(self, node: Masked) -> str:
        return f"\\operatorname{{mask}}\\left({self.format(node.argument)}\\right)"


class PrintedLatexFormatter(LatexFormatter):
    """LaTeX for a printed sheet: a matrix holding a fraction sets its entries in display
    style, so the fractions are as large as the text around them."""

    def _matrix(self, rows: list[list[str]]) -> str:
        if any("\\frac" in cell for row in rows for cell in row):
            rows = [[f"\\displaystyle {cell}" for cell in row] for row in rows]
        return super()._matrix(rows)
