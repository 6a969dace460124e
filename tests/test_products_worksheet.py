"""Worksheets: "which product is this, and is it defined?", built on compare and graded by check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linsteps.assess.answerkey import load_key, parse_key
from linsteps.assess.answers import to_input
from linsteps.assess.checking import check_problem
from linsteps.assess.expected import Expected
from linsteps.errors import UsageError
from linsteps.learn.compare import product_row
from linsteps.practice.answer_key import build_key
from linsteps.practice.documents.formats import render_sheet
from linsteps.practice.worksheet import Request, make_sheet, run_request


def sheet(seed: int, count: int = 12, difficulty: str = "medium") -> object:
    return make_sheet(seed, count, "products", difficulty)


@settings(max_examples=100)  # six problems each, every one checked: CI time
@given(st.integers(0, 10**6), st.sampled_from(["easy", "medium", "hard"]))
def test_every_key_answer_is_what_compare_derives_and_check_accepts(
    seed: int, difficulty: str
) -> None:
    made = make_sheet(seed, 6, "products", difficulty)
    key = parse_key(json.dumps(build_key(seed, made.options, sheet=made)))
    for solved in made.problems:
        entry = key.lookup(str(solved.number))
        row = product_row(entry.options["product"], *entry.inputs)
        assert row.operation == entry.operation
        expected = Expected(entry.problem())
        assert expected.undefined == (not row.defined)
        answer = "undefined" if expected.undefined else to_input(expected.derivation.result)
        verdict = check_problem(expected, answer, time_limit=None)
        assert verdict.correct, (entry, answer, verdict)


def test_a_sheet_mixes_defined_and_undefined_products_and_every_kind() -> None:
    made = make_sheet(7, 60, "products", "easy")
    rows = [s.row for s in made.problems]  # type: ignore[attr-defined]
    assert {r.defined for r in rows} == {True, False}
    assert {r.name for r in rows} == {
        "dot", "hadamard", "outer", "atb", "ab", "ba", "abt", "ax", "xta",
    }  # fmt: skip
    assert len({(p.problem.identity()) for p in made.problems}) == 60  # no repeats


def test_same_seed_same_bytes_and_solutions_name_the_product() -> None:
    first = render_sheet(make_sheet(11, 8, "products"), "markdown", "en", "full")
    assert first == render_sheet(make_sheet(11, 8, "products"), "markdown", "en", "full")
    assert "Which product is" in first and " is the matrix product." in first
    zh = render_sheet(make_sheet(11, 8, "products"), "html", "zh", "full")
    assert "是哪一种乘积" in zh


def test_wrong_answers_get_a_diagnosis() -> None:
    expected = Expected(_problem("matmul", "ba", "1 2; 3 4", "5 6; 7 8"))
    verdict = check_problem(expected, "19 22; 43 50", time_limit=None)  # AB for BA
    assert not verdict.correct and verdict.diagnosis == "reversed_order"
    undefined = Expected(_problem("matmul", "ab", "1 2 3; 4 5 6", "1 2; 3 4"))
    verdict = check_problem(undefined, "1", time_limit=None)
    assert verdict.diagnosis == "not_defined"


def _problem(operation: str, product: str, a: str, b: str) -> object:
    from linsteps.assess.expected import Problem

    return Problem(operation, (a, b), {"product": product})


def test_keys_are_validated(tmp_path: Path) -> None:
    key = tmp_path / "k.json"
    run_request(Request(seed=3, count=4, topics="products", key=key, out=tmp_path / "s.md"))
    assert len(load_key(key).problems) == 4
    data = json.loads(key.read_text(encoding="utf-8"))
    data["problems"][0]["options"]["product"] = "cross"
    with pytest.raises(UsageError) as error:
        parse_key(json.dumps(data))
    assert "problems[0].options.product" in str(error.value)
    data["problems"][0]["options"]["product"] = "outer"
    data["problems"][0]["operation"] = "dot"
    bad = parse_key(json.dumps(data)).lookup("1")
    with pytest.raises(UsageError):
        Expected(bad.problem())
