"""Rational numbers and matrices of them are written to MathML without SymPy's printer: the
bytes must be exactly what the printer writes."""

from __future__ import annotations

from fractions import Fraction

import sympy
from hypothesis import given
from hypothesis import strategies as st

from linsteps.render.mathml import _fast_mathml, _printed_mathml, format_mathml

RATIONALS = st.fractions(max_denominator=10**4).map(
    lambda f: sympy.Rational(f.numerator, f.denominator)
) | st.integers(-(10**12), 10**12).map(sympy.Integer)


@given(RATIONALS, st.booleans())
def test_rationals_print_as_the_printer_prints_them(value: sympy.Rational, decimal: bool) -> None:
    assert _fast_mathml(value, decimal) == _printed_mathml(value, decimal)


@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda cols: st.lists(RATIONALS, min_size=rows * cols, max_size=rows * cols).map(
                lambda flat: sympy.ImmutableMatrix(rows, cols, flat)
            )
        )
    ),
    st.booleans(),
)
def test_matrices_of_rationals_print_as_the_printer_prints_them(
    value: sympy.ImmutableMatrix, decimal: bool
) -> None:
    assert _fast_mathml(value, decimal) == _printed_mathml(value, decimal)


def test_everything_else_goes_to_the_printer() -> None:
    x = sympy.Symbol("x")
    for value in (sympy.sqrt(2), x, sympy.pi / 4, sympy.Float(0.5), sympy.ImmutableMatrix([x, 1])):
        assert _fast_mathml(value, False) is None
        assert format_mathml(value) == _printed_mathml(value)
    assert format_mathml(sympy.Rational(Fraction(-3, 4))) == _printed_mathml(sympy.Rational(-3, 4))
