"""Checking one answer: compare it with the re-derived result, name the mistake.

``check(operation, operands, answer)`` re-derives the expected result with the engine
(:mod:`linsteps.assess.expected`), reads the answer with the same whitelisted parser as the
operands (:mod:`linsteps.assess.answers`), compares them (``linsteps.assess.equivalence``) and,
when they differ, compares the answer with every plausible wrong answer re-derived from the
operands (``linsteps.assess.diagnoses``).  Shape questions are checked part by part
(:mod:`linsteps.assess.shapechecking`); einsum, broadcasting and code-shape questions by
:mod:`linsteps.assess.mlquestions`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from linsteps.assess.answers import Answer, looks_like_decimal_comma, read_answer
from linsteps.assess.expected import Expected, Problem
from linsteps.assess.mlquestions import is_ml
from linsteps.assess.shapechecking import ShapeExpected, judge_shapes, read_shapes_answer
from linsteps.assess.shapequestions import is_shapes
from linsteps.assess.verdict import Verdict
from linsteps.errors import ParseError, UsageError

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
    decimal_comma: bool = False,
) -> Verdict:
    """Check ``answer`` to ``operation`` on ``operands``; raise ParseError if unreadable."""
    problem = Problem(operation, tuple(operands), dict(options or {}))
    return check_problem(
        problem, answer, tolerance=tolerance, time_limit=time_limit, decimal_comma=decimal_comma
    )


def check_problem(
    problem: Problem | Expected,
    answer: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    decimal_comma: bool = False,
) -> Verdict:
    """Check ``answer`` within ``time_limit`` seconds; past it the verdict is ``unverified``.

    With ``decimal_comma`` a comma between two digits is a decimal point (``3,74``).
    """
    from linsteps.assess.equivalence import Unverified, can_interrupt

    check_tolerance(tolerance)
    check_time_limit(time_limit)
    reading = Reading(tolerance, time_limit, decimal_comma)
    try:
        if time_limit and not can_interrupt():
            from linsteps.assess.isolation import run_isolated

            verdict: Verdict = run_isolated(_checked, (problem, answer, reading), time_limit)
            return verdict
        return _checked(problem, answer, reading)
    except Unverified:
        expected = problem if isinstance(problem, Expected) else None
        return Verdict("unverified", None, expected, params={"seconds": _seconds(time_limit)})


def check_rendered(
    problem: Problem | Expected,
    answer: str,
    fmt: str = "text",
    lang: str = "en",
    *,
    explain: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    decimal_comma: bool = False,
) -> tuple[Verdict, str]:
    """Check ``answer`` and render the verdict (``text`` or ``json``), all within ``time_limit``.

    The echo of how the answer was read and the explanation count against the limit as the
    check does; past it the verdict is ``unverified``, naming the limit, with no echo.
    """
    from linsteps.assess.equivalence import Unverified, can_interrupt
    from linsteps.assess.equivalence import time_limit as limited

    check_tolerance(tolerance)
    check_time_limit(time_limit)
    args = (problem, answer, fmt, lang, explain, Reading(tolerance, time_limit, decimal_comma))
    try:
        if time_limit and not can_interrupt():
            from linsteps.assess.isolation import run_isolated

            done: tuple[Verdict, str] = run_isolated(_rendered, args, time_limit)
            return done
        with limited(time_limit):
            return _rendered(*args)
    except Unverified:
        from linsteps.assess.verdict_view import render_verdict

        seconds = {"seconds": _seconds(time_limit)}
        late = Verdict("unverified", None, None, params=seconds, variant="time_limit")
        return late, render_verdict(late, fmt, lang)


def _rendered(
    problem: Problem | Expected, answer: str, fmt: str, lang: str, explain: bool, reading: Reading
) -> tuple[Verdict, str]:
    from linsteps.assess.verdict_view import render_verdict

    verdict = check_problem(
        problem,
        answer,
        tolerance=reading.tolerance,
        time_limit=reading.time_limit,
        decimal_comma=reading.decimal_comma,
    )
    return verdict, render_verdict(verdict, fmt, lang, explain=explain)


@dataclass(frozen=True)
class Reading:
    """How an answer is read and compared."""

    tolerance: float
    time_limit: float | None
    decimal_comma: bool = False


def _seconds(limit: float | None) -> str:
    return f"{limit:g}" if limit else "0"


def _checked(problem: Problem | Expected, answer: str, reading: Reading) -> Verdict:
    from linsteps.assess.equivalence import Unverified
    from linsteps.assess.equivalence import time_limit as limited

    task = problem.problem if isinstance(problem, Expected) else problem
    expected = problem if isinstance(problem, Expected) else None
    if is_ml(task.operation):
        from linsteps.assess.mlquestions import check_ml

        return check_ml(problem, answer)
    if isinstance(expected, ShapeExpected) or is_shapes(task.operation):
        return _checked_shapes(task, expected, answer, reading.time_limit)
    read = None
    try:
        with limited(reading.time_limit):
            if expected is None:
                expected = Expected(task)
            read = read_against(answer, expected, decimal_comma=reading.decimal_comma)
            return judge(read, expected, reading.tolerance)
    except Unverified:
        seconds = {"seconds": _seconds(reading.time_limit)}
        return Verdict("unverified", None, expected, read, seconds)


def read_against(answer: str, expected: Expected, *, decimal_comma: bool = False) -> Answer:
    """Read ``answer`` to the problem of ``expected``: only the problem's names, ``e`` as
    Euler's number, and no decimal comma silently read as two entries of a vector."""
    if not decimal_comma and expected.scalar and looks_like_decimal_comma(answer):
        raise ParseError(
            "decimal_comma", operand="answer", text=answer.strip(),
            decimal=answer.strip().replace(",", "."),
        )  # fmt: skip
    return read_answer(
        answer,
        imaginary_unit=bool(expected.problem.options.get("complex")),
        names=expected.names,
        decimal_comma=decimal_comma,
    )


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
    if is_ml(problem.operation):
        from linsteps.assess.mlquestions import MLExpected

        return MLExpected(problem)
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

    def compare(value: Any, target: Any) -> Any:
        return compare_matrices(value, target, decimal=answer.decimal, tolerance=tolerance)

    if answer.kind == "undefined":
        if expected.undefined:
            return Verdict("correct", None, expected, answer)
        return wrong("not_defined", {"shape": _shape_words(expected.value, expected.scalar)},
                     "defined")  # fmt: skip
    value, unit = answer.value, _unit(answer, expected)
    orientation = expected.problem.options.get("orientation", "any")
    if orientation != "any" and answer.kind == "vector" and expected.vector:
        return wrong("wrong_shape", {"expected": _shape_words(expected.value, False),
                                     "answer": ""}, "orientation")  # fmt: skip
    comparison = shaped = target = None
    if not expected.undefined:
        target = unit(expected.value)
        shaped = _shaped(value, target, expected.free_orientation)
        comparison = compare(shaped, target)
        # a vector typed without brackets of rows or columns has no orientation: it is not
        # the answer where the result is a row or a column by the problem's shapes
        if answer.kind == "vector" and expected.vector and not expected.free_orientation:
            if compare(_shaped(value, target, True), target).ok:
                shape = _shape_words(expected.value, False)
                return wrong("wrong_shape", {"expected": shape, "answer": ""}, "orientation")
        elif comparison.ok:
            code = {"same": None, "equal": "equivalent_form", "approx": "approximate"}
            params = {"tolerance": f"{tolerance:g}", "expected": expected.text()}
            return Verdict("correct", code[comparison.match], expected, answer, params)
        if comparison.match == "undecided":
            return Verdict("unverified", None, expected, answer, {}, "undecided")
    for candidate in expected.candidates:
        candidate_value = unit(candidate.value)
        if compare(_shaped(value, candidate_value, True), candidate_value).ok:
            return wrong(candidate.code, candidate.params, candidate.variant)
    if comparison is None or shaped is None:
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
    negated = compare(-shaped, target)
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


def _unit(answer: Answer, expected: Expected) -> Callable[[Any], Any]:
    """What turns a value of the problem into the answer's unit: an answer in degrees to a
    problem in radians is compared with the result times 180/π, so a decimal keeps its
    tolerance."""
    import sympy

    if answer.degrees and expected.problem.options.get("unit") != "degrees":
        return lambda value: value * 180 / sympy.pi
    return lambda value: value


def _shaped(value: Any, target: Any, free: bool) -> Any:
    """``value`` reshaped like ``target`` when both are vectors and the orientation is free."""
    if value.shape == target.shape or len(value) != len(target):
        return value
    if free and 1 in value.shape and 1 in target.shape:
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
    "check_rendered",
    "check_time_limit",
    "check_tolerance",
    "expect",
    "judge",
    "read_against",
]
