"""Wrong answers to einsum, broadcasting and code-shape questions, re-derived from the inputs.

Each misconception re-derives what a learner holding it would answer, from the same inputs:

- ``forgot_transpose``: the expression without one of its ``.T``, ``.mT`` or ``.transpose``;
- ``heads_not_transposed``: attention heads split by ``view``/``reshape`` but not moved before
  the sequence axis (the ``.transpose(1, 2)`` left out);
- ``dot_on_nd``: ``np.dot``'s rule (``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]``) where
  ``@`` or ``matmul`` was written;
- ``broadcast_missed``: shapes that broadcast taken for an error, or a 1 not stretched;
- ``wrong_contraction``: an einsum whose summed letter was kept, or a kept letter summed.

Nothing is evaluated: the changed expressions are read by the same whitelisted grammar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linsteps.assess.diagnosis_registry import CODES
from linsteps.errors import LinstepsError

if TYPE_CHECKING:
    from linsteps.assess.expected import Problem
    from linsteps.assess.mlshapes import TensorShape, Truth

# The codes of these misconceptions (documented with the others in ``diagnosis_registry.CODES``).
ML_CODES = CODES[CODES.index("forgot_transpose") : CODES.index("wrong_contraction") + 1]
_TRANSPOSE = re.compile(r"\.(?:mT|T)\b|\.transpose\(\s*-?\d+\s*,\s*-?\d+\s*\)")
_SPLIT = re.compile(r"\.(?:view|reshape)\([^()]*\)\s*$")
_MATMUL = re.compile(r"^\s*(?P<a>[A-Za-z_]\w*)\s*@\s*(?P<b>[A-Za-z_]\w*)\s*$")
_ELEMENTWISE = re.compile(r"^\s*(?P<a>[A-Za-z_]\w*)\s*[*+]\s*(?P<b>[A-Za-z_]\w*)\s*$")


@dataclass(frozen=True)
class MLCandidate:
    """A wrong answer a misconception gives: a shape (or ``error``) and the words naming it."""

    code: str
    shape: TensorShape
    params: Mapping[str, str] = field(default_factory=dict)

    def matches(self, given: Mapping[str, Any]) -> bool:
        """True when the learner's shape is this wrong answer's."""
        return bool(given["shape"] == self.shape)


def ml_candidates(problem: Problem, truth: Truth) -> list[MLCandidate]:
    """Every wrong answer derivable for the question, none equal to the truth."""
    inputs = [str(x) for x in problem.inputs]
    finders = {"codeshapes": _code, "broadcast": _broadcast, "einsum": _einsum}
    found = [c for c in finders[problem.operation](inputs, truth) if c.shape != truth.shape]
    unique: list[MLCandidate] = []
    for candidate in found:
        if all(candidate.shape != u.shape for u in unique):
            unique.append(candidate)
    return unique


def _shape_of(expression: str, bindings: list[str]) -> TensorShape | None:
    from linsteps.assess.mlshapes import code_truth

    try:
        return code_truth(expression, bindings).shape
    except LinstepsError:
        return None


def _code(inputs: list[str], truth: Truth) -> Iterator[MLCandidate]:
    from linsteps.assess.mlshapes import shape_words

    expression, bindings = inputs[0], inputs[1:]
    for match in _TRANSPOSE.finditer(expression):
        changed = expression[: match.start()] + expression[match.end() :]
        shape = _shape_of(changed, bindings)
        if shape is None:
            continue
        heads = _SPLIT.search(expression[: match.start()]) is not None
        code = "heads_not_transposed" if heads else "forgot_transpose"
        yield MLCandidate(code, shape, {"call": match[0], "shape": shape_words(shape)})
    given = dict(_bindings(bindings))
    elementwise = _ELEMENTWISE.match(expression)
    if elementwise is not None and {elementwise["a"], elementwise["b"]} <= set(given):
        a, b = given[elementwise["a"]], given[elementwise["b"]]
        yield from _broadcast([shape_text(a), shape_text(b)], truth)
    matmul = _MATMUL.match(expression)
    if matmul is not None:
        left, right = given.get(matmul["a"], ()), given.get(matmul["b"], ())
        nd = max(len(left), len(right)) >= 3 and len(left) >= 1 and len(right) >= 2
        if nd and left[-1] == right[-2]:
            shape = left[:-1] + right[:-2] + right[-1:]
            yield MLCandidate("dot_on_nd", shape, {"shape": shape_words(shape)})


def shape_text(shape: tuple[int, ...]) -> str:
    """A shape as the inputs write it: ``2x3``."""
    return "x".join(map(str, shape))


def _bindings(bindings: list[str]) -> Iterator[tuple[str, tuple[int, ...]]]:
    from linsteps.reading.shape_spec import parse_binding

    for text in bindings:
        try:
            yield parse_binding(text)
        except LinstepsError:
            continue


def _broadcast(inputs: list[str], truth: Truth) -> Iterator[MLCandidate]:
    from linsteps.assess.mlshapes import ERROR, shape_words
    from linsteps.reading.shape_spec import parse_shape_spec

    a, b = parse_shape_spec("a", inputs[0]), parse_shape_spec("b", inputs[1])
    if truth.shape == ERROR or a == b:
        return
    params = {"a": shape_words(a), "b": shape_words(b), "shape": shape_words(truth.shape)}
    yield MLCandidate("broadcast_missed", ERROR, params)
    for shape in (a, b):
        yield MLCandidate("broadcast_missed", shape, params)


def _einsum(inputs: list[str], truth: Truth) -> Iterator[MLCandidate]:
    from linsteps.assess.mlshapes import ERROR, shape_words
    from linsteps.ops.einsum_plan import resolve
    from linsteps.reading.einsum_spec import parse_spec
    from linsteps.reading.shape_spec import parse_shape_spec

    if truth.shape == ERROR:
        return
    spec = parse_spec(inputs[0])
    shapes = [parse_shape_spec("ABCD"[i], text) for i, text in enumerate(inputs[1:5])]
    plan = resolve(spec, list("ABCD"[: len(shapes)]), shapes).plan
    letters = list(dict.fromkeys(x for term in plan.inputs for x in term))
    summed = [x for x in letters if x not in plan.output]
    outputs = [tuple(letters)] if summed else []
    for position in range(len(plan.output)):
        for other in summed:
            outputs.append((*plan.output[:position], other, *plan.output[position + 1 :]))
    for output in outputs:
        shape = tuple(plan.sizes[x] for x in output)
        params = {"summed": ", ".join(summed), "shape": shape_words(shape)}
        yield MLCandidate("wrong_contraction", shape, params)


__all__ = ["ML_CODES", "MLCandidate", "ml_candidates"]
