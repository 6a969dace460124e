"""Reading an answer: "undefined" in either language, or a value in the input syntax, with °.

The answer is read by the same whitelisted parser as the operands (nothing is evaluated);
:func:`to_input` writes a value back in that syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

UNDEFINED_WORDS = frozenset({"undefined", "not defined", "undef", "未定义", "无定义", "不存在"})
_DEGREES = re.compile(r"^(?P<value>.*?)\s*(?:°|deg|degrees|度)\s*$", re.DOTALL)


@dataclass(frozen=True)
class Answer:
    """An answer as read: ``kind`` is undefined, scalar, vector or matrix; values exact."""

    kind: Literal["undefined", "scalar", "vector", "matrix", "shapes"]
    value: Any  # ImmutableMatrix (a scalar 1×1, a vector a column), None when undefined,
    # or for a shape question {part: shape} (see linsteps.assess.shapequestions)
    decimal: bool = False
    degrees: bool = False
    text: str = ""


def read_answer(text: str, *, imaginary_unit: bool = False) -> Answer:
    """Read an answer: "undefined" (未定义), or a value in the input syntax, optionally with °
    (with ``imaginary_unit``, ``i`` is √−1, as in the operands of ``dot --complex``)."""
    import sympy

    from linsteps.reading.parsing import parse_value

    if " ".join(text.split()).lower() in UNDEFINED_WORDS:
        return Answer("undefined", None, text=text)
    degrees = False
    match = _DEGREES.match(text)
    if match and match["value"].strip():
        text, degrees = match["value"], True
    parsed = parse_value(text, operand="answer", imaginary_unit=imaginary_unit)
    if parsed.kind == "vector":
        value = sympy.ImmutableMatrix([x for row in parsed.rows for x in row])
    else:
        value = sympy.ImmutableMatrix(parsed.rows)
    return Answer(parsed.kind, value, parsed.decimal, degrees, parsed.text)


def to_input(value: Any) -> str:
    """``value`` (a SymPy number, expression or matrix) written in the input syntax."""
    import sympy
    from sympy.printing.str import StrPrinter

    class _Printer(StrPrinter):  # type: ignore[misc]
        def _print_Exp1(self, expr: Any) -> str:
            return "exp(1)"

    def entry(x: Any) -> str:
        return str(_Printer().doprint(x)).replace(" ", "")

    if isinstance(value, sympy.MatrixBase):
        return (
            "[" + ", ".join("[" + ", ".join(map(entry, row)) + "]" for row in value.tolist()) + "]"
        )
    return entry(value)


__all__ = ["UNDEFINED_WORDS", "Answer", "read_answer", "to_input"]
