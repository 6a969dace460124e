"""Outer, transpose, projection, complex inner product, similarity, linear layer, attention."""

from __future__ import annotations

from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import linsteps
from linsteps.errors import ShapeError, UndefinedError, UsageError
from tests.test_equalities import check_derivation
from tests.test_properties import equal, matrices, vectors

small = st.integers(-5, 5).map(sympy.Integer)
rational = st.fractions(min_value=-4, max_value=4, max_denominator=5).map(
    lambda f: sympy.Rational(f.numerator, f.denominator)
)
gaussian = st.tuples(rational, rational).map(lambda p: p[0] + sympy.I * p[1])


@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_outer_equals_a_times_b_transposed(n: int, m: int, data: st.DataObject) -> None:
    a, b = data.draw(vectors(n)), data.draw(vectors(m))
    derivation = linsteps.outer(a, b)
    assert equal(derivation.result, a * b.T)
    check_derivation(derivation)


@given(st.integers(1, 4).flatmap(lambda r: st.integers(1, 4).flatmap(lambda c: matrices(r, c))))
def test_transpose_equals_sympy(a: Any) -> None:
    derivation = linsteps.transpose(a)
    assert derivation.result == a.T
    check_derivation(derivation)


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(vectors(n, rational), vectors(n, rational))))
def test_projection_and_its_orthogonal_rest(pair: tuple[Any, Any]) -> None:
    a, b = pair
    if not any(b):
        with pytest.raises(UndefinedError):
            linsteps.project(a, b)
        return
    derivation = linsteps.project(a, b)
    expected = (a.dot(b) / b.dot(b)) * b
    assert equal(derivation.result, expected)
    assert sympy.simplify((a - derivation.result).dot(b)) == 0
    check_derivation(derivation)


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(vectors(n, gaussian), vectors(n, gaussian))))
def test_complex_inner_product_conjugates_the_second(pair: tuple[Any, Any]) -> None:
    a, b = pair
    derivation = linsteps.dot(a, b, complex=True)
    expected = sum((x * sympy.conjugate(y) for x, y in zip(a, b, strict=True)), sympy.Integer(0))
    assert sympy.expand(derivation.result - expected) == 0
    check_derivation(derivation)


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(vectors(n, rational), vectors(n, rational))))
def test_real_vectors_make_inner_and_dot_coincide(pair: tuple[Any, Any]) -> None:
    a, b = pair
    assert equal(linsteps.dot(a, b, complex=True).result, linsteps.dot(a, b).result)


def test_i_is_the_imaginary_unit_only_with_complex() -> None:
    assert linsteps.dot("[i, 1]", "[i, 1]", complex=True).result == 2
    i = sympy.Symbol("i", real=True)
    assert linsteps.dot("[i, 1]", "[i, 1]").result == i**2 + 1


@given(
    st.integers(2, 4).flatmap(lambda k: st.integers(1, 3).flatmap(lambda d: matrices(k, d, small)))
)
def test_pairwise_cosine_matrix(x: Any) -> None:
    rows = [x.row(i) for i in range(x.rows)]
    if any(not any(r) for r in rows):
        with pytest.raises(UndefinedError):
            linsteps.cos(x, pairwise=True)
        return
    derivation = linsteps.cos(x, pairwise=True)
    expected = sympy.Matrix(
        [[u.dot(v) / (sympy.sqrt(u.dot(u)) * sympy.sqrt(v.dot(v))) for v in rows] for u in rows]
    )
    assert all(sympy.simplify(p - r) == 0 for p, r in zip(derivation.result, expected, strict=True))
    assert derivation.result == derivation.result.T
    check_derivation(derivation)


@given(st.integers(1, 3), st.integers(1, 3), st.data())
def test_linear_equals_w_x_plus_b(out: int, inp: int, data: st.DataObject) -> None:
    w = data.draw(matrices(out, inp, rational))
    x, b = data.draw(vectors(inp, rational)), data.draw(vectors(out, rational))
    derivation = linsteps.linear(w, x, b)
    assert equal(derivation.result, w * x + b)
    assert equal(linsteps.linear(w, x).result, w * x)
    check_derivation(derivation)


@given(st.integers(1, 3), st.integers(2, 3), st.integers(2, 3), st.data())
def test_linear_batch_equals_x_w_transposed_plus_b(
    out: int, inp: int, batch: int, data: st.DataObject
) -> None:
    w = data.draw(matrices(out, inp, rational))
    x = data.draw(matrices(batch, inp, rational))
    b = data.draw(vectors(out, rational))
    derivation = linsteps.linear(w, x, b)
    expected = x * w.T + sympy.Matrix.vstack(*([b.T] * batch))
    assert equal(derivation.result, expected)
    check_derivation(derivation)


def is_zero(value: Any) -> bool:
    """Return True when ``value`` is exactly zero: over a common denominator the numerator
    expands to 0 (quick, and sound), else SymPy's simplify decides."""
    numerator = sympy.together(value).as_numer_denom()[0]
    return bool(sympy.expand(numerator) == 0 or sympy.simplify(value) == 0)


def softmax_rows(scores: Any) -> Any:
    """An independent softmax by row."""
    out = []
    for i in range(scores.rows):
        powers = [sympy.exp(s) for s in scores.row(i)]
        out.append([p / sum(powers, sympy.Integer(0)) for p in powers])
    return sympy.Matrix(out)


@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.booleans(), st.data())
def test_attention_equals_an_independent_computation(
    n: int, m: int, d: int, scale: bool, data: st.DataObject
) -> None:
    q, k, v = (data.draw(matrices(r, d, small)) for r in (n, m, m))
    derivation = linsteps.attention(q, k, v, scale=scale)
    scores = q * k.T / (sympy.sqrt(d) if scale else 1)
    expected = softmax_rows(scores) * v
    assert all(is_zero(p - r) for p, r in zip(derivation.result, expected, strict=True))
    weights = linsteps.attention(q, k, scale=scale).result
    for i in range(weights.rows):
        assert is_zero(sum(weights.row(i)) - 1)  # exactly, in the exact form


@given(st.integers(1, 3).flatmap(lambda n: st.tuples(matrices(n, 2, small), matrices(n, 2, small))))
def test_causal_attention_gives_zero_weight_above_the_diagonal(pair: tuple[Any, Any]) -> None:
    q, k = pair
    derivation = linsteps.attention(q, k, causal=True)
    weights = derivation.result
    for i in range(weights.rows):
        assert all(weights[i, j] == 0 for j in range(i + 1, weights.cols))
        assert is_zero(sum(weights.row(i)) - 1)
    check_derivation(derivation)


def test_softmax_rows_shown_summing_to_one() -> None:
    text = linsteps.attention("1 0; 0 1", "1 1; 0 1").to_text()
    assert "w₁₁ + w₁₂ = " in text and text.count(" = 1\n") >= 2


@pytest.mark.parametrize(
    ("build", "error", "fragment"),
    [
        (lambda: linsteps.linear("1 2; 3 4; 5 6", "[1, 2, 3]"), ShapeError, "in_features = 2"),
        (lambda: linsteps.linear("1 2; 3 4; 5 6", "1 2 3; 4 5 6"), ShapeError, "each row of X"),
        (lambda: linsteps.linear("1 2; 3 4", "[1, 2]", "[1, 2, 3]"), ShapeError, "out_features"),
        (lambda: linsteps.attention("1 0", "1 2 3"), ShapeError, "d_k"),
        (lambda: linsteps.attention("1 0", "1 2", "1 2; 3 4"), ShapeError, "one row per key"),
        (lambda: linsteps.project("[1, 2]", "[0, 0]"), UndefinedError, "zero vector"),
        (lambda: linsteps.project("[1, 2]", "[1, 2, 3]"), ShapeError, "same length"),
        (lambda: linsteps.cos("[1, 2]", pairwise=True), ShapeError, "list of vectors"),
        (lambda: linsteps.cos("[[1, 2], [0, 0]]", pairwise=True), UndefinedError, "row 2"),
        (lambda: linsteps.cos("[1, 2]"), UsageError, "two vectors"),
        (lambda: linsteps.outer("1 2; 3 4", "[1, 2]"), ShapeError, "must be a vector"),
    ],
)
def test_shape_errors(build: Any, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as caught:
        build()
    assert fragment in str(caught.value)


def test_chinese_uses_the_agreed_terms_for_the_new_operations() -> None:
    from linsteps.i18n import catalog

    zh = catalog("zh")
    assert "外积" in zh["title.outer"] and "叉积" in zh["note.outer_vs_inner"]
    assert "转置" in zh["title.transpose"] and "投影" in zh["title.project"]
    assert "全连接层" in zh["title.linear"] and "偏置" in zh["condition.linear_bias"]
    assert "权重" in zh["note.linear_transpose"]
    assert "注意力" in zh["title.attention"] and "缩放" in zh["note.why_scale"]
    assert "余弦相似度" in zh["title.pairwise"] and "内积" in zh["title.inner"]
