"""Generators of the products: a·b, A∘B, AB, a bᵀ, and "which product is this?"."""

from __future__ import annotations

from linsteps.practice.problems.draw import Draw, matrix, vector
from linsteps.practice.problems.levels import Level
from linsteps.practice.problems.problem import Operand, Problem, problem


def dot(draw: Draw, level: Level, undefined: bool) -> Problem:
    """a·b of two vectors of the same length (different lengths when ``undefined``)."""
    n = draw.pick(level.lengths)
    m = n + draw.pick((-1, 1)) if undefined else n
    m = m if m >= 2 else n + 1
    a, b = vector(draw, level, n), vector(draw, level, m)
    return problem("dot", a, b)


def hadamard(draw: Draw, level: Level, undefined: bool) -> Problem:
    """A∘B of two matrices (or vectors) of one shape; transposed shapes when ``undefined``."""
    m, n, _ = draw.pick(level.shapes)
    n = max(n, 2)
    if draw.chance(1, 4):
        size = draw.pick(level.lengths)
        a = vector(draw, level, size)
        b = vector(draw, level, size + 1 if undefined else size)
        return problem("hadamard", a, b)
    if undefined and m == n:
        n += 1
    rows_b, cols_b = (n, m) if undefined else (m, n)
    a_rows, b_rows = matrix(draw, level, m, n), matrix(draw, level, rows_b, cols_b)
    return problem("hadamard", a_rows, b_rows)


def matmul(draw: Draw, level: Level, undefined: bool) -> Problem:
    """AB with m×n · n×p (a vector when p is 1); inner sizes that differ when ``undefined``."""
    m, n, p = draw.pick(level.shapes)
    if undefined:
        k = n + draw.pick((-1, 1)) if n > 2 else n + 1
        a, b = matrix(draw, level, m, n), matrix(draw, level, k, max(p, 2))
        if m == k and draw.chance(1, 2):
            b = matrix(draw, level, k, n)
        return problem("matmul", a, b)
    a = matrix(draw, level, m, n)
    if p == 1:
        return problem("matmul", a, vector(draw, level, n))
    return problem("matmul", a, matrix(draw, level, n, p))


def outer(draw: Draw, level: Level, undefined: bool) -> Problem:
    """a bᵀ of two vectors, of the same or different lengths (always defined)."""
    n, m = draw.pick(level.lengths), draw.pick(level.lengths)
    return problem("outer", vector(draw, level, n), vector(draw, level, m))


# "Which product is this, and is it defined?": a product of compare's table, its operation.
PRODUCT_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "vectors": (("dot", "dot"), ("hadamard", "hadamard"), ("outer", "outer"), ("atb", "matmul")),
    "matrices": (
        ("ab", "matmul"),
        ("ba", "matmul"),
        ("hadamard", "hadamard"),
        ("atb", "matmul"),
        ("abt", "matmul"),
    ),
    "matrix_vector": (("ax", "matmul"), ("xta", "matmul"), ("hadamard", "hadamard")),
}


def products(draw: Draw, level: Level, undefined: bool) -> Problem:
    """One product of compare's table (a·b, a∘b, a bᵀ, aᵀb, AB, BA, A∘B, AᵀB, ABᵀ, Ax, xᵀA, A∘x)
    of two small operands: which product it is, whether it is defined, and its value.

    Sizes are 2 or 3, so that about a third of the products asked are undefined."""
    mode = draw.pick(tuple(PRODUCT_CHOICES))
    name, operation = draw.pick(PRODUCT_CHOICES[mode])
    sizes = (2, 3)
    first: Operand
    second: Operand
    if mode == "vectors":
        n = draw.pick(sizes)
        m = n if draw.chance(2, 3) else 5 - n
        first, second = vector(draw, level, n), vector(draw, level, m)
    elif mode == "matrices":
        m, n = draw.pick(sizes), draw.pick(sizes)
        shape = draw.pick(((m, n), (n, m), (draw.pick(sizes), draw.pick(sizes))))
        first, second = matrix(draw, level, m, n), matrix(draw, level, *shape)
    else:
        m, n = draw.pick(sizes), draw.pick(sizes)
        first, second = matrix(draw, level, m, n), vector(draw, level, draw.pick((m, n)))
    made = problem("products", first, second, options={"product": name})
    return Problem("products", operation, made.inputs, made.options, made.entries)
