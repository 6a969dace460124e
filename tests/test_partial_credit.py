"""Credit as teachers give it: part credit, points per problem, statistics, teacher's notes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linsteps import UsageError
from linsteps.assess.credit import parse_weights
from linsteps.assess.grader import plain
from linsteps.assess.grading import grade

DATA = Path(__file__).parent / "data"
SHAPES = {
    "id": "6", "topic": "shapes", "operation": "shapes",
    "inputs": ["[[3, 2, 4], [1, 1, 5]]", "[[3]]", "[5, 1, 1, 5]", "[1, 4, 3]"],
    "options": {"parts": [
        {"expression": "AB", "operation": "matmul", "inputs": [0, 1]},
        {"expression": "BA", "operation": "matmul", "inputs": [1, 0]},
        {"expression": "A∘B", "operation": "hadamard", "inputs": [0, 1]},
        {"expression": "a·b", "operation": "dot", "inputs": [2, 3]},
    ]},
    "answer": {"text": "AB: undefined; BA: undefined; A∘B: undefined; a·b: undefined"},
}  # fmt: skip
HEADER = "student,1,3,4,6\n"
# ann: all right; bob: 2 of 3 entries, 3 of 4 entries, 3 of 4 parts; cid: the Hadamard
# product for the matrix product (a misconception: no part credit), a sign error
ROWS = (
    'ann,32,"[4, 10, 18]","19 22; 43 50","AB: undefined; BA: undefined; A∘B: undefined; '
    'a·b: undefined"\n'
    'bob,31,"[4, 10, 19]","19 22; 43 51","AB: undefined; BA: undefined; A∘B: undefined; '
    'a·b: scalar"\n'
    'cid,-32,"[5, 7, 9]","5 12; 21 32",\n'
)


def make_key(tmp_path: Path, points: dict[str, float] | None = None) -> Path:
    key = json.loads((DATA / "week3-key.json").read_text(encoding="utf-8"))
    key["problems"] = [p for p in key["problems"] if p["id"] in ("1", "3", "4")] + [SHAPES]
    for problem in key["problems"]:
        if points and problem["id"] in points:
            problem["points"] = points[problem["id"]]
    path = tmp_path / "key.json"
    path.write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    return path


def run(tmp_path: Path, key: Path, **options: object) -> dict[str, dict[str, str]]:
    source = tmp_path / "answers.csv"
    source.write_text(HEADER + ROWS, encoding="utf-8")
    out = tmp_path / "report.csv"
    grade(key, source, out=out, **options)  # type: ignore[arg-type]
    rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    return {row["student"]: row for row in rows}


def test_without_partial_only_correct_answers_count(tmp_path: Path) -> None:
    report = run(tmp_path, make_key(tmp_path))
    assert [report[s]["score"] for s in ("ann", "bob", "cid")] == ["4", "0", "0"]
    assert report["bob"]["total"] == "4"


def test_partial_credit_per_entry_and_per_part(tmp_path: Path) -> None:
    report = run(tmp_path, make_key(tmp_path), partial=True)
    assert report["ann"]["score"] == "4"
    # bob: 0 (a scalar: no entries) + 2/3 + 3/4 + 3/4
    assert report["bob"]["score"] == "2.17"
    assert report["bob"]["3_diagnosis"] == "entry_error"
    # a named misconception and a sign error earn nothing, whatever entries they share
    assert report["cid"]["score"] == "0"


def test_points_from_the_key_and_from_weights(tmp_path: Path) -> None:
    key = make_key(tmp_path, {"1": 2, "4": 4})
    report = run(tmp_path, key, partial=True)
    assert report["ann"]["score"] == "8" and report["ann"]["total"] == "8"
    assert report["bob"]["score"] == "4.42"  # 2/3 + 4·3/4 + 3/4
    report = run(tmp_path, key, partial=True, weights={"4": 1, "6": 0})
    assert report["ann"]["total"] == "4" and report["bob"]["score"] == "1.42"


def test_stats_file(tmp_path: Path) -> None:
    stats = tmp_path / "stats.csv"
    run(tmp_path, make_key(tmp_path, {"4": 2}), partial=True, stats=stats)
    rows = {r["problem"]: r for r in csv.DictReader(io.StringIO(stats.read_text("utf-8")))}
    assert list(rows) == ["1", "3", "4", "6"]
    assert rows["1"]["share_correct"] == "0.3333" and rows["1"]["students"] == "3"
    assert rows["4"]["points"] == "2" and rows["4"]["mean_score"] == "1.1667"  # (2 + 1.5) / 3
    assert rows["3"]["mean_score"] == "0.5556"  # (1 + 2/3 + 0) / 3
    assert rows["1"]["diagnoses"] == "arithmetic_error (1); sign_error (1)"
    assert rows["4"]["diagnoses"] == "entry_error (1); hadamard_instead_of_matmul (1)"
    assert rows["6"]["diagnoses"] == "not_defined (1)" and rows["6"]["mean_score"] == "0.5833"


def test_bad_points_and_weights_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        run(tmp_path, make_key(tmp_path, {"1": -1}))
    with pytest.raises(UsageError):
        parse_weights("1=two")
    with pytest.raises(UsageError) as caught:
        run(tmp_path, make_key(tmp_path), weights={"9": 1})
    assert "'9'" in caught.value.message()
    assert parse_weights("1=2, 3=0.5") == {"1": 2.0, "3": 0.5}


def test_feedback_reads_like_a_teachers_note(tmp_path: Path) -> None:
    source = DATA / "exports" / "google-forms.csv"
    feedback = tmp_path / "notes"
    grade(DATA / "week3-key.json", source, feedback=feedback, partial=True)
    note = (feedback / "kurt_example.edu.md").read_text(encoding="utf-8")
    assert note.startswith("# Feedback for Kurt Gödel\n")
    assert "Score: 3 of 5 points." in note and "`" not in note.split("```")[0]
    prose = note.split("```")[::2]  # the text outside the derivations' fenced blocks
    lines = [line for part in prose for line in part.splitlines()]
    sentences = [line for line in lines if line and not line.startswith(("#", "text"))]
    assert all(line[0].isupper() or not line[0].isalpha() for line in sentences), sentences
    assert plain("*Bob* <b>`x`</b>") == "\\*Bob\\* \\<b\\>\\`x\\`\\</b\\>"  # shown as typed


def test_the_command_line(tmp_path: Path) -> None:
    from linsteps.cli.main import app

    key = make_key(tmp_path)
    source = tmp_path / "answers.csv"
    source.write_text(HEADER + ROWS, encoding="utf-8")
    stats = tmp_path / "stats.csv"
    result = CliRunner().invoke(
        app,
        ["grade", str(key), str(source), "--partial", "--weights", "1=2", "--stats", str(stats)],
    )
    assert result.exit_code == 0, result.output
    assert "Statistics written to" in result.output and stats.exists()
    result = CliRunner().invoke(app, ["grade", str(key), str(source), "--weights", "1:2"])
    assert result.exit_code == 2 and "--weights" in result.output
