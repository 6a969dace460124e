"""PyTorch tensors as operands, and PyTorch as the oracle of the layers it defines.

Needs PyTorch (``pip install '.[test,torch]'``); ``-m "not torch"`` leaves these tests out.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import sympy

import linsteps
from linsteps import UsageError
from linsteps.derivation.operands import to_operand

pytestmark = pytest.mark.torch

try:
    import torch
except ImportError:  # pragma: no cover - each test says how to install it
    torch = None


@pytest.fixture(autouse=True)
def _needs_torch() -> None:
    if torch is None:
        pytest.fail(
            "PyTorch is not installed: `pip install '.[test,torch]'` (bash tests/run.sh does), "
            "or leave these tests out with -m 'not torch'"
        )


def floats(value: Any) -> list[list[float]]:
    """A SymPy matrix as nested lists of floats."""
    return [[float(x) for x in row] for row in sympy.Matrix(value).tolist()]


def test_numpy_and_torch_together() -> None:
    derivation = linsteps.dot(np.array([1, 2]), torch.tensor([3, 4]))
    assert derivation.result == 11
    assert [op.layout for op in derivation.inputs] == ["vector", "vector"]


@pytest.mark.parametrize("dtype", ["float32", "float16", "bfloat16", "float64", "complex64"])
def test_a_tensor_entry_is_the_decimal_its_type_prints(dtype: str) -> None:
    tensor = torch.tensor([0.1, 0.5, 3.0], dtype=getattr(torch, dtype))
    assert list(to_operand(tensor, "a").value) == [sympy.Rational(1, 10), sympy.Rational(1, 2), 3]
    assert to_operand(tensor, "a").decimal


def test_tensors_with_gradients_and_parameters() -> None:
    weights = torch.nn.Parameter(torch.tensor([[0.5, -1.0], [2.0, 0.25]]))
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    layer = linsteps.linear(weights, x)
    assert layer.result == sympy.Matrix([sympy.Rational(-3, 2), sympy.Rational(5, 2)])
    assert "0.5·1 + (−1)·2" in layer.to_text()


def test_a_zero_dimensional_tensor_in_a_list() -> None:
    assert list(to_operand([torch.tensor(0.1), torch.tensor(2)], "a").value) == [
        sympy.Rational(1, 10),
        2,
    ]


def test_tensors_that_are_not_operands() -> None:
    with pytest.raises(UsageError, match="3 dimensions"):
        linsteps.cos(torch.zeros(2, 2, 2), torch.zeros(2, 2))
    with pytest.raises(UsageError, match="not a finite number"):
        linsteps.norm(torch.tensor([float("nan"), 1.0]))


def test_linear_agrees_with_torch() -> None:
    weights = torch.tensor([[0.5, -1.25, 2.0], [1.5, 0.0, -0.75]], dtype=torch.float64)
    bias = torch.tensor([0.25, -1.0], dtype=torch.float64)
    batch = torch.tensor([[1.0, 2.0, 3.0], [-0.5, 0.25, 4.0]], dtype=torch.float64)
    expected = torch.nn.functional.linear(batch, weights, bias)
    assert floats(linsteps.linear(weights, batch, bias).result) == expected.tolist()
    single = linsteps.linear(weights, batch[0], bias).result
    assert floats(single) == [[v] for v in expected[0].tolist()]


def test_attention_agrees_with_torch() -> None:
    q = torch.tensor([[0.5, 1.0], [0.0, 0.25], [1.0, -1.0]], dtype=torch.float64)
    k = torch.tensor([[1.0, 0.0], [0.5, 0.5], [0.0, 2.0]], dtype=torch.float64)
    v = torch.tensor([[1.0, 2.0], [3.0, 4.0], [-1.0, 0.5]], dtype=torch.float64)
    expected = torch.nn.functional.scaled_dot_product_attention(q, k, v)
    derivation = linsteps.attention(q, k, v)
    assert np.allclose(floats(derivation.result), expected.tolist(), rtol=1e-12, atol=1e-12)
    text = derivation.to_text()
    assert "given         Q = [[0.5, 1], [0, 0.25], [1, −1]]" in text
    assert " ≈ ⎡" in text
