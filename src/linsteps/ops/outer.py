"""The outer product a bᵀ: a column times a row, every product aᵢbⱼ, an n×m matrix."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Product
from linsteps.derivation.matrices import Grid, Indexed, MatProduct, Shape, Transpose
from linsteps.derivation.node import Node
from linsteps.derivation.operands import as_vector, to_operand
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Link,
    Note,
    Result,
    Rule,
)
from linsteps.derivation.values import Value
from linsteps.ops.common import (
    DEFAULT_PLACES,
    SUMMARY_ENTRIES,
    approximate,
    entries,
    exact,
    multiply,
    settings_of,
)
from linsteps.ops.sizes import check_size


def value_grid(values: list[list[Any]], layout: str = "matrix") -> Grid:
    """Return a grid of plain values."""
    return Grid(tuple(tuple(Value(v) for v in row) for row in values), layout)


def entry_chains(lhs: Node, terms: list[list[Node]], values: list[list[Any]]) -> list[Any]:
    """Return one inline chain per shown entry of a large result, and the summary note."""
    rows, cols = len(values), len(values[0])
    shown = [(i, j) for i in range(rows) for j in range(cols)][:3]
    steps: list[Any] = [
        Chain(
            Indexed(lhs, (i + 1, j + 1)),
            (Link("substitute", terms[i][j]), Link("multiply", Value(values[i][j]))),
            inline=True,
        )
        for i, j in shown
    ]
    steps.append(Note("summarized", {"shown": len(shown), "total": rows * cols}))
    return steps


def outer(a: Any, b: Any, *, places: int = DEFAULT_PLACES, full: bool = False) -> Derivation:
    """Explain the outer product a bᵀ: (a bᵀ)ᵢⱼ = aᵢbⱼ, an n×m matrix (no sum)."""
    u = as_vector(to_operand(a, "a"), "outer")
    v = as_vector(to_operand(b, "b"), "outer")
    x, y = entries(u), entries(v)
    n, m = len(x), len(y)
    shown = n * m if full or n * m <= SUMMARY_ENTRIES else 3
    check_size(u, v, terms=n * m + 3 * shown)
    lhs = MatProduct(u.node(), Transpose(v.node()))
    names = {"a": u.name, "b": v.name}
    rule = Rule(
        Indexed(lhs, ("i", "j")),
        (Product((Indexed(u.node(), ("i",)), Indexed(v.node(), ("j",)))),),
    )
    values = [[multiply(p, q) for q in y] for p in x]
    terms: list[list[Node]] = [[Product((Value(p), Value(q))) for q in y] for p in x]
    steps: list[Any] = [
        Heading("outer", lhs),
        rule,
        Condition(
            "outer_shapes",
            {
                "a": u.name,
                "bt": Transpose(v.node()),
                "column": Shape(n, 1),
                "row": Shape(1, m),
                "shape": Shape(n, m),
            },
        ),
    ]
    if full or n * m <= SUMMARY_ENTRIES:
        substituted = Grid(tuple(tuple(row) for row in terms))
        steps.append(
            Chain(lhs, (Link("substitute", substituted), Link("multiply", value_grid(values))))
        )
    else:
        steps.extend(entry_chains(lhs, terms, values))
    entry = Product((Indexed(u.node(), ("i",)), Indexed(v.node(), ("j",))))
    inner = MatProduct(Transpose(u.node()), v.node())
    steps.append(Note("outer_vs_inner", {"outer": lhs, "entry": entry, "inner": inner, **names}))
    result = sympy.ImmutableMatrix([[exact(p) for p in row] for row in values])
    steps.append(
        Result(
            lhs, value_grid(values), "outer", approximate(result, places), {"shape": Shape(n, m)}
        )
    )
    return Derivation("outer", (u, v), tuple(steps), result, settings_of((u, v), places, full=full))
