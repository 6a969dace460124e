"""Every ``--code torch`` program runs with PyTorch in a subprocess and prints the derivation's
own result."""

from __future__ import annotations

import pytest

from linsteps.learn.code import program
from tests.program_runner import assert_same_result, run_programs, tolerance
from tests.test_code_programs import CASES

pytestmark = pytest.mark.torch


def test_every_torch_program_prints_the_result() -> None:
    derivations = [build() for _, build in CASES]
    printed = run_programs([program(d, "torch") for d in derivations])
    for derivation, output in zip(derivations, printed, strict=True):
        assert_same_result(output, derivation.result, tolerance(derivation.operation))


@pytest.mark.parametrize("causal", [False, True])
def test_heads_equal_torchs_scaled_dot_product_attention(causal: bool) -> None:
    import sympy
    import torch

    from linsteps import ops

    rows = {
        "q": "1 0 1 0; 0 1 0 1; 2 0 0 1",
        "k": "1 1 0 0; 0 1 1 0; 1 0 0 1",
        "v": "1 2 3 4; 5 6 7 8; 0 1 0 1",
    }
    derivation = ops.multi_head_attention(rows["q"], rows["k"], rows["v"], heads=2, causal=causal)
    q, k, v = (
        torch.tensor(
            [[float(x) for x in r.split()] for r in rows[n].split(";")], dtype=torch.float64
        )
        .view(3, 2, 2)
        .transpose(0, 1)
        for n in ("q", "k", "v")
    )
    out = torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=causal)
    expected = out.transpose(0, 1).reshape(3, 4)
    exact = torch.tensor(sympy.Matrix(derivation.result).evalf(30).tolist(), dtype=torch.float64)
    assert torch.allclose(exact, expected, rtol=1e-12, atol=1e-12)
