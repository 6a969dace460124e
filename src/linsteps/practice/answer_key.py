"""The answer key: versioned JSON of a sheet's problems and their answers, read from the
derivations; answer checking and grading read it back."""

from __future__ import annotations

import json
from typing import Any

from linsteps.practice.sheet import Part, Sheet, Solved, result_shape

KEY_VERSION = 1
UNDEFINED = {"text": "undefined", "latex": "\\text{undefined}", "sympy": "undefined"}


def answer_of(solved: Solved) -> dict[str, str]:
    """Return the answer as ``{"text", "latex", "sympy"}``, read from the derivation."""
    if solved.parts:
        return _shape_answer(solved.parts)
    if solved.truth is not None:
        text = solved.truth.text()
        latex = text.replace("×", " \\times ").replace("_", "\\_")
        return {"text": text, "latex": f"\\text{{{latex}}}", "sympy": text}
    if solved.derivation is None:
        return dict(UNDEFINED)
    from linsteps.derivation.values import Value
    from linsteps.render.latex_formatter import LatexFormatter
    from linsteps.render.text_formatter import TextFormatter

    settings = solved.derivation.settings
    decimal, places = bool(settings.get("decimal", False)), int(settings.get("places", 4))
    node = Value(solved.derivation.result)
    return {
        "text": TextFormatter("en", decimal, places).format(node),
        "latex": LatexFormatter("en", decimal, places).format(node),
        "sympy": str(solved.derivation.result),
    }


def _shape_answer(parts: tuple[Part, ...]) -> dict[str, str]:
    texts, latex, sympy = [], [], []
    for part in parts:
        if part.derivation is None:
            texts.append(f"{part.expression}: undefined")
            latex.append(f"{_latex_name(part.expression)}\\colon \\text{{undefined}}")
            sympy.append("undefined")
            continue
        shape = result_shape(part.derivation)
        if shape is None:
            texts.append(f"{part.expression}: scalar")
            latex.append(f"{_latex_name(part.expression)}\\colon \\text{{scalar}}")
            sympy.append("scalar")
        else:
            texts.append(f"{part.expression}: {shape[0]}×{shape[1]}")
            latex.append(f"{_latex_name(part.expression)}\\colon {shape[0]} \\times {shape[1]}")
            sympy.append(f"({shape[0]}, {shape[1]})")
    return {
        "text": "; ".join(texts),
        "latex": ",\\quad ".join(latex),
        "sympy": "[" + ", ".join(sympy) + "]",
    }


def _latex_name(expression: str) -> str:
    return expression.replace("∘", " \\circ ").replace("·", " \\cdot ")


def key_problems(sheet: Sheet) -> list[dict[str, Any]]:
    """Return the key entries of a sheet's problems."""
    return [
        {
            "id": str(s.number),
            "topic": s.problem.topic,
            "operation": s.problem.operation,
            "inputs": list(s.problem.inputs),
            "options": dict(s.problem.options),
            "answer": answer_of(s),
        }
        for s in sheet.problems
    ]


def build_key(
    seed: int,
    options: dict[str, Any],
    sheet: Sheet | None = None,
    students: dict[str, tuple[Sheet, str]] | None = None,
) -> dict[str, Any]:
    """Return the key: ``problems`` for one sheet, or ``students`` (id → seed, problems)."""
    key: dict[str, Any] = {"version": KEY_VERSION, "seed": seed, "options": options}
    if students is not None:
        key["students"] = {
            student: {"seed": s.seed, "problems": key_problems(s)}
            for student, (s, _) in students.items()
        }
    elif sheet is not None:
        key["problems"] = key_problems(sheet)
    return key


def key_json(key: dict[str, Any]) -> str:
    """Return the key as indented UTF-8 JSON."""
    return json.dumps(key, ensure_ascii=False, indent=2) + "\n"
