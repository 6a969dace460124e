"""Questions on the products as ML code writes them: einsum, broadcasting and code shapes.

A key entry's ``operation`` is one of :data:`ML_OPERATIONS` and its inputs are plain text:

- ``einsum``: the spec and the shape of each operand (``["ij,jk->ik", "2x3", "3x4"]``); the
  answer names the product and gives the result's shape, ``matmul, 2x4``;
- ``broadcast``: the shapes of ``a`` and ``b`` (``["4x1", "3"]``); the answer is the shape of
  ``a * b`` or ``error``;
- ``codeshapes``: a NumPy/PyTorch expression and its ``NAME=SHAPE`` bindings; the answer is
  the expression's shape or ``error``.

A shape is read as ``(32, 10)``, ``32x10`` or ``32×10`` (as ``linsteps shapes`` reads one); a
scalar as ``()`` or ``scalar``.  The truth is derived by :mod:`linsteps.ops.broadcast`, the
einsum planner and :mod:`linsteps.learn.shapes` (the whitelisted grammar: nothing is
evaluated); the wrong answers a misconception gives are in :mod:`linsteps.assess.ml_diagnoses`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from linsteps.assess.answers import Answer
from linsteps.assess.expected import Expected, Problem
from linsteps.assess.mlshapes import (
    ERROR,
    Truth,
    code_truth,
    given_text,
    read_tensor_shape,
    shape_words,
)
from linsteps.assess.verdict import Verdict
from linsteps.errors import ParseError, UsageError

ML_OPERATIONS = ("einsum", "broadcast", "codeshapes")
_NAMED = re.compile(r"\s*(?P<name>[^\d(),;:：，；]*?)\s*[,;:：，；]\s*(?P<shape>.+?)\s*")
# The products an einsum question may name, each with the words a learner may use for it.
PRODUCT_WORDS: dict[str, frozenset[str]] = {
    "matmul": frozenset({"matmul", "matrix product", "matrix multiplication", "mm", "@"}),
    "batched_matmul": frozenset(
        {"batched matmul", "batch matmul", "bmm", "batched matrix product"}
    ),
    "dot": frozenset({"dot", "dot product", "inner product", "inner"}),
    "outer": frozenset({"outer", "outer product"}),
    "hadamard": frozenset({"hadamard", "hadamard product", "element wise", "elementwise"}),
    "transpose": frozenset({"transpose", "transposition"}),
    "trace": frozenset({"trace"}),
    "diagonal": frozenset({"diagonal", "diag"}),
    "matvec": frozenset({"matvec", "matrix vector product", "matrix vector"}),
    "bilinear": frozenset({"bilinear", "bilinear form"}),
}


def is_ml(operation: str) -> bool:
    """True for the operation of an einsum, broadcasting or code-shape question."""
    return operation in ML_OPERATIONS


def product_word(text: str) -> str | None:
    """The product a learner named (``batched matmul``, ``bmm``), or None."""
    words = " ".join(text.replace("-", " ").replace("_", " ").split()).lower()
    words = words.removeprefix("the ").removeprefix("a ")
    for product, accepted in PRODUCT_WORDS.items():
        if words in accepted:
            return product
    return None


def _shape(name: str, text: str) -> tuple[int, ...]:
    from linsteps.reading.shape_spec import parse_shape_spec

    return parse_shape_spec(name, text)


def einsum_truth(spec_text: str, shapes: list[tuple[int, ...]]) -> Truth:
    """The product ``spec_text`` names and its result's shape (or ``error``)."""
    from linsteps.derivation.values import Name
    from linsteps.errors import ShapeError
    from linsteps.ops.einsum_names import name_contraction
    from linsteps.ops.einsum_plan import resolve
    from linsteps.reading.einsum_spec import parse_spec

    spec = parse_spec(spec_text)
    names = list("ABCD"[: len(shapes)])
    try:
        resolved = resolve(spec, names, shapes)
    except ShapeError:
        return Truth(ERROR)
    plan = resolved.plan
    key, _ = name_contraction(plan, [Name(n) for n in names], resolved.ellipsis)
    product = key.removeprefix("einsum.")
    shape = tuple(plan.sizes[x] for x in plan.output)
    return Truth(shape, product if product in PRODUCT_WORDS else "general")


def truth_of(problem: Problem) -> Truth:
    """Derive the truth of a question from its inputs; raise UsageError for a bad count."""
    from linsteps.ops.broadcast import broadcast_shape

    inputs = [str(x) for x in problem.inputs]
    if problem.operation == "einsum" and len(inputs) >= 2:
        shapes = [_shape("ABCD"[i], text) for i, text in enumerate(inputs[1:5])]
        return einsum_truth(inputs[0], shapes)
    if problem.operation == "broadcast" and len(inputs) == 2:
        result = broadcast_shape(_shape("a", inputs[0]), _shape("b", inputs[1]))
        return Truth(ERROR if result is None else result)
    if problem.operation == "codeshapes" and len(inputs) >= 1:
        return code_truth(inputs[0], inputs[1:])
    raise UsageError("operand_count", operation=problem.operation, count=len(inputs))


class MLExpected(Expected):
    """An einsum, broadcasting or code-shape question, its truth and its wrong answers."""

    def __init__(self, problem: Problem) -> None:
        if problem.options:
            raise UsageError("unknown_option", name=sorted(problem.options)[0])
        self.problem = problem
        self.derivation = None
        self.reason = None
        self.scalar = False
        self.value = None
        self.truth = truth_of(problem)

    @property
    def undefined(self) -> bool:
        """An ML question always has an answer (``error`` is one)."""
        return False

    @cached_property
    def candidates(self) -> list[Any]:
        """The wrong answers of :mod:`linsteps.assess.ml_diagnoses`."""
        from linsteps.assess.ml_diagnoses import ml_candidates

        return ml_candidates(self.problem, self.truth)

    def text(self, lang: str = "en") -> str:
        """``matmul, 2×4`` for einsum, else the shape or ``error``."""
        shape = shape_words(self.truth.shape)
        product = (self.truth.product or "").replace("_", " ")
        return f"{product}, {shape}" if product else shape

    def explanation(self, lang: str = "en") -> str:
        """The expected answer on one line."""
        return self.text(lang) + "\n"


def read_ml_answer(text: str, expected: MLExpected) -> Answer:
    """Read the answer: ``NAME, SHAPE`` for einsum, a shape or ``error`` otherwise."""
    if not text.strip():
        raise ParseError("shape_answer_value", value="", name="", column=1)
    if expected.problem.operation != "einsum":
        return Answer("tensor", {"shape": read_tensor_shape(text)}, text=text)
    match = _NAMED.fullmatch(text)
    if match is None:
        shape_only = read_tensor_shape(text)
        return Answer("tensor", {"product": None, "shape": shape_only}, text=text)
    named = product_word(match["name"]) or match["name"].strip().lower()
    return Answer(
        "tensor", {"product": named, "shape": read_tensor_shape(match["shape"])}, text=text
    )


def judge_ml(answer: Answer, expected: MLExpected) -> Verdict:
    """Correct when the shape (and, for einsum, the product) is the truth; else diagnosed."""
    given = answer.value
    truth = expected.truth
    shape_ok = given["shape"] == truth.shape
    product_ok = truth.product is None or given.get("product") in (truth.product, None)
    if truth.product is not None and truth.product != "general" and not given.get("product"):
        product_ok = False
    if shape_ok and product_ok:
        return Verdict("correct", None, expected, answer)
    for candidate in expected.candidates:
        if candidate.matches(given):
            return Verdict(
                "incorrect", candidate.code, expected, answer, dict(candidate.params), None
            )
    params = {"expected": expected.text(), "answer": given_text(given)}
    return Verdict("incorrect", "wrong_shape", expected, answer, params, None)


def check_ml(problem: Problem | Expected, text: str) -> Verdict:
    """Check ``text`` against an ML question."""
    expected = problem if isinstance(problem, MLExpected) else None
    if expected is None:
        task = problem.problem if isinstance(problem, Expected) else problem
        expected = MLExpected(task)
    return judge_ml(read_ml_answer(text, expected), expected)


__all__ = [
    "ML_OPERATIONS",
    "MLExpected",
    "Truth",
    "check_ml",
    "is_ml",
    "judge_ml",
    "read_ml_answer",
    "read_tensor_shape",
    "truth_of",
]
