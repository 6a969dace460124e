"""``why`` reads the shape errors PyTorch really raises: each message comes from running the
failing operation on tensors of zeros."""

from __future__ import annotations

import pytest

from linsteps.learn.why import why
from tests.shape_oracle import run

pytestmark = pytest.mark.torch

FAILING = [
    ("a @ b", {"a": (32, 784), "b": (512, 10)}, "mm"),
    ("torch.mm(a, b)", {"a": (2, 3), "b": (4, 5)}, "mm"),
    ("a @ b", {"a": (2, 3), "b": (4,)}, "mv"),
    ("a @ b", {"a": (3,), "b": (4,)}, "dot"),
    ("a + b", {"a": (2, 3), "b": (4,)}, "broadcast"),
    ("a * b", {"a": (5, 2, 3), "b": (6, 3, 2)}, "broadcast"),
    ("torch.bmm(a, b)", {"a": (5, 2, 3), "b": (6, 3, 2)}, "bmm_batch"),
    ("torch.bmm(a, b)", {"a": (5, 2, 3), "b": (5, 4, 2)}, "bmm_inner"),
    ("a @ b", {"a": (5, 2, 3), "b": (5, 4, 2)}, "bmm_inner"),
    ("torch.bmm(a, b)", {"a": (2, 3), "b": (5, 3, 2)}, "bmm_rank"),
    ("torch.mm(a, b)", {"a": (2, 2, 3), "b": (3, 2)}, "mm_rank"),
    ("torch.dot(a, b)", {"a": (2, 3), "b": (2, 3)}, "dot_rank"),
    ("a.view(4, -1)", {"a": (6,)}, "reshape"),
    ("a.transpose(0, 1).view(6)", {"a": (2, 3)}, "view_stride"),
    ("a.sum(2)", {"a": (2, 3)}, "dim_range"),
    ("torch.einsum('ij,jk->ik', a, b)", {"a": (2, 3), "b": (4, 5)}, "einsum_size"),
]


@pytest.fixture(autouse=True, scope="module")
def _torch() -> None:
    """Fail loudly when PyTorch is missing: deselect these with -m "not torch" instead."""
    import torch  # noqa: F401


@pytest.mark.parametrize(("expr", "given", "key"), FAILING)
def test_torch_messages_are_read(expr: str, given: dict[str, tuple[int, ...]], key: str) -> None:
    outcome = run("torch", expr, given)
    assert outcome[0] == "error"
    report = why(f"{outcome[1]}: {outcome[2]}")
    assert (report.library, report.error, report.key) == ("torch", outcome[1], key)
    if report.report is not None:
        fault = report.report.fault
        assert fault is not None and fault.quote == outcome[2]
