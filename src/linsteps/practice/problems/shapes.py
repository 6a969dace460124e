"""The generator of shape questions: which of AB, BA, A∘B and a·b are defined, and their shapes."""

from __future__ import annotations

from linsteps.practice.problems.draw import Draw, matrix, vector
from linsteps.practice.problems.levels import LEVELS, Level
from linsteps.practice.problems.problem import Problem, problem

# The parts asked: an expression, its operation and the indices of its inputs (A, B, a, b).
SHAPE_PARTS = (
    ("AB", "matmul", (0, 1)),
    ("BA", "matmul", (1, 0)),
    ("A∘B", "hadamard", (0, 1)),
    ("a·b", "dot", (2, 3)),
)


def shapes(draw: Draw, level: Level, undefined: bool) -> Problem:
    """Which of AB, BA, A∘B and a·b are defined, and their shapes (small integer entries).

    B is A's shape transposed (AB and BA defined), A's shape (A∘B defined), a shape that
    chains on one side only, or any shape; a and b have the same length half the time."""
    high = 3 if level.name == "easy" else 4
    m = draw.between(1, high)
    n = draw.pick([k for k in range(2, high + 1) if k != m])
    p = draw.pick([k for k in range(1, high + 1) if k != m])
    kind = draw.below(4)
    b_shape = ((n, m), (m, n), (n, p), (draw.between(1, high), draw.between(1, high)))[kind]
    plain = LEVELS["easy"]
    a_rows, b_rows = matrix(draw, plain, m, n), matrix(draw, plain, *b_shape)
    size = draw.between(2, high)
    other = size if draw.chance(1, 2) else draw.pick([k for k in range(2, high + 2) if k != size])
    a, b = vector(draw, plain, size), vector(draw, plain, other)
    parts = [
        {"expression": expr, "operation": op, "inputs": list(indices)}
        for expr, op, indices in SHAPE_PARTS
    ]
    return problem("shapes", a_rows, b_rows, a, b, options={"parts": parts})
