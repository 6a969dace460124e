"""Known directions, for cos, angle, norm and projection problems with clean answers.

Vectors with integer norms ((3, 4), (2, 3, 6), …) and direction pairs with a known angle
(π/6, π/4, π/3, π/2, 2π/3, 3π/4, 5π/6) are moved by random scaling, axis permutations and
sign flips, which keep the angle.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from linsteps.practice.problems.draw import Draw
from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.problem import Entry, Surd, Symbol

# Vectors with integer norms, up to order and signs.
PYTHAGOREAN: tuple[tuple[int, ...], ...] = (
    (3, 4), (5, 12), (6, 8), (8, 15), (0, 5),
    (1, 2, 2), (2, 3, 6), (1, 4, 8), (4, 4, 7), (2, 6, 9), (6, 6, 7), (0, 3, 4), (2, 4, 4),
    (1, 1, 1, 1), (1, 2, 2, 4), (2, 4, 5, 6), (1, 1, 3, 5), (2, 2, 4, 5), (0, 1, 2, 2),
)  # fmt: skip

# Vectors with a surd entry and an integer norm (hard).
PYTHAGOREAN_SURDS: tuple[tuple[Entry, ...], ...] = (
    (1, Surd(1, 3)), (2, Surd(1, 5)), (3, Surd(1, 7)), (Surd(1, 2), Surd(1, 2)),
    (1, 1, Surd(1, 2)), (2, Surd(1, 5), 2), (Surd(1, 3), Surd(1, 6)),
)  # fmt: skip

# Direction pairs with a known angle, as (angle, a, b).
ANGLE_PAIRS: tuple[tuple[str, tuple[Entry, ...], tuple[Entry, ...]], ...] = (
    ("pi/4", (1, 0), (1, 1)),
    ("pi/4", (1, 2), (3, 1)),
    ("pi/4", (3, 4), (7, 1)),
    ("pi/2", (1, 0), (0, 1)),
    ("pi/2", (1, 2, 0), (0, 0, 1)),
    ("pi/2", (1, 2), (-2, 1)),
    ("pi/2", (1, 2, 3), (3, 0, -1)),
    ("pi/2", (2, 1, 2), (1, -2, 0)),
    ("pi/3", (1, 1, 0), (0, 1, 1)),
    ("pi/3", (1, 1, 0, 0), (1, 0, 1, 0)),
    ("pi/6", (0, 1, 1), (1, 1, 2)),
    ("pi/6", (1, 1, 1, 1), (1, 1, 1, 0)),
    ("2*pi/3", (1, 1, 0), (-1, 0, 1)),
    ("2*pi/3", (1, -1, 0), (0, 1, -1)),
    ("3*pi/4", (1, 0), (-1, 1)),
    ("3*pi/4", (1, 2), (-3, -1)),
    ("5*pi/6", (0, 1, 1), (-1, -1, -2)),
    ("pi/3", (1, 0), (1, Surd(1, 3))),
    ("pi/6", (1, 0), (Surd(1, 3), 1)),
    ("2*pi/3", (1, 0), (-1, Surd(1, 3))),
    ("5*pi/6", (1, 0), (Surd(-1, 3), 1)),
)

# Directions b with a vector w orthogonal to it: a = t·b + s·w projects onto b as t·b.
PROJECTIONS: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = (
    ((1, 0), (0, 1)), ((1, 1), (1, -1)), ((3, 4), (4, -3)), ((1, 2), (2, -1)),
    ((1, 0, 0), (0, 1, 1)), ((1, 1, 0), (1, -1, 2)), ((1, 2, 2), (2, 1, -2)),
    ((2, 1, 2), (1, 0, -1)), ((1, 1, 1), (1, -1, 0)), ((0, 3, 4), (1, 0, 0)),
    ((2, 3, 6), (3, -2, 0)),
)  # fmt: skip


def _negative(x: Entry) -> bool:
    if isinstance(x, Surd | Symbol):
        return x.coef < 0
    return x < 0


def _negate(x: Entry) -> Entry:
    if isinstance(x, Surd):
        return Surd(-x.coef, x.radicand)
    if isinstance(x, Symbol):
        return Symbol(-x.coef, x.name)
    return -x


def _scale(x: Entry, k: int) -> Entry:
    if isinstance(x, Surd):
        return Surd(x.coef * k, x.radicand)
    if isinstance(x, Symbol):
        return Symbol(x.coef * k, x.name)
    return x * k


def _size(x: Entry) -> int:
    if isinstance(x, Surd | Symbol):
        return abs(x.coef)
    return int(abs(x.numerator) // x.denominator) if isinstance(x, Fraction) else abs(x)


def _fits(entries: Sequence[Entry], level: Level) -> bool:
    """Return True when the entries respect the level (signs, surds, range)."""
    if not level.signs and any(_negative(x) for x in entries):
        return False
    if not level.surds and any(isinstance(x, Surd) for x in entries):
        return False
    return all(_size(x) <= level.top for x in entries)


def _largest_scale(entries: Sequence[Entry], level: Level) -> int:
    biggest = max(_size(x) for x in entries) or 1
    return max(1, level.top // biggest)


def move(draw: Draw, level: Level, vectors: Sequence[Sequence[Entry]]) -> list[list[Entry]]:
    """Pad with zeros to a length of the level, permute axes and flip signs (the same for
    every vector), and scale each vector by its own positive integer: angles do not change."""
    n = len(vectors[0])
    target = max(n, draw.pick(level.lengths))
    padded = [list(v) + [0] * (target - n) for v in vectors]
    order = draw.permutation(target)
    flips = [level.signs and draw.chance(1, 3) for _ in range(target)]
    out = []
    for v in padded:
        moved = [_negate(v[i]) if flips[k] else v[i] for k, i in enumerate(order)]
        k = draw.between(1, _largest_scale(moved, level))
        out.append([_scale(x, k) for x in moved])
    return out


def usable(level: Level, *vectors: Sequence[Entry]) -> bool:
    """Return True when the vectors respect the level and none is longer than it allows."""
    return all(_fits(v, level) for v in vectors) and all(
        len(v) <= max(level.lengths) for v in vectors
    )
