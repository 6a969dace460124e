"""The projection of a on b, proj_b a = (a·b / b·b) b, and the part of a orthogonal to b."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Quotient
from linsteps.derivation.matrices import Dot, Grid, Projection, Scale, VectorSum
from linsteps.derivation.operands import as_vector, to_operand
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
from linsteps.derivation.values import Value
from linsteps.errors import UndefinedError
from linsteps.ops.common import DEFAULT_PLACES, approximate, changes, entries, exact, settings_of
from linsteps.ops.divisors import is_zero_vector, onto_condition, zero_status
from linsteps.ops.sizes import all_rational, check_size, vector_terms
from linsteps.ops.vector_chains import check_lengths, dot_chain


def _vector(values: list[Any]) -> Grid:
    return Grid((tuple(Value(v) for v in values),), "vector")


def _named(name: str, values: list[Any], like: Operand) -> Operand:
    column = sympy.ImmutableMatrix([exact(v) for v in values])
    return Operand(name, column, "vector", like.source, like.decimal)


def project(
    a: Any,
    b: Any,
    *,
    dim: int | str | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain proj_b a = (a·b / b·b) b and the component a − proj_b a orthogonal to b."""
    u = as_vector(to_operand(a, "a", dim=dim), "project")
    v = as_vector(to_operand(b, "b", dim=dim), "project")
    check_lengths(u, v, "project")
    n = u.length
    per_entry = 1 if all_rational(u, v) else 2 * n + 1
    check_size(u, v, terms=4 * n * per_entry + 3 * vector_terms(n, full, u, v))
    a_node, b_node = u.node(), v.node()
    lhs = Projection(a_node, b_node)
    ab_chain, ab = dot_chain(u, v, full, inline=True)
    bb_chain, bb = dot_chain(v, v, full, inline=True)
    if zero_status(bb) == "zero":
        key = "zero_projection" if is_zero_vector(v) else "zero_square_onto"
        raise UndefinedError(key, a=u.name, b=v.name)
    factor = ab / bb
    x, y = entries(u), entries(v)
    projected = [sympy.expand(factor * exact(q)) for q in y]
    perpendicular = [sympy.expand(exact(p) - q) for p, q in zip(x, projected, strict=True)]
    names = {"a": u.name, "b": v.name}
    steps: list[Any] = [
        Heading("project", lhs),
        Rule(lhs, (Scale(Quotient(Dot(a_node, b_node), Dot(b_node, b_node)), b_node),)),
        Condition("same_length", {"n": u.length}),
        onto_condition(v, bb),
        *(chain for chain in (ab_chain, bb_chain) if chain.links),
    ]
    links = [Link("substitute", Scale(Quotient(Value(ab), Value(bb)), _vector(y)))]
    if changes(sympy.Mul(ab, sympy.Pow(bb, -1, evaluate=False), evaluate=False), factor):
        links.append(Link("simplify", Scale(Value(factor), _vector(y))))
    links.append(Link("multiply", _vector(projected)))
    result = sympy.ImmutableMatrix(projected)
    steps.append(Chain(lhs, tuple(links), approximate(result, places, "vector")))
    rest = VectorSum(a_node, lhs, minus=True)
    steps.append(
        Chain(
            rest,
            (
                Link("substitute", VectorSum(_vector(x), _vector(projected), minus=True)),
                Link("subtract", _vector(perpendicular)),
            ),
        )
    )
    check, _ = dot_chain(_named("r", perpendicular, u), v, full, inline=True)
    steps.append(Chain(Dot(rest, b_node), check.links))
    steps.append(Note("projection_orthogonal", {"rest": rest, **names}))
    steps.append(
        Result(
            lhs,
            _vector(projected),
            "project",
            approximate(result, places, "vector"),
            {**names, "rest": _vector(perpendicular)},
        )
    )
    return Derivation(
        "project", (u, v), tuple(steps), result, settings_of((u, v), places, full=full)
    )
