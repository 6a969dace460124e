"""Names follow the operands, prose never shows a command's name, sentences are grammatical."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import typer

import linsteps
from linsteps.assess.checking import check
from linsteps.derivation.operands import to_operand
from linsteps.errors import LinstepsError, ShapeError, UsageError
from linsteps.i18n import catalog
from linsteps.learn.compare import compare
from linsteps.learn.comparison_view import render_comparison

A = "[[1, 2], [3, 4], [5, 6]]"  # 3×2
B = "[[1, 2, 3], [4, 5, 6]]"  # 2×3


def ba() -> Any:
    """The product B times A, its operands named B and A."""
    return linsteps.matmul(to_operand(B, "B"), to_operand(A, "A"))


def test_a_ba_derivation_names_b_first_in_text() -> None:
    text = ba().to_text()
    assert text.startswith("Matrix product BA\n")
    assert "(row i of B)·(column j of A)" in text
    assert "columns of B = rows of A = 3" in text
    assert "each entry is a row of B times a column of A" in text
    assert "of A)·(column" not in text


def test_a_ba_derivation_names_b_first_in_chinese() -> None:
    text = ba().to_text("zh")
    assert text.startswith("矩阵乘法 BA\n")
    assert "B 的列数 = A 的行数 = 3" in text


def test_a_ba_derivation_names_b_first_in_latex() -> None:
    latex = ba().render("latex")
    assert "Matrix product $BA$" in latex
    assert "\\text{row }i\\text{ of }B" in latex
    assert "columns of $B$ = rows of $A" in latex


def test_a_ba_derivation_names_b_first_in_json() -> None:
    data = json.loads(ba().render("json"))
    assert [op["name"] for op in data["inputs"]] == ["B", "A"]
    heading, condition = data["steps"][0], data["steps"][2]
    assert heading["message"] == "Matrix product BA"
    assert condition["params"]["a"] == "B" and condition["params"]["b"] == "A"
    assert condition["message"].startswith("columns of B = rows of A")
    assert data["steps"][-1]["message"].startswith("BA is 2×2")


def test_a_shape_question_explains_ba_as_b_times_a() -> None:
    verdict = check("shapes", [A, B, "1 2", "3 4"], "AB: 3x3, BA: 2x2, A∘B: undefined, a·b: scalar")
    assert verdict.correct
    explanation = verdict.expected.explanation("en")
    part = explanation.split("BA:\n", 1)[1]
    assert part.startswith("Matrix product BA\n")
    assert "columns of B = rows of A = 3" in part
    assert "row i of B" in part


def test_an_undefined_ba_part_names_b_first() -> None:
    verdict = check("shapes", [A, A, "1 2", "3 4"], "AB: 2x2, BA: 2x2, A∘B: 3x2, a·b: scalar")
    assert "the matrix product needs columns of B = rows of A" in verdict.message("en")


def test_compare_explains_ba_as_b_times_a() -> None:
    text = compare(A, B).explain("ba").to_text()
    assert text.startswith("Matrix product BA\n")
    assert "columns of B = rows of A" in text


@pytest.mark.parametrize(
    ("derive", "title", "words"),
    [
        (lambda: linsteps.matmul("P", "Q", shape="2x2"), "Matrix product PQ", "row i of P"),
        (
            lambda: linsteps.matmul("B", "A", shape="2xn", shape_b="nx3"),
            "Matrix product BA",
            "columns of B = rows of A = n",
        ),
        (lambda: linsteps.dot("u", "v", dim=2), "Dot product u·v", "u·v = u₁v₁ + u₂v₂"),
        (lambda: linsteps.dot("u", "v", dim="n"), "Dot product u·v", "Σᵢ₌₁ⁿ uᵢvᵢ"),
        (lambda: linsteps.hadamard("u", "v", dim=2), "Hadamard (element-wise) product u∘v", "uᵢvᵢ"),
        (
            lambda: linsteps.project(to_operand("[3, 4]", "u"), to_operand("[1, 0]", "v")),
            "Projection proj_v u of u on v",
            "v is not the zero vector",
        ),
        (
            lambda: linsteps.cos(to_operand("[[1, 0], [1, 1]]", "E"), pairwise=True),
            "Cosine-similarity matrix S of the rows of E",
            "the rows of E",
        ),
    ],
)
def test_operands_not_called_a_and_b_keep_their_names(derive: Any, title: str, words: str) -> None:
    text = derive().to_text()
    assert text.splitlines()[0] == title
    assert words in text


def test_one_name_for_two_different_operands_is_refused() -> None:
    with pytest.raises(UsageError) as caught:
        linsteps.matmul("A", "A", shape="2x3", shape_b="3x2")
    assert caught.value.key == "same_name"


def test_the_same_generic_vector_twice_is_one_vector() -> None:
    text = linsteps.dot("a", "a", dim=2).to_text()
    assert text.startswith("Dot product a·a\n")


def command_names() -> list[str]:
    from linsteps.cli.main import app

    return sorted(typer.main.get_command(app).commands)


def test_no_catalog_sentence_begins_with_a_command_name() -> None:
    commands = "|".join(map(re.escape, command_names()))
    starts = re.compile(rf"^\s*(?:\{{operation\}}|(?:{commands}))(?:\s+--?[\w-]+)*\s*[:：]")
    for lang in ("en", "zh"):
        offending = {k: v for k, v in catalog(lang).items() if starts.match(v)}
        assert not offending, offending


@pytest.mark.parametrize(
    "call",
    [
        lambda: linsteps.dot("[1, 2]", "[1, 2, 3]"),
        lambda: linsteps.cos("[1, 2]", "[1, 2, 3]"),
        lambda: linsteps.hadamard("1 2; 3 4", "[1, 2]"),
        lambda: linsteps.matmul("1 2; 3 4", "1 2 3"),
        lambda: linsteps.norm("1 2; 3 4"),
        lambda: linsteps.project("[1, 2]", "[0, 0]"),
        lambda: linsteps.cos("[1, 2]", pairwise=True),
        lambda: linsteps.linear("1 2; 3 4", "[1, 2, 3]"),
        lambda: linsteps.attention("1 2", "1 2 3"),
    ],
)
def test_error_sentences_do_not_start_with_a_command(call: Any) -> None:
    with pytest.raises(LinstepsError) as caught:
        call()
    for lang in ("en", "zh"):
        message = caught.value.message(lang)
        first = re.split(r"[\s:：]", message, maxsplit=1)[0]
        assert first not in command_names(), message


def test_a_shape_error_names_the_rule_and_the_sizes() -> None:
    with pytest.raises(ShapeError) as caught:
        linsteps.matmul(to_operand(B, "B"), to_operand(B, "B"))
    message = caught.value.message("en")
    assert message == "the matrix product needs columns of B = rows of B: B is 2×3, B is 2×3"


SHAPES = [A, B, "1 2", "3 4"]


@pytest.mark.parametrize(
    ("answer", "en", "zh"),
    [
        (
            "AB: 3x3, BA: 2x2, A∘B: undefined, a·b: undefined",
            "a·b is defined: it is a scalar.",
            "a·b 有定义：它是标量。",
        ),
        (
            "AB: 3x3, BA: 2x2, A∘B: undefined, a·b: 2x1",
            "a·b is a scalar, not 2×1.",
            "a·b 是标量，不是 2×1。",
        ),
        (
            "AB: scalar, BA: 2x2, A∘B: undefined, a·b: scalar",
            "AB is 3×3, not a scalar.",
            "AB 的形状是 3×3，不是标量。",
        ),
    ],
)
def test_shape_feedback_is_grammatical(answer: str, en: str, zh: str) -> None:
    verdict = check("shapes", SHAPES, answer)
    assert verdict.message("en") == en
    assert verdict.message("zh") == zh
    assert "scalar" not in verdict.message("zh")


def test_compare_does_not_commute_undefined_products() -> None:
    """a·b and a∘b are undefined for lengths 2 and 3: no b·a = a·b, b∘a = a∘b remark."""
    for lang in ("en", "zh"):
        text = render_comparison(compare("1 2", "1 2 3"), "text", lang)
        assert "b·a = a·b" not in text
        assert "b∘a = a∘b" not in text
        assert "baᵀ" in text


def test_compare_still_says_the_dot_product_commutes_when_it_is_defined() -> None:
    assert "b·a = a·b" in render_comparison(compare("1 2 3", "4 5 6"))
