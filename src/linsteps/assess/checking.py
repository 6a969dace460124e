"""Checking one answer: read it safely, compare it with the re-derived result, name the mistake.

``check(operation, operands, answer)`` re-derives the expected result with the engine (the
operations in ``linsteps.ops.OPERATIONS``), reads the answer with the same whitelisted parser
as the operands, compares them (``linsteps.assess.equivalence``) and, when they differ,
compares the answer with every plausible wrong answer re-derived from the operands
(``linsteps.assess.diagnoses``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

from linsteps.assess.shapequestions import is_shapes
from linsteps.errors import LinstepsError, ParseError, ShapeError, UndefinedError, UsageError

DEFAULT_TOLERANCE = 1e-3
DEFAULT_TIME_LIMIT = 2.0
UNDEFINED_WORDS = frozenset({"undefined", "not defined", "undef", "未定义", "无定义", "不存在"})
_DEGREES = re.compile(r"^(?P<value>.*?)\s*(?:°|deg|degrees|度)\s*$", re.DOTALL)
ENGINE_OPTIONS = frozenset({"dim", "shape", "shape_b", "entry", "complex", "scale", "causal"})
CHECK_OPTIONS = frozenset({"unit", "orientation", "parts", "product"})  # parts: of a shape question
OPTIONS = ENGINE_OPTIONS | CHECK_OPTIONS

Status = Literal["correct", "incorrect", "unverified"]
# The names of the operands of an undefined problem, as the operations name them.
_NAMES = {
    "dot": "ab", "norm": "a", "cos": "ab", "angle": "ab", "outer": "ab", "project": "ab",
    "transpose": "A", "linear": "Wxb", "attention": "QKV",
}  # fmt: skip


@dataclass(frozen=True)
class Answer:
    """An answer as read: ``kind`` is undefined, scalar, vector or matrix; values exact."""

    kind: Literal["undefined", "scalar", "vector", "matrix", "shapes"]
    value: Any  # ImmutableMatrix (a scalar 1×1, a vector a column), None when undefined,
    # or for a shape question {part: shape} (see linsteps.assess.shapequestions)
    decimal: bool = False
    degrees: bool = False
    text: str = ""


def read_answer(text: str, *, imaginary_unit: bool = False) -> Answer:
    """Read an answer: "undefined" (未定义), or a value in the input syntax, optionally with °
    (with ``imaginary_unit``, ``i`` is √−1, as in the operands of ``dot --complex``)."""
    import sympy

    from linsteps.reading.parsing import parse_value

    if " ".join(text.split()).lower() in UNDEFINED_WORDS:
        return Answer("undefined", None, text=text)
    degrees = False
    match = _DEGREES.match(text)
    if match and match["value"].strip():
        text, degrees = match["value"], True
    parsed = parse_value(text, operand="answer", imaginary_unit=imaginary_unit)
    if parsed.kind == "vector":
        value = sympy.ImmutableMatrix([x for row in parsed.rows for x in row])
    else:
        value = sympy.ImmutableMatrix(parsed.rows)
    return Answer(parsed.kind, value, parsed.decimal, degrees, parsed.text)


def to_input(value: Any) -> str:
    """``value`` (a SymPy number, expression or matrix) written in the input syntax."""
    import sympy
    from sympy.printing.str import StrPrinter

    class _Printer(StrPrinter):  # type: ignore[misc]
        def _print_Exp1(self, expr: Any) -> str:
            return "exp(1)"

    def entry(x: Any) -> str:
        return str(_Printer().doprint(x)).replace(" ", "")

    if isinstance(value, sympy.MatrixBase):
        return (
            "[" + ", ".join("[" + ", ".join(map(entry, row)) + "]" for row in value.tolist()) + "]"
        )
    return entry(value)


@dataclass(frozen=True)
class Problem:
    """What is checked: an operation, its operands in the input syntax, and its options."""

    operation: str
    inputs: tuple[Any, ...]
    options: Mapping[str, Any] = field(default_factory=dict)


class Expected:
    """The result re-derived by the engine, and the wrong answers derivable from the operands."""

    def __init__(self, problem: Problem) -> None:
        import sympy

        from linsteps.assess.diagnoses import Setting
        from linsteps.derivation.operands import to_operand
        from linsteps.ops import OPERATIONS

        if problem.operation not in OPERATIONS:
            raise UsageError(
                "unknown_operation", name=problem.operation, choices=", ".join(OPERATIONS)
            )
        unknown = set(problem.options) - OPTIONS
        if unknown or "parts" in problem.options:
            raise UsageError("unknown_option", name=sorted(unknown or {"parts"})[0])
        self.problem = problem
        inputs = tuple(problem.inputs)
        if problem.options.get("product"):
            # "which product?": the row of compare's table, e.g. AᵀB of the inputs A and B
            inputs = _product_operands(problem)
        operation: Any = OPERATIONS[problem.operation]
        accepted = inspect.signature(operation).parameters
        options = {
            k: v
            for k, v in problem.options.items()
            if k in ENGINE_OPTIONS and (v or (v is False and k in accepted))
        }
        for name in options:
            if name not in accepted:
                raise UsageError("unknown_option", name=name)
        self.derivation: Any = None
        self.reason: LinstepsError | None = None
        try:
            self.derivation = operation(*inputs, **options)
        except (ShapeError, UndefinedError) as error:
            self.reason = error
        except TypeError:
            raise UsageError(
                "operand_count", operation=problem.operation, count=len(problem.inputs)
            ) from None
        if self.derivation is not None:
            operands = self.derivation.inputs
        elif problem.options.get("product"):
            operands = inputs
        else:
            letters = _NAMES.get(problem.operation, "AB")
            operands = tuple(
                to_operand(
                    text,
                    letters[i],
                    dim=options.get("dim"),
                    imaginary_unit=bool(options.get("complex")),
                )
                for i, text in enumerate(problem.inputs[: len(letters)])
            )
        names = tuple(
            op.name.lower() if op.layout == "vector" and not op.name.islower() else op.name
            for op in operands
        )
        entry = self.derivation.settings.get("entry") if self.derivation else None
        self.setting = Setting(
            problem.operation,
            tuple(op.value for op in operands),
            names,
            tuple(op.layout for op in operands),
            {**problem.options, "entry": entry},
        )
        self.scalar = self.derivation is not None and not isinstance(
            self.derivation.result, sympy.MatrixBase
        )
        self.value: Any = None
        if self.derivation is not None:
            result = self.derivation.result
            if problem.operation == "angle" and problem.options.get("unit") == "degrees":
                result = result * 180 / sympy.pi
            self.value = (
                sympy.ImmutableMatrix(result)
                if isinstance(result, sympy.MatrixBase)
                else sympy.ImmutableMatrix([[result]])
            )

    @property
    def undefined(self) -> bool:
        """True when the operation is not defined for these operands."""
        return self.derivation is None

    @cached_property
    def candidates(self) -> list[Any]:
        """The plausible wrong answers (computed once per problem)."""
        from linsteps.assess.diagnoses import candidates

        return candidates(self.setting)

    @property
    def vector(self) -> bool:
        """True when the result is a vector (one row or one column) of several entries."""
        return self.value is not None and 1 in self.value.shape and len(self.value) > 1

    def explanation(self, lang: str = "en") -> str:
        """How the result is derived: the derivation as text, or why there is none."""
        from linsteps.i18n import translate

        if self.derivation is not None:
            return str(self.derivation.to_text(lang, color=False))
        reason = self.reason.message(lang) if self.reason else ""
        return f"{translate(lang, 'check.expected')}  {self.text(lang)}: {reason}\n"

    def text(self, lang: str = "en") -> str:
        """The expected result in one line (``undefined`` in ``lang`` when undefined)."""
        from linsteps.i18n import translate
        from linsteps.render.printing import format_text

        if self.value is None:
            return translate(lang, "check.undefined")
        value = self.value[0, 0] if self.scalar else self.value
        unit = "°" if self.problem.options.get("unit") == "degrees" else ""
        return format_text(value, decimal=bool(self.derivation.settings.get("decimal"))) + unit


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one answer."""

    status: Status
    diagnosis: str | None
    expected: Expected | None
    answer: Answer | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    variant: str | None = None
    parts: tuple[Verdict, ...] = ()  # of a shape question, one per part

    @property
    def correct(self) -> bool:
        """True for an accepted answer."""
        return self.status == "correct"

    def message(self, lang: str = "en") -> str:
        """One sentence: what was right or wrong, in ``lang``."""
        from linsteps.i18n import catalog, translate

        params = {
            k: v.message(lang) if isinstance(v, LinstepsError) else v
            for k, v in self.params.items()
        }
        wrong = [part.message(lang) for part in self.parts if not part.correct]
        if wrong and self.status == "incorrect":
            return " ".join(wrong)
        if self.diagnosis is None:
            return translate(lang, f"check.{self.status}_message", **params)
        key = f"diagnosis.{self.diagnosis}"
        if self.variant and f"{key}.{self.variant}" in catalog(lang):
            key = f"{key}.{self.variant}"
        return translate(lang, key, **params)

    def read_as(self, lang: str = "en") -> str | None:
        """How the answer was read, in one line, or None when none was read."""
        from linsteps.i18n import translate
        from linsteps.render.printing import format_text

        if self.answer is None:
            return None
        if self.answer.kind == "undefined":
            return translate(lang, "check.undefined")
        if self.answer.kind == "shapes":
            from linsteps.assess.shapequestions import shape_text

            return "; ".join(f"{k}: {shape_text(v, lang)}" for k, v in self.answer.value.items())
        value = self.answer.value
        shown = value[0, 0] if self.answer.kind == "scalar" else value
        if self.answer.kind == "vector":
            shown = (
                "(" + ", ".join(format_text(x, decimal=self.answer.decimal) for x in value) + ")"
            )
        else:
            shown = format_text(shown, decimal=self.answer.decimal)
        return shown + ("°" if self.answer.degrees else "")

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON contract of ``check``."""
        return {
            "correct": self.correct,
            "verdict": self.status,
            "diagnosis": self.diagnosis,
            "message": self.message(lang),
            "read_as": self.read_as(lang),
            "expected": self.expected.text(lang) if self.expected else None,
        } | ({"parts": [_part_dict(p, lang) for p in self.parts]} if self.parts else {})


def _part_dict(part: Verdict, lang: str) -> dict[str, Any]:
    return {
        "expression": part.params.get("expression"),
        "correct": part.correct,
        "diagnosis": part.diagnosis,
        "message": part.message(lang),
    }


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


class ShapeExpected(Expected):
    """A shape question re-derived part by part: each part's shape, or why it is undefined."""

    def __init__(self, problem: Problem) -> None:
        from linsteps.assess.shapequestions import derive_part, parts_of

        unknown = set(problem.options) - {"parts"}
        if unknown:
            raise UsageError("unknown_option", name=sorted(unknown)[0])
        self.problem = problem
        self.derivation = None
        self.reason = None
        self.scalar = False
        self.value = None
        self.parts = []
        for spec in parts_of(problem.options, len(problem.inputs)):
            args = [problem.inputs[i] for i in spec["inputs"]]
            try:
                found = derive_part(spec["operation"], args)
            except TypeError:
                raise UsageError(
                    "operand_count", operation=spec["operation"], count=len(args)
                ) from None
            self.parts.append(replace(found, expression=spec["expression"]))

    @property
    def undefined(self) -> bool:
        """A shape question always has an answer (some parts may be undefined)."""
        return False

    @cached_property
    def candidates(self) -> list[Any]:
        """Shape questions are diagnosed part by part, not by candidates."""
        return []

    def text(self, lang: str = "en") -> str:
        """Every part and its shape: ``AB: 2×3; BA: undefined; …``."""
        from linsteps.assess.shapequestions import shape_text

        return "; ".join(f"{p.expression}: {shape_text(p.shape, lang)}" for p in self.parts)

    def explanation(self, lang: str = "en") -> str:
        """Each part: its derivation, or why it is undefined."""
        blocks = []
        for part in self.parts:
            if part.derivation is not None:
                body = str(part.derivation.to_text(lang, color=False)).rstrip("\n")
            else:
                body = part.reason.message(lang) if part.reason else ""
            blocks.append(f"{part.expression}:\n{body}")
        return "\n\n".join(blocks) + "\n"


def expect(problem: Problem) -> Expected:
    """The expected result of ``problem``: re-derived by the engine (part by part for a shape
    question)."""
    if is_shapes(problem.operation):
        return ShapeExpected(problem)
    return Expected(problem)


def read_shapes_answer(text: str, expected: ShapeExpected) -> Answer:
    """Read the answer to a shape question (see :mod:`linsteps.assess.shapequestions`)."""
    from linsteps.assess.shapequestions import read_shapes

    names = [p.expression for p in expected.parts]
    found = read_shapes(text, names)
    return Answer("shapes", {n: found[n] for n in names if n in found}, text=text)


def judge_shapes(answer: Answer, expected: ShapeExpected) -> Verdict:
    """Grade each part of a shape question; the diagnosis is that of the first wrong part."""
    from linsteps.assess.shapequestions import same_shape, shape_text, swapped

    parts: list[Verdict] = []
    for part in expected.parts:
        given = answer.value.get(part.expression)
        params: dict[str, Any] = {"expression": part.expression}
        if given is None:
            parts.append(Verdict("incorrect", "wrong_shape", None, None, params, "missing"))
        elif part.shape == "undefined" and given != "undefined":
            params |= {"reason": part.reason}
            parts.append(Verdict("incorrect", "not_defined", None, None, params, "part_value"))
        elif given == "undefined" and part.shape != "undefined":
            params |= {"shape": shape_text(part.shape)}
            parts.append(Verdict("incorrect", "not_defined", None, None, params, "part_defined"))
        elif not same_shape(given, part.shape):
            params |= {"expected": shape_text(part.shape), "answer": shape_text(given)}
            variant = "part_swapped" if swapped(given, part.shape) else "part"
            parts.append(Verdict("incorrect", "wrong_shape", None, None, params, variant))
        else:
            parts.append(Verdict("correct", None, None, None, params))
    wrong = [p for p in parts if not p.correct]
    if not wrong:
        return Verdict("correct", None, expected, answer, parts=tuple(parts))
    return Verdict("incorrect", wrong[0].diagnosis, expected, answer, parts=tuple(parts))


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


def _product_operands(problem: Problem) -> tuple[Any, ...]:
    """The operands of the product ``problem.options["product"]`` of the problem's inputs."""
    from linsteps.learn.compare import product_row

    if len(problem.inputs) != 2:
        raise UsageError("operand_count", operation=problem.operation, count=len(problem.inputs))
    row = product_row(str(problem.options["product"]), *problem.inputs)
    if row.operation != problem.operation:
        raise UsageError(
            "product_operation", product=problem.options["product"], operation=row.operation
        )
    return row.operands


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
    "Answer",
    "Expected",
    "ParseError",
    "Problem",
    "ShapeExpected",
    "Verdict",
    "check",
    "check_problem",
    "expect",
    "judge",
    "judge_shapes",
    "read_answer",
    "to_input",
]
