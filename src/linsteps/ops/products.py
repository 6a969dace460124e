"""The dot product (sums, a scalar) and the Hadamard product (no sum, the shape kept)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sympy

from linsteps.derivation.arithmetic import Product
from linsteps.derivation.matrices import Dot, Grid, Hadamard, Indexed
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
from linsteps.derivation.values import Name, Value
from linsteps.errors import ShapeError
from linsteps.ops import general as general_forms
from linsteps.ops.common import (
    DEFAULT_PLACES,
    SUMMARY_ENTRIES,
    add,
    approximate,
    entries,
    entry_names,
    exact,
    multiply,
    pair_sum,
    plain,
    products_change,
    settings_of,
    shape_node,
    sum_changes,
    value_sum,
)


def dot_chain(a: Operand, b: Operand, full: bool, inline: bool) -> tuple[Chain, Any]:
    """Return the chain a·b = substitution = products = sum, and the sum's value."""
    x, y = entries(a), entries(b)
    products = [multiply(p, q) for p, q in zip(x, y, strict=True)]
    total = add(products)
    links = []
    if not (is_generic(a) and is_generic(b)):
        values = [Value(p) for p in x], [Value(q) for q in y]
        links.append(Link("substitute", pair_sum(*values, full)))
    if products_change(x, y):
        links.append(Link("multiply", value_sum(products, full)))
    if sum_changes(products, total):
        links.append(Link("sum", Value(total)))
    return Chain(Dot(a.node(), b.node()), tuple(links), inline=inline), exact(total)


def is_generic(operand: Operand) -> bool:
    """Return True when every entry is the symbol its name would be (a₁, a₂, …)."""
    names = entry_names(operand, entries(operand))
    return all(n.value == Name(n.name, None, n.indices).evaluate() for n in names)


def check_lengths(a: Operand, b: Operand, operation: str) -> None:
    """Raise ShapeError unless both vectors have the same number of entries."""
    if a.length != b.length:
        raise ShapeError(
            "vector_lengths", operation=operation, a=a.name, b=b.name, n=a.length, m=b.length
        )


def dot_rule(a: Operand, b: Operand, full: bool) -> Rule:
    """Return the rule a·b = a₁b₁ + a₂b₂ + … with the operands' entry names."""
    names = entry_names(a, entries(a)), entry_names(b, entries(b))
    return Rule(Dot(a.node(), b.node()), (pair_sum(*names, full),))


def dot(
    a: Any,
    b: Any,
    *,
    dim: int | str | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
    complex: bool = False,
) -> Derivation:
    """Explain the dot product a·b = Σ aᵢbᵢ: matching entries multiplied, then summed.

    With ``complex``, ``i`` is the imaginary unit and the inner product with conjugation
    ⟨a, b⟩ = Σ aᵢ·conj(bᵢ) is explained instead.
    """
    if complex:
        from linsteps.ops.inner import inner

        return inner(a, b, dim=dim, places=places, full=full)
    if general_forms.is_symbolic_dim(dim):
        return general_forms.dot(a, b, str(dim))
    u = as_vector(to_operand(a, "a", dim=dim), "dot")
    v = as_vector(to_operand(b, "b", dim=dim), "dot")
    check_lengths(u, v, "dot")
    chain, total = dot_chain(u, v, full, inline=False)
    lhs = Dot(u.node(), v.node())
    steps = [
        Heading("dot", lhs),
        dot_rule(u, v, full),
        Condition("same_length", {"n": u.length}),
    ]
    if chain.links:
        steps.append(chain)
    steps.append(Result(lhs, Value(total), "dot", approximate(total, places)))
    return Derivation("dot", (u, v), tuple(steps), total, settings_of((u, v), places, full=full))


def hadamard(
    a: Any,
    b: Any,
    *,
    dim: int | str | None = None,
    shape: str | tuple[int, int] | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain the element-wise product (A∘B)ᵢⱼ = AᵢⱼBᵢⱼ: no sum, the shape kept."""
    if general_forms.is_symbolic_dim(dim) or general_forms.is_symbolic_shape(shape):
        symbolic_dim = str(dim) if general_forms.is_symbolic_dim(dim) else None
        return general_forms.hadamard(a, b, symbolic_dim, None if symbolic_dim else str(shape))
    left = to_operand(a, "A", dim=dim, shape=shape)
    right = to_operand(b, "B", dim=dim, shape=shape)
    if left.layout == "vector" and right.layout == "vector":
        left, right = replace(left, name="a"), replace(right, name="b")
    if left.shape != right.shape:
        raise ShapeError(
            "hadamard_shapes",
            a=left.name,
            b=right.name,
            shape_a="×".join(map(str, left.shape)),
            shape_b="×".join(map(str, right.shape)),
        )
    rows, cols = left.shape
    lhs = Hadamard(left.node(), right.node())
    x = [[plain(v) for v in row] for row in left.value.tolist()]
    y = [[plain(v) for v in row] for row in right.value.tolist()]
    values = [
        [multiply(p, q) for p, q in zip(r, s, strict=True)] for r, s in zip(x, y, strict=True)
    ]
    result = sympy.ImmutableMatrix([[exact(v) for v in row] for row in values])
    layout = "vector" if left.layout == "vector" else "matrix"
    general = ("i",) if layout == "vector" else ("i", "j")
    rule = Rule(
        Indexed(lhs, general),
        (Product((Indexed(left.node(), general), Indexed(right.node(), general))),),
    )
    vector = layout == "vector"
    names = {"a": left.name, "b": right.name}
    steps: list[Any] = [
        Heading("hadamard", lhs),
        rule,
        Condition("same_length", {"n": rows})
        if vector
        else Condition("same_shape", {**names, "shape": shape_node(left)}),
    ]
    if full or rows * cols <= SUMMARY_ENTRIES:
        substituted = Grid(
            tuple(
                tuple(Product((Value(p), Value(q))) for p, q in zip(r, s, strict=True))
                for r, s in zip(x, y, strict=True)
            ),
            layout,
        )
        product = Grid(tuple(tuple(Value(v) for v in row) for row in values), layout)
        steps.append(Chain(lhs, (Link("substitute", substituted), Link("multiply", product))))
    else:
        shown = [(i, j) for i in range(rows) for j in range(cols)][:3]
        for i, j in shown:
            index = (i + 1,) if layout == "vector" else (i + 1, j + 1)
            term = Product((Value(x[i][j]), Value(y[i][j])))
            steps.append(
                Chain(
                    Indexed(lhs, index),
                    (Link("substitute", term), Link("multiply", Value(values[i][j]))),
                    inline=True,
                )
            )
        steps.append(Note("summarized", {"shown": len(shown), "total": rows * cols}))
    steps.append(Note("hadamard_not_dot" if vector else "hadamard_not_matmul", names))
    grid = Grid(tuple(tuple(Value(v) for v in row) for row in values), layout)
    key, params = (
        ("hadamard_vector", {"n": rows}) if vector else ("hadamard", {"shape": shape_node(left)})
    )
    steps.append(Result(lhs, grid, key, approximate(result, places, layout), params))
    return Derivation(
        "hadamard",
        (left, right),
        tuple(steps),
        result,
        settings_of((left, right), places, full=full),
    )
