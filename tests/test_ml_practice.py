"""Einsum, broadcasting and code-shape questions: generated, keyed, checked, graded, diagnosed.

NumPy is the oracle: every generated problem's truth (its shape, or that it raises) is what
NumPy computes on arrays of those shapes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from linsteps.assess.answerkey import parse_key
from linsteps.assess.checking import check, check_problem
from linsteps.assess.diagnoses import CODES
from linsteps.assess.grading import grade
from linsteps.assess.ml_diagnoses import ML_CODES
from linsteps.assess.mlshapes import ERROR, read_tensor_shape
from linsteps.errors import ParseError
from linsteps.i18n import catalog
from linsteps.practice.answer_key import answer_of, build_key, key_json
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.problems.topics import ML_TOPICS
from linsteps.practice.worksheet import make_sheet

TOPICS = sorted(ML_TOPICS)


def _shape(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("x")) if text else ()


def _view(q: Any, sizes: str) -> Any:
    return q.reshape(*(int(x) for x in sizes.split(","))).swapaxes(1, 2)


def _bmm(a: Any, b: Any) -> Any:
    if a.ndim != 3 or b.ndim != 3 or a.shape[0] != b.shape[0]:
        raise ValueError("bmm takes two 3-D arrays of one batch")
    return a @ b


# The generator's expressions, each computed by NumPy (PyTorch's view is NumPy's reshape).
NUMPY: dict[str, Callable[..., Any]] = {
    "x @ W.T + b": lambda x, W, b: x @ W.T + b,
    "x @ W + b": lambda x, W, b: x @ W + b,
    "a @ b": lambda a, b: a @ b,
    "x @ w": lambda x, w: x @ w,
    "a.T @ b": lambda a, b: a.T @ b,
    "torch.matmul(a, b)": lambda a, b: np.matmul(a, b),
    "torch.bmm(a, b)": _bmm,
    "q @ k.transpose(-2, -1)": lambda q, k: q @ np.swapaxes(k, -2, -1),
    "softmax(q @ k.mT, dim=-1)": lambda q, k: q @ np.swapaxes(k, -2, -1),
    "a * b": lambda a, b: a * b,
    "a + b": lambda a, b: a + b,
}
_HEADS = re.compile(r"q\.view\((?P<sizes>[\d, ]+)\)\.transpose\(1, 2\)")


def numpy_truth(operation: str, inputs: list[str]) -> tuple[int, ...] | str:
    """The shape NumPy computes for a question, or ``error`` when it raises."""
    try:
        if operation == "einsum":
            arrays = [np.zeros(_shape(s)) for s in inputs[1:]]
            return tuple(np.einsum(inputs[0], *arrays).shape)
        if operation == "broadcast":
            return tuple((np.zeros(_shape(inputs[0])) * np.zeros(_shape(inputs[1]))).shape)
        given = dict(text.split("=") for text in inputs[1:])
        arrays = {name: np.zeros(_shape(s)) for name, s in given.items()}
        heads = _HEADS.fullmatch(inputs[0])
        if heads is not None:
            return tuple(_view(arrays["q"], heads["sizes"]).shape)
        return tuple(NUMPY[inputs[0]](**arrays).shape)
    except ValueError:
        return ERROR


def sheet_of(topic: str, difficulty: str, count: int = 20) -> Any:
    return make_sheet(41, count, (topic,), difficulty)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("topic", TOPICS)
def test_numpy_computes_the_truth_of_every_generated_problem(topic: str, difficulty: str) -> None:
    sheet = sheet_of(topic, difficulty, 40)
    outcomes = set()
    for solved in sheet.problems:
        truth = solved.truth.truth.shape
        inputs = list(solved.problem.inputs)
        assert truth == numpy_truth(solved.problem.operation, inputs), inputs
        outcomes.add(truth == ERROR)
    assert outcomes == {True, False}  # some raise, some do not


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("topic", TOPICS)
def test_every_key_answer_is_accepted_by_check_and_by_grade(
    topic: str, difficulty: str, tmp_path: Path
) -> None:
    sheet = sheet_of(topic, difficulty)
    text = key_json(build_key(41, sheet.options, sheet=sheet))
    key = parse_key(text, "key.json")
    ids, rights = [], []
    for solved in sheet.problems:
        entry = key.lookup(str(solved.number))
        right = answer_of(solved)["text"]
        verdict = check(entry.operation, entry.inputs, right)
        assert verdict.correct, (entry.inputs, right, verdict.message())
        assert check_problem(entry.problem(), right.replace("×", "x")).correct
        ids.append(str(solved.number))
        rights.append(right)
    (tmp_path / "key.json").write_text(text, encoding="utf-8")
    table = io.StringIO()
    csv.writer(table).writerows([["student", *ids], ["right", *rights]])
    (tmp_path / "answers.csv").write_text(table.getvalue(), encoding="utf-8")
    grade(tmp_path / "key.json", tmp_path / "answers.csv", out=tmp_path / "report.csv")
    with (tmp_path / "report.csv").open(encoding="utf-8") as stream:
        (row,) = list(csv.DictReader(stream))
    assert row["score"] == row["total"] == str(len(ids))


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("(32, 10)", (32, 10)),
        ("32x10", (32, 10)),
        ("32×10", (32, 10)),
        (" 2 x 3 x 4 ", (2, 3, 4)),
        ("(5,)", (5,)),
        ("5", (5,)),
        ("()", ()),
        ("scalar", ()),
        ("error", ERROR),
        ("undefined", ERROR),
    ],
)
def test_shape_answers_are_read_in_every_spelling(text: str, shape: Any) -> None:
    assert read_tensor_shape(text) == shape


def test_an_unreadable_shape_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        read_tensor_shape("two by three")
    with pytest.raises(ParseError):
        check("broadcast", ("2x3", "3"), "2 by 3")


LINEAR = ("x @ W.T + b", "x=32x784", "W=10x784", "b=10")
HEADS = ("q.view(2, 5, 4, 8).transpose(1, 2)", "q=2x5x32")
BATCHED = ("a @ b", "a=2x3x4", "b=2x4x6")
# operation, inputs, right answer, the misconception's answer, its code
ML_CASES: list[tuple[str, tuple[str, ...], str, str, str]] = [
    ("codeshapes", LINEAR, "(32, 10)", "error", "forgot_transpose"),
    ("codeshapes", ("a.T @ b", "a=3x2", "b=3x4"), "2x4", "error", "forgot_transpose"),
    ("codeshapes", HEADS, "2×4×5×8", "2x5x4x8", "heads_not_transposed"),
    ("codeshapes", ("k.view(3, 6, 2, 5).transpose(1, 2)", "k=3x6x10"), "3x2x6x5", "3x6x2x5",
     "heads_not_transposed"),
    ("codeshapes", BATCHED, "2x3x6", "2x3x2x6", "dot_on_nd"),
    ("codeshapes", ("x @ w", "x=4x7x3", "w=4x3x5"), "(4, 7, 5)", "4x7x4x5", "dot_on_nd"),
    ("broadcast", ("4x1", "3"), "(4, 3)", "error", "broadcast_missed"),
    ("broadcast", ("2x1x5", "3x1"), "2x3x5", "2x1x5", "broadcast_missed"),
    ("codeshapes", ("a * b", "a=8x1", "b=6"), "8x6", "error", "broadcast_missed"),
    ("einsum", ("ij,jk->ik", "2x3", "3x4"), "matmul, 2x4", "matmul, 2x3", "wrong_contraction"),
    ("einsum", ("bij,bjk->bik", "5x2x3", "5x3x4"), "batched matmul, (5, 2, 4)", "5x2x3x4",
     "wrong_contraction"),
]  # fmt: skip


@pytest.mark.parametrize(("operation", "inputs", "right", "mistake", "code"), ML_CASES)
def test_each_diagnosis_fires_on_its_mistake_and_not_on_the_right_answer(
    operation: str, inputs: tuple[str, ...], right: str, mistake: str, code: str
) -> None:
    assert check(operation, inputs, right).correct
    wrong = check(operation, inputs, mistake)
    assert (wrong.status, wrong.diagnosis) == ("incorrect", code)
    for lang in ("en", "zh"):
        message = wrong.message(lang)
        assert message and "{" not in message and "\n" not in message


def test_the_cases_are_numpy_s_truth() -> None:
    for operation, inputs, right, _, _ in ML_CASES:
        expected = read_tensor_shape(right.split(", ", 1)[1] if operation == "einsum" else right)
        if operation == "codeshapes" and inputs[0] not in NUMPY:
            if inputs[0].startswith(("q.view", "k.view")):
                arrays = np.zeros(_shape(inputs[1].split("=")[1]))
                sizes = inputs[0].split("(")[1].split(")")[0]
                assert tuple(_view(arrays, sizes).shape) == expected
            continue
        assert numpy_truth(operation, list(inputs)) == expected


def test_einsum_needs_the_product_named() -> None:
    problem = ("ij,jk->ik", "2x3", "3x4")
    assert check("einsum", problem, "the matrix product, 2×4").correct
    assert not check("einsum", problem, "outer, 2x4").correct
    assert not check("einsum", problem, "2x4").correct
    assert check("einsum", ("ii->", "3x3"), "trace, scalar").correct
    assert check("einsum", ("ij,jk->ik", "2x3", "4x4"), "error").correct


def test_the_new_codes_are_registered_with_sentences() -> None:
    assert set(ML_CODES) <= set(CODES)
    for lang in ("en", "zh"):
        for code in ML_CODES:
            assert f"diagnosis.{code}" in catalog(lang)
