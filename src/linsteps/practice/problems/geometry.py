"""Generators of the geometry: ‖a‖, cos θ, θ and proj_b a, with clean answers."""

from __future__ import annotations

from fractions import Fraction

from linsteps.practice.problems.directions import (
    ANGLE_PAIRS,
    PROJECTIONS,
    PYTHAGOREAN,
    PYTHAGOREAN_SURDS,
    move,
    usable,
)
from linsteps.practice.problems.draw import Draw, integer, vector
from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.problem import Entry, Problem, problem


def norm(draw: Draw, level: Level, undefined: bool) -> Problem:
    """‖a‖: half the time a vector with an integer norm, else a single surd."""
    if draw.chance(1, 2):
        choices: list[tuple[Entry, ...]] = [v for v in PYTHAGOREAN if len(v) <= max(level.lengths)]
        if level.surds:
            choices += [v for v in PYTHAGOREAN_SURDS if len(v) <= max(level.lengths)]
        (a,) = move(draw, level, [draw.pick(choices)])
        if usable(level, a):
            if level.fractions and draw.chance(1, 4):
                a = [Fraction(x, 2) if isinstance(x, int) else x for x in a]
            return problem("norm", a)
    a = vector(draw, level, draw.pick(level.lengths), symbols=False)
    return problem("norm", a)


def cos(draw: Draw, level: Level, undefined: bool) -> Problem:
    """cos θ with a vector of integer norm and another of integer or surd norm."""
    choices: list[tuple[Entry, ...]] = [v for v in PYTHAGOREAN if len(v) <= max(level.lengths)]
    if level.surds:
        choices += [v for v in PYTHAGOREAN_SURDS if len(v) <= max(level.lengths)]
    for _ in range(50):
        first = draw.pick(choices)
        if draw.chance(1, 2):
            same = [v for v in choices if len(v) == len(first)]
            a, b = move(draw, level, [first, draw.pick(same)])
        else:
            (a,) = move(draw, level, [first])
            b = [integer(draw, level) for _ in a]
        if usable(level, a, b) and any(x != 0 for x in b) and a != b:
            if level.fractions and draw.chance(1, 4):
                a = [Fraction(x, 2) if isinstance(x, int) else x for x in a]
            return problem("cos", a, b)
    return problem("cos", [3, 4], [4 + level.spread, 3])


def angle(draw: Draw, level: Level, undefined: bool) -> Problem:
    """θ between a known direction pair, moved so that its angle stays clean."""
    pairs = [p for p in ANGLE_PAIRS if usable(level, p[1], p[2])]
    for _ in range(50):
        _, a0, b0 = draw.pick(pairs)
        a, b = move(draw, level, [a0, b0])
        if draw.chance(1, 2):
            a, b = b, a
        if usable(level, a, b):
            return problem("angle", a, b)
    k = 1 + level.spread
    return problem("angle", [k, 0], [1, 1])


def project(draw: Draw, level: Level, undefined: bool) -> Problem:
    """proj_b a with a clean answer: a = t·b + s·w with w ⊥ b, so proj_b a = t·b.

    Axis permutations, sign flips and scaling (``move``) keep the answer a whole multiple of b.
    """
    low = -2 if level.signs else 0
    for _ in range(50):
        b0, w = draw.pick(PROJECTIONS)
        t = draw.between(1, 2 + level.spread) * (-1 if level.signs and draw.chance(1, 4) else 1)
        s = draw.between(low, 2 + level.spread)
        a0 = [t * x + s * y for x, y in zip(b0, w, strict=True)]
        a, b = move(draw, level, [a0, b0])
        if usable(level, a, b) and any(a):
            return problem("project", a, b)
    k = 1 + level.spread
    return problem("project", [k, 2], [1, 0])
