"""What a picture of two vectors shows: their coordinates, the angle θ and a projection.

The numbers come from the derivation (its operands and its exact result); the drawing in
:mod:`linsteps.render.plot` only places them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from linsteps.derivation.steps import Derivation
from linsteps.errors import UsageError

PLOTTED = ("cos", "angle", "dot", "project")


@dataclass(frozen=True)
class Drawing:
    """A drawn picture for a document: its bytes (``svg`` or ``png``) and where it was written.

    ``href`` is the path of the written file relative to the document (Markdown links to it);
    HTML embeds ``data`` itself, so the page stays self-contained.
    """

    kind: str
    data: bytes
    href: str


@dataclass(frozen=True)
class Picture:
    """Vectors from the origin, the angle between the first two, and a projection."""

    vectors: tuple[tuple[str, tuple[float, ...]], ...]
    theta: float | None
    theta_degrees: str
    projection: tuple[float, ...] | None = None

    @property
    def dims(self) -> int:
        """Return 2 or 3."""
        return len(self.vectors[0][1])


def _floats(value: Any, operand: str) -> tuple[float, ...]:
    numbers = []
    for entry in value:
        if not (entry.is_number and entry.is_real):
            raise UsageError("plot_not_numeric", operand=operand)
        number = float(entry.evalf(20))
        if not math.isfinite(number):
            raise UsageError("plot_too_large", operand=operand)
        numbers.append(number)
    return tuple(numbers)


def picture_of(derivation: Derivation) -> Picture:
    """Return the picture of a cos, angle, dot or project derivation of 2-D or 3-D vectors."""
    import sympy

    settings = derivation.settings
    if derivation.operation not in PLOTTED or settings.get("pairwise"):
        raise UsageError("plot_operation", operation=derivation.operation)
    first, second = derivation.inputs[0], derivation.inputs[1]
    if first.length not in (2, 3):
        raise UsageError("plot_dims", n=first.length)
    a, b = _floats(first.value, first.name), _floats(second.value, second.name)
    u, v = first.value, second.value
    theta = None
    degrees = ""
    if any(x != 0 for x in a) and any(x != 0 for x in b):
        exact = sympy.acos(u.dot(v) / (sympy.sqrt(u.dot(u)) * sympy.sqrt(v.dot(v))))
        theta = float(exact.evalf(20))
        degrees = f"{float((exact * 180 / sympy.pi).evalf(20)):.2f}°"
    projection = None
    if derivation.operation == "project":
        projection = _floats(derivation.result, "proj")
    return Picture(((first.name, a), (second.name, b)), theta, degrees, projection)
