"""Difficulties: the sizes and ranges of the numbers on a sheet of each level."""

from __future__ import annotations

from dataclasses import dataclass, replace

from linsteps.errors import UsageError

DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Level:
    """Sizes and ranges of one difficulty, widened by ``spread`` when problems repeat."""

    name: str
    lengths: tuple[int, ...]
    low: int
    high: int
    shapes: tuple[tuple[int, int, int], ...]  # m, n, p of an m×n · n×p product
    fractions: bool = False
    surds: bool = False
    symbols: bool = False
    signs: bool = False
    spread: int = 0
    layers: tuple[tuple[int, int], ...] = ((2, 2), (2, 3), (3, 2))  # out, in features
    heads: tuple[tuple[int, int, int], ...] = ((2, 2, 1),)  # queries, keys, d_k

    @property
    def top(self) -> int:
        """Return the largest absolute entry allowed."""
        return max(abs(self.low), self.high) + self.spread


LEVELS = {
    "easy": Level(
        "easy",
        (2, 3),
        0,
        5,
        ((2, 2, 2), (2, 2, 1), (2, 3, 2), (3, 2, 2), (2, 3, 1)),
        layers=((2, 2), (2, 3), (3, 2)),
        heads=((1, 2, 1), (2, 2, 1), (2, 3, 1)),
    ),
    "medium": Level(
        "medium",
        (3, 4),
        -9,
        9,
        ((2, 3, 2), (3, 2, 2), (2, 2, 3), (3, 3, 1), (2, 3, 1), (3, 2, 3)),
        fractions=True,
        signs=True,
        layers=((2, 3), (3, 2), (3, 3), (2, 4)),
        heads=((2, 2, 1), (2, 3, 1), (2, 2, 4), (1, 3, 4)),
    ),
    "hard": Level(
        "hard",
        (3, 4),
        -9,
        9,
        ((3, 3, 3), (2, 4, 2), (2, 4, 3), (3, 3, 1), (2, 4, 1), (4, 2, 4)),
        surds=True,
        symbols=True,
        signs=True,
        layers=((3, 3), (3, 4), (4, 3), (2, 4)),
        heads=((2, 2, 2), (2, 3, 2), (2, 2, 4), (3, 3, 1)),
    ),
}


def check_difficulty(text: str) -> str:
    """Return the difficulty when it is easy, medium or hard."""
    if text not in LEVELS:
        raise UsageError("bad_difficulty", value=text, choices=", ".join(DIFFICULTIES))
    return text


def widened(level: Level, spread: int) -> Level:
    """Return ``level`` with its ranges widened by ``spread`` (the level itself for 0)."""
    if spread == 0:
        return level
    return replace(level, spread=spread)
