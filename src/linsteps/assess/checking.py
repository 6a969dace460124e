"""Checking one answer: compare it with the re-derived result, name the mistake.

``check(operation, operands, answer)`` re-derives the expected result with the engine
(:mod:`linsteps.assess.expected`), reads the answer with the same whitelisted parser as the
operands (:mod:`linsteps.assess.answers`), compares them (``linsteps.assess.equivalence``) and,
when they differ, compares the answer with every plausible wrong answer re-derived from the
operands (``linsteps.assess.diagnoses``).  Shape questions are checked part by part
(:mod:`linsteps.assess.shapechecking`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from linsteps.assess.answers import Answer, read_answer
from linsteps.assess.expected import Expected, Problem
from linsteps.assess.shapechecking import ShapeExpected, judge_shapes, read_shapes_answer
from linsteps.assess.shapequestions import is_shapes
from linsteps.assess.verdict import Verdict
from linsteps.errors import UsageError

DEFAULT_TOLERANCE = 1e-3
DEFAULT_TIME_LIMIT = 2.0


def check(
    operation: str,
    operands: Sequence[Any],
    answer: str,
    *,
    options: Mapping[str, Any] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Verdict:
    """Check ``answer`` to ``operation`` on ``operands``; raise ParseError if unreadable."""
    problem = Problem(operation, tuple(operands), dict(options or {}))
    return check_problem(problem, answer, tolerance=tolerance, time_limit=time_limit)


def check_problem(
    problem: Problem | Expected,
    answer: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Verdict:
    """Check ``answer`` within ``time_limit`` seconds; past it the verdict is ``unverified``."""
    from linsteps.assess.equivalence import Unverified, can_interrupt

    check_tolerance(tolerance)
    check_time_limit(time_limit)
    try:
        if time_limit and not can_interrupt():
            from linsteps.assess.isolation import run_isolated

            verdict: Verdict = run_isolated(
                _checked, (problem, answer, tolerance, time_limit), time_limit
            )
            return verdict
        return _checked(problem, answer, tolerance, time_limit)
    except Unverified:
        expected = problem if isinstance(problem, Expected) else None
        return Verdict("unverified", None, expected, params={"seconds": _seconds(time_limit)})


def _seconds(limit: float | None) -> str:
    return f"{limit:g}" if limit else "0"


def _checked(
    problem: Problem | Expected, answer: str, tolerance: float, time_limit: float | None
) -> Verdict:
    from linsteps.assess.equivalence import Unverified
    from linsteps.assess.equivalence import time_limit as limited

    task = problem.problem if isinstance(problem, Expected) else problem
    expected = problem if isinstance(problem, Expected) else None
    if isinstance(expected, ShapeExpected) or is_shapes(task.operation):
        return _checked_shapes(task, expected, answer, time_limit)
    read = read_answer(answer, imaginary_unit=bool(task.options.get("complex")))
    try:
        with limited(time_limit):
            if expected is None:
                expected = Expected(task)
            return judge(read, expected, tolerance)
    except Unverified:
        return Verdict("unverified", None, expected, read, {"seconds": _seconds(time_limit)})


def _checked_shapes(
    task: Problem, expected: Expected | None, answer: str, time_limit: float | None
) -> Verdict:
    from linsteps.assess.equivalence import Unverified
    from linsteps.assess.equivalence import time_limit as limited

    shapes = expected if isinstance(expected, ShapeExpected) else ShapeExpected(task)
    read = read_shapes_answer(answer, shapes)
    try:
        with limited(time_limit):
            return judge_shapes(read, shapes)
    except Unverified:
        return Verdict("unverified", None, shapes, read, {"seconds": _seconds(time_limit)})


def expect(problem: Problem) -> Expected:
    """The expected result of ``problem``: re-derived by the engine (part by part for a shape
    question)."""
    if is_shapes(problem.operation):
        return ShapeExpected(problem)
    return Expected(problem)


def check_time_limit(seconds: float | None) -> float | None:
    """Return ``seconds`` when it is a sensible time limit (None or 0: no limit)."""
    if seconds is not None and not 0 <= seconds <= 3600:
        raise UsageError("bad_time_limit", value=seconds)
    return seconds


def check_tolerance(tolerance: float) -> float:
    """Return ``tolerance`` when it is a sensible relative tolerance."""
    if not 0 <= tolerance < 1:
        raise UsageError("bad_tolerance", value=tolerance)
    return tolerance


def judge(answer: Answer, expected: Expected, tolerance: float = DEFAULT_TOLERANCE) -> Verdict:
    """Compare a read answer with the expected result and diagnose a wrong one."""
    from linsteps.assess.equivalence import compare_matrices

    def wrong(
        code: str, params: Mapping[str, Any] | None = None, variant: str | None = None
    ) -> Verdict:
        return Verdict("incorrect", code, expected, answer, dict(params or {}), variant)

    if answer.kind == "undefined":
        if expected.undefined:
            return Verdict("correct", None, expected, answer)
        return wrong("not_defined", {"shape": _shape_words(expected.value, expected.scalar)},
                     "defined")  # fmt: skip
    value = _in_unit(answer, expected)
    decimal = answer.decimal
    orientation = expected.problem.options.get("orientation", "any")
    if orientation != "any" and answer.kind == "vector" and expected.vector:
        shape = _shape_words(expected.value, False)
        return wrong("wrong_shape", {"expected": shape, "answer": ""}, "orientation")
    comparison = None
    if not expected.undefined:
        shaped = _shaped(value, expected.value, answer, expected)
        comparison = compare_matrices(shaped, expected.value, decimal=decimal, tolerance=tolerance)
        if comparison.ok:
            code = {"same": None, "equal": "equivalent_form", "approx": "approximate"}
            params = {"tolerance": f"{tolerance:g}", "expected": expected.text()}
            return Verdict("correct", code[comparison.match], expected, answer, params)
    for candidate in expected.candidates:
        shaped = _shaped(value, candidate.value, answer, expected)
        if compare_matrices(shaped, candidate.value, decimal=decimal, tolerance=tolerance).ok:
            return wrong(candidate.code, candidate.params, candidate.variant)
    if comparison is None:
        return wrong("not_defined", {"reason": expected.reason}, "value")
    if comparison.match == "close":
        return wrong("imprecise", {"tolerance": f"{tolerance:g}"})
    if not comparison.shape_ok:
        return wrong(
            "wrong_shape",
            {
                "expected": _shape_words(expected.value, expected.scalar),
                "answer": _shape_words(value, answer.kind == "scalar"),
            },
        )
    negated = compare_matrices(-shaped, expected.value, decimal=decimal, tolerance=tolerance)
    if negated.ok and any(x != 0 for x in shaped):
        return wrong("sign_error", {}, "negated")
    if comparison.right > 0 and len(expected.value) > 1:
        positions = ", ".join(_position(i, j, expected.vector) for i, j in comparison.wrong)
        return wrong(
            "entry_error",
            {"entries": positions, "count": str(len(comparison.wrong)),
             "right": str(comparison.right)},
            "one" if len(comparison.wrong) == 1 else None,
        )  # fmt: skip
    return wrong("arithmetic_error")


def _in_unit(answer: Answer, expected: Expected) -> Any:
    """The answer's value in the unit the problem asks for (° converted for radians)."""
    import sympy

    if answer.degrees and expected.problem.options.get("unit") != "degrees":
        return answer.value * sympy.pi / 180
    return answer.value


def _shaped(value: Any, target: Any, answer: Answer, expected: Expected) -> Any:
    """``value`` reshaped like ``target`` when a vector may be written as a row or a column."""
    if value.shape == target.shape or len(value) != len(target):
        return value
    orientation = expected.problem.options.get("orientation", "any")
    one_d = 1 in value.shape and 1 in target.shape
    if one_d and (orientation == "any" or answer.kind in ("scalar",)):
        return value.reshape(*target.shape)
    return value


def _position(i: int, j: int, vector: bool) -> str:
    return str(max(i, j) + 1) if vector else f"({i + 1}, {j + 1})"


def _shape_words(value: Any, scalar: bool) -> str:
    """A shape as notation: ``1×1`` for a scalar, ``3×1``, ``2×3``."""
    if value is None:
        return "?"
    rows, cols = value.shape
    return "1×1" if scalar else f"{rows}×{cols}"


__all__ = [
    "DEFAULT_TIME_LIMIT",
    "DEFAULT_TOLERANCE",
    "check",
    "check_problem",
    "check_time_limit",
    "check_tolerance",
    "expect",
    "judge",
]
