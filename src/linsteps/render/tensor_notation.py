"""How arrays of any rank are written: shapes, stacks of matrices and ``einsum`` calls.

One mixin a notation (text, LaTeX, MathML) adds the ``_format_<Node>`` methods of the nodes
in :mod:`linsteps.derivation.tensor_nodes` to a formatter; the formatter's own ``format``
writes the parts.  Nothing here computes.
"""

from __future__ import annotations

import html
from typing import ClassVar, Protocol

from linsteps.derivation.node import Node
from linsteps.derivation.tensor_nodes import Dims, Einsum, Stack


class Formats(Protocol):
    """What the mixins use of the formatter they are mixed into."""

    symbols: ClassVar[dict[str, str]]

    def format(self, node: Node) -> str: ...


class TensorText:
    """Unicode text: ``2×3×4``, ``[[[1, 2], [3, 4]], …]``, ``einsum("ij,jk->ik", A, B)``."""

    def _format_Dims(self: Formats, node: Dims) -> str:
        return "×".join(map(str, node.sizes)) if node.sizes else "()"

    def _format_Stack(self: Formats, node: Stack) -> str:
        return "[" + ", ".join(self.format(part) for part in node.parts) + "]"

    def _format_Einsum(self: Formats, node: Einsum) -> str:
        operands = "".join(", " + self.format(op) for op in node.operands)
        return f'einsum("{node.spec}"{operands})'


class TensorLatex:
    """LaTeX: ``2 \\times 3``, a bracketed list of matrices, ``\\operatorname{einsum}``."""

    def _format_Dims(self: Formats, node: Dims) -> str:
        return " \\times ".join(map(str, node.sizes)) if node.sizes else "()"

    def _format_Stack(self: Formats, node: Stack) -> str:
        return "\\left[" + ",\\ ".join(self.format(part) for part in node.parts) + "\\right]"

    def _format_Einsum(self: Formats, node: Einsum) -> str:
        operands = "".join(", " + self.format(op) for op in node.operands)
        return f'\\operatorname{{einsum}}\\left(\\texttt{{"{node.spec}"}}{operands}\\right)'


def _mo(text: str) -> str:
    return f"<mo>{html.escape(text, quote=False)}</mo>"


class TensorMathML:
    """Presentation MathML: ``<mn>2</mn><mo>×</mo>…``, nested brackets, quoted subscripts."""

    def _format_Dims(self: Formats, node: Dims) -> str:
        if not node.sizes:
            return "<mrow>" + _mo("(") + _mo(")") + "</mrow>"
        return "<mrow>" + _mo("×").join(f"<mn>{size}</mn>" for size in node.sizes) + "</mrow>"

    def _format_Stack(self: Formats, node: Stack) -> str:
        parts = _mo(",").join(self.format(part) for part in node.parts)
        return "<mrow>" + _mo("[") + parts + _mo("]") + "</mrow>"

    def _format_Einsum(self: Formats, node: Einsum) -> str:
        spec = html.escape(node.spec, quote=False)
        operands = "".join(_mo(",") + self.format(op) for op in node.operands)
        call = f"<mi>einsum</mi>{_mo(chr(0x2061))}"
        return f'<mrow>{call}{_mo("(")}<mtext>"{spec}"</mtext>{operands}{_mo(")")}</mrow>'
