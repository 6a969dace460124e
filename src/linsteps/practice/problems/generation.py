"""Generating a sheet's problems from a seed: distinct problems cycling through the topics."""

from __future__ import annotations

import random
from collections.abc import Sequence

from linsteps.errors import UsageError
from linsteps.practice.problems.draw import Draw
from linsteps.practice.problems.levels import LEVELS, check_difficulty, widened
from linsteps.practice.problems.problem import Problem
from linsteps.practice.problems.topics import CAN_BE_UNDEFINED, GENERATORS

MAX_COUNT = 10_000


def check_count(count: int) -> int:
    """Return ``count`` when it is from 1 to 10,000."""
    if not 1 <= count <= MAX_COUNT:
        raise UsageError("bad_count", value=count, most=MAX_COUNT)
    return count


def generate(seed: int, count: int, topics: Sequence[str], difficulty: str) -> list[Problem]:
    """Return ``count`` distinct problems cycling through ``topics``, drawn from ``seed``.

    A product problem is undefined about one time in five.  When a topic keeps repeating
    problems (a long sheet of one topic), its ranges widen until a new problem turns up.
    """
    draw = Draw(random.Random(seed))
    base = LEVELS[check_difficulty(difficulty)]
    seen: set[tuple[str, tuple[str, ...]]] = set()
    repeats = dict.fromkeys(topics, 0)
    problems: list[Problem] = []
    for index in range(check_count(count)):
        topic = topics[index % len(topics)]
        undefined = topic in CAN_BE_UNDEFINED and draw.chance(1, 5)
        while True:
            level = base if not repeats[topic] else widened(base, repeats[topic] // 8)
            problem = GENERATORS[topic](draw, level, undefined)
            if problem.identity() not in seen:
                break
            repeats[topic] += 1
        seen.add(problem.identity())
        problems.append(problem)
    return problems
