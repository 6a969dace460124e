"""Checking one answer: reading, equivalence, every diagnosis with several cases, time limits."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sympy

from linsteps import ParseError, UsageError
from linsteps.assess.answers import read_answer
from linsteps.assess.checking import check
from linsteps.assess.diagnoses import CODES, DIAGNOSES
from linsteps.assess.expected import Problem
from linsteps.i18n import catalog

M = "1 2; 3 4", "5 6; 7 8"
V = "[1, 2, 3]", "[4, 5, 6]"

# (operation, operands, options, answer, expected status, expected diagnosis)
CASES: list[tuple[str, tuple[str, ...], dict[str, Any], str, str, str | None]] = [
    # correct, exactly as derived
    ("dot", V, {}, "32", "correct", None),
    ("cos", V, {}, "32/(sqrt(14)*sqrt(77))", "correct", None),
    ("matmul", M, {}, "[[19, 22], [43, 50]]", "correct", None),
    ("matmul", ("1 2; 3 4", "[5, 6]"), {}, "[17, 39]", "correct", None),
    ("matmul", ("1 2; 3 4", "[5, 6]"), {}, "[[17, 39]]", "correct", None),
    ("matmul", ("1 2 3; 4 5 6", "1 2; 3 4"), {}, "undefined", "correct", None),
    ("dot", ("[1, 2]", "[1, 2, 3]"), {}, "未定义", "correct", None),
    ("angle", ("[1, 0]", "[1, 1]"), {}, "45°", "correct", None),
    ("angle", ("[1, 0]", "[1, 1]"), {"unit": "degrees"}, "45", "correct", None),
    ("matmul", M, {"entry": "2,1"}, "43", "correct", None),
    # equivalent_form
    ("norm", ("[1, 1]",), {}, "(1+sqrt(2))^2 - 3 - sqrt(2)", "correct", "equivalent_form"),
    ("dot", ("[x+1, 1]", "[x+1, 0]"), {}, "x^2+2x+1", "correct", "equivalent_form"),
    ("matmul", ("x 1; 0 1", "x 0; 0 1"), {}, "(x+1)*(x-1)+1 1; 0 1", "correct", "equivalent_form"),
    # approximate
    ("cos", V, {}, "0.9746", "correct", "approximate"),
    ("angle", ("[1, 0]", "[1, 1]"), {}, "0.7854", "correct", "approximate"),
    ("norm", ("[1, 1]",), {}, "1.4142", "correct", "approximate"),
    ("matmul", ("1 0; 0 1", "1/3 0; 0 1"), {}, "0.3333 0; 0 1", "correct", "approximate"),
    # imprecise
    ("cos", V, {}, "0.97", "incorrect", "imprecise"),
    ("norm", ("[1, 1]",), {}, "1.41", "incorrect", "imprecise"),
    ("angle", ("[1, 0]", "[1, 1]"), {}, "0.78", "incorrect", "imprecise"),
    ("dot", V, {}, "32.01", "incorrect", "imprecise"),
    # wrong_shape
    ("dot", V, {}, "[1, 2]", "incorrect", "wrong_shape"),
    ("matmul", M, {}, "[1, 2, 3]", "incorrect", "wrong_shape"),
    ("hadamard", M, {}, "7", "incorrect", "wrong_shape"),
    # hadamard_instead_of_matmul
    ("matmul", M, {}, "5 12; 21 32", "incorrect", "hadamard_instead_of_matmul"),
    ("matmul", V, {}, "[4, 10, 18]", "incorrect", "hadamard_instead_of_matmul"),
    ("matmul", ("2 0; 1 1", "1 3; 0 2"), {}, "2 0; 0 2", "incorrect", "hadamard_instead_of_matmul"),
    ("matmul", M, {"entry": "2,1"}, "21", "incorrect", "hadamard_instead_of_matmul"),
    # matmul_instead_of_hadamard
    ("hadamard", M, {}, "19 22; 43 50", "incorrect", "matmul_instead_of_hadamard"),
    ("hadamard", V, {}, "32", "incorrect", "matmul_instead_of_hadamard"),
    (
        "hadamard",
        ("1 0; 2 1", "3 1; 1 2"),
        {},
        "3 1; 7 4",
        "incorrect",
        "matmul_instead_of_hadamard",
    ),
    # reversed_order
    ("matmul", M, {}, "23 34; 31 46", "incorrect", "reversed_order"),
    ("matmul", ("0 1; 1 0", "1 2; 3 4"), {}, "2 1; 4 3", "incorrect", "reversed_order"),
    ("matmul", ("1 2; 3 4; 5 6", "1 0 1; 0 1 0"), {}, "6 8; 3 4", "incorrect", "reversed_order"),
    (
        "matmul",
        ("1 2 3; 4 5 6", "1 2; 3 4; 5 6"),
        {},
        "9 12 15; 19 26 33; 29 40 51",
        "incorrect",
        "reversed_order",
    ),
    # transposed
    ("matmul", M, {}, "19 43; 22 50", "incorrect", "transposed"),
    ("matmul", M, {}, "17 23; 39 53", "incorrect", "transposed"),
    ("hadamard", M, {}, "5 21; 12 32", "incorrect", "transposed"),
    # forgot_to_sum
    ("dot", V, {}, "[4, 10, 18]", "incorrect", "forgot_to_sum"),
    ("dot", ("[1, -1]", "[2, 3]"), {}, "[2, -3]", "incorrect", "forgot_to_sum"),
    ("dot", V, {}, "4; 10; 18", "incorrect", "forgot_to_sum"),
    # outer_instead_of_inner
    ("dot", ("[1, 2]", "[3, 4]"), {}, "3 4; 6 8", "incorrect", "outer_instead_of_inner"),
    ("matmul", ("[1, 2]", "[3, 4]"), {}, "3 4; 6 8", "incorrect", "outer_instead_of_inner"),
    ("dot", ("[1, 2, 3]", "[1, 2]"), {}, "1 2; 2 4; 3 6", "incorrect", "outer_instead_of_inner"),
    # dot_instead_of_cos
    ("cos", V, {}, "32", "incorrect", "dot_instead_of_cos"),
    ("cos", ("[1, 0]", "[1, 1]"), {}, "1", "incorrect", "dot_instead_of_cos"),
    ("cos", ("[3, 4]", "[4, 3]"), {}, "24", "incorrect", "dot_instead_of_cos"),
    # cos_instead_of_angle
    ("angle", ("[1, 0]", "[1, 1]"), {}, "sqrt(2)/2", "incorrect", "cos_instead_of_angle"),
    ("angle", ("[1, 0]", "[1, sqrt(3)]"), {}, "1/2", "incorrect", "cos_instead_of_angle"),
    ("angle", ("[1, 0]", "[1, 1]"), {}, "0.7071", "incorrect", "cos_instead_of_angle"),
    # missing_sqrt
    ("norm", V[:1], {}, "14", "incorrect", "missing_sqrt"),
    ("cos", V, {}, "16/539", "incorrect", "missing_sqrt"),
    ("angle", ("[1, 0]", "[1, 1]"), {}, "pi/3", "incorrect", "missing_sqrt"),
    # degrees_for_radians and the reverse
    ("angle", ("[1, 0]", "[1, 1]"), {}, "45", "incorrect", "degrees_for_radians"),
    ("angle", ("[1, 0]", "[0, 1]"), {}, "90", "incorrect", "degrees_for_radians"),
    ("angle", ("[1, 0]", "[1, sqrt(3)]"), {}, "60", "incorrect", "degrees_for_radians"),
    (
        "angle",
        ("[1, 0]", "[1, 1]"),
        {"unit": "degrees"},
        "pi/4",
        "incorrect",
        "radians_for_degrees",
    ),
    (
        "angle",
        ("[1, 0]", "[0, 1]"),
        {"unit": "degrees"},
        "1.5708",
        "incorrect",
        "radians_for_degrees",
    ),
    # sign_error
    ("dot", V, {}, "-32", "incorrect", "sign_error"),
    ("dot", V, {}, "12", "incorrect", "sign_error"),
    ("matmul", M, {}, "-19 -22; -43 -50", "incorrect", "sign_error"),
    ("angle", ("[1, 0]", "[1, 1]"), {}, "3pi/4", "incorrect", "sign_error"),
    ("cos", V, {}, "-16sqrt(22)/77", "incorrect", "sign_error"),
    # entry_error
    ("matmul", M, {}, "19 22; 43 51", "incorrect", "entry_error"),
    ("matmul", M, {}, "19 23; 43 51", "incorrect", "entry_error"),
    ("hadamard", V, {}, "[4, 10, 19]", "incorrect", "entry_error"),
    # not_defined
    ("matmul", ("1 2 3; 4 5 6", "1 2; 3 4"), {}, "[[1, 2]]", "incorrect", "not_defined"),
    ("dot", ("[1, 2]", "[1, 2]"), {}, "undefined", "incorrect", "not_defined"),
    ("hadamard", ("1 2; 3 4", "1 2 3; 4 5 6"), {}, "5", "incorrect", "not_defined"),
    ("angle", ("[0, 0]", "[1, 2]"), {}, "0", "incorrect", "not_defined"),
    # arithmetic_error
    ("dot", V, {}, "31", "incorrect", "arithmetic_error"),
    ("cos", V, {}, "1/2", "incorrect", "arithmetic_error"),
    ("matmul", M, {}, "1 1; 1 1", "incorrect", "arithmetic_error"),
]


@pytest.mark.parametrize(
    ("operation", "operands", "options", "answer", "status", "diagnosis"),
    CASES,
    ids=[f"{c[5] or c[4]}-{c[0]}-{c[3]}" for c in CASES],
)
def test_diagnosis(
    operation: str,
    operands: tuple[str, ...],
    options: dict[str, Any],
    answer: str,
    status: str,
    diagnosis: str | None,
) -> None:
    verdict = check(operation, operands, answer, options=options)
    assert (verdict.status, verdict.diagnosis) == (status, diagnosis), verdict.message()
    for lang in ("en", "zh"):
        message = verdict.message(lang)
        assert message and "{" not in message and "\n" not in message


def test_every_code_is_tested_with_several_cases() -> None:
    from collections import Counter

    from tests.test_checking_forms import FORM_CASES
    from tests.test_ml_practice import ML_CASES

    counts = Counter(c[5] for c in [*CASES, *FORM_CASES] if c[5] is not None)
    counts.update(["softmax_wrong_axis"] * 2)  # tests/test_checking_forms: attention variants
    counts.update(case[4] for case in ML_CASES)  # einsum, broadcast, codeshapes
    assert set(counts) == set(CODES)
    assert all(count >= 2 for count in counts.values()), counts


def test_every_code_has_a_message_in_both_languages() -> None:
    for lang in ("en", "zh"):
        for code in CODES:
            assert f"diagnosis.{code}" in catalog(lang)


def test_entry_error_names_the_wrong_entries() -> None:
    verdict = check("matmul", M, "19 23; 43 51")
    assert "(1, 2), (2, 2)" in verdict.message()
    assert verdict.params["count"] == "2"
    one = check("hadamard", V, "[4, 10, 19]")
    assert one.message() == "entry 3 is wrong; the other 2 are right."


def test_sign_error_names_the_term() -> None:
    assert "a₂b₂" in check("dot", V, "12").message()


def test_read_as_echoes_the_reading() -> None:
    assert check("dot", V, "2*16").read_as() == "32"
    assert check("dot", V, "[4, 10, 18]").read_as() == "(4, 10, 18)"
    assert check("cos", V, "0.9746").read_as() == "0.9746"
    assert check("matmul", M, "5 12; 21 32").read_as() == "[[5, 12], [21, 32]]"
    assert check("angle", ("[1, 0]", "[1, 1]"), "45 deg").read_as() == "45°"
    assert check("matmul", ("1 2 3; 4 5 6", "1 2; 3 4"), "undefined").read_as("zh") == "未定义"


def test_json_contract_fields() -> None:
    data = check("matmul", M, "5 12; 21 32").to_dict()
    assert set(data) >= {"correct", "diagnosis", "message", "read_as", "expected"}
    assert data["correct"] is False and data["expected"] == "[[19, 22], [43, 50]]"


def test_tolerance_is_adjustable() -> None:
    assert check("cos", V, "0.97", tolerance=0.01).diagnosis == "approximate"
    assert check("cos", V, "0.5", tolerance=0.01).diagnosis == "arithmetic_error"
    with pytest.raises(UsageError):
        check("cos", V, "0.97", tolerance=2)


def test_a_fixed_orientation_refuses_the_other() -> None:
    fixed = {"orientation": "column"}
    column = check("matmul", ("1 2; 3 4", "[5, 6]"), "17 39", options=fixed)
    assert column.diagnosis == "wrong_shape"
    assert column.variant == "orientation"
    assert check("matmul", ("1 2; 3 4", "[5, 6]"), "17; 39", options=fixed).correct
    assert not check("matmul", ("1 2; 3 4", "[5, 6]"), "[[17, 39]]", options=fixed).correct


def test_symbols_are_compared_at_points_not_simplified() -> None:
    assert check("dot", ("[x, y]", "[x, y]"), "(x+y)^2 - 2x*y").correct
    assert not check("dot", ("[x, y]", "[x, y]"), "(x+y)^2").correct
    big = "(x+1)^1000 - (x+1)^1000 + x^2 + y^2"
    assert check("dot", ("[x, y]", "[x, y]"), big).correct


def test_unreadable_answers_raise_parse_errors() -> None:
    for bad in ("", "[1, 2", "__import__('os')", "1 +", "x = 3", "eval(1)"):
        with pytest.raises(ParseError) as caught:
            check("dot", V, bad)
        assert "answer" in caught.value.message()


def test_bad_problems_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        check("frobnicate", V, "1")
    with pytest.raises(UsageError):
        check("dot", V, "1", options={"colour": "red"})
    with pytest.raises(UsageError):
        check("dot", V, "1", options={"entry": "1,1"})
    with pytest.raises(ParseError):
        check("dot", ("[1, 2", "[1, 2]"), "1")


# Within every input limit; reading and comparing it takes a while (sin(exp(exp(exp(3)))),
# which used to hang, is now refused as it is read).
SLOW = "+".join(f"sin(exp(6600+{k}/53))" for k in range(300))


def test_a_slow_comparison_is_unverified_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    import linsteps.assess.checking as checking

    def endless(*args: Any, **kwargs: Any) -> Any:
        while True:
            pass

    monkeypatch.setattr(checking, "judge", endless)  # a comparison that would never end
    verdict = check("dot", V, "32", time_limit=0.5)
    assert verdict.status == "unverified" and not verdict.correct
    assert verdict.read_as() == "32"
    assert "0.5" in verdict.message()


def test_the_time_limit_holds_outside_the_main_thread() -> None:
    found: list[Any] = []
    worker = threading.Thread(target=lambda: found.append(check("dot", V, SLOW, time_limit=0.5)))
    worker.start()
    worker.join(120)
    assert not worker.is_alive()
    assert found[0].status == "unverified"
    ok: list[Any] = []
    second = threading.Thread(target=lambda: ok.append(check("dot", V, "32", time_limit=5)))
    second.start()
    second.join(120)
    assert ok[0].correct


def test_read_answer_kinds() -> None:
    assert read_answer("undefined").kind == "undefined"
    assert read_answer("  Not   Defined ").kind == "undefined"
    assert read_answer("[1, 2]").value == sympy.ImmutableMatrix([1, 2])
    assert read_answer("1 2; 3 4").kind == "matrix"
    assert read_answer("0.5").decimal


def test_registry_covers_every_operation() -> None:
    from linsteps.ops import OPERATIONS

    assert set(OPERATIONS) <= set(DIAGNOSES)
    assert Problem("dot", V).operation == "dot"
