"""Properties of checking: key answers accepted, perturbed entries and named mistakes found."""

from __future__ import annotations

import os
from typing import Any

import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from linsteps import LinstepsError
from linsteps.assess.answers import to_input
from linsteps.assess.checking import check
from linsteps.assess.expected import Expected, Problem
from linsteps.ops import OPERATIONS

small = st.integers(-6, 6)


def matrices(rows: int, cols: int) -> st.SearchStrategy[Any]:
    return st.lists(
        st.lists(small, min_size=cols, max_size=cols), min_size=rows, max_size=rows
    ).map(sympy.ImmutableMatrix)


vectors = st.integers(2, 4).flatmap(
    lambda n: st.tuples(
        st.lists(small, min_size=n, max_size=n), st.lists(small, min_size=n, max_size=n)
    )
)
square_pairs = st.integers(2, 3).flatmap(lambda n: st.tuples(matrices(n, n), matrices(n, n)))


def text(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return to_input(value)


@given(vectors, st.sampled_from(["dot", "norm", "cos", "angle", "hadamard", "matmul"]))
def test_every_vector_key_answer_is_accepted(pair: tuple[list[int], list[int]], op: str) -> None:
    operands = (text(pair[0]),) if op == "norm" else (text(pair[0]), text(pair[1]))
    expected = Expected(Problem(op, operands))
    answer = "undefined" if expected.undefined else to_input(expected.derivation.result)
    verdict = check(op, operands, answer)
    assert verdict.correct and verdict.diagnosis is None, (answer, verdict.message())


@given(square_pairs, st.sampled_from(["hadamard", "matmul"]))
def test_every_matrix_key_answer_is_accepted(pair: tuple[Any, Any], op: str) -> None:
    operands = (to_input(pair[0]), to_input(pair[1]))
    result = OPERATIONS[op](*operands).result  # type: ignore[operator]
    assert check(op, operands, to_input(result)).correct


@given(square_pairs, st.sampled_from(["hadamard", "matmul"]), st.data())
def test_one_perturbed_entry_is_an_entry_error(
    pair: tuple[Any, Any], op: str, data: st.DataObject
) -> None:
    operands = (to_input(pair[0]), to_input(pair[1]))
    expected = Expected(Problem(op, operands))
    result = expected.value
    i = data.draw(st.integers(0, result.rows - 1))
    j = data.draw(st.integers(0, result.cols - 1))
    delta = data.draw(st.integers(-5, 5).filter(bool))
    perturbed = result.as_mutable()
    perturbed[i, j] += delta
    assume(perturbed != -result)
    assume(all(perturbed != c.value for c in expected.candidates))
    verdict = check(op, operands, to_input(perturbed))
    assert verdict.diagnosis == "entry_error"
    assert f"({i + 1}, {j + 1})" in verdict.message()


@given(square_pairs)
def test_rederived_mistakes_get_their_codes(pair: tuple[Any, Any]) -> None:
    a, b = pair
    operands = (to_input(a), to_input(b))
    product, hadamard = a * b, a.multiply_elementwise(b)
    mistakes = {
        "reversed_order": b * a,
        "transposed": product.T,
        "hadamard_instead_of_matmul": hadamard,
    }
    for code, wrong in mistakes.items():
        others = [v for c, v in mistakes.items() if c != code]
        if wrong == product or wrong in others or wrong == -product:
            continue
        verdict = check("matmul", operands, to_input(wrong))
        assert verdict.diagnosis == code, (code, to_input(wrong))
    if hadamard != product:
        assert check("hadamard", operands, to_input(product)).diagnosis in (
            "matmul_instead_of_hadamard",
            "transposed",
        )


FUZZ = 10_000 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 300
TOKENS = st.sampled_from(
    [*"0123456789+-*/^()[],; .eEx", "sqrt(", "pi", "√", "**", "undefined", "未定义", "°",
     "1e308", "9^9", "exp(", "sin(", "theta", "\x00", "\n", "\t", "ａ", "__", "import",
     "=", "|", "!", "∞", "x10", "nan"]
)  # fmt: skip
answers = st.one_of(st.text(max_size=40), st.lists(TOKENS, max_size=25).map("".join))


PROBLEMS = [
    ("dot", "[1, 2, 3]", "[4, 5, 6]"),
    ("matmul", "1 2; 3 4", "5 6; 7 8"),
    ("angle", "[1, 0]", "[1, 1]"),
]


@settings(max_examples=FUZZ, deadline=None)
@given(answers, st.sampled_from(PROBLEMS))
def test_fuzzed_answers_give_a_verdict_or_a_documented_error(
    answer: str, problem: tuple[str, str, str]
) -> None:
    try:
        verdict = check(problem[0], problem[1:], answer, time_limit=1)
    except LinstepsError as error:
        assert error.message("en") and "\n" not in error.message("en")
        return
    assert verdict.status in ("correct", "incorrect", "unverified")
    assert verdict.message("zh")
