"""Every shape claim of ``linsteps shapes --lib torch`` against PyTorch itself: random shapes
for ``@``, ``*``, ``+``, ``.T``, ``reshape`` and ``sum``, and the other rules case by case; the
shape PyTorch gives or the exception it raises, word for word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.shape_oracle import agree

pytestmark = pytest.mark.torch

SIZES = st.integers(min_value=1, max_value=3)
SHAPES = st.lists(SIZES, min_size=0, max_size=4).map(tuple)
SOME_ZEROS = st.lists(st.integers(min_value=0, max_value=3), min_size=0, max_size=4).map(tuple)


@pytest.fixture(autouse=True, scope="module")
def _torch() -> None:
    """Fail loudly when PyTorch is missing: deselect these with -m "not torch" instead."""
    import torch  # noqa: F401


@given(SHAPES, SHAPES, st.sampled_from(["a @ b", "a * b", "a + b", "a - b", "a / b"]))
def test_binary_operators_agree_with_torch(
    a: tuple[int, ...], b: tuple[int, ...], expr: str
) -> None:
    agree("torch", expr, {"a": a, "b": b})


@given(SOME_ZEROS, SOME_ZEROS)
def test_matmul_with_empty_axes_agrees_with_torch(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    agree("torch", "a @ b", {"a": a, "b": b})


@given(SHAPES, SHAPES, SHAPES)
def test_compositions_agree_with_torch(
    a: tuple[int, ...], b: tuple[int, ...], c: tuple[int, ...]
) -> None:
    for expr in (
        "a.T @ b + c",
        "(a * b).mT @ c",
        "torch.matmul(a, b) - c",
        "a @ b.transpose(0, -1)",
    ):
        agree("torch", expr, {"a": a, "b": b, "c": c})


@given(SOME_ZEROS, st.lists(st.integers(min_value=-2, max_value=4), min_size=1, max_size=4))
def test_reshape_and_view_agree_with_torch(a: tuple[int, ...], sizes: list[int]) -> None:
    listed = ", ".join(map(str, sizes))
    for expr in (
        f"a.reshape({listed})",
        f"a.view(({listed},))",
        f"a.T.view({listed})",
        f"a.mT.reshape({listed})",
    ):
        agree("torch", expr, {"a": a})


@given(SHAPES, st.lists(st.integers(min_value=-5, max_value=4), max_size=3), st.booleans())
def test_sum_agrees_with_torch(a: tuple[int, ...], dims: list[int], keep: bool) -> None:
    dim = str(dims[0]) if len(dims) == 1 else f"({', '.join(map(str, dims))},)"
    agree("torch", f"a.sum({dim}, keepdim={keep})" if dims else "a.sum()", {"a": a})
    agree("torch", f"a.mean(dim={dim})" if dims else "a.mean()", {"a": a})


@given(SHAPES, SHAPES)
def test_products_agree_with_torch(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    for expr in ("torch.mm(a, b)", "torch.bmm(a, b)", "torch.dot(a, b)", "torch.outer(a, b)"):
        agree("torch", expr, {"a": a, "b": b})


@given(SHAPES, st.lists(st.integers(min_value=-4, max_value=4), max_size=4))
def test_axes_agree_with_torch(a: tuple[int, ...], dims: list[int]) -> None:
    listed = ", ".join(map(str, dims))
    if dims:
        agree("torch", f"a.permute({listed})", {"a": a})
    if len(dims) >= 2:
        agree("torch", f"a.transpose({dims[0]}, {dims[1]})", {"a": a})
        agree("torch", f"torch.swapaxes(a, {dims[0]}, {dims[1]})", {"a": a})
    if dims:
        agree("torch", f"a.unsqueeze({dims[0]})", {"a": a})
        agree("torch", f"torch.softmax(a, dim={dims[0]})", {"a": a})
        agree("torch", f"a.transpose(0, -1).unsqueeze({dims[0]}).view(-1)", {"a": a})


@pytest.mark.parametrize(
    ("expr", "given"),
    [
        ("a.mT", {"a": (3,)}),
        ("a.T", {"a": (2, 3, 4)}),
        ("torch.softmax(a)", {"a": (2, 3)}),
        ("F.softmax(a)", {"a": (2, 3)}),
        ("a.transpose(1, 2).view(2, 12)", {"a": (2, 3, 4)}),
        ("a.transpose(0, 1).view(3, 2, 4)", {"a": (2, 3, 4)}),
        ("a.transpose(1, 2).contiguous().view(2, 12)", {"a": (2, 3, 4)}),
        ("torch.einsum('ij,jk->ik', a, b)", {"a": (2, 3), "b": (3, 4)}),
        ("torch.einsum('ij,jk->ik', a, b)", {"a": (2, 3), "b": (4, 5)}),
        ("torch.einsum('ij,jk->ik', a, b)", {"a": (2, 1), "b": (4, 5)}),
        ("torch.einsum('ij,jk->ik', a)", {"a": (2, 3)}),
        ("torch.einsum('ij->ij', a, b)", {"a": (2, 3), "b": (2, 3)}),
        ("torch.einsum('ijk->i', a)", {"a": (2, 3)}),
        ("torch.einsum('...ijk->i', a)", {"a": (2, 3)}),
        ("torch.einsum('ij->ii', a)", {"a": (2, 3)}),
        ("torch.einsum('i1->i', a)", {"a": (2, 3)}),
        ("torch.einsum('ii->i', a)", {"a": (2, 3)}),
        ("torch.einsum('ij->k', a)", {"a": (2, 3)}),
        ("torch.einsum('...ij->ij', a)", {"a": (4, 2, 3)}),
        ("einsum('...ij,...jk->...ik', a, b)", {"a": (4, 2, 3), "b": (5, 3, 2)}),
        ("einsum('bhqd,bhkd->bhqk', a, b)", {"a": (2, 4, 5, 8), "b": (2, 4, 6, 8)}),
        ("einsum('bij,bjk->bik', a, b)", {"a": (5, 2, 3), "b": (6, 3, 2)}),
        ("einsum('aB', a)", {"a": (3, 2)}),
        (
            "softmax(a @ b.transpose(-2, -1) / math.sqrt(8), dim=-1)",
            {"a": (2, 4, 5, 8), "b": (2, 4, 6, 8)},
        ),
    ],
)
def test_rules_agree_with_torch(expr: str, given: dict[str, tuple[int, ...]]) -> None:
    agree("torch", expr, given)
