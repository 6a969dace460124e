"""``linsteps check`` and ``linsteps grade`` as the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
DATA = Path(__file__).parent / "data"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([script, *args], capture_output=True, text=True, env=ENV, timeout=120)


def test_check_names_the_mistake(console_script: str) -> None:
    done = run(console_script, "check", "matmul", "1 2; 3 4", "5 6; 7 8", "--answer", "5 12; 21 32")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "read as  [[5, 12], [21, 32]]"
    assert lines[1].startswith("✗ incorrect — this is the Hadamard (element-wise) product A∘B")
    assert lines[1].endswith("[hadamard_instead_of_matmul]")


def test_check_accepts_a_decimal(console_script: str) -> None:
    done = run(console_script, "check", "cos", "[1,2,3]", "[4,5,6]", "--answer", "0.9746")
    assert done.returncode == 0
    assert "✓ correct" in done.stdout and "16√22/77" in done.stdout


def test_check_json_in_chinese(console_script: str) -> None:
    done = run(console_script, "check", "dot", "[1,2,3]", "[4,5,6]", "--answer", "[4, 10, 18]",
               "--format", "json", "--lang", "zh")  # fmt: skip
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["correct"] is False and data["diagnosis"] == "forgot_to_sum"
    assert data["read_as"] == "(4, 10, 18)" and data["expected"] == "32"
    assert "标量" in data["message"]


def test_check_from_a_key_with_explain(console_script: str) -> None:
    key = str(DATA / "week3-key.json")
    done = run(console_script, "check", "--key", key, "--problem", "4", "--answer",
               "19 22; 43 50", "--explain")  # fmt: skip
    assert done.returncode == 0
    assert "How the result is derived:" in done.stdout and "c₂₁ = (3, 4)·(5, 7)" in done.stdout
    roster = str(DATA / "roster-key.json")
    bob = run(console_script, "check", "--key", roster, "--problem", "2", "--student", "bob",
              "--answer", "pi/3", "--format", "json")  # fmt: skip
    assert json.loads(bob.stdout)["diagnosis"] == "radians_for_degrees"


def test_a_slow_answer_is_unverified(console_script: str) -> None:
    slow = "+".join(f"sin(exp(6600+{k}/53))" for k in range(300))  # seconds to evaluate
    done = run(console_script, "check", "dot", "[1,2,3]", "[4,5,6]", "--answer",
               slow, "--time-limit", "0.5")  # fmt: skip
    assert done.returncode == 1 and "? unverified" in done.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "dot", "[1,2]", "[3,4]", "--answer", "[1, 2"], "operand answer"),
        (["check", "dot", "[1,2]", "[3,4]", "--answer", "__import__('os')"], "column 1"),
        (["check", "dot", "[1,2", "[3,4]", "--answer", "11"], "operand a"),
        (["check", "dot", "[1,2]", "[3,4]"], "--answer"),
        (["check", "--key", str(DATA / "week3-key.json"), "--answer", "1"], "--problem"),
        (
            ["check", "--key", str(DATA / "week3-key.json"), "--problem", "9", "--answer", "1"],
            "no problem '9'",
        ),
        (["check", "frob", "[1]", "--answer", "1"], "unknown operation"),
        (["check", "dot", "[1,2]", "[3,4]", "--answer", "1", "--tolerance", "5"], "--tolerance"),
        (["grade", str(DATA / "week3-key.json"), "/nonexistent.csv"], "/nonexistent.csv"),
        (["grade", "/nonexistent.json", str(DATA / "answers.csv")], "answer key"),
        (
            ["grade", str(DATA / "week3-key.json"), str(DATA / "answers.csv"), "--jobs", "0"],
            "--jobs",
        ),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    console_script: str, args: list[str], fragment: str
) -> None:
    done = run(console_script, *args)
    assert done.returncode == 2, done.stdout
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("linsteps: ")
    assert fragment in done.stderr and "Traceback" not in done.stderr


def test_grade_writes_report_and_summary(console_script: str, tmp_path: Path) -> None:
    out, feedback = tmp_path / "report.csv", tmp_path / "fb"
    done = run(console_script, "grade", str(DATA / "week3-key.json"), str(DATA / "answers.csv"),
               "--out", str(out), "--feedback", str(feedback), "--jobs", "2")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Graded 5 students on 5 problems (20 answers).")
    assert "Report written to" in done.stdout and "(5 files)" in done.stdout
    assert "\r" not in done.stderr and "warning: row 4, column 3" in done.stderr
    assert out.read_text(encoding="utf-8").startswith("student,score,total,1,1_diagnosis")


def test_help_has_examples(console_script: str) -> None:
    for command in ("check", "grade"):
        done = run(console_script, command, "--help")
        assert done.returncode == 0 and "Example: linsteps " + command in done.stdout
