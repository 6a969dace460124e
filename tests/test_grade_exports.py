"""Grading the exports of learning platforms: Moodle, Canvas, Google Forms, Microsoft Forms."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linsteps import UsageError
from linsteps.assess.exports_reading import find_columns, parse_mapping
from linsteps.assess.grading import grade

DATA = Path(__file__).parent / "data"
EXPORTS = DATA / "exports"
KEY = DATA / "week3-key.json"
PROBLEMS = ["1", "2", "3", "4", "5"]


def graded(
    tmp_path: Path, source: Path, **options: object
) -> tuple[dict[str, dict[str, str]], list[str]]:
    out = tmp_path / "report.csv"
    warnings: list[str] = []
    grade(KEY, source, out=out, warn=warnings.append, **options)  # type: ignore[arg-type]
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    return {row["student"]: row for row in rows}, warnings


def statuses(row: dict[str, str]) -> list[str]:
    return [row[pid] for pid in PROBLEMS]


def test_moodle_responses_report(tmp_path: Path) -> None:
    report, warnings = graded(tmp_path, EXPORTS / "moodle-responses.csv")
    assert statuses(report["ada@example.edu"]) == ["correct"] * 5
    charles = report["charles@example.edu"]
    assert statuses(charles) == ["correct", "incorrect", "correct", "blank", "incorrect"]
    assert charles["2_answer"] == "32" and charles["4_answer"] == ""
    assert charles["5_answer"] == "[[5, 12], [21, 32]]"
    ignored = [w for w in warnings if "ignored" in w]
    assert len(ignored) == 1 and "'Surname'" in ignored[0] and "'Grade/5.00'" in ignored[0]


def test_canvas_student_analysis(tmp_path: Path) -> None:
    report, warnings = graded(tmp_path, EXPORTS / "canvas-student-analysis.csv")
    assert statuses(report["Grace Hopper"]) == ["correct"] * 5
    alan = report["Turing, Alan"]
    assert statuses(alan) == ["incorrect", "correct", "incorrect", "blank", "correct"]
    assert alan["1_answer"] == "14" and alan["3_answer"] == "32"
    assert len(warnings) == 1 and "'1.0'" in warnings[0] and "'n correct'" in warnings[0]


def test_google_forms(tmp_path: Path) -> None:
    report, warnings = graded(tmp_path, EXPORTS / "google-forms.csv")
    assert statuses(report["emmy@example.edu"]) == ["correct"] * 5
    kurt = report["kurt@example.edu"]
    assert statuses(kurt) == ["incorrect", "correct", "correct", "correct", "incorrect"]
    assert kurt["5_answer"] == "[[7, 10], [15, 22]]"
    assert len(warnings) == 1 and "'Timestamp'" in warnings[0] and "'Name'" in warnings[0]


def test_microsoft_forms_with_decimal_commas(tmp_path: Path) -> None:
    report, warnings = graded(tmp_path, EXPORTS / "msforms-de.csv")
    assert statuses(report["hilbert@example.edu"]) == ["correct"] * 5
    klein = report["klein@example.edu"]
    assert klein["1"] == "correct" and klein["1_answer"] == "32,0"
    assert klein["2"] == "incorrect" and klein["2_answer"] == "0,97"
    assert len(warnings) == 2 and "'Startzeit'" in warnings[0]
    assert "decimal commas" in warnings[1]  # detected from the file, and said


def test_the_student_column_can_be_chosen(tmp_path: Path) -> None:
    report, _ = graded(tmp_path, EXPORTS / "google-forms.csv", student_column="name")
    assert set(report) == {"Emmy Noether", "Kurt Gödel"}
    with pytest.raises(UsageError) as caught:
        graded(tmp_path, EXPORTS / "google-forms.csv", student_column="Matrikel")
    assert "'Matrikel'" in caught.value.message()


def test_map_overrides_the_headers(tmp_path: Path) -> None:
    source = tmp_path / "answers.csv"
    source.write_text("Email,Frage A,Frage B\nann@x.org,32,undefined\n", encoding="utf-8")
    mapping = parse_mapping(["Frage A=1", "frage  b=5"])
    report, warnings = graded(tmp_path, source, mapping=mapping)
    assert report["ann@x.org"]["1"] == "correct" and report["ann@x.org"]["5"] == "correct"
    assert warnings == []
    with pytest.raises(UsageError):
        parse_mapping(["no equals sign"])
    with pytest.raises(UsageError) as caught:
        graded(tmp_path, source, mapping={"frage c": "1"})
    assert "'frage c'" in caught.value.message()


def test_headers_matched_by_question_text() -> None:
    operands = {"4": ("1 2; 3 4", "5 6; 7 8"), "5": ("1 2 3; 4 5 6", "1 2; 3 4")}
    names = ["Email", "Compute AB for A = 1 2; 3 4 and B = 5 6; 7 8", "Comments"]
    found = find_columns("f.csv", names, ["4", "5"], operands)
    assert found.problems == {"4": 1} and found.ignored == ["Comments"] and not found.native


def test_own_layout_still_refuses_an_unknown_problem_column() -> None:
    with pytest.raises(UsageError) as caught:
        find_columns("f.csv", ["student", "1", "9"], PROBLEMS, {})
    assert "'9' is not a problem" in caught.value.message()
    found = find_columns("f.csv", ["student", "Timestamp", "1"], PROBLEMS, {})
    assert found.problems == {"1": 2} and found.ignored == ["Timestamp"]


def test_two_columns_for_one_problem_are_refused() -> None:
    with pytest.raises(UsageError):
        find_columns("f.csv", ["Email", "Question 1", "1. again"], PROBLEMS, {})


def test_the_command_line(tmp_path: Path) -> None:
    from linsteps.cli.main import app

    out = tmp_path / "report.csv"
    result = CliRunner().invoke(
        app,
        ["grade", str(KEY), str(EXPORTS / "google-forms.csv"), "--student-column", "Name",
         "--map", "5. Compute AB (or write undefined)=5", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Emmy Noether" in out.read_text(encoding="utf-8")
