"""Every equality a derivation prints holds, and every approximation is within rounding."""

from __future__ import annotations

from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from linsteps.notation import Node, is_general
from linsteps.steps import Chain, Derivation, Result, Rule
from tests.derivations import EXAMPLES


def same(left: Any, right: Any) -> bool:
    """Return True when two SymPy values are equal (matrices entry by entry)."""
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
    if not getattr(shown, "is_Float", False):
        return same(exact_value, shown)
    error = abs(sympy.N(exact_value - shown, 30))
    return bool(error <= sympy.Rational(1, 2) * sympy.Rational(10) ** -places * (1 + 1e-9))


from linsteps.notation import Value  # noqa: E402


def check_derivation(derivation: Derivation) -> int:
    """Assert every equality of ``derivation``; return how many were checked."""
    places = int(derivation.settings.get("places", 4))
    checked = 0
    for step in derivation.steps:
        if isinstance(step, Rule):
            if is_general(step.lhs) or any(is_general(f) for f in step.forms):
                continue
            for form in step.forms:
                assert same(step.lhs.evaluate(), form.evaluate()), (step, form)
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
            value = step.lhs.evaluate()
            assert same(value, step.value.evaluate()), step
            assert same(value, derivation.result)
            checked += 1
            if step.approx is not None:
                assert close(value, step.approx, places), step
    return checked


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
