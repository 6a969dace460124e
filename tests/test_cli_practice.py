"""``linsteps check`` and ``grade`` on the general forms and shape questions, as the installed
console script."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
S = ["[[1, 2, 3], [4, 5, 6]]", "[[1, 2], [3, 4], [5, 6]]", "[1, 2]", "[3, 4, 5]"]


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([script, *args], capture_output=True, text=True, env=ENV, timeout=120)


def test_check_a_shape_question(console_script: str) -> None:
    answer = "AB: 2x2, BA: 2x3, A∘B: undefined, a·b: undefined"
    done = run(console_script, "check", "shapes", *S, "--answer", answer)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "read as  AB: 2×2; BA: 2×3; A∘B: undefined; a·b: undefined"
    assert lines[1] == "✗ incorrect — BA is 3×3, not 2×3. [wrong_shape]"
    right = run(console_script, "check", "shapes", *S, "--answer", answer.replace("2x3", "3x3"))
    assert right.returncode == 0 and "✓ correct" in right.stdout


def test_an_unreadable_shape_answer_is_one_line_and_exit_2(console_script: str) -> None:
    done = run(console_script, "check", "shapes", *S, "--answer", "AB 2x2", "--lang", "zh")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "AB 2x2" in done.stderr


def test_check_key_of_the_new_topics(console_script: str, tmp_path: Path) -> None:
    key = tmp_path / "key.json"
    made = run(console_script, "worksheet", "--seed", "7", "--count", "5", "--topics",
               "outer,project,linear,attention,shapes", "--difficulty", "easy",
               "--key", str(key), "--out", str(tmp_path / "sheet.md"))  # fmt: skip
    assert made.returncode == 0, made.stderr
    problems = json.loads(key.read_text(encoding="utf-8"))["problems"]
    shapes = problems[4]
    done = run(console_script, "check", "--key", str(key), "--problem", "5",
               "--answer", shapes["answer"]["text"], "--format", "json", "--explain")  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    data = json.loads(done.stdout)
    assert data["correct"] and all(part["correct"] for part in data["parts"])
    linear = run(console_script, "check", "--key", str(key), "--problem", "3",
                 "--answer", "[0, 16]", "--explain")  # fmt: skip
    assert linear.returncode == 1 and "[missing_bias]" in linear.stdout
    assert "Linear layer" in linear.stdout or "linear" in linear.stdout.lower()


def test_check_options_of_the_general_forms(console_script: str) -> None:
    complex_ = run(console_script, "check", "dot", "[1+i, 2]", "[3, i]", "--complex",
                   "--answer", "3+5i")  # fmt: skip
    assert complex_.returncode == 1 and "[missing_conjugate]" in complex_.stdout
    unscaled = run(
        console_script,
        "check",
        "attention",
        "1 0; 0 1",
        "1 0; 0 1",
        "--no-scale",
        "--answer",
        "exp(1)/(1+exp(1)) 1/(1+exp(1)); 1/(1+exp(1)) exp(1)/(1+exp(1))",
    )
    assert unscaled.returncode == 0, unscaled.stdout + unscaled.stderr
    causal = run(
        console_script,
        "check",
        "attention",
        "1 0; 0 1",
        "1 0; 0 1",
        "--causal",
        "--answer",
        "1 0; 1/(1+exp(1/sqrt(2))) exp(1/sqrt(2))/(1+exp(1/sqrt(2)))",
    )
    assert causal.returncode == 0, causal.stdout + causal.stderr
