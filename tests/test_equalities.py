"""Every equality a derivation prints holds, and every approximation is within rounding."""

from __future__ import annotations

from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from linsteps.derivation.general_forms import ElidedSum, is_general, size_symbol
from linsteps.derivation.node import Node, walk
from linsteps.derivation.steps import Chain, Derivation, Result, Rule
from tests.derivations import EXAMPLES

SIZES = (1, 2, 3, 5)


def sizes(value: Any) -> set[Any]:
    """Return the free symbolic sizes and indices (integer symbols) of a value."""
    symbols = set(getattr(value, "free_symbols", set()))
    if isinstance(value, sympy.Basic):
        for matrix in value.atoms(sympy.MatrixSymbol):
            symbols |= matrix.shape[0].free_symbols | matrix.shape[1].free_symbols
    return {s for s in symbols if s.is_integer}


def concrete(value: Any, k: int) -> Any:
    """Return ``value`` with every symbolic size set to ``k`` and its sums written out."""
    value = value.subs({s: k for s in sizes(value)})
    if isinstance(value, sympy.MatrixExpr) and not isinstance(value, sympy.MatrixBase):
        return value.as_explicit()
    return value.doit()


def same(left: Any, right: Any) -> bool:
    """Return True when two SymPy values are equal (matrices entry by entry).

    Values of symbolic size (Σ up to n, m×n matrix symbols) are compared for several sizes.
    """
    if left == right:
        return True
    if sizes(left) | sizes(right):
        return all(same(concrete(left, k), concrete(right, k)) for k in SIZES)
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        left, right = sympy.Matrix(left), sympy.Matrix(right)
        return left.shape == right.shape and all(
            same(x, y) for x, y in zip(left, right, strict=True)
        )
    difference = sympy.simplify(sympy.sympify(left) - sympy.sympify(right))
    return bool(difference == 0)


def close(exact: Any, approx: Node, places: int) -> bool:
    """Return True when ``approx`` rounds ``exact`` to ``places`` decimals."""
    exact_value, shown = sympy.sympify(exact), approx.evaluate()
    if isinstance(exact_value, sympy.MatrixBase):
        return all(close(x, Value(y), places) for x, y in zip(exact_value, shown, strict=True))
    if not shown.has(sympy.Float):
        return same(exact_value, shown)
    # each printed part (real, imaginary) is within half a unit in its last place
    error = sympy.N(exact_value - shown, 30)
    bound = sympy.Rational(1, 2) * sympy.Rational(10) ** -places * (1 + 1e-9)
    return all(bool(abs(part) <= bound) for part in error.as_real_imag())


from linsteps.derivation.values import Value  # noqa: E402


def check_derivation(derivation: Derivation) -> int:
    """Assert every equality of ``derivation``; return how many were checked."""
    places = int(derivation.settings.get("places", 4))
    checked = check_elided_terms(derivation)
    for step in derivation.steps:
        if isinstance(step, Rule):
            values = [n.evaluate() for n in (step.lhs, *step.forms) if not is_general(n)]
            for value in values[1:]:
                assert same(values[0], value), step
                checked += 1
        elif isinstance(step, Chain):
            reference = step.lhs.evaluate()
            for link in step.links:
                assert same(reference, link.node.evaluate()), (step.lhs, link)
                checked += 1
            if step.approx is not None:
                assert close(reference, step.approx, places), step
                checked += 1
        elif isinstance(step, Result):
            value = step.value.evaluate() if is_general(step.lhs) else step.lhs.evaluate()
            assert same(value, step.value.evaluate()), step
            assert same(value, derivation.result)
            checked += 1
            if step.approx is not None:
                assert close(value, step.approx, places), step
    return checked


def check_elided_terms(derivation: Derivation) -> int:
    """Assert each term shown in a ``t₁ + t₂ + ⋯ + tₙ`` is the general term at its index."""
    checked = 0
    nodes = [n for step in derivation.steps for n in step_nodes(step)]
    for node in (sub for n in nodes for sub in walk(n)):
        if isinstance(node, ElidedSum):
            index = size_symbol(node.whole.index)
            body = node.whole.body.evaluate()
            for term, position in zip(node.terms, node.positions, strict=True):
                assert same(term.evaluate(), body.subs(index, size_symbol(position))), term
                checked += 1
    return checked


def step_nodes(step: Any) -> list[Node]:
    """Return the nodes a step shows."""
    if isinstance(step, Rule):
        return [step.lhs, *step.forms]
    if isinstance(step, Chain):
        return [step.lhs, *(link.node for link in step.links)]
    if isinstance(step, Result):
        return [step.lhs, step.value]
    return []


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_printed_equality_holds(name: str) -> None:
    assert check_derivation(EXAMPLES[name]()) > 0


small = st.integers(-9, 9)
fractions = st.fractions(min_value=-5, max_value=5, max_denominator=7)


@given(
    st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            st.lists(fractions, min_size=n, max_size=n), st.lists(fractions, min_size=n, max_size=n)
        )
    )
)
def test_equalities_hold_for_random_vectors(pair: tuple[list[Any], list[Any]]) -> None:
    import linsteps

    a, b = pair
    check_derivation(linsteps.dot(a, b))
    check_derivation(linsteps.hadamard(a, b))
    if any(a) and any(b):
        check_derivation(linsteps.cos(a, b))


def test_a_false_line_is_caught() -> None:
    """The checker itself fails on a derivation that shows a wrong value."""
    import dataclasses

    import linsteps

    good = linsteps.dot("[1, 2]", "[3, 4]")
    chain = next(s for s in good.steps if isinstance(s, Chain))
    bad_link = dataclasses.replace(chain.links[-1], node=Value(12))
    bad_chain = dataclasses.replace(chain, links=(*chain.links[:-1], bad_link))
    steps = tuple(bad_chain if s is chain else s for s in good.steps)
    with pytest.raises(AssertionError):
        check_derivation(dataclasses.replace(good, steps=steps))
