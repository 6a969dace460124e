"""Answer keys are validated strictly, with one-line errors naming where and why."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from linsteps import UsageError
from linsteps.assess.answerkey import load_key, parse_key
from linsteps.assess.checking import check_problem

DATA = Path(__file__).parent / "data"
GOOD: dict[str, Any] = json.loads((DATA / "week3-key.json").read_text(encoding="utf-8"))


def test_a_key_is_read() -> None:
    key = load_key(DATA / "week3-key.json")
    assert key.problem_ids() == ["1", "2", "3", "4", "5"]
    problem = key.lookup("4")
    assert problem.operation == "matmul" and problem.inputs == ("1 2; 3 4", "5 6; 7 8")


def test_every_answer_of_the_test_keys_is_accepted() -> None:
    for name in ("week3-key.json", "roster-key.json"):
        key = load_key(DATA / name)
        versions = key.students.values() if key.roster else [key.problems]
        for version in versions:
            for problem in version.values():
                verdict = check_problem(problem.problem(), problem.answer_text)
                assert verdict.correct, (name, problem.id, verdict.message())


def test_roster_lookup() -> None:
    key = load_key(DATA / "roster-key.json")
    assert key.roster and key.problem_ids() == ["1", "2"]
    assert key.lookup("1", "bob").inputs == ("[2, 0]", "[5, 7]")
    with pytest.raises(UsageError, match="--student"):
        key.lookup("1")
    with pytest.raises(UsageError, match="no student 'zed'"):
        key.lookup("1", "zed")


def mutated(change: Any) -> str:
    data = copy.deepcopy(GOOD)
    change(data)
    return json.dumps(data)


BAD = [
    (lambda d: d.pop("version"), '"version" is missing'),
    (lambda d: d.update(version=2), "version 2 is not supported"),
    (lambda d: d.update(version=True), "version true"),
    (lambda d: d.update(extra=1), "unknown field 'extra'"),
    (lambda d: d.update(problems={}), "problems must be a list"),
    (lambda d: d.update(problems=[]), "has no problems"),
    (lambda d: d["problems"][1].pop("inputs"), "problems[1].inputs is missing"),
    (lambda d: d["problems"][1].update(inputs="[1, 2]"), "problems[1].inputs must be a list"),
    (lambda d: d["problems"][1].update(inputs=[1, 2]), "problems[1].inputs[0] must be a string"),
    (lambda d: d["problems"][2].update(inputs=["[1, 2", "[1]"]), "problems[2].inputs[0]:"),
    (lambda d: d["problems"][2].update(inputs=["eval(1)", "[1]"]), "'eval' at column 1"),
    (lambda d: d["problems"][0].update(operation="cross"), "unknown operation 'cross'"),
    (lambda d: d["problems"][0].update(id=True), "problems[0].id must be"),
    (lambda d: d["problems"][0].update(id="2"), "problem id '2' appears twice"),
    (lambda d: d["problems"][0].update(options={"colour": 1}), "unknown field 'colour'"),
    (lambda d: d["problems"][0].update(options={"unit": "grad"}), "radians or degrees"),
    (lambda d: d["problems"][0].update(answer="32"), "answer must be an object"),
    (lambda d: d["problems"][0]["answer"].update(text=32), "answer.text must be a string"),
    (lambda d: d.update(students={"a": {"seed": 1}}), 'students["a"].problems is missing'),
]


@pytest.mark.parametrize(("change", "fragment"), BAD)
def test_bad_keys_are_one_line_errors(change: Any, fragment: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_key(mutated(change), "k.json")
    message = caught.value.message()
    assert fragment in message and "\n" not in message and message.startswith("answer key k.json")
    assert caught.value.message("zh")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{", "not valid JSON at line 1"),
        ('{"version": 1, "version": 1}', "appears twice"),
        ('{"version": NaN}', "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
        ("[]", "must be an object"),
        (b"\xff\xfe{", "not UTF-8"),
    ],
)
def test_malformed_json(text: str | bytes, fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        parse_key(text, "k.json")


def test_unreadable_key_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read"):
        load_key(tmp_path / "missing.json")
