"""Grading a spreadsheet export that writes numbers with decimal commas: a ``;``-separated CSV
whose answers include ``3,74`` is read with decimal commas, and says so; any other file is not."""

from __future__ import annotations

from pathlib import Path

from linsteps.assess.submissions import Submissions
from tests.test_cli import run as run_cli
from tests.test_grading import report_rows, run

DATA = Path(__file__).parent / "data"
KEY = DATA / "decimal-comma-key.json"
EXPORT = DATA / "answers-decimal-comma.csv"


def test_a_semicolon_export_with_decimal_commas_is_read_with_them(tmp_path: Path) -> None:
    summary, rows, warnings = run(tmp_path, EXPORT.read_bytes(), key=KEY)
    graded = {row[0]: row[3:11] for row in rows[1:]}  # the raw answers follow
    assert graded["anna"] == ["correct", "approximate", "correct", "approximate",
                              "correct", "", "correct", ""]  # fmt: skip
    assert graded["ben"] == ["incorrect", "arithmetic_error", "incorrect", "imprecise",
                             "correct", "", "incorrect", "entry_error"]  # fmt: skip
    assert graded["clara"] == ["correct", ""] * 4
    assert graded["david"][:2] == ["incorrect", "sign_error"]  # -3,74
    assert graded["david"][6] == "correct"  # 19,0 in a matrix
    assert "decimal commas (such as 3,74)" in warnings[0]
    assert len(warnings) == 1
    assert summary.students == 4


def test_the_teacher_can_say_commas_separate(tmp_path: Path) -> None:
    _, rows, warnings = run(tmp_path, EXPORT.read_bytes(), key=KEY, decimal_comma=False)
    anna = rows[1]
    assert anna[0] == "anna" and anna[3:5] == ["invalid", "unreadable"]
    assert not any("decimal commas" in w for w in warnings)
    assert any("or use --decimal-comma" in w for w in warnings)


def test_only_a_semicolon_file_with_a_decimal_comma_number_is_detected(tmp_path: Path) -> None:
    comma = 'student,1,2,3,4\nanna,"3,74",0.9746,"[1.5, 3]","19 22; 43 50"\n'
    _, rows, warnings = run(tmp_path, comma, key=KEY)
    assert rows[1][3:5] == ["invalid", "unreadable"]  # ','-separated: not detected
    assert not any("decimal commas" in w for w in warnings)
    vectors = "student;1;2;3;4\nanna;3.74;0.9746;[3/2,3];[[19,22],[43,50]]\n"
    _, rows, warnings = run(tmp_path, vectors, key=KEY)
    assert not any("decimal commas" in w for w in warnings)
    assert rows[1][7] == "correct" and rows[1][9] == "correct"  # commas separate entries


def test_detection_is_by_the_answer_columns(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("student;1\n3,5;32\n", encoding="utf-8")  # a student id, not an answer
    submissions = Submissions(path)
    commas = submissions.decimal_commas()
    for row in list(submissions.records())[1:]:
        commas.see(row, [1])
    assert commas.possible and not commas.found
    for row in list(submissions.records())[1:]:
        commas.see(row, [0, 1])
    assert commas.found and commas.example == "3,5"


def test_grade_through_the_console_script(console_script: str, tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    done = run_cli(console_script, "grade", str(KEY), str(EXPORT), "--out", str(report))
    assert done.returncode == 0, done.stderr
    assert "decimal commas (such as 3,74)" in done.stderr
    assert report_rows(report)[1][:3] == ["anna", "4", "4"]
    done = run_cli(console_script, "grade", str(KEY), str(EXPORT), "--no-decimal-comma",
                   "--lang", "zh")  # fmt: skip
    assert done.returncode == 0 and "小数逗号" not in done.stderr
