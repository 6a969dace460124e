"""False rejects the checker must avoid: a correct answer in every notation the README accepts
is correct, every key's own answer text is accepted by ``check`` and by ``grade``, and names
the problem does not have are refused with a hint rather than graded."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from linsteps import ParseError
from linsteps.assess.answerkey import parse_key
from linsteps.assess.checking import check, check_problem
from linsteps.assess.grading import grade
from linsteps.practice.answer_key import answer_of, build_key, key_json
from linsteps.practice.problems.levels import DIFFICULTIES
from linsteps.practice.problems.topics import TOPICS
from linsteps.practice.worksheet import make_sheet

V = "[1, 2, 3]", "[4, 5, 6]"
# (operation, operands, options, [correct answers in the notations of the README])
NOTATIONS: list[tuple[str, tuple[str, ...], dict[str, Any], list[str]]] = [
    ("dot", V, {}, [
        "32", "+32", "32.0", "3.2e1", "320E-1", "64/2", "2*16", "2·16", "2×16", "2⋅16", "2**5",
        "2^5", "2⁵", "(32)", " 32 ", "−(−32)", "4²·2", "2(16)", "2⁴*2", "64÷2", "32\n",
    ]),
    ("norm", ("[1, 2, 3]",), {}, [
        "sqrt(14)", "√14", "√(14)", "14^(1/2)", "14**0.5", "sqrt(2)*sqrt(7)", "2sqrt(14)/2",
        "sqrt(56)/2", "3.7417", "3.74166", "1/2*sqrt(56)",
    ]),
    ("cos", V, {}, ["16sqrt(22)/77", "32/(sqrt(14)*sqrt(77))", "32/sqrt(1078)", "0.9746"]),
    ("angle", ("[1, 0]", "[1, 1]"), {}, [
        "pi/4", "π/4", "0.25pi", "45°", "45 deg", "45 degrees", "45度", "45.0°", "0.7854",
        "acos(sqrt(2)/2)", "arccos(1/sqrt(2))", "atan(1)", "arctan(1)", "asin(√2/2)",
    ]),
    ("angle", ("[1, 0]", "[1, 2]"), {}, [
        "acos(1/sqrt(5))", "arccos(√5/5)", "atan(2)", "arctan(2)", "1.1071", "63.4349°",
        "63.43°",
    ]),
    ("angle", ("[1, 0]", "[1, 1]"), {"unit": "degrees"}, ["45", "45°", "45.0", "180/4"]),
    ("hadamard", V, {}, [
        "[4, 10, 18]", "4, 10, 18", "4 10 18", "(4, 10, 18)", "[4 10 18]", "[4; 10; 18]",
        "4; 10; 18", "[[4, 10, 18]]", "[[4], [10], [18]]", "4\n10\n18", "[2², 10, 18]",
    ]),
    ("matmul", ("1 2; 3 4", "5 6; 7 8"), {}, [
        "[[19, 22], [43, 50]]", "19 22; 43 50", "[19 22; 43 50]", "[19, 22; 43, 50]",
        "19 22\n43 50", "[[19, 22] [43, 50]]", "[[19.0, 22], [43, 5e1]]",
    ]),
    ("matmul", ("[[1, 2]]", "1 2 3; 4 5 6"), {}, ["[[9, 12, 15]]", "[9 12 15;]", "9 12 15;"]),
    ("transpose", ("[[1, 2, 3]]",), {}, ["[[1], [2], [3]]", "1; 2; 3", "[1; 2; 3]"]),
    ("dot", ("[x, y]", "[x, y]"), {}, [
        "x^2 + y^2", "x² + y²", "x**2+y**2", "(x+y)^2 - 2x*y", "y^2 + x^2", "x*x + y*y",
        "x·x + y·y",
    ]),
    ("dot", ("[θ, 1]", "[θ, 1]"), {}, ["theta^2 + 1", "θ² + 1", "θ^2+1"]),
    ("norm", ("a",), {"dim": 2}, ["sqrt(a_1^2 + a_2^2)", "√(a_1² + a_2²)"]),
    ("dot", ("[1+i, 2]", "[3, i]"), {"complex": True}, [
        "3+i", "3 + i", "i + 3", "3+1i", "3.0+1.0i", "(6+2i)/2",
    ]),
    ("dot", ("[sqrt(2)*i, 0]", "[1, 0]"), {"complex": True}, ["sqrt(2)i", "√2i", "1.4142i"]),
    ("dot", ("[-sqrt(2)*i, 0]", "[1, 0]"), {"complex": True}, ["-1.4142i", "−1.4142i"]),
    ("attention", ("1 0; 0 1", "1 0; 0 1"), {}, [
        "[[e^(√2/2)/(1 + e^(√2/2)), 1/(1 + e^(√2/2))], [1/(1 + e^(√2/2)), "
        "e^(√2/2)/(1 + e^(√2/2))]]",
        "[[exp(sqrt(2)/2)/(1 + exp(sqrt(2)/2)), 1/(1 + exp(sqrt(2)/2))], "
        "[1/(1 + exp(sqrt(2)/2)), exp(sqrt(2)/2)/(1 + exp(sqrt(2)/2))]]",
        "0.6698 0.3302; 0.3302 0.6698",
    ]),
    ("attention", ("[[1], [2]]", "[[2], [1]]"), {"scale": False}, [
        "[[e^2/(e^2 + e), e/(e^2 + e)], [e^4/(e^4 + e^2), e^2/(e^4 + e^2)]]",
        "[[e/(e + 1), 1/(e + 1)], [e²/(e² + 1), 1/(e² + 1)]]",
        "[[2e/(2e + 2), 2/(2e + 2)], [2e^(2)/(2e^(2) + 2), 2/(2e^2 + 2)]]",
    ]),
    ("matmul", ("1 2 3; 4 5 6", "1 2; 3 4"), {}, [
        "undefined", "Undefined", "not defined", "NOT  DEFINED", "undef", "未定义", "无定义",
        "不存在",
    ]),
]  # fmt: skip
CASES = [(op, ops, opts, answer) for op, ops, opts, answers in NOTATIONS for answer in answers]


@pytest.mark.parametrize(("operation", "operands", "options", "answer"), CASES)
def test_a_correct_answer_is_correct_in_every_notation(
    operation: str, operands: tuple[str, ...], options: dict[str, Any], answer: str
) -> None:
    verdict = check(operation, operands, answer, options=options)
    assert verdict.correct, (answer, verdict.status, verdict.message())


@pytest.mark.parametrize(
    ("operation", "operands", "answer"),
    [
        ("norm", ("[1, 2, 3]",), "3,7417"),
        ("angle", ("[1, 0]", "[1, 2]"), "63,4349°"),
        ("hadamard", ("[1.5, 2.5]", "[1, 1]"), "1,5 2,5"),
        ("hadamard", ("[1.5, 2.5]", "[1, 1]"), "[1,5; 2,5]"),
        ("dot", V, "32,0"),
    ],
)
def test_a_decimal_comma_reads_as_a_decimal_point_when_asked(
    operation: str, operands: tuple[str, ...], answer: str
) -> None:
    assert check(operation, operands, answer, decimal_comma=True).correct


def test_without_the_decimal_comma_mode_3_74_is_not_silently_a_vector() -> None:
    with pytest.raises(ParseError) as caught:
        check("norm", ("[1, 2, 3]",), "3,74")
    message = caught.value.message()
    assert "3.74" in message and "--decimal-comma" in message
    assert "--decimal-comma" in caught.value.message("zh")
    assert check("hadamard", ("[3, 1]", "[1, 74]"), "3,74").correct  # a vector result: a list


@pytest.mark.parametrize(
    ("operands", "answer", "hint"),
    [
        (("[1, 2, 3]",), "sqrt14", "sqrt(14)"),
        (("[1, 2, 3]",), "2sqrt14", "sqrt(14)"),
        (("[1, 2, 3]",), "3.74x", "no symbols"),
        (("[x, y]",), "sqrtx", "sqrt(x)"),
        (("[x, y]",), "sqrt(xy)", "x*y"),
        (("[x, y]",), "sqrt(X^2 + y^2)", "did you mean x?"),
        (("[x, y]",), "sqrt(x^2 + z^2)", "x, y"),
        (("a",), "sqrt(a1^2 + a_2^2)", "a_1"),
    ],
)
def test_a_name_not_in_the_problem_is_refused_with_a_hint(
    operands: tuple[str, ...], answer: str, hint: str
) -> None:
    options = {"dim": 2} if operands == ("a",) else {}
    with pytest.raises(ParseError) as caught:
        check("norm", operands, answer, options=options)
    assert hint in caught.value.message(), caught.value.message()
    assert "answer" in caught.value.message("zh")


def test_e_is_a_symbol_where_the_problem_names_one() -> None:
    assert check("dot", ("[e, 1]", "[e, 1]"), "e^2 + 1").correct
    assert not check("dot", ("[e, 1]", "[e, 1]"), "exp(2) + 1").correct
    assert check("norm", ("[1, 1]",), "e").status == "incorrect"  # Euler's number, not a name


def test_the_check_command_has_a_decimal_comma_mode(console_script: str) -> None:
    import subprocess

    args = [console_script, "check", "norm", "[1, 2, 3]", "--answer", "3,7417"]
    refused = subprocess.run(args, capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "--decimal-comma" in refused.stderr
    accepted = subprocess.run([*args, "--decimal-comma"], capture_output=True, text=True,
                              check=False)  # fmt: skip
    assert accepted.returncode == 0, accepted.stderr
    unknown = subprocess.run(
        [console_script, "check", "norm", "[1, 2, 3]", "--answer", "sqrt14"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert unknown.returncode == 2 and "sqrt(14)" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


# --- every key's own answer text --------------------------------------------------------------


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("topic", TOPICS)
def test_every_key_answer_text_is_accepted_by_check_and_by_grade(
    topic: str, difficulty: str, tmp_path: Path
) -> None:
    sheet = make_sheet(31, 5, (topic,), difficulty)
    text = key_json(build_key(31, sheet.options, sheet=sheet))
    key = parse_key(text, "key.json")
    answers = {str(s.number): answer_of(s)["text"] for s in sheet.problems}
    for pid, answer in answers.items():
        verdict = check_problem(key.lookup(pid).problem(), answer)
        assert verdict.correct, (topic, pid, answer, verdict.message())
    path = tmp_path / "key.json"
    path.write_text(text, encoding="utf-8")
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["student", *answers])
    writer.writerow(["key", *answers.values()])
    submissions = tmp_path / "answers.csv"
    submissions.write_text(table.getvalue(), encoding="utf-8")
    report = tmp_path / "report.csv"
    grade(path, submissions, out=report)
    row = next(csv.DictReader(report.open(encoding="utf-8")))
    assert row["score"] == row["total"] == str(len(answers)), row
