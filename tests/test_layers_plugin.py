"""Diagnoses of operations added later (linear layers, attention) plug into the checker.

The layers are not operations of the engine yet; these tests register small stand-ins in
OPERATIONS, as the real ones will be, and check that the registered diagnoses name the
mistakes: missing_bias, missing_scale, softmax_wrong_axis.
"""

from __future__ import annotations

from typing import Any

import pytest
import sympy

from linsteps import ops
from linsteps.checking import check
from linsteps.diagnoses import softmax_rows
from linsteps.operands import as_vector, to_operand
from linsteps.steps import Derivation


def linear(w: Any, x: Any, b: Any = None) -> Derivation:
    inputs = [to_operand(w, "W"), as_vector(to_operand(x, "x"), "linear")]
    result = inputs[0].value * inputs[1].value
    if b is not None:
        inputs.append(as_vector(to_operand(b, "b"), "linear"))
        result = result + inputs[2].value
    return Derivation("linear", tuple(inputs), (), sympy.ImmutableMatrix(result))


def attention(q: Any, k: Any, v: Any = None) -> Derivation:
    inputs = [to_operand(q, "Q"), to_operand(k, "K")]
    scores = inputs[0].value * inputs[1].value.T / sympy.sqrt(inputs[0].value.cols)
    result = softmax_rows(scores)
    if v is not None:
        inputs.append(to_operand(v, "V"))
        result = result * inputs[2].value
    return Derivation("attention", tuple(inputs), (), sympy.ImmutableMatrix(result))


@pytest.fixture(autouse=True)
def layers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ops.OPERATIONS, "linear", linear)
    monkeypatch.setitem(ops.OPERATIONS, "attention", attention)


def text(value: Any, places: int | None = None) -> str:
    """A matrix in the input syntax, exact or as decimals."""
    rows = []
    for row in sympy.Matrix(value).tolist():
        if places is None:
            rows.append(" ".join(str(x).replace(" ", "").replace("E", "exp(1)") for x in row))
        else:
            rows.append(" ".join(f"{float(x):.{places}f}" for x in row))
    return "; ".join(rows)


@pytest.mark.parametrize(
    ("w", "x", "b", "answer", "code"),
    [
        ("1 2; 3 4", "[1, 1]", "[10, 20]", "[13, 27]", None),
        ("1 2; 3 4", "[1, 1]", "[10, 20]", "[3, 7]", "missing_bias"),
        ("2 0; 0 3", "[1, 2]", "[1, 1]", "[2, 6]", "missing_bias"),
        ("1 -1; 0 2; 5 1", "[2, 3]", "[0, 1, 0]", "[-1, 6, 13]", "missing_bias"),
        ("1 2; 3 4", "[1, 1]", "[10, 20]", "[14, 26]", "transposed"),
    ],
)
def test_linear(w: str, x: str, b: str, answer: str, code: str | None) -> None:
    verdict = check("linear", (w, x, b), answer)
    assert verdict.diagnosis == code, verdict.message()
    assert verdict.correct == (code is None)


Q, K, V = "1 0; 1 1", "1 0; 0 1", "1 2; 3 4"


def variants(q: str, k: str) -> dict[str, Any]:
    qm, km = to_operand(q, "Q").value, to_operand(k, "K").value
    raw = qm * km.T
    scaled = raw / sympy.sqrt(qm.cols)
    return {
        None: softmax_rows(scaled),
        "missing_scale": softmax_rows(raw),
        "softmax_wrong_axis": softmax_rows(scaled.T).T,
    }


@pytest.mark.parametrize("code", [None, "missing_scale", "softmax_wrong_axis"])
@pytest.mark.parametrize("places", [None, 6])
def test_attention_weights(code: str | None, places: int | None) -> None:
    weights = variants(Q, K)[code]
    verdict = check("attention", (Q, K), text(weights, places))
    assert verdict.diagnosis == (code or ("approximate" if places else None)), verdict.message()


@pytest.mark.parametrize("code", [None, "missing_scale", "softmax_wrong_axis"])
def test_attention_output(code: str | None) -> None:
    output = variants(Q, K)[code] * to_operand(V, "V").value
    verdict = check("attention", (Q, K, V), text(output, 6))
    assert verdict.diagnosis == (code or "approximate"), verdict.message()


def test_raw_scores_are_missing_the_scale() -> None:
    verdict = check("attention", ("1 2; 0 1", "1 0; 2 1"), "1 4; 0 1")
    assert (verdict.diagnosis, verdict.variant) == ("missing_scale", "scores")
    assert "√2" in verdict.message()
