"""Every command's name, the module that defines it and its one-line help, in --help's order.

``linsteps --help`` lists the commands from this table alone, and a run imports and builds only
the command it runs.  A test holds each line to the first line of the command's docstring.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    """Where a command is defined (a module of ``linsteps.cli``) and what it does, in a line."""

    module: str
    summary: str


COMMANDS: dict[str, Entry] = {
    "dot": Entry(
        "explanations",
        "The dot (inner) product a·b = Σ aᵢbᵢ: multiply matching entries, then sum.",
    ),
    "norm": Entry("explanations", "The norm (length) ‖a‖ = √(a·a)."),
    "cos": Entry(
        "explanations", "The cosine of the angle, cos θ = a·b / (‖a‖‖b‖): cosine similarity."
    ),
    "angle": Entry("explanations", "The angle θ = arccos(a·b / (‖a‖‖b‖)), in radians and degrees."),
    "hadamard": Entry(
        "tensors",
        "The Hadamard (element-wise) product (A∘B)ᵢⱼ = AᵢⱼBᵢⱼ: no sum, same shape.",
    ),
    "matmul": Entry(
        "tensors", "The matrix product AB: entry (i, j) is row i of A times column j of B."
    ),
    "einsum": Entry(
        "tensors",
        "Einstein summation, as numpy.einsum computes it: the product it is, its entries.",
    ),
    "outer": Entry(
        "explanations",
        "The outer product abᵀ: every aᵢbⱼ in an n×m matrix (not the inner product aᵀb).",
    ),
    "transpose": Entry("explanations", "The transpose Aᵀ: rows become columns, (Aᵀ)ᵢⱼ = Aⱼᵢ."),
    "project": Entry(
        "explanations",
        "The projection proj_b a = (a·b / b·b) b, and the part of a orthogonal to b.",
    ),
    "linear": Entry(
        "explanations",
        "The linear (fully connected) layer y = Wx + b; a batch X as PyTorch does, XWᵀ + b.",
    ),
    "attention": Entry(
        "explanations",
        "Scaled dot-product attention softmax(QKᵀ/√d_k)·V, score by score and row by row.",
    ),
    "compare": Entry(
        "concepts",
        "Every product of two operands side by side: which are defined, their shapes, values.",
    ),
    "guide": Entry(
        "concepts",
        "Concept cards: definition, rule, when defined, meaning, uses in ML, common mistakes.",
    ),
    "worksheet": Entry(
        "practice", "A worksheet of seeded, hand-computable problems, with its answer key."
    ),
    "check": Entry(
        "practice", "Check an answer: how it was read, correct or not, and which mistake it shows."
    ),
    "grade": Entry(
        "practice", "Grade a class's CSV against an answer key: a report, feedback and a summary."
    ),
    "shapes": Entry(
        "mlcode", "The shape of every sub-expression of NumPy/PyTorch code, read, never run."
    ),
    "why": Entry(
        "mlcode",
        "Explain a shape error of PyTorch or NumPy: the rule broken, the sizes, the mends.",
    ),
}
