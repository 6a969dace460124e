"""PyTorch is the oracle for torch semantics: ``torch.matmul`` and broadcasting ``*`` give our
values, and refuse shapes with the very message our errors quote.

Marked ``torch``: where PyTorch is not installed, deselect these with ``-m "not torch"``
(they fail, rather than skip, when it is missing).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import linsteps
from linsteps.derivation.tensor_operands import to_tensor
from linsteps.errors import ShapeError
from linsteps.ops.matmul_errors import torch_message
from linsteps.ops.tensor_matmul import tensor_matmul
from tests.test_tensor_numpy import entries, matmul_pairs, same_array, shape_pairs, text_of

pytestmark = pytest.mark.torch


def torch_module() -> ModuleType:
    """Return PyTorch, or fail saying how to install it or deselect these tests."""
    try:
        import torch
    except ImportError:  # pragma: no cover - depends on the machine
        pytest.fail(
            "PyTorch is not installed: pip install 'torch==2.13.0' (a CPU build), or run "
            "pytest -m 'not torch'"
        )
    return torch


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", "1 0; 0 1"),
        ("[1, 2]", "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]"),
        ("[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]", "[1, -1]"),
        ("[[[[1, 2]]], [[[3, 4]]]]", "[[[1], [2]], [[3], [4]], [[5], [6]]]"),
    ],
)
def test_matmul_equals_torch(a: str, b: str) -> None:
    torch = torch_module()
    ours = linsteps.matmul(a, b)
    left = torch.tensor(to_tensor(a, "A").value.tolist(), dtype=torch.int64)
    right = torch.tensor(to_tensor(b, "B").value.tolist(), dtype=torch.int64)
    assert same_array(ours.result, torch.matmul(left, right).numpy())


@given(matmul_pairs(), st.data())
def test_matmul_refuses_with_torchs_words(shapes: tuple[tuple[int, ...], ...], data: Any) -> None:
    torch = torch_module()
    a = entries(data.draw, shapes[0], False)
    b = entries(data.draw, shapes[1], False)
    try:
        expected = torch.matmul(torch.from_numpy(a), torch.from_numpy(b))
    except RuntimeError as error:
        assert torch_message(a.shape, b.shape) == str(error)
        return
    assert torch_message(a.shape, b.shape) is None
    try:
        numpy_result = a @ b
    except ValueError:  # PyTorch multiplies shapes NumPy refuses? then say so here
        pytest.fail(f"torch multiplies {a.shape} @ {b.shape} but NumPy does not")
    assert np.array_equal(expected.numpy(), numpy_result)
    assert same_array(tensor_matmul(text_of(a), text_of(b)).result, expected.numpy())


@given(shape_pairs(low=0), st.data())
def test_broadcasting_refuses_with_torchs_words(
    shapes: tuple[tuple[int, ...], ...], data: Any
) -> None:
    torch = torch_module()
    a, b = (entries(data.draw, shape, False) for shape in shapes)
    try:
        expected = torch.from_numpy(a) * torch.from_numpy(b)
    except RuntimeError as error:
        with pytest.raises(ShapeError) as caught:
            linsteps.hadamard(text_of(a), text_of(b), broadcast=True)
        assert str(caught.value).endswith("PyTorch: " + str(error))
        return
    ours = linsteps.hadamard(text_of(a), text_of(b), broadcast=True)
    assert same_array(ours.result, expected.numpy())
