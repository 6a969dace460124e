"""The installed command line on arrays: einsum, NumPy's @ and * (broadcasting)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.derivations import CUBE
from tests.test_cli import run


def test_einsum_explains_the_matrix_product(console_script: str) -> None:
    done = run(console_script, "einsum", "ij,jk->ik", "1 2; 3 4", "5 6; 7 8")
    assert done.returncode == 0, done.stderr
    assert "This is the matrix product AB" in done.stdout
    assert "Cᵢₖ = Σⱼ₌₁² AᵢⱼBⱼₖ" in done.stdout
    assert "C₁₂ = A₁₁B₁₂ + A₁₂B₂₂ = 1·6 + 2·8 = 6 + 16 = 22" in done.stdout
    assert done.stderr == ""


def test_einsum_trace_json_and_chinese(console_script: str) -> None:
    done = run(console_script, "einsum", "ii->", "1 2; 3 4", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["operation"] == "einsum"
    assert data["result"]["sympy"] == "5"
    assert any(step.get("key") == "einsum.trace" for step in data["steps"])
    zh = run(console_script, "einsum", "ii->", "1 2; 3 4", "--lang", "zh")
    assert "这是 A 的迹" in zh.stdout


def test_batched_einsum_from_files_one_entry(console_script: str, tmp_path: Path) -> None:
    q, k = tmp_path / "q.txt", tmp_path / "k.txt"
    q.write_text(CUBE + "\n", encoding="utf-8")
    k.write_text("[[[1, 0],\n  [0, 1]],\n [[2, 0],\n  [0, 2]]]\n", encoding="utf-8")
    done = run(console_script, "einsum", "bij,bjk->bik", f"@{q}", f"@{k}", "--entry", "2,2,1")
    assert done.returncode == 0, done.stderr
    assert "C₂₂₁ = A₂₂₁B₂₁₁ + A₂₂₂B₂₂₁ = 7·2 + 8·0 = 14 + 0 = 14" in done.stdout
    assert "C₁₁₁" not in done.stdout
    full = run(console_script, "einsum", "bij,bjk->bik", f"@{q}", f"@{k}", "--full")
    assert full.stdout.count("C₁") == 4 and "Showing" not in full.stdout


def test_generic_einsum_operand(console_script: str) -> None:
    done = run(console_script, "einsum", "ijk->", "T", "--shape", "2x1x2")
    assert done.returncode == 0, done.stderr
    assert "t₁₁₁ + t₁₁₂ + t₂₁₁ + t₂₁₂" in done.stdout


def test_nd_matmul_and_broadcast(console_script: str) -> None:
    done = run(console_script, "matmul", CUBE, "[[1, 0], [0, 1]]")
    assert done.returncode == 0, done.stderr
    assert "as NumPy's @ computes it" in done.stdout
    assert "the same B multiplies every matrix of A" in done.stdout
    table = run(console_script, "hadamard", "1 2 3; 4 5 6", "[10, 20, 30]", "--broadcast")
    assert table.returncode == 0, table.stderr
    assert "axis −2: b has no such axis, so it is repeated along the 2 of A" in table.stdout
    assert "C₂₃ = A₂₃b₃ = 6·30 = 180" in table.stdout
    latex = run(console_script, "hadamard", CUBE, CUBE, "--format", "latex", "--lang", "zh")
    assert latex.returncode == 0 and "\\left[\\begin{bmatrix}" in latex.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["hadamard", "1 2 3; 4 5 6", "[10, 20, 30]"], "would broadcast them to (2,3)"),
        (["hadamard", "1 2; 3 4", "1 2 3; 4 5 6", "--broadcast"], "(2,2) (2,3)"),
        (["matmul", CUBE, "1 2 3; 4 5 6; 7 8 9"], "mat1 and mat2 shapes cannot be multiplied"),
        (["einsum", "ij,jk->ik", "1 2; 3 4", "1 2 3"], "gives 2 letters for b"),
        (["einsum", "ij,jk-ik", "1 2; 3 4", "1 2; 3 4"], "column 6"),
        (["einsum", "ij", "[[[1, 2]], [3, 4]]"], "column 12"),
        (["einsum", "ij,jk->ik", "1 2; 3 4", "5 6; 7 8", "--entry", "3,1"], "--entry 3,1"),
    ],
)
def test_refusals_are_one_line_and_status_2(
    console_script: str, args: list[str], fragment: str
) -> None:
    done = run(console_script, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("linsteps: ")
    assert fragment in done.stderr
    assert "Traceback" not in done.stderr


def test_every_array_command_has_an_example(console_script: str) -> None:
    for command in ("einsum", "hadamard", "matmul"):
        done = run(console_script, command, "--help")
        assert done.returncode == 0
        assert "Example: linsteps " + command in done.stdout
    assert "--broadcast" in run(console_script, "hadamard", "--help").stdout
