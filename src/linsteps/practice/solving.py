"""Solving a problem with the explainer: the same operations the command line explains.

A problem's answer and worked solution are the derivation of its operation (or the error it
raises); a shape question has one derivation per part, "which product?" the row of
compare's table that is asked, and an einsum, broadcasting or code-shape question the truth
NumPy and PyTorch give (:mod:`linsteps.assess.mlquestions`).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any, cast

from linsteps.derivation.steps import Derivation, Operand
from linsteps.errors import LinstepsError
from linsteps.practice.problems.problem import Problem, Surd, Symbol
from linsteps.practice.problems.topics import ML_TOPICS
from linsteps.practice.sheet import Part, Solved


def operand_names(problem: Problem) -> tuple[str, ...]:
    """Return the names the explainer gives the inputs: a, b for vectors, A, B for matrices."""
    if problem.operation == "shapes":
        return ("A", "B", "a", "b")
    if problem.operation == "linear":
        batch = len(problem.inputs) > 1 and problem.inputs[1].startswith("[[")
        return ("W", "X" if batch else "x", "b")[: len(problem.inputs)]
    if problem.operation == "attention":
        return ("Q", "K", "V")[: len(problem.inputs)]
    if problem.topic == "products":
        kinds = ["A" if text.startswith("[[") else "v" for text in problem.inputs]
        if kinds == ["A", "A"]:
            return ("A", "B")
        return ("a", "b") if kinds == ["v", "v"] else ("A", "x")
    if problem.operation in ("matmul", "hadamard"):
        vectors = all(not text.startswith("[[") for text in problem.inputs)
        if problem.operation == "hadamard" and vectors:
            return ("a", "b")
        return ("A", "B")
    return ("a", "b")[: len(problem.inputs)]


def solve(problem: Problem, number: int) -> Solved:
    """Read the inputs and derive the answer with the explainer (or the error it raises)."""
    from linsteps.derivation.operands import to_operand
    from linsteps.ops import OPERATIONS

    if problem.topic in ML_TOPICS:
        from linsteps.assess.expected import Problem as Task
        from linsteps.assess.mlquestions import MLExpected

        return Solved(
            number, problem, (), truth=MLExpected(Task(problem.operation, problem.inputs))
        )
    names = operand_names(problem)
    if problem.entries:
        operands = tuple(
            _operand(entries, text, name)
            for entries, text, name in zip(problem.entries, problem.inputs, names, strict=True)
        )
    else:
        operands = tuple(
            to_operand(text, name) for text, name in zip(problem.inputs, names, strict=True)
        )
    if problem.operation == "shapes":
        return Solved(number, problem, operands, parts=tuple(_parts(problem, operands)))
    if problem.topic == "products":
        from linsteps.learn.compare import product_row

        row = product_row(problem.options["product"], *operands)
        return Solved(number, problem, operands, row.derivation, row.reason, row=row)
    operation = cast("Callable[..., Derivation]", OPERATIONS[problem.operation])
    try:
        derivation = operation(*operands, **problem.options)
    except LinstepsError as error:
        return Solved(number, problem, operands, error=error)
    return Solved(number, problem, operands, derivation=derivation)


def _operand(entries: Any, text: str, name: str) -> Operand:
    """Return the operand the parser reads from ``text``, built from the generated entries
    (faster than parsing; a test holds the two equal)."""
    import sympy

    def value(x: Any) -> Any:
        if isinstance(x, Surd):
            return x.coef * sympy.sqrt(x.radicand)
        if isinstance(x, Symbol):
            return x.coef * sympy.Symbol(x.name, real=True)
        if isinstance(x, Fraction):
            return sympy.Rational(x.numerator, x.denominator)
        return sympy.Integer(x)

    if isinstance(entries[0], list):
        matrix = sympy.ImmutableMatrix([[value(x) for x in row] for row in entries])
        return Operand(name, matrix, "matrix", text)
    return Operand(name, sympy.ImmutableMatrix([value(x) for x in entries]), "vector", text)


def _parts(problem: Problem, operands: tuple[Operand, ...]) -> list[Part]:
    from linsteps.derivation.matrices import Dot, Hadamard, MatProduct
    from linsteps.ops import OPERATIONS

    nodes = {"matmul": MatProduct, "hadamard": Hadamard, "dot": Dot}
    parts = []
    for spec in problem.options["parts"]:
        args = [operands[i] for i in spec["inputs"]]
        node = nodes[spec["operation"]](args[0].node(), args[1].node())
        operation = cast("Callable[..., Derivation]", OPERATIONS[spec["operation"]])
        try:
            derivation = operation(*args)
        except LinstepsError as error:
            parts.append(Part(spec["expression"], node, None, error))
        else:
            parts.append(Part(spec["expression"], node, derivation, None))
    return parts
