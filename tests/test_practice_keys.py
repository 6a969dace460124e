"""Keys of every worksheet topic are read by ``check --key`` and ``grade``: every key answer is
accepted, and the same answer perturbed in one place is rejected."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import sympy

from linsteps.assess.answerkey import load_key, parse_key
from linsteps.assess.answers import to_input
from linsteps.assess.checking import check_problem
from linsteps.assess.grading import grade
from linsteps.practice.answer_key import answer_of, build_key, key_json
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.problems.topics import DEFAULT_TOPICS, TOPICS
from linsteps.practice.sheet import Solved
from linsteps.practice.worksheet import make_sheet


def answers(solved: Solved) -> tuple[str, str]:
    """A student's right answer to a solved problem, and one that is wrong in one place."""
    if solved.parts:
        text = answer_of(solved)["text"]  # AB: 2×3; BA: undefined; …
        first, rest = text.split("; ", 1)
        name, value = first.split(": ")
        return text, f"{name}: {'2×2' if value == 'undefined' else 'undefined'}; {rest}"
    if solved.truth is not None:  # einsum, broadcast, codeshapes: a shape or "error"
        text = answer_of(solved)["text"]
        return text, "error" if text != "error" else "7x7x7"
    if solved.derivation is None:
        return "undefined", "0"
    result = solved.derivation.result
    if isinstance(result, sympy.MatrixBase):
        changed = sympy.Matrix(result)
        changed[0] = changed[0] + 1
        return to_input(result), to_input(sympy.ImmutableMatrix(changed))
    return to_input(result), to_input(result + 1)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("topic", TOPICS)
def test_check_key_accepts_every_answer_and_rejects_a_perturbed_one(
    topic: str, difficulty: str
) -> None:
    sheet = make_sheet(23, 5, (topic,), difficulty)
    key = parse_key(key_json(build_key(23, sheet.options, sheet=sheet)), "key.json")
    for solved in sheet.problems:
        problem = key.lookup(str(solved.number)).problem()
        right, wrong = answers(solved)
        verdict = check_problem(problem, right)
        assert verdict.correct, (solved.problem.inputs, right, verdict.message())
        rejected = check_problem(problem, wrong)
        assert rejected.status == "incorrect", (solved.problem.inputs, wrong, rejected.message())
        assert rejected.diagnosis is not None


def test_grade_reads_a_key_of_every_topic(tmp_path: Path) -> None:
    sheet = make_sheet(29, 2 * len(TOPICS), TOPICS, "medium")
    key = tmp_path / "key.json"
    key.write_text(key_json(build_key(29, sheet.options, sheet=sheet)), encoding="utf-8")
    ids = [str(s.number) for s in sheet.problems]
    pairs = [answers(s) for s in sheet.problems]
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["student", *ids])
    writer.writerow(["right", *(r for r, _ in pairs)])
    writer.writerow(["wrong", *(w for _, w in pairs)])
    submissions = tmp_path / "answers.csv"
    submissions.write_text(table.getvalue(), encoding="utf-8")
    report = tmp_path / "report.csv"
    summary = grade(key, submissions, out=report, feedback=tmp_path / "feedback")
    rows = {row["student"]: row for row in csv.DictReader(report.open(encoding="utf-8"))}
    assert rows["right"]["score"] == rows["right"]["total"] == str(len(ids))
    assert rows["wrong"]["score"] == "0"
    assert all(rows["wrong"][i] == "incorrect" and rows["wrong"][f"{i}_diagnosis"] for i in ids)
    assert summary.warnings == []
    shapes = next(s for s in sheet.problems if s.problem.topic == "shapes")
    feedback = (tmp_path / "feedback" / "wrong.md").read_text(encoding="utf-8")
    assert f"{shapes.parts[0].expression}:\n" in feedback  # each part explained


def test_a_roster_key_of_the_new_topics_is_graded_per_student(tmp_path: Path) -> None:
    from linsteps.practice.worksheet import student_seed

    topics = ("outer", "project", "linear", "attention", "shapes")
    made: dict[str, Any] = {
        s: (make_sheet(student_seed(5, s), 5, topics, "easy", student=s), f"{s}.md") for s in "ab"
    }
    path = tmp_path / "key.json"
    path.write_text(key_json(build_key(5, {"count": 5}, students=made)), encoding="utf-8")
    key = load_key(path)
    for student, (sheet, _) in made.items():
        for solved in sheet.problems:
            right, _ = answers(solved)
            problem = key.lookup(str(solved.number), student).problem()
            assert check_problem(problem, right).correct


def test_the_default_mix_holds_shape_questions() -> None:
    assert "shapes" in DEFAULT_TOPICS
    sheet = make_sheet(1, 7)
    assert [s.problem.topic for s in sheet.problems][-1] == "shapes"
