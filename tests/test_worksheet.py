"""Worksheets: deterministic, hand-computable, and keyed with the explainer's own answers."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import linsteps
from linsteps.errors import LinstepsError, UsageError
from linsteps.practice.answer_key import KEY_VERSION, build_key, key_json
from linsteps.practice.documents.formats import render_sheet
from linsteps.practice.problems.generation import generate
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.problems.topics import DEFAULT_TOPICS, ML_TOPICS, TOPICS, parse_topics
from linsteps.practice.worksheet import Request, make_sheet, run_request, student_seed
from linsteps.reading.parsing import parse_value

CLEAN_ANGLES = {sympy.pi * k for k in (0, 1)} | {
    sympy.pi * sympy.Rational(p, q)
    for p, q in ((1, 6), (1, 4), (1, 3), (1, 2), (2, 3), (3, 4), (5, 6))
}


def derive(operation: str, inputs: list[str], options: dict[str, Any]) -> dict[str, Any]:
    """Re-derive an answer from a key entry's inputs with the public API, independently."""
    if operation in ("einsum", "broadcast", "codeshapes"):
        return {}  # held against NumPy in tests/test_ml_practice.py
    if operation == "shapes":
        parts = []
        for part in options["parts"]:
            args = [inputs[i] for i in part["inputs"]]
            try:
                result = getattr(linsteps, part["operation"])(*args).result
            except LinstepsError:
                parts.append("undefined")
                continue
            parts.append(f"({result.rows}, {result.cols})" if result.is_Matrix else "scalar")
        return {"sympy": "[" + ", ".join(parts) + "]"}
    try:
        if "product" in options:  # "which product?": the row of compare's table
            from linsteps.learn.compare import product_row

            row = product_row(options["product"], *inputs)
            assert row.operation == operation
            if row.reason is not None:
                raise row.reason
            derivation = row.derivation
        else:
            derivation = getattr(linsteps, operation)(*inputs, **options)
    except LinstepsError:
        return {"text": "undefined", "sympy": "undefined"}
    data = derivation.to_dict()["result"]
    return {"text": data["text"], "latex": data["latex"], "sympy": data["sympy"]}


def test_same_seed_gives_the_same_bytes() -> None:
    for fmt in ("markdown", "latex"):
        first = render_sheet(make_sheet(7, 20), fmt, "en", "answers")
        second = render_sheet(make_sheet(7, 20), fmt, "en", "answers")
        assert first == second


def test_different_seeds_give_different_sheets() -> None:
    sheets = {render_sheet(make_sheet(seed, 6)) for seed in range(20)}
    assert len(sheets) == 20


def test_a_seed_gives_the_same_problems_as_when_this_was_written() -> None:
    # Pins the generators and the random draws: a change here changes every teacher's sheets.
    problems = generate(7, 4, ("dot", "norm", "angle", "matmul"), "easy")
    assert [p.inputs for p in problems] == [
        ("[3, 5]", "[4, 0]"),
        ("[4, 1]",),
        ("[1, 1]", "[4, 0]"),
        ("[[0, 4, 0], [1, 5, 5]]", "[[4, 0], [4, 4], [3, 0], [1, 0]]"),
    ]
    assert student_seed(7, "alice") == 9381182396091698272
    # The general forms, pinned when their generators were added.
    forms = generate(7, 4, ("outer", "project", "linear", "attention"), "easy")
    assert [p.inputs for p in forms] == [
        ("[3, 5, 0]", "[0, 4]"),
        ("[0, 4]", "[1, 1]"),
        ("[[0, 1, 0], [4, 3, 0]]", "[4, 0, 1]", "[0, 4]"),
        ("[[1], [0]]", "[[2], [0]]", "[[1, 0], [2, 0]]"),
    ]
    hard = generate(7, 4, ("outer", "project", "linear", "attention"), "hard")
    assert [p.inputs for p in hard] == [
        ("[sqrt(2), -8, -7, 8]", "[4, 4, -x]"),
        ("[7, 6, 4]", "[3, 6, -2]"),
        ("[[-6, 9, 9, -3], [2, -6, 8, -7], [9, -8, -3, 6]]", "[5, 9, 5, 2]", "[-4, -2, -7]"),
        ("[[1], [2], [1]]", "[[-1], [2], [0]]", "[[0, 2], [2, -1], [-1, 1]]"),
    ]


def test_generators_draw_only_through_randrange(monkeypatch: pytest.MonkeyPatch) -> None:
    """randrange's algorithm is stable across Python versions; other draws might not be."""

    real = random.Random

    class OnlyRandrange:
        def __init__(self, seed: int) -> None:
            self._rng = real(seed)

        def randrange(self, *args: int) -> int:
            return self._rng.randrange(*args)

    expected = generate(5, 30, TOPICS, "hard")
    monkeypatch.setattr("linsteps.practice.problems.generation.random.Random", OnlyRandrange)
    assert generate(5, 30, TOPICS, "hard") == expected


def test_no_problem_repeats_even_on_a_long_sheet_of_one_topic() -> None:
    for topic in TOPICS:
        problems = generate(1, 300, (topic,), "easy")
        assert len({p.identity() for p in problems}) == 300


def test_every_key_answer_is_what_the_explainer_derives() -> None:
    for difficulty in DIFFICULTIES:
        sheet = make_sheet(11, 28, TOPICS, difficulty)
        key = json.loads(key_json(build_key(11, sheet.options, sheet=sheet)))
        assert key["version"] == KEY_VERSION and key["seed"] == 11
        topics = list(TOPICS)
        assert key["options"] == {"count": 28, "topics": topics, "difficulty": difficulty}
        for entry in key["problems"]:
            expected = derive(entry["operation"], entry["inputs"], entry["options"])
            assert {k: entry["answer"][k] for k in expected} == expected, entry
            assert set(entry) == {"id", "topic", "operation", "inputs", "options", "answer"}
            assert set(entry["answer"]) == {"text", "latex", "sympy"}


def test_key_inputs_parse_back_and_sympy_answers_read_back() -> None:
    sheet = make_sheet(5, 40, None, "hard")
    for entry in build_key(5, sheet.options, sheet=sheet)["problems"]:
        for text in entry["inputs"]:
            assert parse_value(text).kind in ("vector", "matrix")
        answer = entry["answer"]["sympy"]
        if answer != "undefined" and entry["operation"] != "shapes":
            value = sympy.sympify(answer)
            assert value is not None


def test_some_products_are_undefined() -> None:
    sheet = make_sheet(3, 60, "dot,hadamard,matmul", "medium")
    undefined = [s for s in sheet.problems if s.derivation is None]
    assert 3 <= len(undefined) <= 30
    for solved in undefined:
        assert solved.error is not None and solved.error.key.endswith(("lengths", "shapes"))


def test_easy_numbers_are_small_and_short() -> None:
    for solved in make_sheet(2, 70, "dot,norm,cos,angle,hadamard", "easy").problems:
        for operand in solved.operands:
            assert all(x.is_Integer and 0 <= x <= 5 for x in operand.value)
            if operand.layout == "vector":
                assert 2 <= operand.length <= 4


def test_medium_uses_negative_numbers_and_some_fractions() -> None:
    values = [x for s in make_sheet(4, 60, "dot,hadamard,matmul", "medium").problems
              for op in s.operands for x in op.value]  # fmt: skip
    assert any(x < 0 for x in values)
    assert any(x.is_Rational and not x.is_Integer for x in values)
    assert all(abs(x) <= 9 for x in values)


def test_hard_has_big_shapes_surds_and_symbols() -> None:
    problems = make_sheet(6, 80, "dot,hadamard,matmul", "hard").problems
    shapes = {op.shape for s in problems for op in s.operands}
    assert (3, 3) in shapes and (2, 4) in shapes
    values = [x for s in problems for op in s.operands for x in op.value]
    assert any(x.free_symbols for x in values)
    assert any(isinstance(x, sympy.Expr) and x.has(sympy.sqrt(2), sympy.sqrt(3)) for x in values)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_angles_are_clean(difficulty: str) -> None:
    for solved in make_sheet(8, 40, "angle", difficulty).problems:
        assert solved.derivation is not None
        assert sympy.simplify(solved.derivation.result) in CLEAN_ANGLES


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_cosines_are_a_fraction_or_a_single_surd(difficulty: str) -> None:
    for solved in make_sheet(9, 40, "cos", difficulty).problems:
        assert solved.derivation is not None
        value = solved.derivation.result
        if difficulty == "hard":
            assert value.is_number and not value.free_symbols
            continue
        radicals = [p for p in value.atoms(sympy.Pow) if p.exp == sympy.S.Half]
        assert len(radicals) <= 1, value


def test_norms_are_integers_or_a_single_surd() -> None:
    for solved in make_sheet(10, 40, "norm", "medium").problems:
        assert solved.derivation is not None
        value = solved.derivation.result
        assert len([p for p in value.atoms(sympy.Pow) if p.exp == sympy.S.Half]) <= 1


def test_shape_questions_mix_defined_and_undefined_parts() -> None:
    parts = [p for s in make_sheet(12, 30, "shapes").problems for p in s.parts]
    defined = [p for p in parts if p.derivation is not None]
    assert len(parts) == 120 and 20 <= len(defined) <= 100


def test_topics_are_checked() -> None:
    assert parse_topics("dot, COS,dot") == ("dot", "cos")
    with pytest.raises(UsageError) as error:
        parse_topics("dot,cross")
    assert "cross" in str(error.value) and "hadamard" in str(error.value)


@pytest.mark.parametrize(
    ("request_", "key"),
    [
        (Request(count=0), "bad_count"),
        (Request(count=10_001), "bad_count"),
        (Request(difficulty="expert"), "bad_difficulty"),
        (Request(topics="dot,vectors"), "bad_topic"),
        (Request(fmt="pdf"), "bad_format"),
        (Request(solutions="some"), "bad_solutions"),
        (Request(seed=-1), "bad_seed"),
    ],
)
def test_bad_options_are_usage_errors(request_: Request, key: str) -> None:
    with pytest.raises(UsageError) as error:
        run_request(request_)
    assert error.value.key == key


def test_without_a_seed_one_is_chosen_and_printed() -> None:
    text = run_request(Request(count=2))
    assert text is not None
    seed = int(text.split("Seed ")[1].split(" ")[0])
    assert run_request(Request(seed=seed, count=2)) == text


def test_the_date_appears_only_when_given() -> None:
    plain = render_sheet(make_sheet(1, 3))
    dated = render_sheet(make_sheet(1, 3, date="2025-03-14"))
    assert "2025" not in plain and "Date: 2025-03-14" in dated


def test_solutions_none_answers_full() -> None:
    sheet = make_sheet(13, 7)
    none, answers, full = (
        render_sheet(sheet, "markdown", "en", s) for s in ("none", "answers", "full")
    )
    assert "## Answers" not in none and "## Answers" in answers and "## Solutions" in full
    assert answers.startswith(none.rstrip("\n")) and full.startswith(answers.rstrip("\n"))
    assert full.count("### Problem") == 7


def test_titles_and_student_ids_are_escaped() -> None:
    sheet = make_sheet(1, 2, title="Week *3* $x$ & #1_a", student="o'neil_{x}")
    markdown = render_sheet(sheet, "markdown")
    assert "Week \\*3\\* \\$x\\$ & \\#1\\_a" in markdown
    latex = render_sheet(sheet, "latex")
    assert "Week *3* \\$x\\$ \\& \\#1\\_a" in latex and "o'neil\\_\\{x\\}" in latex


def test_chinese_sheets_use_the_chinese_catalog() -> None:
    text = render_sheet(make_sheet(1, 7), "markdown", "zh", "answers")
    assert "线性代数练习" in text and "答案" in text and "题目" in text


@given(
    seed=st.integers(0, 2**64 - 1),
    count=st.integers(1, 15),
    topics=st.lists(st.sampled_from(TOPICS), min_size=1, max_size=4),
    difficulty=st.sampled_from(DIFFICULTIES),
)
def test_generation_never_fails(seed: int, count: int, topics: list[str], difficulty: str) -> None:
    sheet = make_sheet(seed, count, topics, difficulty)
    assert len(sheet.problems) == count
    assert len({s.problem.identity() for s in sheet.problems}) == count
    assert render_sheet(sheet, "markdown", "en", "answers").count("**") >= 2 * count
    key = build_key(seed, sheet.options, sheet=sheet)
    assert [p["id"] for p in key["problems"]] == [str(i) for i in range(1, count + 1)]


def test_operands_built_from_entries_equal_what_the_parser_reads() -> None:
    from linsteps.derivation.operands import to_operand

    for difficulty in DIFFICULTIES:
        for solved in make_sheet(21, 70, None, difficulty).problems:
            for operand, text in zip(solved.operands, solved.problem.inputs, strict=True):
                parsed = to_operand(text, operand.name)
                assert (parsed.value, parsed.layout, parsed.source, parsed.decimal) == (
                    operand.value,
                    operand.layout,
                    operand.source,
                    operand.decimal,
                )
                assert [type(x) for x in parsed.value] == [type(x) for x in operand.value]


def test_the_default_mix_is_the_core_topics_with_shape_questions() -> None:
    opt_in = ("outer", "project", "linear", "attention", "products", *ML_TOPICS)
    assert parse_topics(None) == DEFAULT_TOPICS == tuple(t for t in TOPICS if t not in opt_in)
    assert "shapes" in DEFAULT_TOPICS


def test_projections_have_whole_numbers_as_answers() -> None:
    for difficulty in DIFFICULTIES:
        for solved in make_sheet(13, 40, "project", difficulty).problems:
            assert solved.derivation is not None
            assert all(x.is_integer for x in solved.derivation.result), solved.problem.inputs


def test_linear_and_attention_are_sometimes_undefined_and_name_why() -> None:
    sheet = make_sheet(3, 80, "linear,attention", "medium")
    keys = {s.error.key for s in sheet.problems if s.error is not None}
    assert keys & {"linear_in_features", "linear_out_features", "linear_batch_in_features"}
    assert keys & {"attention_widths", "attention_values"}
    assert any(
        s.operands[1].layout == "matrix" for s in sheet.problems if s.problem.topic == "linear"
    )


def test_attention_scores_stay_small_for_a_readable_softmax() -> None:
    for difficulty in DIFFICULTIES:
        for solved in make_sheet(9, 30, "attention", difficulty).problems:
            q = solved.operands[0].value
            assert q.cols in (1, 2, 4) and all(abs(x) <= 2 for x in q)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_answer_checking_reads_the_key_and_accepts_every_key_answer(difficulty: str) -> None:
    from linsteps.assess.answerkey import parse_key
    from linsteps.assess.checking import check_problem

    sheet = make_sheet(17, 18, None, difficulty)
    text = key_json(build_key(17, sheet.options, sheet=sheet))
    key = parse_key(text, "key.json")
    entries = json.loads(text)["problems"]
    assert list(key.problems) == [e["id"] for e in entries]
    for entry in entries:
        answer = entry["answer"]["sympy"]  # a scalar in the input syntax (sqrt, **, pi)
        if entry["operation"] == "shapes":  # AB: 2×3; BA: undefined; … (the answer syntax)
            answer = entry["answer"]["text"]
        elif answer.startswith("Matrix("):  # rows in the input syntax, from our own key
            rows = sympy.sympify(answer).tolist()
            answer = "[" + ", ".join("[" + ", ".join(map(str, r)) + "]" for r in rows) + "]"
        verdict = check_problem(key.lookup(entry["id"]).problem(), answer)
        assert verdict.correct, (entry, verdict)


def test_answer_checking_reads_a_roster_key() -> None:
    from linsteps.assess.answerkey import parse_key

    students = {s: (make_sheet(student_seed(3, s), 4, student=s), f"{s}.md") for s in "ab"}
    key = parse_key(key_json(build_key(3, {"count": 4}, students=students)), "key.json")
    assert key.roster and set(key.students) == {"a", "b"}
    assert key.lookup("2", "b").inputs == students["b"][0].problems[1].problem.inputs
