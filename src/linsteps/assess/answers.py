"""Reading an answer: "undefined" in either language, or a value in the input syntax, with °.

The answer is read by the same whitelisted parser as the operands (nothing is evaluated);
:func:`to_input` writes a value back in that syntax.  Read against a problem (``names``), an
answer may use only the problem's names: ``e`` is Euler's number unless the problem names a
symbol ``e``, and any other name is refused with a hint (``sqrt14``: did you mean sqrt(14)?).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass
from typing import Any, Literal

from linsteps.errors import ParseError

UNDEFINED_WORDS = frozenset({"undefined", "not defined", "undef", "未定义", "无定义", "不存在"})
_DEGREES = re.compile(r"^(?P<value>.*?)\s*(?:°|deg|degrees|度)\s*$", re.DOTALL)
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_ONE_DECIMAL_COMMA = re.compile(r"\s*[-+−]?\d+,\d+\s*°?\s*")
# The functions of the input grammar, longest first: ``sqrt14`` is suggested as ``sqrt(14)``.
_FUNCTIONS = ("arccos", "arcsin", "arctan", "acos", "asin", "atan", "sqrt", "exp", "sin",
              "cos", "tan", "abs", "ln", "log")  # fmt: skip


@dataclass(frozen=True)
class Answer:
    """An answer as read: ``kind`` is undefined, scalar, vector or matrix; values exact."""

    kind: Literal["undefined", "scalar", "vector", "matrix", "shapes", "tensor"]
    value: Any  # ImmutableMatrix (a scalar 1×1, a vector a column), None when undefined,
    # or for a shape question {part: shape} (see linsteps.assess.shapequestions), or for an
    # einsum, broadcasting or code-shape question {"shape", "product"} (assess.mlquestions)
    decimal: bool = False
    degrees: bool = False
    text: str = ""


def read_answer(
    text: str,
    *,
    imaginary_unit: bool = False,
    names: Set[str] | None = None,
    decimal_comma: bool = False,
) -> Answer:
    """Read an answer: "undefined" (未定义), or a value in the input syntax, optionally with °.

    With ``imaginary_unit``, ``i`` is √−1 (as in the operands of ``dot --complex``).  With
    ``names`` (the symbols of the problem) ``e`` is Euler's number unless it is one of them, and
    any name not among them raises ``ParseError``.  With ``decimal_comma``, a comma between two
    digits is a decimal point (``3,74`` is 3.74).
    """
    import sympy

    from linsteps.reading.parsing import parse_value

    if " ".join(text.split()).lower() in UNDEFINED_WORDS:
        return Answer("undefined", None, text=text)
    source = text
    if decimal_comma:
        text = _DECIMAL_COMMA.sub(".", text)  # same length: columns stay those typed
    degrees = False
    match = _DEGREES.match(text)
    if match and match["value"].strip():
        text, degrees = match["value"], True
    parsed = parse_value(text, operand="answer", imaginary_unit=imaginary_unit)
    if parsed.kind == "vector":
        value = sympy.ImmutableMatrix([x for row in parsed.rows for x in row])
    else:
        value = sympy.ImmutableMatrix(parsed.rows)
    if names is not None:
        value = _within(value, names, source)
    return Answer(parsed.kind, value, parsed.decimal, degrees, source)


def looks_like_decimal_comma(text: str) -> bool:
    """True for one number written with a decimal comma, such as ``3,74``."""
    return _ONE_DECIMAL_COMMA.fullmatch(text) is not None


def _within(value: Any, names: Set[str], text: str) -> Any:
    """``value`` with ``e`` read as Euler's number, after refusing names not in ``names``."""
    import sympy

    symbols = value.free_symbols
    euler = {s: sympy.E for s in symbols if s.name == "e" and "e" not in names}
    unknown = sorted(s.name for s in symbols if s.name not in names and s not in euler)
    if unknown:
        raise unknown_name(unknown[0], names, text)
    return value.xreplace(euler) if euler else value


def unknown_name(name: str, names: Set[str], text: str) -> ParseError:
    """The error for a name the problem does not have, with the likeliest meaning."""
    column = _column(name, text)
    suggestion = suggest(name, names)
    if suggestion:
        return ParseError("unknown_name", operand="answer", name=name, column=column,
                          suggestion=suggestion)  # fmt: skip
    if not names:
        return ParseError("unknown_name_none", operand="answer", name=name, column=column)
    shown = ", ".join(sorted(names)[:8]) + (", …" if len(names) > 8 else "")
    return ParseError("unknown_name_known", operand="answer", name=name, column=column,
                      names=shown)  # fmt: skip


def suggest(name: str, names: Set[str]) -> str | None:
    """What ``name`` most likely means: ``sqrt14`` → ``sqrt(14)``, ``xy`` → ``x*y``,
    ``a1`` → ``a_1``, ``X`` → ``x``; None when nothing fits."""
    known = set(names) | {"pi", "e"}
    for function in _FUNCTIONS:
        rest = name[len(function) :]
        if name.startswith(function) and rest and (rest.isdigit() or rest in known):
            return f"{function}({rest})"
    underscored = re.sub(r"^([A-Za-z]+)(\d+)$", r"\1_\2", name)
    if underscored in names:
        return underscored
    folded = [n for n in names if n.lower() == name.lower()]
    if folded:
        return folded[0]
    parts = _split(name, known)
    if parts and len(parts) > 1:
        return "*".join(parts)
    return None


def _split(name: str, known: Iterable[str]) -> list[str] | None:
    """``name`` as a run of known names (longest first), or None."""
    words = sorted(set(known), key=len, reverse=True)
    best: dict[int, list[str]] = {0: []}
    for start in range(len(name)):
        if start not in best:
            continue
        for word in words:
            if word and name.startswith(word, start) and start + len(word) not in best:
                best[start + len(word)] = [*best[start], word]
    return best.get(len(name))


def _column(name: str, text: str) -> int:
    """The 1-based column where ``name`` is written in ``text`` (1 when not found)."""
    found = re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", text)
    return found.start() + 1 if found else 1


def to_input(value: Any) -> str:
    """``value`` (a SymPy number, expression or matrix) written in the input syntax."""
    import sympy
    from sympy.printing.str import StrPrinter

    class _Printer(StrPrinter):  # type: ignore[misc]
        def _print_Exp1(self, expr: Any) -> str:
            return "exp(1)"

        def _print_ImaginaryUnit(self, expr: Any) -> str:
            return "i"  # √−1 where the problem reads i so (dot --complex)

    def entry(x: Any) -> str:
        return str(_Printer().doprint(x)).replace(" ", "")

    if isinstance(value, sympy.MatrixBase):
        return (
            "[" + ", ".join("[" + ", ".join(map(entry, row)) + "]" for row in value.tolist()) + "]"
        )
    return entry(value)


__all__ = [
    "UNDEFINED_WORDS",
    "Answer",
    "looks_like_decimal_comma",
    "read_answer",
    "suggest",
    "to_input",
    "unknown_name",
]
