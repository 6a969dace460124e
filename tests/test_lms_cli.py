"""``linsteps worksheet --format moodle|gift|qti|canvas`` as a teacher runs it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from linsteps.practice.exports.run import run_quiz
from linsteps.practice.worksheet import Request
from tests.test_worksheet_cli import one_line_error, run

FORMATS = ("moodle", "gift", "qti", "canvas")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_seed_gives_the_same_bytes(fmt: str, tmp_path: Path) -> None:
    made = []
    for n in range(2):
        out = tmp_path / f"{n}.{fmt}"
        assert run_quiz(Request(seed=7, count=12, fmt=fmt, lang="zh", out=out)) is None
        made.append(out.read_bytes())
    assert made[0] == made[1]
    if fmt in ("qti", "canvas"):
        with zipfile.ZipFile(io.BytesIO(made[0])) as archive:
            infos = archive.infolist()
            assert archive.testzip() is None
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_the_issue_commands_write_every_format_and_the_key(
    console_script: str, tmp_path: Path
) -> None:
    outputs = {"moodle": "week3.xml", "gift": "week3.gift", "qti": "week3.zip",
               "canvas": "week3-canvas.zip"}  # fmt: skip
    for fmt, name in outputs.items():
        done = run(console_script, "--seed", "7", "--count", "12", "--format", fmt, "--out", name,
                   "--key", f"{fmt}-key.json", cwd=tmp_path)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""
    assert (tmp_path / "week3.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert zipfile.is_zipfile(tmp_path / "week3.zip")
    assert zipfile.is_zipfile(tmp_path / "week3-canvas.zip")
    key = json.loads((tmp_path / "qti-key.json").read_text(encoding="utf-8"))
    assert key["seed"] == 7 and len(key["problems"]) == 12
    sheet_key = run(console_script, "--seed", "7", "--count", "12", "--key", "sheet.json",
                    "--out", "sheet.md", cwd=tmp_path)  # fmt: skip
    assert sheet_key.returncode == 0
    assert (tmp_path / "sheet.json").read_bytes() == (tmp_path / "moodle-key.json").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_topic_exports_on_the_command_line(
    console_script: str, fmt: str, tmp_path: Path
) -> None:
    # einsum, broadcasting and code shapes ask for a shape (and a product), not a number.
    topics = "einsum,broadcast,codeshapes"
    done = run(console_script, "--seed", "3", "--count", "6", "--topics", topics,
               "--format", fmt, "--out", "quiz", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert (tmp_path / "quiz").stat().st_size > 1000


def test_moodle_and_gift_print_to_standard_output(console_script: str) -> None:
    done = run(console_script, "--seed", "7", "--count", "2", "--format", "gift", "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert "::第 1 题::[html]" in done.stdout and "计算点积" in done.stdout


def test_a_package_needs_an_output_file(console_script: str) -> None:
    error = one_line_error(run(console_script, "--seed", "7", "--format", "qti"))
    assert "--out" in error


def test_a_roster_gives_one_package_per_student(console_script: str, tmp_path: Path) -> None:
    (tmp_path / "class.csv").write_text("student,name\ns-001,Ann\ns-002,Bo\n", encoding="utf-8")
    done = run(console_script, "--seed", "7", "--count", "3", "--format", "canvas",
               "--roster", "class.csv", "--out-dir", "quizzes", "--key", "key.json",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    packages = sorted(p.name for p in (tmp_path / "quizzes").iterdir() if p.suffix == ".zip")
    assert packages == ["s-001.zip", "s-002.zip"]
    one, two = (zipfile.ZipFile(tmp_path / "quizzes" / p) for p in packages)
    assert one.namelist() != two.namelist()  # each package has its own quiz identifier
    key = json.loads((tmp_path / "key.json").read_text(encoding="utf-8"))
    assert sorted(key["students"]) == ["s-001", "s-002"]


def test_a_roster_puts_every_variant_in_one_moodle_file(
    console_script: str, tmp_path: Path
) -> None:
    (tmp_path / "class.csv").write_text("student\ns-001\ns-002\n", encoding="utf-8")
    done = run(console_script, "--seed", "7", "--count", "2", "--format", "moodle",
               "--roster", "class.csv", "--out", "bank.xml", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "bank.xml").read_text(encoding="utf-8")
    assert text.count('<question type="category">') == 2
    assert text.count("<text>s-001</text>") == 2
    wrong = run(console_script, "--seed", "7", "--format", "moodle", "--roster", "class.csv",
                "--out-dir", "x", cwd=tmp_path)  # fmt: skip
    assert "--out-dir" in one_line_error(wrong)


def test_nothing_is_written_over_a_directory(console_script: str, tmp_path: Path) -> None:
    (tmp_path / "quiz.zip").mkdir()
    done = run(console_script, "--seed", "7", "--format", "qti", "--out", "quiz.zip",
               "--key", "key.json", cwd=tmp_path)  # fmt: skip
    one_line_error(done)
    assert not (tmp_path / "key.json").exists()
