"""The chains every vector operation reuses: a·b = Σ aᵢbᵢ and ‖a‖ = √(Σ aᵢ²).

The dot product, the complex inner product, the cosine, the angle, the projection and the
cosine-similarity matrix all show the same two computations; each chain is built here once,
with the length check and the general rule a·b = a₁b₁ + a₂b₂ + … that go with it.
"""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Power, Root
from linsteps.derivation.matrices import Dot, Norm
from linsteps.derivation.steps import Chain, Link, Operand, Rule
from linsteps.derivation.values import Name, Value
from linsteps.errors import ShapeError
from linsteps.ops.common import (
    add,
    changes,
    entries,
    entry_names,
    exact,
    multiply,
    pair_sum,
    products_change,
    sum_changes,
    sum_node,
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


def norm_chain(a: Operand, full: bool, inline: bool) -> tuple[Chain, Any]:
    """Return the chain ‖a‖ = √(1² + 2²) = √(1 + 4) = √5 and the norm's exact value."""
    x = entries(a)
    squares = [multiply(v, v) for v in x]
    total = exact(add(squares))
    value = sympy.sqrt(total)
    links = []
    if not is_generic(a):
        links.append(Link("substitute", Root(sum_node([Power(Value(v), 2) for v in x], full))))
    if any(isinstance(v, int) or changes(sympy.Pow(v, 2, evaluate=False), v**2) for v in x):
        links.append(Link("square", Root(sum_node([Value(s) for s in squares], full))))
    if sum_changes(squares, total):
        links.append(Link("sum", Root(Value(total))))
    if changes(sympy.Pow(total, sympy.S.Half, evaluate=False), value):
        links.append(Link("simplify", Value(value)))
    return Chain(Norm(a.node()), tuple(links), inline=inline), value


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


__all__ = ["check_lengths", "dot_chain", "dot_rule", "is_generic", "norm_chain"]
