"""Checking answers to the general forms through the real operations of the engine: outer,
transpose, project, linear (one sample and a batch), attention (with --no-scale and --causal)
and the complex inner product; every diagnosis of these operations with several cases."""

from __future__ import annotations

from typing import Any

import pytest
import sympy

from linsteps import ParseError
from linsteps.assess.answers import to_input
from linsteps.assess.checking import check
from linsteps.assess.layer_diagnoses import softmax_rows
from linsteps.derivation.operands import to_operand

# (operation, operands, options, answer, expected status, expected diagnosis)
FORM_CASES: list[tuple[str, tuple[str, ...], dict[str, Any], str, str, str | None]] = [
    # outer
    ("outer", ("[1, 2]", "[3, 4, 5]"), {}, "3 4 5; 6 8 10", "correct", None),
    ("outer", ("[1, 2]", "[3, 4, 5]"), {}, "3 6; 4 8; 5 10", "incorrect", "transposed"),
    ("outer", ("[1, 2]", "[3, 4]"), {}, "3 6; 4 8", "incorrect", "transposed"),
    ("outer", ("[1, 2]", "[3, 4]"), {}, "11", "incorrect", "outer_instead_of_inner"),
    ("outer", ("[1, 0, 2]", "[2, 1, 1]"), {}, "4", "incorrect", "outer_instead_of_inner"),
    ("outer", ("[1, 2]", "[3, 4, 5]"), {}, "3 4 5; 6 8 11", "incorrect", "entry_error"),
    # transpose
    ("transpose", ("1 2; 3 4",), {}, "1 3; 2 4", "correct", None),
    ("transpose", ("1 2; 3 4",), {}, "1 2; 3 4", "incorrect", "transposed"),
    ("transpose", ("1 2 3; 4 5 6",), {}, "1 2 3; 4 5 6", "incorrect", "transposed"),
    ("transpose", ("0 1; 5 0",), {}, "0 1; 5 0", "incorrect", "transposed"),
    # project
    ("project", ("[3, 4]", "[1, 0]"), {}, "[3, 0]", "correct", None),
    ("project", ("[3, 4]", "[1, 1]"), {}, "[7/2, 7/2]", "correct", None),
    ("project", ("[3, 4]", "[1, 1]"), {}, "[21/25, 28/25]", "incorrect", "reversed_order"),
    ("project", ("[2, 0]", "[1, 1]"), {}, "[1, 1]", "correct", None),
    ("project", ("[2, 0]", "[1, 1]"), {}, "[1, 0]", "incorrect", "reversed_order"),
    ("project", ("[3, 4]", "[1, 0]"), {}, "[0, 4]", "incorrect", "orthogonal_component"),
    ("project", ("[3, 4]", "[1, 1]"), {}, "[-1/2, 1/2]", "incorrect", "orthogonal_component"),
    ("project", ("[1, 2, 2]", "[0, 0, 3]"), {}, "[1, 2, 0]", "incorrect", "orthogonal_component"),
    ("project", ("[3, 4]", "[0, 0]"), {}, "undefined", "correct", None),
    ("project", ("[3, 4]", "[0, 0]"), {}, "[0, 0]", "incorrect", "not_defined"),
    # linear, one sample
    ("linear", ("1 2; 3 4", "[1, 1]", "[10, 20]"), {}, "[13, 27]", "correct", None),
    ("linear", ("1 2; 3 4", "[1, 1]", "[10, 20]"), {}, "[3, 7]", "incorrect", "missing_bias"),
    ("linear", ("2 0; 0 3", "[1, 2]", "[1, 1]"), {}, "[2, 6]", "incorrect", "missing_bias"),
    ("linear", ("1 -1; 0 2; 5 1", "[2, 3]", "[0, 1, 0]"), {}, "[-1, 6, 13]", "incorrect",
     "missing_bias"),
    ("linear", ("1 2; 3 4", "[1, 1]", "[10, 20]"), {}, "[14, 26]", "incorrect", "transposed"),
    ("linear", ("1 2; 3 4", "[1, 1, 1]", "[10, 20]"), {}, "undefined", "correct", None),
    ("linear", ("1 2; 3 4", "[1, 1]", "[1, 2, 3]"), {}, "[13, 27]", "incorrect", "not_defined"),
    # linear, a batch X (rows are samples): XWᵀ + b
    ("linear", ("1 2; 3 4", "1 1; 2 0", "[10, 20]"), {}, "13 27; 12 26", "correct", None),
    ("linear", ("1 2; 3 4", "1 1; 2 0", "[10, 20]"), {}, "3 7; 2 6", "incorrect",
     "missing_bias"),
    ("linear", ("1 2; 3 4", "1 1; 2 0", "[10, 20]"), {}, "14 26; 12 24", "incorrect",
     "transposed"),
    ("linear", ("1 2; 3 4", "1 1; 2 0", "[10, 20]"), {}, "13 12; 27 26", "incorrect",
     "transposed"),
    ("linear", ("1 2 0; 3 4 1", "1 1 1; 2 0 1", "[1, 0]"), {}, "3 8; 2 7", "incorrect",
     "missing_bias"),
    # attention: raw scores
    ("attention", ("1 2; 0 1", "1 0; 2 1"), {}, "1 4; 0 1", "incorrect", "missing_scale"),
    ("attention", ("1 0; 1 1", "1 0; 0 1"), {}, "1 0; 1 1", "incorrect", "missing_scale"),
    ("attention", ("[[1, 1]]", "1 0; 0 1; 1 1"), {}, "1 1 2", "incorrect", "missing_scale"),
    # complex inner product
    ("dot", ("[1+i, 2]", "[3, i]"), {"complex": True}, "3+i", "correct", None),
    ("dot", ("[1+i, 2]", "[3, i]"), {"complex": True}, "3+5i", "incorrect", "missing_conjugate"),
    ("dot", ("[1+i, 2]", "[3, i]"), {"complex": True}, "3-i", "incorrect", "missing_conjugate"),
    ("dot", ("[i, 1]", "[i, 1]"), {"complex": True}, "0", "incorrect", "missing_conjugate"),
    ("dot", ("[1+i, 2]", "[3, i]"), {"complex": True}, "[3+3i, -2i]", "incorrect",
     "forgot_to_sum"),
    ("dot", ("[1, 2]", "[3, 4]"), {"complex": True}, "11", "correct", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("operation", "operands", "options", "answer", "status", "diagnosis"),
    FORM_CASES,
    ids=[f"{c[5] or c[4]}-{c[0]}-{c[3]}" for c in FORM_CASES],
)
def test_diagnosis_through_the_real_operation(
    operation: str,
    operands: tuple[str, ...],
    options: dict[str, Any],
    answer: str,
    status: str,
    diagnosis: str | None,
) -> None:
    verdict = check(operation, operands, answer, options=options)
    assert (verdict.status, verdict.diagnosis) == (status, diagnosis), verdict.message()
    for lang in ("en", "zh"):
        message = verdict.message(lang)
        assert message and "{" not in message and "\n" not in message


def test_the_batch_messages_name_the_transposed_weight() -> None:
    missing = check("linear", ("1 2; 3 4", "1 1; 2 0", "[10, 20]"), "3 7; 2 6")
    assert missing.variant == "batch" and "XWᵀ" in missing.message()
    untransposed = check("linear", ("1 2; 3 4", "1 1; 2 0", "[10, 20]"), "14 26; 12 24")
    assert untransposed.variant == "batch" and "XW + b" in untransposed.message()


# --- attention: the weights and the output, each variant, exact and as decimals -------------


def text(value: Any, places: int | None = None) -> str:
    """A matrix in the input syntax, exact or as decimals."""
    if places is None:
        return to_input(sympy.ImmutableMatrix(value))
    return "; ".join(
        " ".join(f"{float(x):.{places}f}" for x in row) for row in sympy.Matrix(value).tolist()
    )


def masked(scores: Any) -> Any:
    return sympy.Matrix(scores.rows, scores.cols, lambda i, j: -sympy.oo if j > i else scores[i, j])


def variants(q: str, k: str, *, scale: bool = True, causal: bool = False) -> dict[Any, Any]:
    qm, km = to_operand(q, "Q").value, to_operand(k, "K").value
    raw = qm * km.T
    scaled = raw / sympy.sqrt(qm.cols) if scale else raw
    mask = masked if causal else (lambda m: m)
    found = {
        None: softmax_rows(mask(scaled)),
        "softmax_wrong_axis": softmax_rows(mask(scaled).T).T,
    }
    if scale:
        found["missing_scale"] = softmax_rows(mask(raw))
    return found


PAIRS = [("1 0; 1 1", "1 0; 0 1"), ("1 2; 0 1", "2 0; 1 1"), ("2 0 1; 0 1 1", "1 1 0; 0 2 1")]


@pytest.mark.parametrize(("q", "k"), PAIRS)
@pytest.mark.parametrize("code", [None, "missing_scale", "softmax_wrong_axis"])
@pytest.mark.parametrize("places", [None, 6])
def test_attention_weights(q: str, k: str, code: str | None, places: int | None) -> None:
    weights = variants(q, k)[code]
    verdict = check("attention", (q, k), text(weights, places))
    expected = code or ("approximate" if places else None)
    assert verdict.diagnosis in (expected, "equivalent_form" if code is None else expected)
    assert verdict.correct == (code is None), verdict.message()


@pytest.mark.parametrize(("q", "k"), PAIRS)
@pytest.mark.parametrize("code", [None, "missing_scale", "softmax_wrong_axis"])
def test_attention_output(q: str, k: str, code: str | None) -> None:
    v = "1 2; 3 4"  # every K of PAIRS has two rows
    output = variants(q, k)[code] * to_operand(v, "V").value
    verdict = check("attention", (q, k, v), text(output, 6))
    assert verdict.diagnosis == (code or "approximate"), verdict.message()


@pytest.mark.parametrize("code", [None, "softmax_wrong_axis"])
def test_attention_without_the_scale(code: str | None) -> None:
    q, k = PAIRS[1]
    weights = variants(q, k, scale=False)[code]
    verdict = check("attention", (q, k), text(weights, 6), options={"scale": False})
    assert verdict.diagnosis == (code or "approximate"), verdict.message()


@pytest.mark.parametrize("code", [None, "missing_scale", "softmax_wrong_axis"])
def test_attention_with_the_causal_mask(code: str | None) -> None:
    q, k = PAIRS[2]
    weights = variants(q, k, causal=True)[code]
    verdict = check("attention", (q, k), text(weights, 6), options={"causal": True})
    assert verdict.diagnosis == (code or "approximate"), verdict.message()
    assert verdict.correct == (code is None)


def test_the_raw_scores_name_the_scale() -> None:
    verdict = check("attention", ("1 2; 0 1", "1 0; 2 1"), "1 4; 0 1")
    assert (verdict.diagnosis, verdict.variant) == ("missing_scale", "scores")
    assert "√2" in verdict.message()


def test_a_complex_answer_reads_i_as_the_imaginary_unit() -> None:
    verdict = check("dot", ("[1+i, 2]", "[3, i]"), "3 + i", options={"complex": True})
    assert verdict.correct and verdict.read_as() == "3 + i"
    with pytest.raises(ParseError, match="'i'"):  # without --complex, i is a name the
        check("dot", ("[1, 2]", "[3, 4]"), "i", options={})  # problem does not have
