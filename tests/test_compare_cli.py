"""compare and guide as the installed console script."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import run


def test_compare_two_vectors(console_script: str) -> None:
    done = run(console_script, "compare", "[1, 2, 3]", "[4, 5, 6]")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Every product of the vectors a and b"
    assert any(
        line.startswith("  a·b — dot (inner) product") and line.endswith("32") for line in lines
    )
    assert any("aᵀb — matrix product" in line and line.endswith("[[32]]") for line in lines)
    assert any("16√22/77 ≈ 0.9746" in line for line in lines)


def test_compare_matrices_in_markdown(console_script: str) -> None:
    done = run(console_script, "compare", "1 2; 3 4", "5 6; 7 8", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "$AB \\neq BA$" in done.stdout  # the whole relation is one formula
    assert "\\left(AB\\right)_{11} = 19" in done.stdout
    assert "\\left(BA\\right)_{11} = 23" in done.stdout


def test_compare_undefined_in_chinese_json(console_script: str) -> None:
    done = run(console_script, "compare", "1 2 3; 4 5 6", "1 2; 3 4", "-f", "json", "-l", "zh")
    assert done.returncode == 0, done.stderr
    rows = {r["name"]: r for r in json.loads(done.stdout)["rows"]}
    assert rows["ab"]["defined"] is False and "矩阵乘法" in rows["ab"]["reason"]["message"]
    assert rows["ba"]["result"] == "2×3 矩阵"


def test_explain_a_row(console_script: str) -> None:
    done = run(console_script, "compare", "1 2 3; 4 5 6", "1 2; 3 4", "--explain", "AᵀB")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Matrix product AᵀB\n")
    assert "(Aᵀ)ᵢₖ" in done.stdout or "AᵀB is 3×2" in done.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["compare", "1 2 3; 4 5 6", "1 2; 3 4", "--explain", "ab"], "columns of A = rows of B"),
        (["compare", "[1, 2]", "[3, 4]", "--explain", "ba"], "--explain ba"),
        (["compare", "[1, 2", "[3, 4]"], "operand A"),
        (["guide", "cross"], "no such concept"),
        (["guide", "dot", "--all"], "not both"),
        (["compare", "[1, 2]", "[3, 4]", "--standalone"], "--standalone"),
    ],
)
def test_errors_are_one_line(console_script: str, args: list[str], fragment: str) -> None:
    done = run(console_script, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and fragment in done.stderr, done.stderr


def test_guide_list_and_a_card(console_script: str) -> None:
    done = run(console_script, "guide")
    assert done.returncode == 0 and done.stdout.startswith("Concepts\n  dot ")
    card = run(console_script, "guide", "dot", "--lang", "zh", "--format", "latex")
    assert card.returncode == 0, card.stderr
    assert card.stdout.startswith("\\section*{点积（内积）}")
    assert "\\texttt{forgot\\_to\\_sum}" in card.stdout


def test_help_has_examples(console_script: str) -> None:
    for command in ("compare", "guide"):
        done = run(console_script, command, "--help")
        assert done.returncode == 0
        assert "Example: linsteps " + command in done.stdout
