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
    Result,
    Rule,
)
from linsteps.derivation.tensor_operands import is_tensor_input, is_tensor_shape
from linsteps.derivation.values import Value
from linsteps.ops import general as general_forms
from linsteps.ops.broadcast import elementwise, hadamard_shape_error
from linsteps.ops.common import (
    DEFAULT_PLACES,
    SUMMARY_ENTRIES,
    approximate,
    exact,
    multiply,
    plain,
    settings_of,
    shape_node,
)
from linsteps.ops.inner import inner
from linsteps.ops.sizes import check_size, vector_terms
from linsteps.ops.vector_chains import check_lengths, dot_chain, dot_rule


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
        return inner(a, b, dim=dim, places=places, full=full)
    if general_forms.is_symbolic_dim(dim):
        return general_forms.dot(a, b, str(dim))
    u = as_vector(to_operand(a, "a", dim=dim), "dot")
    v = as_vector(to_operand(b, "b", dim=dim), "dot")
    check_lengths(u, v, "dot")
    check_size(u, v, terms=vector_terms(u.length, full, u, v))
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
    broadcast: bool = False,
) -> Derivation:
    """Explain the element-wise product (A∘B)ᵢⱼ = AᵢⱼBᵢⱼ: no sum, the shape kept.

    With ``broadcast`` (or operands of rank 3 or more) it is NumPy's ``a * b``: see
    :func:`linsteps.ops.broadcast.elementwise`.
    """
    if broadcast or any(map(is_tensor_input, (a, b))) or is_tensor_shape(shape):
        return elementwise(a, b, broadcast=broadcast, shape=shape, places=places, full=full)
    if general_forms.is_symbolic_dim(dim) or general_forms.is_symbolic_shape(shape):
        symbolic_dim = str(dim) if general_forms.is_symbolic_dim(dim) else None
        return general_forms.hadamard(a, b, symbolic_dim, None if symbolic_dim else str(shape))
    left = to_operand(a, "A", dim=dim, shape=shape, as_matrix=True)
    right = to_operand(b, "B", dim=dim, shape=shape, as_matrix=True)
    if left.layout == "vector" and right.layout == "vector":  # vectors: a, b unless named
        left = replace(left, name="a" if left.name == "A" else left.name)
        right = replace(right, name="b" if right.name == "B" else right.name)
    if left.shape != right.shape:
        raise hadamard_shape_error(left, right)
    rows, cols = left.shape
    shown_count = rows * cols if full or rows * cols <= SUMMARY_ENTRIES else 3
    check_size(left, right, terms=rows * cols + 3 * shown_count)
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
