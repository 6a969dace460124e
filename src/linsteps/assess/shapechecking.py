"""Checking the answer to a shape question, part by part.

The question and how its answer is read are in :mod:`linsteps.assess.shapequestions`; here each
part is re-derived by the engine (:class:`ShapeExpected`) and graded (:func:`judge_shapes`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from linsteps.assess.answers import Answer
from linsteps.assess.expected import Expected, Problem
from linsteps.assess.shapequestions import (
    derive_part,
    parts_of,
    read_shapes,
    same_shape,
    shape_text,
    swapped,
)
from linsteps.assess.verdict import Verdict
from linsteps.errors import UsageError


class ShapeExpected(Expected):
    """A shape question re-derived part by part: each part's shape, or why it is undefined."""

    def __init__(self, problem: Problem) -> None:
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
                found = derive_part(spec["operation"], args, spec["inputs"])
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


def read_shapes_answer(text: str, expected: ShapeExpected) -> Answer:
    """Read the answer to a shape question (see :mod:`linsteps.assess.shapequestions`)."""
    names = [p.expression for p in expected.parts]
    found = read_shapes(text, names)
    return Answer("shapes", {n: found[n] for n in names if n in found}, text=text)


def judge_shapes(answer: Answer, expected: ShapeExpected) -> Verdict:
    """Grade each part of a shape question; the diagnosis is that of the first wrong part."""
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
            variant = "part_defined_scalar" if part.shape == "scalar" else "part_defined"
            parts.append(Verdict("incorrect", "not_defined", None, None, params, variant))
        elif not same_shape(given, part.shape):
            params |= {"expected": shape_text(part.shape), "answer": shape_text(given)}
            variant = "part_swapped" if swapped(given, part.shape) else "part"
            if "scalar" in (given, part.shape):  # "a scalar", in the sentence's language
                variant = "part_scalar" if part.shape == "scalar" else "part_not_scalar"
            parts.append(Verdict("incorrect", "wrong_shape", None, None, params, variant))
        else:
            parts.append(Verdict("correct", None, None, None, params))
    wrong = [p for p in parts if not p.correct]
    if not wrong:
        return Verdict("correct", None, expected, answer, parts=tuple(parts))
    return Verdict("incorrect", wrong[0].diagnosis, expected, answer, parts=tuple(parts))


__all__ = ["ShapeExpected", "judge_shapes", "read_shapes_answer"]
