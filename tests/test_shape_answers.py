"""Shape questions in checking and grading: the answer syntax, its errors, and each part graded
against the shapes the engine derives (wrong_shape / not_defined per part)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linsteps import ParseError, UsageError
from linsteps.assess.answerkey import parse_key
from linsteps.assess.checking import check, check_problem
from linsteps.assess.shapequestions import read_shapes

# A is 2×3, B is 3×2, a has 2 entries, b has 3: AB 2×2, BA 3×3, A∘B and a·b undefined.
S = ("[[1, 2, 3], [4, 5, 6]]", "[[1, 2], [3, 4], [5, 6]]", "[1, 2]", "[3, 4, 5]")
# A and B both 2×2, a and b both of length 2: every part defined.
T = ("[[1, 0], [2, 1]]", "[[0, 1], [1, 1]]", "[1, 2]", "[3, 4]")
NAMES = ("AB", "BA", "A∘B", "a·b")
RIGHT = "AB: 2x2, BA: 3x3, A∘B: undefined, a·b: undefined"


@pytest.mark.parametrize(
    "answer",
    [
        RIGHT,
        "AB: 2×2; BA: 3×3; A∘B: undefined; a·b: undefined",  # the key's own text
        "a.b = undefined\nAoB: not defined\nBA: 3 X 3\nAB: (2, 2)",  # any order, typed forms
        "AB：2*2，BA：3x3；A ∘ B：未定义，a · b：未定义",  # full-width separators, Chinese
        "  AB :2x2 , BA: 3x3 , A.*B : Undefined , a*b : undefined ,",
    ],
)
def test_the_answer_syntax(answer: str) -> None:
    verdict = check("shapes", S, answer)
    assert verdict.correct, verdict.message()
    assert verdict.read_as() == "AB: 2×2; BA: 3×3; A∘B: undefined; a·b: undefined"


def test_a_scalar_and_one_by_one_agree() -> None:
    assert check("shapes", T, "AB: 2x2, BA: 2x2, A∘B: 2x2, a·b: scalar").correct
    assert check("shapes", T, "AB: 2x2, BA: 2x2, A∘B: 2x2, a·b: 1x1").correct
    assert check("shapes", T, "AB: 2x2, BA: 2x2, A∘B: 2x2, a·b: 标量").correct


# (operands, answer, diagnosis, variant of the first wrong part, parts wrong)
WRONG = [
    (S, "AB: 2x3, BA: 3x3, A∘B: undefined, a·b: undefined", "wrong_shape", "part", ["AB"]),
    (S, "AB: 3x3, BA: 2x2, A∘B: undefined, a·b: undefined", "wrong_shape", "part", ["AB", "BA"]),
    (T, "AB: 2x2, BA: 2x2, A∘B: 2x2, a·b: 2x1", "wrong_shape", "part_scalar", ["a·b"]),
    (S, "AB: 2x2, BA: 3x3, A∘B: 2x3, a·b: undefined", "not_defined", "part_value", ["A∘B"]),
    (S, "AB: 2x2, BA: 3x3, A∘B: undefined, a·b: scalar", "not_defined", "part_value", ["a·b"]),
    (S, "AB: undefined, BA: 3x3, A∘B: undefined, a·b: undefined", "not_defined", "part_defined",
     ["AB"]),
    (T, "AB: 2x2, BA: undefined, A∘B: undefined, a·b: scalar", "not_defined", "part_defined",
     ["BA", "A∘B"]),
    (S, "AB: 2x2, BA: 3x3", "wrong_shape", "missing", ["A∘B", "a·b"]),
    (S, "BA: 3x3", "wrong_shape", "missing", ["AB", "A∘B", "a·b"]),
]  # fmt: skip


@pytest.mark.parametrize(("operands", "answer", "code", "variant", "wrong"), WRONG)
def test_each_part_is_graded(
    operands: tuple[str, ...], answer: str, code: str, variant: str, wrong: list[str]
) -> None:
    verdict = check("shapes", operands, answer)
    assert verdict.status == "incorrect" and verdict.diagnosis == code
    bad = [p for p in verdict.parts if not p.correct]
    assert [p.params["expression"] for p in bad] == wrong
    assert bad[0].variant == variant
    for lang in ("en", "zh"):
        message = verdict.message(lang)
        assert all(name in message for name in wrong) and "{" not in message
    data = verdict.to_dict()
    assert [p["correct"] for p in data["parts"]] == [n not in wrong for n in NAMES]


def test_a_swapped_shape_says_where_rows_and_columns_come_from() -> None:
    verdict = check("shapes", ("[[1, 2, 3], [4, 5, 6]]", "[[1], [2], [3]]", "[1]", "[2]"),
                    "AB: 1x2, BA: undefined, A∘B: undefined, a·b: scalar")  # fmt: skip
    assert verdict.parts[0].variant == "part_swapped"
    assert "AB is 2×1, not 1×2" in verdict.message()


@pytest.mark.parametrize(
    ("answer", "key"),
    [
        ("", "shape_answer_empty"),
        ("   ", "shape_answer_empty"),
        ("AB 2x3", "shape_answer_part"),
        ("AB: 2x2, 3x3", "shape_answer_part"),
        ("CD: 2x3", "shape_answer_name"),
        ("ab: 2x2", "shape_answer_name"),
        ("AB: 2x2, AB: 2x2", "shape_answer_twice"),
        ("AB: big", "shape_answer_value"),
        ("AB: 0x2", "shape_answer_value"),
        ("AB: 2x", "shape_answer_value"),
        ("AB: 99999999x2", "shape_answer_value"),
        ("AB: 2x2" + ", BA: 3x3" * 200, "too_long"),
    ],
)
def test_unreadable_answers_are_parse_errors(answer: str, key: str) -> None:
    with pytest.raises(ParseError) as caught:
        check("shapes", S, answer)
    assert caught.value.key == key
    assert "answer: " in caught.value.message()[:16]
    assert caught.value.message("zh").startswith(("答案", "操作数 answer"))


@given(st.text(max_size=80))
def test_reading_never_fails_but_with_a_parse_error(text: str) -> None:
    try:
        found = read_shapes(text, NAMES)
    except ParseError:
        return
    assert set(found) <= set(NAMES)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(NAMES),
            st.one_of(
                st.sampled_from(["undefined", "scalar"]),
                st.tuples(st.integers(1, 5), st.integers(1, 5)),
            ),
        ),
        unique_by=lambda pair: pair[0],
    )
)
def test_every_written_answer_reads_back(parts: list[tuple[str, object]]) -> None:
    text = ", ".join(
        f"{name}: {value[0]}x{value[1]}" if isinstance(value, tuple) else f"{name}: {value}"
        for name, value in parts
    )
    if not parts:
        return
    assert read_shapes(text, NAMES) == dict(parts)


def shapes_key(parts: object = None, operation: str = "shapes") -> str:
    options = {} if parts is None else {"parts": parts}
    return json.dumps(
        {
            "version": 1,
            "problems": [
                {"id": "1", "operation": operation, "inputs": list(S), "options": options,
                 "answer": {"text": "AB: 2×2; BA: 3×3; A∘B: undefined; a·b: undefined"}}
            ],
        }
    )  # fmt: skip


def test_a_key_of_shapes_is_read_and_checked() -> None:
    parts = [{"expression": "AB", "operation": "matmul", "inputs": [0, 1]},
             {"expression": "a·b", "operation": "dot", "inputs": [2, 3]}]  # fmt: skip
    key = parse_key(shapes_key(parts))
    problem = key.lookup("1").problem()
    assert check_problem(problem, "AB: 2x2, a·b: undefined").correct
    with pytest.raises(ParseError):
        check_problem(problem, "AB: 2x2, BA: 3x3")  # not asked in this key
    assert check_problem(parse_key(shapes_key()).lookup("1").problem(), RIGHT).correct


@pytest.mark.parametrize(
    "parts",
    [
        "AB",
        [{"expression": "AB", "operation": "matmul"}],
        [{"expression": "AB", "operation": "frobnicate", "inputs": [0, 1]}],
        [{"expression": "AB", "operation": "matmul", "inputs": [0, 9]}],
        [{"expression": "AB", "operation": "matmul", "inputs": [0]}],
        [{"expression": 3, "operation": "matmul", "inputs": [0, 1]}],
        [{"expression": "AB", "operation": "matmul", "inputs": [0, 1], "extra": 1}],
    ],
)
def test_bad_parts_in_a_key_are_named(parts: object) -> None:
    with pytest.raises(UsageError) as caught:
        parse_key(shapes_key(parts), "k.json")
    assert "problems[0].options.parts" in caught.value.message()


def test_parts_belong_to_shape_questions_only() -> None:
    with pytest.raises(UsageError):
        parse_key(shapes_key([], operation="matmul"), "k.json")
    with pytest.raises(UsageError):
        check("dot", ("[1]", "[2]"), "2", options={"parts": []})
