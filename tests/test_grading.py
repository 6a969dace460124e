"""Grading a class's CSV: reports, summaries, feedback, and bad data that never loses good data."""

from __future__ import annotations

import codecs
import csv
import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from linsteps import UsageError
from linsteps.assess.grading import escape_cell, grade, safe_name
from linsteps.assess.submissions import MAX_CELL, MAX_LINE

DATA = Path(__file__).parent / "data"
KEY = DATA / "week3-key.json"
ROSTER = DATA / "roster-key.json"
HEADER = "student,1,2,3,4,5\n"


def report_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def run(tmp_path: Path, content: bytes | str, key: Path = KEY, **options: object):  # type: ignore[no-untyped-def]
    source = tmp_path / "answers.csv"
    source.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = tmp_path / "report.csv"
    warnings: list[str] = []
    summary = grade(key, source, out=out, warn=warnings.append, **options)  # type: ignore[arg-type]
    return summary, report_rows(out), warnings


def test_the_sample_class(tmp_path: Path) -> None:
    summary, rows, warnings = run(tmp_path, (DATA / "answers.csv").read_bytes())
    assert rows[0] == ["student", "score", "total", "1", "1_diagnosis", "2", "2_diagnosis", "3",
                       "3_diagnosis", "4", "4_diagnosis", "5", "5_diagnosis", "1_answer",
                       "2_answer", "3_answer", "4_answer", "5_answer"]  # fmt: skip
    assert rows[1][:3] == ["alice", "5", "5"]
    assert rows[2][3:13] == ["correct", "", "incorrect", "dot_instead_of_cos", "incorrect",
                           "matmul_instead_of_hadamard", "incorrect",
                           "hadamard_instead_of_matmul", "incorrect", "not_defined"]  # fmt: skip
    assert rows[3][7:9] == ["invalid", "unreadable"] and rows[3][11] == "blank"
    assert rows[4][0] == "'=cmd"
    assert len(warnings) == 2 and "row 4, column 3" in warnings[0]
    text = summary.text("en")
    assert "Graded 5 students on 5 problems (20 answers)." in text
    assert "sign_error (2)" in text and "Class mean: 1.40 / 5 (28.0%)." in text
    assert "平均" in summary.text("zh")


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    content = (DATA / "answers.csv").read_bytes()
    run(tmp_path, content)
    first = (tmp_path / "report.csv").read_bytes()
    run(tmp_path, content, jobs=2)
    assert (tmp_path / "report.csv").read_bytes() == first


def test_roster_keys_grade_each_student_against_their_version(tmp_path: Path) -> None:
    content = "student,1,2\nalice,11,pi/4\nbob,10,60\nzed,1,1\nbob2,10,60\n"
    summary, rows, warnings = run(tmp_path, content, key=ROSTER)
    assert rows[1] == ["alice", "2", "2", "correct", "", "correct", "", "11", "pi/4"]
    assert rows[2] == ["bob", "2", "2", "correct", "", "correct", "", "10", "60"]
    assert len(rows) == 3 and summary.students == 2
    assert any("row 4" in w and "'zed'" in w for w in warnings)


ROW = 'ann,32,0.9746,"[4, 10, 18]","19 22; 43 50",undefined\n'
SEMICOLON = 'student;1;2;3;4;5\nann;32;0.9746;"[4, 10, 18]";"19 22; 43 50";undefined\n'


@pytest.mark.parametrize(
    ("name", "content", "expect_warning"),
    [
        ("utf8", (HEADER + ROW).encode(), None),
        ("bom", codecs.BOM_UTF8 + (HEADER + ROW).encode(), None),
        ("crlf", (HEADER + ROW).replace("\n", "\r\n").encode(), None),
        ("semicolon", SEMICOLON.encode(), None),
        ("tab", (HEADER + ROW).replace(",", "\t").encode(), None),
        ("utf16", (HEADER + ROW).encode("utf-16"), None),
        ("cp1252", (HEADER + ROW.replace("ann", "José")).encode("cp1252"), "cp1252"),
        ("blank lines", (HEADER + "\n\n" + ROW + "\n").encode(), None),
    ],
)
def test_encodings_and_separators(
    tmp_path: Path, name: str, content: bytes, expect_warning: str | None
) -> None:
    _, rows, warnings = run(tmp_path, content)
    assert rows[1][1:3] == ["5", "5"], (name, rows)
    if expect_warning:
        assert any(expect_warning in w for w in warnings)
        assert rows[1][0] == "José"
    else:
        assert not warnings


def test_bad_cells_are_reported_while_the_rest_is_graded(tmp_path: Path) -> None:
    content = (
        HEADER.encode()
        + b"nul,3\x002,0.9746,,,\n"
        + b"long,"
        + b"1" * (MAX_CELL + 1)
        + b",0.9746,,,\n"
        + b"huge,"
        + b"2" * (MAX_LINE + 10)
        + b"\n"
        + b"ok,32,0.9746,,,\n"
        + b",32,,,,\n"
        + b"extra,32,,,,,,99\n"
    )
    _, rows, warnings = run(tmp_path, content)
    graded = {row[0]: row for row in rows[1:]}
    assert graded["nul"][3:5] == ["invalid", "unreadable"] and graded["nul"][5] == "correct"
    assert graded["long"][3] == "invalid" and graded["long"][5] == "correct"
    assert graded["ok"][1] == "2" and "huge" not in graded
    assert graded["extra"][3] == "correct"
    joined = "\n".join(warnings)
    for fragment in ("NUL byte", f"limit of {MAX_CELL}", "row 4 is longer", "row 6: the student",
                     "row 7 has more cells"):  # fmt: skip
        assert fragment in joined, fragment


def test_undecodable_bytes_in_a_cp1252_file(tmp_path: Path) -> None:
    content = HEADER.encode() + b"eve,3\x812,0.9746\nfay,32\n"
    _, rows, warnings = run(tmp_path, content)
    assert rows[1][3] == "invalid" and rows[2][3] == "correct"
    assert any("cp1252" in w for w in warnings) and any("not text" in w for w in warnings)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("name,1\nann,32\n", "no 'student' column"),
        ("student,1\nann,32\nbob,1\nann,3\n", "row 4: student 'ann' already appears in row 2"),
        ("student,1,9\nann,32,1\n", "column '9' is not a problem"),
        ("student,1,1\nann,32,32\n", "column '1' appears twice"),
        ("", "is empty"),
        ("\n\n", "is empty"),
    ],
)
def test_structural_problems_stop_before_grading(
    tmp_path: Path, content: str, fragment: str
) -> None:
    with pytest.raises(UsageError) as caught:
        run(tmp_path, content)
    assert fragment in caught.value.message()
    assert not (tmp_path / "report.csv").exists()


def test_report_cells_are_escaped_against_formulas(tmp_path: Path) -> None:
    students = ["=1+1", "+cmd", "-2", "@SUM(A1)", "plain"]
    content = "student,1\n" + "".join(f'"{s}",32\n' for s in students)
    _, rows, _ = run(tmp_path, content)
    assert [r[0] for r in rows[1:]] == ["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "plain"]
    assert escape_cell("=x") == "'=x" and escape_cell("x=") == "x="
    assert escape_cell("\tx") == "'\tx" and escape_cell("\rx") == "'\rx"


def test_feedback_files(tmp_path: Path) -> None:
    folder = tmp_path / "feedback"
    run(tmp_path, (DATA / "answers.csv").read_bytes(), feedback=folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [".linsteps-files", "alice.md", "bob.md", "carol.md", "cmd.md", "dave.md"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging
    bob = (folder / "bob.md").read_text(encoding="utf-8")
    assert bob.startswith("# Feedback for bob\n\nScore: 1 of 5 points.")
    assert "## Problem 4: incorrect" in bob and "Hadamard (element-wise) product A∘B" in bob
    assert "```text\nMatrix product AB\n" in bob and bob.count("```") % 2 == 0
    assert "Your answer was read as [[5, 12], [21, 32]]." in bob


def test_feedback_names_must_not_collide(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="same file name"):
        run(tmp_path, "student,1\na/b,32\na_b,32\n", feedback=tmp_path / "f")
    assert safe_name("../../etc/passwd") == "etc_passwd" and safe_name("...") == "student"


def test_an_unwritable_report_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_text("student,1\nann,32\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot write"):
        grade(KEY, source, out=tmp_path / "missing" / "report.csv")


def test_kill_9_leaves_no_partial_report_and_the_earlier_feedback_set(
    tmp_path: Path, console_script: str
) -> None:
    feedback = tmp_path / "feedback"
    run(tmp_path, (DATA / "answers.csv").read_bytes(), feedback=feedback)
    earlier = {p.name: p.read_bytes() for p in feedback.iterdir()}
    source = tmp_path / "big.csv"
    with source.open("w", encoding="utf-8") as stream:
        stream.write(HEADER)
        for i in range(20_000):
            stream.write(f's{i},{i},{i}/7,"[{i}, 1, 2]","{i} 2; 3 4",{i}\n')
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    process = subprocess.Popen(
        [console_script, "grade", str(KEY), str(source), "--out", str(out_dir / "report.csv"),
         "--feedback", str(feedback)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def staged() -> int:
        folders = [p for p in tmp_path.iterdir() if p.name.startswith(".feedback.")]
        return sum(len(os.listdir(f)) for f in folders if f.is_dir())

    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if staged() >= 20:
                break
            assert process.poll() is None, "grading ended before it could be interrupted"
            time.sleep(0.05)
        else:
            pytest.fail("grading did not start within 60 s")
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert list(out_dir.iterdir()) == []
    assert {p.name: p.read_bytes() for p in feedback.iterdir()} == earlier


def test_progress_bar_draws_on_its_stream() -> None:
    from linsteps.assess.grading import progress_bar

    stream = io.StringIO()
    draw = progress_bar(stream)
    for done in range(0, 201):
        draw(done, 200)
    text = stream.getvalue()
    assert text.startswith("\r[") and text.endswith("100% 200/200\n")
    assert text.count("\r") == 101  # redrawn once per percent
