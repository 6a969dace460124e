"""Results equal SymPy's own operations on random integer, fraction and symbolic inputs."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import linsteps
from linsteps.errors import ParseError, ShapeError
from linsteps.reading.parsing import parse_expression
from tests.test_parsing import _grammar_strategy

x, y, z = sympy.symbols("x y z", real=True)
integers = st.integers(-20, 20).map(sympy.Integer)
rationals = st.fractions(min_value=-9, max_value=9, max_denominator=12).map(
    lambda f: sympy.Rational(f.numerator, f.denominator)
)
symbolic = st.sampled_from([x, y, z, 2 * x, x + 1, -y, sympy.sqrt(2), sympy.pi])
entries = st.one_of(integers, rationals, symbolic)


def vectors(n: int, elements: st.SearchStrategy[Any] = entries) -> st.SearchStrategy[Any]:
    return st.lists(elements, min_size=n, max_size=n).map(sympy.Matrix)


def matrices(rows: int, cols: int, elements: st.SearchStrategy[Any] = entries) -> Any:
    return st.lists(
        st.lists(elements, min_size=cols, max_size=cols), min_size=rows, max_size=rows
    ).map(sympy.Matrix)


def equal(left: Any, right: Any) -> bool:
    if isinstance(left, sympy.MatrixBase):
        return left.shape == right.shape and all(
            sympy.expand(p - q) == 0 for p, q in zip(left, right, strict=True)
        )
    return bool(sympy.simplify(left - right) == 0)


pairs = st.integers(1, 6).flatmap(lambda n: st.tuples(vectors(n), vectors(n)))


@given(pairs)
def test_dot_equals_sympy(pair: tuple[Any, Any]) -> None:
    a, b = pair
    assert equal(linsteps.dot(a, b).result, a.dot(b))


@given(pairs)
def test_dot_commutes(pair: tuple[Any, Any]) -> None:
    a, b = pair
    assert equal(linsteps.dot(a, b).result, linsteps.dot(b, a).result)


@given(
    st.integers(1, 4).flatmap(
        lambda r: st.integers(1, 4).flatmap(lambda c: st.tuples(matrices(r, c), matrices(r, c)))
    )
)
def test_hadamard_equals_multiply_elementwise(pair: tuple[Any, Any]) -> None:
    a, b = pair
    result = linsteps.hadamard(a, b).result
    assert equal(sympy.Matrix(result), a.multiply_elementwise(b))
    assert result.shape == a.shape


shapes = st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4))


@given(shapes.flatmap(lambda s: st.tuples(matrices(s[0], s[1]), matrices(s[1], s[2]))))
def test_matmul_equals_sympy(pair: tuple[Any, Any]) -> None:
    a, b = pair
    result = linsteps.matmul(a, b, full=True).result
    assert equal(sympy.Matrix(result), a * b)


@given(shapes.flatmap(lambda s: st.tuples(matrices(s[0], s[1]), matrices(s[1], s[2]))))
def test_summarized_matmul_has_the_same_result(pair: tuple[Any, Any]) -> None:
    a, b = pair
    assert equal(sympy.Matrix(linsteps.matmul(a, b).result), a * b)


@given(st.integers(1, 6).flatmap(lambda n: vectors(n, st.one_of(integers, rationals))))
def test_norm_equals_sympy(a: Any) -> None:
    assert equal(linsteps.norm(a).result, a.norm())


nonzero = (
    st.integers(1, 5)
    .flatmap(lambda n: st.tuples(vectors(n, integers), vectors(n, integers)))
    .filter(lambda p: any(p[0]) and any(p[1]))
)


@given(nonzero)
def test_cos_equals_sympy(pair: tuple[Any, Any]) -> None:
    a, b = pair
    expected = a.dot(b) / (a.norm() * b.norm())
    value = linsteps.cos(a, b).result
    assert equal(value, expected)
    assert -1 <= float(value) <= 1


@given(nonzero)
def test_angle_equals_sympy(pair: tuple[Any, Any]) -> None:
    a, b = pair
    expected = sympy.acos(a.dot(b) / (a.norm() * b.norm()))
    assert abs(float(linsteps.angle(a, b).result) - float(expected)) < 1e-12


@given(st.tuples(st.integers(1, 5), st.integers(1, 5)).filter(lambda p: p[0] != p[1]))
def test_every_length_mismatch_is_a_shape_error(lengths: tuple[int, int]) -> None:
    n, m = lengths
    with pytest.raises(ShapeError) as raised:
        linsteps.dot([1] * n, [1] * m)
    noun = "entry" if n == 1 else "entries"
    assert f"{n} {noun}" in str(raised.value) and str(m) in str(raised.value)


@given(
    st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.integers(1, 4)).filter(
        lambda s: s[1] != s[2]
    )
)
def test_every_inner_mismatch_is_a_shape_error(s: tuple[int, int, int, int]) -> None:
    m, n, k, p = s
    with pytest.raises(ShapeError) as raised:
        linsteps.matmul([[1] * n] * m, [[1] * p] * k)
    assert f"{m}×{n}" in str(raised.value) and f"{k}×{p}" in str(raised.value)


@given(
    st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3)).filter(
        lambda s: (s[0], s[1]) != (s[2], s[3])
    )
)
def test_every_hadamard_mismatch_is_a_shape_error(s: tuple[int, int, int, int]) -> None:
    with pytest.raises(ShapeError):
        linsteps.hadamard([[1] * s[1]] * s[0], [[1] * s[3]] * s[2])


def _layout(matrix: list[list[Fraction]], style: int) -> str:
    def entry(f: Fraction) -> str:
        return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"

    rows = [[entry(v) for v in row] for row in matrix]
    if style == 0 or len(rows) == 1:
        return "[" + ", ".join("[" + ", ".join(r) + "]" for r in rows) + "]"
    if style == 1:
        return "; ".join(" ".join(r) for r in rows)
    return "[" + "; ".join(", ".join(r) for r in rows) + "]"


text_matrices = shapes.flatmap(
    lambda s: st.tuples(
        st.lists(
            st.lists(st.fractions(-9, 9, max_denominator=5), min_size=s[1], max_size=s[1]),
            min_size=s[0],
            max_size=s[0],
        ),
        st.lists(
            st.lists(st.fractions(-9, 9, max_denominator=5), min_size=s[2], max_size=s[2]),
            min_size=s[1],
            max_size=s[1],
        ),
        st.integers(0, 2),
    )
)


@given(text_matrices)
def test_matmul_from_text_equals_sympy(case: tuple[Any, Any, int]) -> None:
    a, b, style = case
    expected = sympy.Matrix(a) * sympy.Matrix(b)
    result = linsteps.matmul(_layout(a, style), _layout(b, style)).result
    assert equal(sympy.Matrix(result), expected)


def _entries_from_grammar() -> st.SearchStrategy[tuple[str, Any]]:
    """Entry texts generated from the input grammar itself, with their parsed values."""

    def read(text: str) -> tuple[str, Any]:
        try:
            return text, parse_expression(text)
        except ParseError:
            return "7", sympy.Integer(7)  # not an entry: the grammar also makes vectors

    return _grammar_strategy(True).map(read)


GRAMMAR_ENTRIES = _entries_from_grammar()


@settings(max_examples=40)
@given(
    st.integers(1, 3).flatmap(
        lambda n: st.tuples(
            st.lists(GRAMMAR_ENTRIES, min_size=n, max_size=n),
            st.lists(GRAMMAR_ENTRIES, min_size=n, max_size=n),
        )
    )
)
def test_grammar_generated_operands_agree_with_sympy(pair: tuple[Any, Any]) -> None:
    """Vectors whose entries come from the grammar: dot and Hadamard equal SymPy's."""
    left, right = pair
    text_a = "[" + ", ".join(f"({t})" for t, _ in left) + "]"
    text_b = "[" + ", ".join(f"({t})" for t, _ in right) + "]"
    a = sympy.Matrix([v for _, v in left])
    b = sympy.Matrix([v for _, v in right])
    assert equal(linsteps.dot(text_a, text_b).result, a.dot(b))
    assert equal(sympy.Matrix(linsteps.hadamard(text_a, text_b).result), a.multiply_elementwise(b))
