"""Random draws: every choice goes through :class:`Draw`, and the random entries built from it.

:class:`Draw` uses only ``random.Random.randrange``: its algorithm (``getrandbits`` with
rejection) is the same on every Python version we support, so a seed gives the same problems
everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.problem import Entry, Surd, Symbol


class Draw:
    """Random choices from a ``random.Random``, through ``randrange`` only."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def below(self, n: int) -> int:
        """Return an integer in [0, n)."""
        return self.rng.randrange(n)

    def between(self, low: int, high: int) -> int:
        """Return an integer in [low, high]."""
        return low + self.rng.randrange(high - low + 1)

    def chance(self, numerator: int, denominator: int) -> bool:
        """Return True with probability numerator/denominator."""
        return self.rng.randrange(denominator) < numerator

    def pick(self, items: Sequence[Any]) -> Any:
        """Return one item."""
        return items[self.rng.randrange(len(items))]

    def permutation(self, n: int) -> list[int]:
        """Return a permutation of range(n) (Fisher–Yates)."""
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.rng.randrange(i + 1)
            order[i], order[j] = order[j], order[i]
        return order


def integer(draw: Draw, level: Level, nonzero: bool = False) -> int:
    """Return a random integer entry of the level's range."""
    low = level.low - level.spread if level.low < 0 else level.low
    while True:
        value = draw.between(low, level.high + level.spread)
        if value or not nonzero:
            return value


def fancy(draw: Draw, level: Level, symbols: bool = True) -> Entry:
    """Return an entry that is not a plain integer: a fraction, a surd or a symbol."""
    kinds = []
    if level.fractions:
        kinds.append("fraction")
    if level.surds:
        kinds.append("surd")
    if level.symbols and symbols:
        kinds.append("symbol")
    kind = draw.pick(kinds)
    sign = -1 if level.signs and draw.chance(1, 3) else 1
    if kind == "fraction":
        q = draw.pick((2, 3, 4))
        p = draw.between(1, 2 * q + 1)
        if p % q == 0:
            p += 1
        return Fraction(sign * p, q)
    if kind == "surd":
        return Surd(sign * draw.between(1, 3), draw.pick((2, 3, 5)))
    return Symbol(sign * draw.between(1, 2), draw.pick(("x", "y")))


def vector(draw: Draw, level: Level, n: int, extras: int = 1, symbols: bool = True) -> list[Entry]:
    """Return n entries; up to ``extras`` of them fractions, surds or symbols when the level
    has them (in about half of the problems)."""
    values: list[Entry] = [integer(draw, level) for _ in range(n)]
    has_extras = level.fractions or level.surds or (level.symbols and symbols)
    if has_extras and draw.chance(1, 2):
        for _ in range(draw.between(1, extras)):
            values[draw.below(n)] = fancy(draw, level, symbols)
    if all(v == 0 for v in values):
        values[draw.below(n)] = integer(draw, level, nonzero=True) or 1
    return values


def matrix(draw: Draw, level: Level, rows: int, cols: int) -> list[list[Entry]]:
    """Return a rows×cols matrix of entries (at most one fraction, surd or symbol)."""
    flat = vector(draw, level, rows * cols, extras=1)
    return [flat[i * cols : (i + 1) * cols] for i in range(rows)]
