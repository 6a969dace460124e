"""Shape questions: which of AB, BA, A∘B and a·b are defined, and what shape each one is.

A student answers every part on one line, the parts separated by ``,`` ``;`` or new lines::

    AB: 2x3, BA: undefined, A∘B: undefined, a·b: scalar

- a part is ``NAME: VALUE`` (``:``, ``：`` or ``=``); spaces do not matter, nor does the order;
- ``NAME`` is a part the question asks, as printed (``AB``, ``BA``, ``A∘B``, ``a·b``); ``∘``
  may be typed ``o``, ``⊙`` or ``.*``, and ``·`` as ``.`` or ``*``;
- ``VALUE`` is a shape ``ROWSxCOLUMNS`` (``x``, ``×``, ``X`` or ``*``; also ``(2, 3)``),
  ``scalar`` (标量; a 1×1 shape counts as one), or ``undefined`` (未定义).

The answer is read by :func:`read_shapes`, a small scanner with regular expressions on text of
bounded length: nothing is evaluated.  Each part is graded against the shape the engine derives
for it (:mod:`linsteps.assess.shapechecking`); a wrong part is named with ``wrong_shape`` or
``not_defined``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from linsteps.assess.answers import UNDEFINED_WORDS
from linsteps.errors import LimitError, ParseError, UsageError

OPERATION = "shapes"
DEFAULT_PARTS = (
    {"expression": "AB", "operation": "matmul", "inputs": [0, 1]},
    {"expression": "BA", "operation": "matmul", "inputs": [1, 0]},
    {"expression": "A∘B", "operation": "hadamard", "inputs": [0, 1]},
    {"expression": "a·b", "operation": "dot", "inputs": [2, 3]},
)
INPUT_NAMES = ("A", "B", "a", "b")  # what the parts call the inputs: BA is B times A
PART_OPERATIONS = frozenset({"matmul", "hadamard", "dot", "outer"})
MAX_LENGTH = 1000
MAX_SIZE = 10**6
SCALAR_WORDS = frozenset({"scalar", "a scalar", "number", "a number", "标量", "一个标量", "数"})
_PART = re.compile(
    r"\s*(?P<name>[^:：=,;，；\n]*?)\s*[:：=]\s*"
    r"(?P<value>\(\s*\d+\s*[,x×X*]\s*\d+\s*\)|[^,;，；\n]*?)\s*(?:[,;，；\n]|$)"
)
_SHAPE = re.compile(r"\(?\s*(\d{1,7})\s*[x×X*,]\s*(\d{1,7})\s*\)?")
_ALIASES = ((".*", "∘"), ("⊙", "∘"), ("o", "∘"), ("⋅", "·"), (".", "·"), ("*", "·"))

Shape = tuple[int, int] | str  # (rows, columns), "scalar" or "undefined"


def normalize(name: str) -> str:
    """A part's name without spaces, with the typed forms of ∘ and · replaced."""
    text = "".join(name.split())
    for typed, symbol in _ALIASES:
        text = text.replace(typed, symbol)
    return text


def read_shapes(text: str, names: Sequence[str]) -> dict[str, Shape]:
    """Read ``AB: 2x3, BA: undefined, …`` into {part: shape}; raise ParseError if unreadable.

    Parts not answered are left out (the grader counts them wrong).
    """
    if len(text) > MAX_LENGTH:
        raise LimitError("too_long", operand="answer", length=len(text), limit=MAX_LENGTH)
    if not text.strip():
        raise ParseError("shape_answer_empty", example=_example(names))
    known = {normalize(n): n for n in names}
    found: dict[str, Shape] = {}
    position = 0
    while position < len(text) and text[position:].strip():
        match = _PART.match(text, position)
        if match is None or match.end() == position:
            column = position + len(text[position:]) - len(text[position:].lstrip()) + 1
            piece = re.split(r"[,;，；\n]", text[position:].strip(), maxsplit=1)[0]
            raise ParseError("shape_answer_part", text=piece[:40], column=column)
        column = match.start("name") + 1
        name = known.get(normalize(match["name"]))
        if name is None:
            raise ParseError(
                "shape_answer_name", name=match["name"][:40], column=column,
                choices=", ".join(names),
            )  # fmt: skip
        if name in found:
            raise ParseError("shape_answer_twice", name=name, column=column)
        found[name] = _value(match["value"], name, match.start("value") + 1, UNDEFINED_WORDS)
        position = match.end()
    return found


def _value(text: str, name: str, column: int, undefined: frozenset[str]) -> Shape:
    words = " ".join(text.split()).lower()
    if words in undefined:
        return "undefined"
    if words in SCALAR_WORDS:
        return "scalar"
    match = _SHAPE.fullmatch(text.strip())
    if match is None or not all(1 <= int(g) <= MAX_SIZE for g in match.groups()):
        raise ParseError("shape_answer_value", value=text.strip()[:40], name=name, column=column)
    rows, cols = int(match[1]), int(match[2])
    return (rows, cols)


def _example(names: Sequence[str]) -> str:
    return ", ".join(f"{n}: 2x3" if i == 0 else f"{n}: undefined" for i, n in enumerate(names[:2]))


def shape_text(shape: Shape | None, lang: str = "en") -> str:
    """A shape as it is printed: ``2×3``, ``scalar`` or ``undefined`` in ``lang``."""
    from linsteps.i18n import translate

    if shape is None:
        return "—"
    if isinstance(shape, tuple):
        return f"{shape[0]}×{shape[1]}"
    return translate(lang, "check.undefined" if shape == "undefined" else "check.scalar")


def parts_of(options: Mapping[str, Any], inputs: int) -> list[dict[str, Any]]:
    """The parts a shape question asks (the four defaults when none are given), validated."""
    from linsteps.ops import OPERATIONS

    parts = options.get("parts") or [dict(p) for p in DEFAULT_PARTS]
    checked = []
    for part in parts:
        expression, operation = part.get("expression"), part.get("operation")
        indices = part.get("inputs")
        valid = (
            isinstance(expression, str)
            and expression.strip()
            and operation in OPERATIONS
            and isinstance(indices, list | tuple)
            and len(indices) == 2
            and all(isinstance(i, int) and not isinstance(i, bool) for i in indices)
        )
        if not valid or not all(0 <= i < inputs for i in indices):
            raise UsageError("operand_count", operation=OPERATION, count=inputs)
        checked.append({"expression": expression, "operation": operation, "inputs": list(indices)})
    return checked


@dataclass(frozen=True)
class PartResult:
    """What the engine derives for one part: its shape, or why it is undefined."""

    expression: str
    shape: Shape
    reason: Any = None  # the LinstepsError of an undefined part
    derivation: Any = None


def is_shapes(operation: str) -> bool:
    """True for the operation of a shape question."""
    return operation == OPERATION


def derive_part(operation: str, inputs: Sequence[Any], indices: Sequence[int] = ()) -> PartResult:
    """Derive one part with the engine and read the shape of its result.

    ``indices`` are the positions of the inputs in the question: each input is called by the
    name of its position (:data:`INPUT_NAMES`), so the part BA derives B times A.
    """
    import sympy

    from linsteps.derivation.operands import to_operand
    from linsteps.errors import ShapeError, UndefinedError
    from linsteps.ops import OPERATIONS

    derive: Any = OPERATIONS[operation]
    named = [
        to_operand(x, INPUT_NAMES[i]) if i < len(INPUT_NAMES) else x
        for x, i in zip(inputs, indices or range(len(inputs)), strict=True)
    ]
    try:
        derivation = derive(*named)
    except (ShapeError, UndefinedError) as error:
        return PartResult("", "undefined", error)
    result = derivation.result
    if isinstance(result, sympy.MatrixBase):
        return PartResult("", (int(result.rows), int(result.cols)), None, derivation)
    return PartResult("", "scalar", None, derivation)


def same_shape(answer: Shape, expected: Shape) -> bool:
    """True when two shapes agree (a scalar and 1×1 agree)."""

    def plain(shape: Shape) -> Shape:
        return "scalar" if shape == (1, 1) else shape

    return plain(answer) == plain(expected)


def swapped(answer: Shape, expected: Shape) -> bool:
    """True when the answer has the rows and columns of the expected shape exchanged."""
    return isinstance(answer, tuple) and isinstance(expected, tuple) and answer[::-1] == expected


__all__ = [
    "DEFAULT_PARTS",
    "INPUT_NAMES",
    "PartResult",
    "derive_part",
    "is_shapes",
    "parts_of",
    "read_shapes",
    "same_shape",
    "shape_text",
]
