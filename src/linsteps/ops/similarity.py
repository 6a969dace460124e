"""The cosine-similarity matrix of a list of vectors: Sᵢⱼ = cos θᵢⱼ between rows i and j."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Product, Quotient
from linsteps.derivation.matrices import Dot, Grid, Indexed, Norm, Similarity
from linsteps.derivation.operands import to_operand
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Link,
    Note,
    Operand,
    Result,
    Rule,
)
from linsteps.derivation.values import Name, Value
from linsteps.errors import ShapeError, UndefinedError
from linsteps.ops.common import DEFAULT_PLACES, approximate, settings_of
from linsteps.ops.divisors import is_zero_vector, vector_condition, zero_status
from linsteps.ops.sizes import check_size, radsimp_bounded, sum_terms, vector_terms
from linsteps.ops.vector_chains import dot_chain, norm_chain

MAX_PAIRS_SHOWN = 6


def _rows(matrix: Operand) -> list[Operand]:
    """Return the rows of ``matrix`` as vectors named x₁, x₂, …."""
    return [
        Operand(f"x_{i}", matrix.value.row(i - 1).T, "vector", matrix.source, matrix.decimal)
        for i in range(1, matrix.shape[0] + 1)
    ]


def _cosine(dot_value: Any, left: Any, right: Any) -> Any:
    return radsimp_bounded(dot_value / (left * right))


def cos_pairwise(vectors: Any, *, places: int = DEFAULT_PLACES, full: bool = False) -> Derivation:
    """Explain the cosine-similarity matrix of the rows: Sᵢⱼ = xᵢ·xⱼ / (‖xᵢ‖‖xⱼ‖)."""
    matrix = to_operand(vectors, "X", as_matrix=True)
    if matrix.layout == "vector":
        raise ShapeError("pairwise_needs_list", operand=matrix.name)
    count, width = matrix.shape
    pairs_shown = count * count if full else MAX_PAIRS_SHOWN
    per_cosine = 3 * sum_terms(width, matrix)
    check_size(
        matrix,
        terms=count * count * per_cosine + pairs_shown * vector_terms(width, full, matrix),
    )
    rows = _rows(matrix)
    x = matrix.node()
    lhs = Similarity(x)
    xi, xj = Name("x", None, ("i",), "vector"), Name("x", None, ("j",), "vector")
    general = Quotient(Dot(xi, xj), Product((Norm(xi), Norm(xj))))
    norms, chains = [], []
    for row in rows:
        chain, value = norm_chain(row, full, inline=True)
        if zero_status(value**2) == "zero":
            key = "zero_row" if is_zero_vector(row) else "zero_row_norm"
            raise UndefinedError(key, operand=matrix.name, row=row.name[2:])
        norms.append(value)
        if chain.links:
            chains.append(chain)
    shape: dict[str, Any] = {"k": count, "n": width, "a": matrix.name}
    unproved = [(r, n) for r, n in zip(rows, norms, strict=True) if zero_status(n**2) != "nonzero"]
    steps: list[Any] = [
        Heading("pairwise", lhs),
        Rule(Indexed(lhs, ("i", "j"), "S"), (general,)),
        Condition("pairwise_rows_shape" if unproved else "pairwise_rows", shape),
        *(vector_condition(row, value**2) for row, value in unproved),
        *chains,
    ]
    values = [[sympy.Integer(1) if i == j else None for j in range(count)] for i in range(count)]
    shown = 0
    pairs = [(i, j) for i in range(count) for j in range(i + 1, count)]
    for i, j in pairs:
        dot_part, dot_value = dot_chain(rows[i], rows[j], full, inline=True)
        cosine = _cosine(dot_value, norms[i], norms[j])
        values[i][j] = values[j][i] = cosine
        if not full and shown >= MAX_PAIRS_SHOWN:
            continue
        shown += 1
        if dot_part.links:
            steps.append(dot_part)
        substituted = Quotient(Value(dot_value), Product((Value(norms[i]), Value(norms[j]))))
        links = [
            Link(
                "substitute",
                Quotient(
                    Dot(rows[i].node(), rows[j].node()),
                    Product((Norm(rows[i].node()), Norm(rows[j].node()))),
                ),
            ),
            Link("substitute", substituted),
        ]
        if sympy.fraction(cosine) != (dot_value, norms[i] * norms[j]):
            links.append(Link("simplify", Value(cosine)))
        steps.append(
            Chain(
                Indexed(lhs, (i + 1, j + 1), "S"),
                tuple(links),
                approximate(cosine, places),
                inline=True,
            )
        )
    if shown < len(pairs):
        steps.append(Note("summarized", {"shown": shown, "total": len(pairs)}))
    s_ij, s_ji = Name("S", None, ("i", "j"), "entry"), Name("S", None, ("j", "i"), "entry")
    steps.append(Note("pairwise_symmetric", {"a": matrix.name, "sij": s_ij, "sji": s_ji}))
    result = sympy.ImmutableMatrix(values)
    grid = Grid(tuple(tuple(Value(v) for v in row) for row in values))
    steps.append(
        Result(lhs, grid, "pairwise", approximate(result, places), {"k": count, "a": matrix.name})
    )
    return Derivation(
        "cos",
        (matrix,),
        tuple(steps),
        result,
        settings_of((matrix,), places, full=full, pairwise=True),
    )


__all__ = ["cos_pairwise"]
