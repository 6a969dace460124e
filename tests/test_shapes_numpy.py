"""Every shape claim of ``linsteps shapes`` against NumPy itself: random shapes for ``@``,
``*``, ``+``, ``.T``, ``reshape`` and ``sum``, and the other rules case by case; the shape
NumPy gives or the exception it raises, word for word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.shape_oracle import agree

SIZES = st.integers(min_value=1, max_value=3)
SHAPES = st.lists(SIZES, min_size=0, max_size=4).map(tuple)
SOME_ZEROS = st.lists(st.integers(min_value=0, max_value=3), min_size=0, max_size=4).map(tuple)


@given(SHAPES, SHAPES, st.sampled_from(["a @ b", "a * b", "a + b", "a - b", "a / b"]))
def test_binary_operators_agree_with_numpy(
    a: tuple[int, ...], b: tuple[int, ...], expr: str
) -> None:
    agree("numpy", expr, {"a": a, "b": b})


@given(SOME_ZEROS, SOME_ZEROS)
def test_matmul_with_empty_axes_agrees_with_numpy(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    agree("numpy", "a @ b", {"a": a, "b": b})


@given(SHAPES, SHAPES, SHAPES)
def test_compositions_agree_with_numpy(
    a: tuple[int, ...], b: tuple[int, ...], c: tuple[int, ...]
) -> None:
    for expr in (
        "a.T @ b + c",
        "(a * b).T @ c",
        "a @ b.T - c",
        "np.dot(a, b) + c",
        "np.matmul(a, b) * c",
    ):
        agree("numpy", expr, {"a": a, "b": b, "c": c})


@given(SOME_ZEROS, st.lists(st.integers(min_value=-2, max_value=4), min_size=1, max_size=4))
def test_reshape_agrees_with_numpy(a: tuple[int, ...], sizes: list[int]) -> None:
    agree("numpy", f"a.reshape({', '.join(map(str, sizes))})", {"a": a})
    agree("numpy", f"a.reshape(({', '.join(map(str, sizes))},))", {"a": a})


@given(SHAPES, st.lists(st.integers(min_value=-5, max_value=4), max_size=3), st.booleans())
def test_sum_agrees_with_numpy(a: tuple[int, ...], dims: list[int], keep: bool) -> None:
    axis = str(dims[0]) if len(dims) == 1 else f"({', '.join(map(str, dims))},)"
    agree("numpy", f"a.sum({axis}, keepdims={keep})" if dims else "a.sum()", {"a": a})
    agree("numpy", f"a.mean(axis={axis})" if dims else f"a.mean(keepdims={keep})", {"a": a})


@given(SHAPES, SHAPES)
def test_dot_and_outer_agree_with_numpy(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    agree("numpy", "np.dot(a, b)", {"a": a, "b": b})
    agree("numpy", "np.outer(a, b)", {"a": a, "b": b})


@given(SHAPES, st.lists(st.integers(min_value=-4, max_value=4), max_size=4))
def test_transposes_agree_with_numpy(a: tuple[int, ...], axes: list[int]) -> None:
    agree("numpy", "a.T", {"a": a})
    agree("numpy", f"a.transpose({', '.join(map(str, axes))})", {"a": a})
    if len(axes) >= 2:
        agree("numpy", f"a.swapaxes({axes[0]}, {axes[1]})", {"a": a})
        agree("numpy", f"np.swapaxes(a, {axes[0]}, {axes[1]})", {"a": a})


@pytest.mark.parametrize(
    ("expr", "given"),
    [
        ("a.mT", {"a": (3,)}),
        ("a.mT", {"a": (2, 3, 4)}),
        ("a.permute(1, 0)", {"a": (2, 3)}),
        ("a.unsqueeze(0)", {"a": (2, 3)}),
        ("a.sum(dim=1)", {"a": (2, 3)}),
        ("a.mean(1, keepdim=True)", {"a": (2, 3)}),
        ("np.einsum('ij,jk->ik', a, b)", {"a": (2, 3), "b": (3, 4)}),
        ("np.einsum('ij,jk->ik', a, b)", {"a": (2, 3), "b": (4, 5)}),
        ("np.einsum('ij,jk', a, b)", {"a": (2, 3), "b": (3, 4)}),
        ("np.einsum('ij,jk->ik', a)", {"a": (2, 3)}),
        ("np.einsum('ij->ij', a, b)", {"a": (2, 3), "b": (2, 3)}),
        ("np.einsum('ijk->i', a)", {"a": (2, 3)}),
        ("np.einsum('ij->i', a)", {"a": (2, 3, 4)}),
        ("np.einsum('ii->i', a)", {"a": (2, 3)}),
        ("np.einsum('ii', a)", {"a": (3, 3)}),
        ("np.einsum('ij->ii', a)", {"a": (2, 3)}),
        ("np.einsum('ij->k', a)", {"a": (2, 3)}),
        ("np.einsum('...ij->ij', a)", {"a": (4, 2, 3)}),
        ("np.einsum('...ij', a)", {"a": (4, 2, 3)}),
        ("np.einsum('...ij,...jk->...ik', a, b)", {"a": (4, 2, 3), "b": (5, 3, 2)}),
        ("np.einsum('...ij,...jk->...ik', a, b)", {"a": (4, 2, 3), "b": (1, 3, 2)}),
        ("np.einsum('bij,bjk->bik', a, b)", {"a": (5, 2, 3), "b": (6, 3, 2)}),
        ("np.einsum('i,i->', a, b)", {"a": (3,), "b": (4,)}),
        ("np.einsum('aB', a)", {"a": (3, 2)}),
        ("np.einsum('ijk,jkl->il', a, b)", {"a": (2, 3, 4), "b": (3, 5, 6)}),
        ("softmax(a, axis=-1)", {"a": (2, 3)}),
    ],
)
def test_rules_agree_with_numpy(expr: str, given: dict[str, tuple[int, ...]]) -> None:
    if expr.startswith("softmax"):
        from linsteps.learn.shapes import shapes

        assert shapes(expr, given, "numpy").shape == given["a"]
        return
    agree("numpy", expr, given)
