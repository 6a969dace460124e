"""Lengths and angles: ‖a‖ = √(a·a), cos θ = a·b / (‖a‖‖b‖) and θ = arccos(cos θ)."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Call, Degrees, Power, Product, Quotient, Root
from linsteps.derivation.matrices import Angle, Dot, Norm
from linsteps.derivation.node import Node
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
from linsteps.errors import UndefinedError, UsageError
from linsteps.ops import general as general_forms
from linsteps.ops.common import (
    DEFAULT_PLACES,
    approximate,
    changes,
    entries,
    entry_names,
    settings_of,
    sum_node,
)
from linsteps.ops.divisors import is_zero_vector, pair_conditions, zero_status
from linsteps.ops.similarity import cos_pairwise
from linsteps.ops.sizes import check_size, radsimp_bounded, vector_terms
from linsteps.ops.vector_chains import check_lengths, dot_chain, norm_chain


def norm(
    a: Any, *, dim: int | str | None = None, places: int = DEFAULT_PLACES, full: bool = False
) -> Derivation:
    """Explain the Euclidean norm ‖a‖ = √(a·a) = √(Σ aᵢ²), the length of a."""
    if general_forms.is_symbolic_dim(dim):
        return general_forms.norm(a, str(dim))
    u = as_vector(to_operand(a, "a", dim=dim), "norm")
    check_size(u, terms=2 * vector_terms(u.length, full, u))
    lhs = Norm(u.node())
    names = entry_names(u, entries(u))
    rule = Rule(
        lhs, (Root(Dot(u.node(), u.node())), Root(sum_node([Power(n, 2) for n in names], full)))
    )
    chain, value = norm_chain(u, full, inline=False)
    approx = approximate(value, places)
    steps: list[Any] = [Heading("norm", lhs), rule, Condition("entries", {"n": u.length})]
    if chain.links:
        steps.append(Chain(chain.lhs, chain.links, approx))
    steps.append(Result(lhs, Value(value), "norm", approx, {"a": u.name}))
    return Derivation("norm", (u,), tuple(steps), value, settings_of((u,), places, full=full))


def _similarity(value: Any) -> str | None:
    """Return the key that reads a cosine as similarity, or None for a symbolic or complex one."""
    if not value.is_number:
        return None
    if value == 1:
        return "same_direction"
    if value == -1:
        return "opposite"
    if value == 0:
        return "orthogonal"
    estimate = value.evalf(20)
    if not estimate.is_real:  # a complex cosine has no reading as similarity
        return None
    number = float(estimate)
    if number >= 0.9:
        return "similar"
    if number >= 0.1:
        return "somewhat_similar"
    if number > -0.1:
        return "nearly_orthogonal"
    if number > -0.9:
        return "somewhat_opposite"
    return "nearly_opposite"


def _cos_steps(u: Operand, v: Operand, places: int, full: bool) -> tuple[list[Any], Any]:
    """Return the steps that derive cos θ and its exact value."""
    check_lengths(u, v, "cos")
    check_size(u, v, terms=6 * vector_terms(u.length, full, u, v))
    a, b = u.node(), v.node()
    theta = Angle(a, b)
    formula = Quotient(Dot(a, b), Product((Norm(a), Norm(b))))
    dot_part, dot_value = dot_chain(u, v, full, inline=True)
    norm_a, value_a = norm_chain(u, full, inline=True)
    norm_b, value_b = norm_chain(v, full, inline=True)
    squared_a, squared_b = value_a**2, value_b**2
    for operand, squared in ((u, squared_a), (v, squared_b)):
        if zero_status(squared) == "zero":
            key = "zero_vector" if is_zero_vector(operand) else "zero_norm"
            raise UndefinedError(key, operand=operand.name, a=u.name, b=v.name)
    steps: list[Any] = [
        Rule(Call("cos", theta), (formula,)),
        Condition("same_length", {"n": u.length}),
        *pair_conditions(u, v, squared_a, squared_b),
        *(chain for chain in (dot_part, norm_a, norm_b) if chain.links),
    ]
    substituted = Quotient(Value(dot_value), Product((Value(value_a), Value(value_b))))
    denominator = value_a * value_b
    links = [Link("substitute", substituted)]
    if changes(sympy.Mul(value_a, value_b, evaluate=False), denominator):
        links.append(Link("multiply", Quotient(Value(dot_value), Value(denominator))))
    cosine = dot_value / denominator
    cosine = radsimp_bounded(cosine)
    if sympy.fraction(cosine) != (dot_value, denominator):
        links.append(Link("simplify", Value(cosine)))
    steps.append(Chain(Call("cos", theta), tuple(links), approximate(cosine, places)))
    return steps, cosine


def cos(
    a: Any,
    b: Any = None,
    *,
    dim: int | str | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
    pairwise: bool = False,
) -> Derivation:
    """Explain cos θ = a·b / (‖a‖‖b‖), the cosine similarity of a and b.

    With ``pairwise``, ``a`` is a list of vectors (the rows of a matrix) and the result is
    their cosine-similarity matrix.
    """
    if pairwise or b is None:
        if not pairwise or b is not None:
            raise UsageError("cos_operands")
        return cos_pairwise(a, places=places, full=full)
    if general_forms.is_symbolic_dim(dim):
        return general_forms.cos(a, b, str(dim))
    u = as_vector(to_operand(a, "a", dim=dim), "cos")
    v = as_vector(to_operand(b, "b", dim=dim), "cos")
    lhs = Call("cos", Angle(u.node(), v.node()))
    body, cosine = _cos_steps(u, v, places, full)
    steps: list[Any] = [Heading("cos", lhs), *body]
    reading = _similarity(cosine)
    if reading is not None:
        steps.append(Note("similarity." + reading, {"a": u.name, "b": v.name}))
    steps.append(Result(lhs, Value(cosine), "cos", approximate(cosine, places)))
    return Derivation("cos", (u, v), tuple(steps), cosine, settings_of((u, v), places, full=full))


def angle(
    a: Any,
    b: Any,
    *,
    dim: int | str | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain θ = arccos(a·b / (‖a‖‖b‖)), in radians and degrees."""
    u = as_vector(to_operand(a, "a", dim=dim), "angle")
    v = as_vector(to_operand(b, "b", dim=dim), "angle")
    theta = Angle(u.node(), v.node())
    body, cosine = _cos_steps(u, v, places, full)
    value = sympy.acos(cosine)
    links = [Link("arccos", Call("arccos", Value(cosine)))]
    if not isinstance(value, sympy.acos):
        links.append(Link("simplify", Value(value)))
    degrees = value * 180 / sympy.pi
    radians_approx = approximate(value, places)
    degree_node: Node = Degrees(Value(degrees))
    degree_approx = approximate(degrees, places)
    steps: list[Any] = [
        Heading("angle", theta),
        Rule(
            theta,
            (
                Call(
                    "arccos",
                    Quotient(Dot(u.node(), v.node()), Product((Norm(u.node()), Norm(v.node())))),
                ),
            ),
        ),
        *body[1:],
        Chain(theta, tuple(links), radians_approx),
    ]
    if degree_approx is None:
        steps.append(Chain(theta, (Link("degrees", degree_node),)))
    else:
        steps.append(Chain(theta, (), Degrees(degree_approx)))
    steps.append(
        Result(
            theta,
            Value(value),
            "angle" if degree_approx is None else "angle_approx",
            radians_approx,
            {"degrees": degree_node if degree_approx is None else Degrees(degree_approx)},
        )
    )
    return Derivation("angle", (u, v), tuple(steps), value, settings_of((u, v), places, full=full))
