"""Reading answer keys: the versioned JSON a worksheet writes, validated strictly.

Version 1::

    {"version": 1, "seed": 7, "options": {…},
     "problems": [{"id": "1", "topic": "dot", "operation": "dot",
                   "inputs": ["[1, 2, 3]", "[4, 5, 6]"], "options": {},
                   "answer": {"text": "32", "latex": "32", "sympy": "32"}}],
     "students": {"<id>": {"seed": 123, "problems": [...]}}}     (roster keys)

Nothing in a key is trusted: inputs are read with :mod:`linsteps.reading.parsing`, and the expected
answers are re-derived from them by the engine; ``answer`` is only checked for its type.
Every error is one line naming the file, where in it, and why.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from linsteps.assess.expected import OPTIONS, Problem
from linsteps.assess.mlquestions import ML_OPERATIONS, is_ml
from linsteps.assess.shapequestions import is_shapes
from linsteps.errors import LinstepsError, UsageError
from linsteps.learn.compare import PRODUCT_NAMES

VERSION = 1
MAX_KEY_BYTES = 50_000_000
_TOP = frozenset({"version", "seed", "options", "problems", "students"})
_PROBLEM = frozenset({"id", "topic", "operation", "inputs", "options", "answer", "points"})
_PROBLEM_REQUIRED = ("id", "operation", "inputs", "answer")
_ANSWER = frozenset({"text", "latex", "sympy", "approx"})
_STUDENT = frozenset({"seed", "problems"})
_CHOICES = {"unit": ("radians", "degrees"), "orientation": ("any", "row", "column")}
_FLAGS = frozenset({"complex", "scale", "causal"})
_PART = frozenset({"expression", "operation", "inputs"})
_PRODUCTS = PRODUCT_NAMES


@dataclass(frozen=True)
class KeyProblem:
    """One problem of a key: what to compute, from which inputs, with which options."""

    id: str
    operation: str
    inputs: tuple[str, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    topic: str = ""
    answer_text: str = ""
    points: float = 1.0  # what a correct answer is worth

    def problem(self) -> Problem:
        """The problem the checker re-derives."""
        return Problem(self.operation, self.inputs, dict(self.options))

    @cached_property
    def token(self) -> str:
        """What the problem is, as one string: equal for problems that are graded alike."""
        return json.dumps([self.operation, self.inputs, self.options], sort_keys=True, default=str)


@dataclass(frozen=True)
class AnswerKey:
    """A whole key: the shared problems and, for a roster, one version per student."""

    path: str
    seed: Any
    problems: Mapping[str, KeyProblem]
    students: Mapping[str, Mapping[str, KeyProblem]] = field(default_factory=dict)

    @property
    def roster(self) -> bool:
        """True when the key has one version per student."""
        return bool(self.students)

    def problem_ids(self) -> list[str]:
        """Every problem id, in the key's order (a roster's ids in order of first appearance)."""
        ids = list(self.problems)
        for version in self.students.values():
            ids.extend(i for i in version if i not in ids)
        return ids

    def lookup(self, problem_id: str, student: str | None = None) -> KeyProblem:
        """The problem ``problem_id`` (of ``student``'s version for a roster key)."""
        problems = self.problems
        if student is not None and self.roster:
            if student not in self.students:
                raise UsageError("key_no_student", path=self.path, id=student)
            problems = self.students[student]
        elif self.roster and problem_id not in problems:
            raise UsageError("key_needs_student", path=self.path)
        if problem_id not in problems:
            raise UsageError(
                "key_no_problem", path=self.path, id=problem_id, choices=", ".join(problems)
            )
        return problems[problem_id]


def load_key(path: str | Path) -> AnswerKey:
    """Read and validate the answer key at ``path``."""
    name = str(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_KEY_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError("key_unreadable", path=name, reason=reason) from None
    if len(data) > MAX_KEY_BYTES:
        raise UsageError("key_too_large", path=name, most=MAX_KEY_BYTES)
    return parse_key(data, name)


def parse_key(data: bytes | str, path: str = "<key>") -> AnswerKey:
    """Validate the JSON text of an answer key."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise UsageError("key_unreadable", path=path, reason="not UTF-8") from None
    try:
        raw = json.loads(text, object_pairs_hook=_Pairs(path), parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise UsageError(
            "key_json", path=path, line=error.lineno, column=error.colno, reason=error.msg
        ) from None
    except RecursionError:
        raise UsageError(
            "key_json", path=path, line=1, column=1, reason="nested too deep"
        ) from None
    return _Validator(path).key(raw)


def _no_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not a number", name, 0)


class _Pairs:
    """``object_pairs_hook`` refusing a field given twice in one object."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, value in pairs:
            if name in result:
                raise UsageError("key_duplicate_field", path=self.path, where="{…}", name=name)
            result[name] = value
        return result


class _Validator:
    """Checks each part of a key, naming where a problem lies (``problems[2].inputs[1]``)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, key: str, where: str, **params: Any) -> UsageError:
        return UsageError(key, path=self.path, where=where, **params)

    def expect(self, value: Any, kind: type | tuple[type, ...], where: str, words: str) -> None:
        if not isinstance(value, kind) or isinstance(value, bool):
            raise self.fail("key_type", where, expected=words)

    def fields(self, value: Any, allowed: frozenset[str], where: str) -> None:
        self.expect(value, dict, where, "an object")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail("key_unknown_field", where, name=unknown[0])

    def key(self, raw: Any) -> AnswerKey:
        self.fields(raw, _TOP, "the top level")
        if "version" not in raw:
            raise self.fail("key_missing", '"version"')
        version = raw["version"]
        if version != VERSION or isinstance(version, bool):
            raise UsageError("key_version", path=self.path, version=json.dumps(version)[:20])
        if "options" in raw:
            self.expect(raw["options"], dict, '"options"', "an object")
        problems = self.problems(raw.get("problems", []), "problems")
        students: dict[str, dict[str, KeyProblem]] = {}
        if "students" in raw:
            self.expect(raw["students"], dict, '"students"', "an object")
            for student, version_ in raw["students"].items():
                where = f"students[{json.dumps(student, ensure_ascii=False)}]"
                self.fields(version_, _STUDENT, where)
                if "problems" not in version_:
                    raise self.fail("key_missing", where + ".problems")
                students[student] = self.problems(version_["problems"], where + ".problems")
        if not problems and not students:
            raise UsageError("key_no_problems", path=self.path)
        return AnswerKey(self.path, raw.get("seed"), problems, students)

    def problems(self, raw: Any, where: str) -> dict[str, KeyProblem]:
        self.expect(raw, list, where, "a list")
        found: dict[str, KeyProblem] = {}
        for index, item in enumerate(raw):
            problem = self.problem(item, f"{where}[{index}]")
            if problem.id in found:
                raise self.fail("key_duplicate_id", f"{where}[{index}]", id=problem.id)
            found[problem.id] = problem
        return found

    def problem(self, raw: Any, where: str) -> KeyProblem:
        from linsteps.ops import OPERATIONS

        self.fields(raw, _PROBLEM, where)
        for name in _PROBLEM_REQUIRED:
            if name not in raw:
                raise self.fail("key_missing", f"{where}.{name}")
        self.expect(raw["id"], (str, int), f"{where}.id", "a string or an integer")
        problem_id = str(raw["id"]).strip()
        if not problem_id:
            raise self.fail("key_type", f"{where}.id", expected="a non-empty string")
        operation = raw["operation"]
        self.expect(operation, str, f"{where}.operation", "a string")
        if operation not in OPERATIONS and not is_shapes(operation) and not is_ml(operation):
            choices = ", ".join([*OPERATIONS, "shapes", *ML_OPERATIONS])
            raise self.fail("key_operation", f"{where}.operation", name=operation, choices=choices)
        topic = raw.get("topic", operation)
        self.expect(topic, str, f"{where}.topic", "a string")
        inputs = raw["inputs"]
        self.expect(inputs, list, f"{where}.inputs", "a list of strings")
        for i, text in enumerate(inputs):
            self.expect(text, str, f"{where}.inputs[{i}]", "a string in the input syntax")
        if not inputs:
            raise self.fail("key_type", f"{where}.inputs", expected="a non-empty list of strings")
        options = self.options(raw.get("options", {}), f"{where}.options")
        if "parts" in options:
            if not is_shapes(operation):
                raise self.fail("key_unknown_field", f"{where}.options", name="parts")
            self.parts(options["parts"], len(inputs), f"{where}.options.parts")
        if is_ml(operation):
            self.ml_inputs(operation, inputs, f"{where}.inputs")
        else:
            self.inputs(inputs, options, f"{where}.inputs")
        self.fields(raw["answer"], _ANSWER, f"{where}.answer")
        for name, value in raw["answer"].items():
            if value is not None:
                self.expect(value, str, f"{where}.answer.{name}", "a string")
        text = raw["answer"].get("text") or ""
        points = raw.get("points", 1)
        if isinstance(points, bool) or not isinstance(points, (int, float)) or not points >= 0:
            raise self.fail("key_type", f"{where}.points", expected="a non-negative number")
        return KeyProblem(
            problem_id, operation, tuple(inputs), options, topic, text, float(min(points, 1e6))
        )

    def options(self, raw: Any, where: str) -> dict[str, Any]:
        self.fields(raw, OPTIONS, where)
        options: dict[str, Any] = {}
        for name, value in raw.items():
            if value is None:
                continue
            spot = f"{where}.{name}"
            if name in _FLAGS:
                if not isinstance(value, bool):
                    raise self.fail("key_type", spot, expected="true or false")
            elif name == "parts":
                self.expect(value, list, spot, "a list of parts")
            elif name in _CHOICES:
                if value not in _CHOICES[name]:
                    raise self.fail("key_type", spot, expected=" or ".join(_CHOICES[name]))
            elif name == "product":
                if value not in _PRODUCTS:
                    raise self.fail("key_type", spot, expected=" or ".join(_PRODUCTS))
            elif name == "dim":
                self.expect(value, int, spot, "an integer")
            elif name == "entry":
                if isinstance(value, list) and len(value) == 2:
                    for part in value:
                        self.expect(part, int, spot, "[row, column]")
                    value = tuple(value)
                else:
                    self.expect(value, str, spot, '[row, column] or "i,j"')
            else:
                self.expect(value, str, spot, "a string such as 2x3")
            options[name] = value
        return options

    def parts(self, raw: list[Any], count: int, where: str) -> None:
        """Check the parts of a shape question: expression, operation, two input indices."""
        from linsteps.ops import OPERATIONS

        for index, part in enumerate(raw):
            spot = f"{where}[{index}]"
            self.fields(part, _PART, spot)
            for name in sorted(_PART):
                if name not in part:
                    raise self.fail("key_missing", f"{spot}.{name}")
            self.expect(part["expression"], str, f"{spot}.expression", "a string such as AB")
            if part["operation"] not in OPERATIONS:
                choices = ", ".join(OPERATIONS)
                raise self.fail(
                    "key_operation", f"{spot}.operation", name=part["operation"], choices=choices
                )
            indices = part["inputs"]
            self.expect(indices, list, f"{spot}.inputs", "two input indices")
            if len(indices) != 2:
                raise self.fail("key_type", f"{spot}.inputs", expected="two input indices")
            for i in indices:
                self.expect(i, int, f"{spot}.inputs", "two input indices")
                if not 0 <= i < count:
                    raise self.fail(
                        "key_type", f"{spot}.inputs", expected=f"indices 0 to {count - 1}"
                    )

    def ml_inputs(self, operation: str, inputs: list[str], where: str) -> None:
        """Read the spec, shapes or expression of an einsum, broadcasting or code question."""
        from linsteps.assess.mlquestions import truth_of

        try:
            truth_of(Problem(operation, tuple(inputs)))
        except LinstepsError as error:
            raise self.fail("key_input", where, message=error) from None

    def inputs(self, inputs: list[str], options: Mapping[str, Any], where: str) -> None:
        """Read every input with the parser (bare names stand for generic operands)."""
        from linsteps.derivation.operands import to_operand

        generic = {k: options[k] for k in ("dim", "shape") if k in options}
        for i, text in enumerate(inputs):
            try:
                to_operand(
                    text,
                    "AB"[i] if i < 2 else "C",
                    imaginary_unit=bool(options.get("complex")),
                    **generic,
                )
            except LinstepsError as error:
                raise self.fail("key_input", f"{where}[{i}]", message=error) from None
