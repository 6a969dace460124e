"""Unicode text notation, on one line: ``a·b``, ``‖a‖``, ``√14``, ``a₁b₁``, ``Σᵢ₌₁ⁿ aᵢbᵢ``.

Values go to the single-expression printer :func:`~linsteps.render.printing.format_text`.
"""

from __future__ import annotations

from functools import lru_cache
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
from linsteps.i18n import translate
from linsteps.render.formatter import ATOM, PRODUCT, NodeFormatter
from linsteps.render.printing import (
    format_text,
    index_text,
    integer_unicode,
    subscript,
    superscript,
    symbol_text,
    upper_bound,
)
from linsteps.render.tensor_notation import TensorText


@lru_cache(maxsize=65536)
def _text_value(value: Any, decimal: bool, places: int) -> str:
    return format_text(value, decimal=decimal, places=places)


class TextFormatter(NodeFormatter, TensorText):
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
        "neq": "≠",
        "approx": "≈",
        "space": " ",
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

    def _format_Conjugate(self, node: Conjugate) -> str:
        return f"conj({self.format(node.argument)})"

    def _format_Modulus(self, node: Modulus) -> str:
        return f"|{self.format(node.argument)}|"

    def _format_InnerProduct(self, node: InnerProduct) -> str:
        return f"⟨{self.format(node.left)}, {self.format(node.right)}⟩"

    def _format_Scale(self, node: Scale) -> str:
        return f"{self.wrap(node.factor, ATOM)} {self.wrap(node.argument, ATOM)}"

    def _format_Projection(self, node: Projection) -> str:
        return f"proj_{self.format(node.onto)} {self.wrap(node.vector, ATOM)}"

    def _format_Exp(self, node: Exp) -> str:
        inner = self.format(node.argument)
        if set(inner) <= set("0123456789"):
            return "e" + superscript(inner)
        return f"e^({inner})"

    def _format_Softmax(self, node: Softmax) -> str:
        return f"softmax({self.format(node.argument)})"

    def _format_Masked(self, node: Masked) -> str:
        return f"mask({self.format(node.argument)})"
