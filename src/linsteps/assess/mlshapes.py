"""Shapes as ML questions answer them: read from ``(32, 10)``, ``32x10`` or ``32×10``, printed.

The vocabulary shared by :mod:`linsteps.assess.mlquestions` (the questions) and
:mod:`linsteps.assess.ml_diagnoses` (their wrong answers): a shape or ``error``, the truth of a
question, and the shape of a NumPy/PyTorch expression (:mod:`linsteps.learn.shapes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linsteps.assess.answers import UNDEFINED_WORDS
from linsteps.assess.shapequestions import SCALAR_WORDS
from linsteps.errors import LimitError, ParseError

ERROR = "error"
ERROR_WORDS = UNDEFINED_WORDS | {"error", "an error", "raises", "it raises", "报错", "错误"}
MAX_LENGTH = 200

TensorShape = tuple[int, ...] | str  # a shape, or "error"


def read_tensor_shape(text: str) -> TensorShape:
    """Read ``(32, 10)``, ``32x10``, ``32×10``, ``()``/``scalar`` or ``error``."""
    if len(text) > MAX_LENGTH:
        raise LimitError("too_long", operand="answer", length=len(text), limit=MAX_LENGTH)
    words = " ".join(text.split()).lower()
    if words in ERROR_WORDS:
        return ERROR
    if words in SCALAR_WORDS or words.replace(" ", "") == "()":
        return ()
    from linsteps.reading.shape_spec import parse_shape_spec

    try:
        return parse_shape_spec("answer", text)
    except (ParseError, LimitError):
        raise ParseError(
            "shape_answer_value", value=text.strip()[:40], name="answer", column=1
        ) from None


def shape_words(shape: TensorShape | None) -> str:
    """A shape as printed: ``2×3``, ``(3,)``, ``()`` or ``error``."""
    if shape is None:
        return "—"
    if isinstance(shape, str):
        return shape
    return "×".join(map(str, shape)) if len(shape) > 1 else f"({shape[0]},)" if shape else "()"


@dataclass(frozen=True)
class Truth:
    """What NumPy/PyTorch gives: the shape (or ``error``) and, for einsum, the product."""

    shape: TensorShape
    product: str | None = None


def code_truth(expression: str, bindings: list[str]) -> Truth:
    """The shape of ``expression`` under its library's rules, or ``error``."""
    from linsteps.learn.shapes import shapes

    report = shapes(expression, bindings)
    return Truth(ERROR if report.shape is None else tuple(report.shape))


def answer_words(given: dict[str, Any]) -> str:
    """How an answer was read: ``matmul, 2×4`` or ``2×4`` or ``error``."""
    return given_text(given)


def given_text(given: dict[str, Any]) -> str:
    shape = shape_words(given["shape"])
    product = str(given.get("product") or "").replace("_", " ")
    return f"{product}, {shape}" if product else shape


__all__ = [
    "ERROR",
    "TensorShape",
    "Truth",
    "answer_words",
    "code_truth",
    "read_tensor_shape",
    "shape_words",
]
