"""Multi-head attention: every equality it prints holds, the result equals NumPy's heads split,
attended and concatenated, the shapes of each reshape are stated, and bad head counts are
refused with the sizes."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
import sympy

from linsteps import ops
from linsteps.derivation.steps import Chain, Note
from linsteps.errors import ShapeError, UsageError
from tests.test_equalities import check_derivation

Q = "1 0 1 0; 0 1 0 1"
K = "1 1 0 0; 0 1 1 0; 1 0 0 1"
V = "1 2 3 4; 5 6 7 8; 0 1 0 1"


def numeric(matrix: str) -> np.ndarray:
    return np.array([[float(x) for x in row.split()] for row in matrix.split(";")])


def numpy_heads(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, heads: int, causal: bool
) -> np.ndarray:
    t, d = q.shape
    s = k.shape[0]
    d_k, d_v = d // heads, v.shape[1] // heads
    qh = q.reshape(t, heads, d_k).transpose(1, 0, 2)
    kh = k.reshape(s, heads, d_k).transpose(1, 0, 2)
    vh = v.reshape(s, heads, d_v).transpose(1, 0, 2)
    scores = qh @ kh.transpose(0, 2, 1) / np.sqrt(d_k)
    if causal:
        scores = np.where(np.tril(np.ones((t, s), dtype=bool)), scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return (weights @ vh).transpose(1, 0, 2).reshape(t, heads * d_v)


@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("heads", [1, 2, 4])
def test_the_result_is_numpys(heads: int, causal: bool) -> None:
    derivation = ops.multi_head_attention(Q, K, V, heads=heads, causal=causal)
    exact = np.array(sympy.Matrix(derivation.result).evalf(30).tolist(), dtype=float)
    expected = numpy_heads(numeric(Q), numeric(K), numeric(V), heads, causal)
    assert np.allclose(exact, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("full", [False, True])
def test_every_printed_equality_holds(full: bool) -> None:
    assert check_derivation(ops.multi_head_attention(Q, K, V, heads=2, full=full)) > 0
    assert check_derivation(ops.multi_head_attention(Q, K, heads=2, causal=True)) > 0


def test_each_reshape_and_transpose_is_stated_with_its_shapes() -> None:
    derivation = ops.multi_head_attention(Q, K, V, heads=2)
    reshapes = [
        s.params for s in derivation.steps if isinstance(s, Note) and s.key == "heads_reshape"
    ]
    shown = [(p["name"], p["before"].value, p["split"].value, p["after"].value) for p in reshapes]
    assert shown == [
        ("Q", sympy.Tuple(2, 4), sympy.Tuple(2, 2, 2), sympy.Tuple(2, 2, 2)),
        ("K", sympy.Tuple(3, 4), sympy.Tuple(3, 2, 2), sympy.Tuple(2, 3, 2)),
        ("V", sympy.Tuple(3, 4), sympy.Tuple(3, 2, 2), sympy.Tuple(2, 3, 2)),
    ]
    slices = [s for s in derivation.steps if isinstance(s, Chain) and s.links[0].role == "columns"]
    assert len(slices) == 6


def test_larger_inputs_show_each_head_by_its_result() -> None:
    q = "; ".join(" ".join(str((i + j) % 3) for j in range(4)) for i in range(4))
    short = ops.multi_head_attention(q, q, q, heads=4)
    full = ops.multi_head_attention(q, q, q, heads=4, full=True)
    assert any(isinstance(s, Note) and s.key == "heads_summarized" for s in short.steps)
    assert len(short.steps) < len(full.steps) and short.result == full.result


def test_head_counts_that_do_not_divide_are_refused() -> None:
    with pytest.raises(ShapeError) as caught:
        ops.multi_head_attention(Q, K, V, heads=3)
    assert caught.value.params == {"name": "Q", "width": 4, "heads": 3}
    with pytest.raises(ShapeError):
        ops.multi_head_attention(Q, K, "1 2 3; 4 5 6; 7 8 9", heads=2)
    with pytest.raises(UsageError):
        ops.multi_head_attention(Q, K, V, heads=0)


@pytest.mark.parametrize(
    ("fmt", "lang"),
    [
        ("text", "en"),
        ("text", "zh"),
        ("json", "en"),
        ("latex", "zh"),
        ("markdown", "en"),
        ("html", "en"),
    ],
)
def test_the_command_takes_heads(console_script: str, fmt: str, lang: str) -> None:
    args = [console_script, "attention", Q, K, V, "--heads", "2", "-f", fmt, "-l", lang]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    assert "attention_heads" in done.stdout or "W_O" in done.stdout or "W\\_O" in done.stdout
    refused = subprocess.run(
        [*args[:5], "--heads", "3"], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
