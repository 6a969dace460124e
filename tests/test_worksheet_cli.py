"""``linsteps worksheet`` as a teacher runs it: the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}


def run(
    script: str, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [script, "worksheet", *args],
        capture_output=True,
        text=True,
        env=env or ENV,
        timeout=120,
        cwd=cwd,
    )


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("linsteps: ")
    assert "Traceback" not in done.stderr
    return done.stderr


def test_default_sheet_has_ten_problems_and_a_seed(console_script: str) -> None:
    done = run(console_script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("**") == 20 and "Seed " in done.stdout


def test_same_bytes_in_a_fresh_process_with_another_hash_seed(
    console_script: str, tmp_path: Path
) -> None:
    outputs = []
    for hash_seed in ("0", "1", "random"):
        env = {**ENV, "PYTHONHASHSEED": hash_seed}
        args = ("--seed", "7", "--count", "14", "--solutions", "full", "--key", "key.json")
        done = run(console_script, *args, cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append((done.stdout, (tmp_path / "key.json").read_bytes()))
    assert outputs[0] == outputs[1] == outputs[2]


def test_out_and_key_files(console_script: str, tmp_path: Path) -> None:
    args = ["--seed", "7", "--count", "12", "--topics", "dot,cos,hadamard,matmul"]
    args += ["--difficulty", "medium", "--out", "week3.md", "--key", "week3-key.json"]
    done = run(console_script, *args, "--solutions", "full", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == ""
    key = json.loads((tmp_path / "week3-key.json").read_text(encoding="utf-8"))
    assert key["seed"] == 7 and len(key["problems"]) == 12
    assert {p["topic"] for p in key["problems"]} == {"dot", "cos", "hadamard", "matmul"}
    assert "## Solutions" in (tmp_path / "week3.md").read_text(encoding="utf-8")


def test_latex_in_chinese(console_script: str) -> None:
    done = run(console_script, "--seed", "7", "--format", "latex", "--lang", "zh")
    assert done.returncode == 0
    assert done.stdout.startswith("\\documentclass[11pt]{ctexart}")
    assert "线性代数练习" in done.stdout and done.stdout.endswith("\\end{document}\n")


def test_roster_makes_one_sheet_per_student_and_one_key(
    console_script: str, tmp_path: Path
) -> None:
    (tmp_path / "class.csv").write_bytes("\ufeffname;student\nA;alice\nB;Bob Li\n".encode())
    done = run(
        console_script, "--seed", "7", "--roster", "class.csv", "--out-dir", "week3",
        "--key", "key.json", "--count", "5", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in (tmp_path / "week3").iterdir())
    assert files == [".linsteps-files", "Bob_Li.md", "alice.md"]
    key = json.loads((tmp_path / "key.json").read_text(encoding="utf-8"))
    assert set(key["students"]) == {"alice", "Bob Li"} and "problems" not in key
    alice, bob = key["students"]["alice"], key["students"]["Bob Li"]
    assert alice["seed"] != bob["seed"] and alice["problems"] != bob["problems"]
    assert set(alice) == {"seed", "problems"} and len(bob["problems"]) == 5
    sheet = (tmp_path / "week3" / "alice.md").read_text(encoding="utf-8")
    assert "Student: alice" in sheet and f"Seed {alice['seed']}" in sheet


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--topics", "dot,cross"], ["cross", "dot, norm, cos, angle, hadamard, matmul, shapes"]),
        (["--count", "0"], ["--count 0", "10000"]),
        (["--count", "10001"], ["--count 10001"]),
        (["--difficulty", "expert"], ["expert"]),
        (["--format", "pdf"], ["pdf"]),
        (["--solutions", "all"], ["all"]),
        (["--seed", "-3"], ["--seed -3"]),
        (["--out", "missing/dir/sheet.md"], ["missing/dir/sheet.md"]),
        (["--key", "missing/key.json"], ["missing/key.json"]),
        (["--out", "."], ["directory"]),
        (["--roster", "class.csv"], ["--out-dir"]),
        (["--out-dir", "x"], ["--roster"]),
        (["--roster", "absent.csv", "--out-dir", "x"], ["absent.csv"]),
    ],
)
def test_bad_options_are_one_line(
    console_script: str, tmp_path: Path, args: list[str], words: list[str]
) -> None:
    message = one_line_error(run(console_script, *args, cwd=tmp_path))
    for word in words:
        assert word in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("roster", "words"),
    [
        ("student\nalice\nbob\nalice\n", ["alice", "rows 2 and 4"]),
        ("student,x\nalice,1\n,2\n", ["row 3"]),
        (",x\nalice,1\n", ["no student column"]),
        ("student\nA/B\nA?B\n", ["row 2", "row 3", "A_B"]),
    ],
)
def test_roster_errors_name_rows_and_write_nothing(
    console_script: str, tmp_path: Path, roster: str, words: list[str]
) -> None:
    (tmp_path / "class.csv").write_text(roster, encoding="utf-8")
    args = ["--roster", "class.csv", "--out-dir", "out", "--key", "key.json"]
    message = one_line_error(run(console_script, *args, cwd=tmp_path))
    for word in words:
        assert word in message
    assert [p.name for p in tmp_path.iterdir()] == ["class.csv"]


def test_errors_in_chinese(console_script: str) -> None:
    message = one_line_error(run(console_script, "--count", "0", "--lang", "zh"))
    assert "整数" in message


def test_an_unwritable_key_leaves_no_sheet(console_script: str, tmp_path: Path) -> None:
    (tmp_path / "key.json").mkdir()
    one_line_error(run(console_script, "--out", "s.md", "--key", "key.json", cwd=tmp_path))
    assert not (tmp_path / "s.md").exists()


def test_help_has_an_example(console_script: str) -> None:
    done = subprocess.run(
        [console_script, "worksheet", "--help"], capture_output=True, text=True, env=ENV
    )
    assert done.returncode == 0 and "Example: linsteps worksheet" in done.stdout
    for option in ("--seed", "--count", "--topics", "--difficulty", "--format", "--lang"):
        assert option in done.stdout
    for option in ("--out", "--key", "--solutions", "--roster", "--out-dir", "--date", "--title"):
        assert option in done.stdout


@pytest.mark.parametrize(("fmt", "ext"), [("markdown", "md"), ("latex", "tex"), ("html", "html")])
def test_the_gallery_worksheets_are_what_the_command_writes(
    console_script: str, tmp_path: Path, fmt: str, ext: str
) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "worksheets"
    args = ["--seed", "7", "--count", "8", "--difficulty", "medium", "--date", "2025-03-14"]
    args += ["--format", fmt, "--lang", "zh", "--solutions", "full", "--out", "s", "--key", "k"]
    done = run(console_script, *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s").read_bytes() == (examples / f"week3.zh.{ext}").read_bytes()
    assert (tmp_path / "k").read_bytes() == (examples / "week3-key.json").read_bytes()
