"""MathML for the nodes of the machine-learning operations the concept cards show.

The projection, the linear layer and attention print ``Scale``, ``VectorSum``, ``Projection``,
``Exp`` and ``Softmax`` nodes; :class:`FormsMathML` formats them as MathML Core, as the text and
LaTeX formatters do.  :class:`~linsteps.render.mathml.MathMLFormatter` mixes it in; a method
the formatter defines itself takes precedence.
"""

from __future__ import annotations

from typing import Any, ClassVar

from linsteps.notation import Exp, Projection, Scale, Softmax, VectorSum
from linsteps.render.formatter import ATOM, SUM


def _mi(text: str) -> str:
    return f"<mi>{text}</mi>"


def _mo(text: str) -> str:
    return f"<mo>{text}</mo>"


def _mrow(*parts: str) -> str:
    return "<mrow>" + "".join(parts) + "</mrow>"


class FormsMathML:
    """``_format_<Node>`` methods for the nodes of projection, linear layers and attention."""

    symbols: ClassVar[dict[str, str]]
    format: Any
    wrap: Any
    paren: Any

    def _format_Scale(self, node: Scale) -> str:
        space = '<mspace width="0.1667em"></mspace>'
        return _mrow(self.wrap(node.factor, ATOM), space, self.wrap(node.argument, ATOM))

    def _format_VectorSum(self, node: VectorSum) -> str:
        sign = self.symbols["minus"] if node.minus else self.symbols["plus"]
        return _mrow(self.format(node.left), sign, self.wrap(node.right, SUM + 1))

    def _format_Projection(self, node: Projection) -> str:
        head = f"<msub><mi>proj</mi>{_mrow(self.format(node.onto))}</msub>"
        return _mrow(head, _mo("\u2061"), self.wrap(node.vector, ATOM))

    def _format_Exp(self, node: Exp) -> str:
        return f"<msup><mi>e</mi>{_mrow(self.format(node.argument))}</msup>"

    def _format_Softmax(self, node: Softmax) -> str:
        return _mrow(_mi("softmax"), _mo("\u2061"), self.paren(self.format(node.argument)))
