"""Generators of the layers: y = Wx + b and attention, softmax(QKᵀ/√d_k)·V."""

from __future__ import annotations

from linsteps.practice.problems.draw import Draw, matrix, vector
from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.problem import Entry, Operand, Problem, problem


def linear(draw: Draw, level: Level, undefined: bool) -> Problem:
    """y = Wx + b (a batch X of two samples one time in four, beyond easy); when
    ``undefined``, x with the wrong number of in_features or b of the wrong out_features."""
    out_features, in_features = draw.pick(level.layers)
    w = matrix(draw, level, out_features, in_features)
    width, bias_length = in_features, out_features
    if undefined:
        if draw.chance(1, 2):
            width += draw.pick((-1, 1)) if width > 2 else 1
        else:
            bias_length += draw.pick((-1, 1)) if bias_length > 2 else 1
    batch = level.name != "easy" and draw.chance(1, 4)
    x: Operand = matrix(draw, level, 2, width) if batch else vector(draw, level, width)
    if draw.chance(1, 5) and not (undefined and bias_length != out_features):
        return problem("linear", w, x)
    return problem("linear", w, x, vector(draw, level, bias_length, symbols=False))


def _small(draw: Draw, level: Level, rows: int, cols: int) -> list[list[Entry]]:
    """A rows×cols matrix of small whole numbers (0..2, or −1..2 with signs)."""
    low = -1 - level.spread if level.signs else 0
    return [[draw.between(low, 2 + level.spread) for _ in range(cols)] for _ in range(rows)]


def attention(draw: Draw, level: Level, undefined: bool) -> Problem:
    """softmax(QKᵀ/√d_k)·V with tiny whole numbers, so the exact softmax stays readable; V
    half the time.  d_k is 1 or 4 below hard (an integer √d_k), 2 for hard's surds.  When
    ``undefined``, K has one more column than Q or V one row fewer than K."""
    queries, keys, d = draw.pick(level.heads)
    q = _small(draw, level, queries, d)
    if not any(any(row) for row in q):
        q[0][0] = 1  # a zero query weighs every key alike: nothing to compute
    with_values = draw.chance(1, 2)
    wrong_values = undefined and with_values and draw.chance(1, 2)
    k = _small(draw, level, keys, d + 1 if undefined and not wrong_values else d)
    if not with_values:
        return problem("attention", q, k)
    v = _small(draw, level, keys - 1 if wrong_values else keys, draw.between(1, 2))
    return problem("attention", q, k, v)
