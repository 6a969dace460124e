"""The complex inner product ⟨a, b⟩ = Σ aᵢ·conj(bᵢ): the second argument conjugated."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import PairSum, Power, Product, ValueSum
from linsteps.derivation.complex_numbers import Conjugate, InnerProduct, Modulus
from linsteps.derivation.general_forms import SymbolicSum
from linsteps.derivation.matrices import Dot
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
from linsteps.derivation.values import Name, Value
from linsteps.ops.common import (
    DEFAULT_PLACES,
    SUMMARY_TERMS,
    approximate,
    changes,
    entries,
    entry_names,
    exact,
    needs_approximation,
    settings_of,
)
from linsteps.ops.sizes import check_size, vector_terms
from linsteps.ops.vector_chains import check_lengths, dot_chain


def _approximate(value: Any, places: int) -> Any:
    """Return the decimal form of a complex value when its real or imaginary part needs one."""
    real, imaginary = value.as_real_imag()
    if needs_approximation(real) or needs_approximation(imaginary):
        return approximate(value, places)
    return None


def _pairs(left: list[Any], right: list[Any], full: bool) -> Any:
    if len(left) == 1:
        return Product((left[0], right[0]))
    return PairSum(tuple(left), tuple(right), elide=not full and len(left) > SUMMARY_TERMS)


def inner(
    a: Any,
    b: Any,
    *,
    dim: int | str | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain ⟨a, b⟩ = Σ aᵢ·conj(bᵢ); ``i`` in the operands is the imaginary unit."""
    u = as_vector(to_operand(a, "a", dim=dim, imaginary_unit=True), "dot")
    v = as_vector(to_operand(b, "b", dim=dim, imaginary_unit=True), "dot")
    check_lengths(u, v, "dot")
    check_size(u, v, terms=2 * vector_terms(u.length, full, u, v))
    x = [exact(p) for p in entries(u)]
    y = [exact(q) for q in entries(v)]
    lhs = InnerProduct(u.node(), v.node())
    names_a, names_b = entry_names(u, x), entry_names(v, y)
    rule = Rule(lhs, (_pairs(list(names_a), [Conjugate(n) for n in names_b], full),))
    conjugates = [sympy.conjugate(q) for q in y]
    products = [sympy.expand(p * c) for p, c in zip(x, conjugates, strict=True)]
    total = sympy.expand(sympy.Add(*products))
    links = [
        Link("substitute", _pairs([Value(p) for p in x], [Conjugate(Value(q)) for q in y], full))
    ]
    if any(changes(q, c) for q, c in zip(y, conjugates, strict=True)):
        links.append(
            Link("conjugate", _pairs([Value(p) for p in x], [Value(c) for c in conjugates], full))
        )
    links.append(
        Link("multiply", ValueSum(tuple(products), elide=not full and len(x) > SUMMARY_TERMS))
    )
    if len(products) > 1:
        links.append(Link("sum", Value(total)))
    names = {"a": u.name, "b": v.name}
    a_i, b_i = Name(u.name, None, ("i",), "entry"), Name(v.name, None, ("i",), "entry")
    squares = SymbolicSum("i", 1, u.length, Power(Modulus(a_i), 2))
    steps: list[Any] = [
        Heading("inner", lhs),
        rule,
        Condition("same_length", {"n": u.length}),
        Note("conjugate_second", {**names, "aa": InnerProduct(u.node(), u.node()), "sum": squares}),
        Chain(lhs, tuple(links), _approximate(total, places)),
    ]
    plain_chain, plain_total = dot_chain(u, v, full, inline=True)
    nodes = (u.node(), v.node())
    real = all(q.is_real for q in y)
    if real:
        real_params = {"conj": Conjugate(b_i), "entry": b_i, "inner": lhs, "dot": Dot(*nodes)}
        steps.append(Note("inner_real", {**names, **real_params}))
    else:
        steps.append(Chain(Dot(u.node(), v.node()), plain_chain.links, inline=True))
        same = sympy.expand(plain_total - total) == 0
        steps.append(Note("inner_same" if same else "inner_differs", names))
    steps.append(Result(lhs, Value(total), "inner", _approximate(total, places)))
    return Derivation("inner", (u, v), tuple(steps), total, settings_of((u, v), places, full=full))
