"""The NumPy and PyTorch expressions ``compare`` gives for each product compute, with the real
libraries, the very value the row shows; where the mathematics says undefined, the traps say
what the code does instead."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import sympy

from linsteps.learn.compare import compare
from linsteps.learn.comparison_code import EXPRESSIONS, traps

PAIRS = [
    ("1 2 3", "4 5 6"),
    ("1/2 -1", "3 0.5"),
    ("1 2", "3 4 5"),
    ("1 2; 3 4", "5 6; 7 8"),
    ("1 2 3; 4 5 6", "1 2; 3 4"),
    ("1 2 3; 4 5 6", "1 0 1; 2 2 0"),
    ("1 2; 3 4", "5 6"),
    ("1 2 3; 4 5 6", "7 8"),
    ("1 2 3; 4 5 6", "7 8 9"),
]


def arrays(library: str, comparison: Any) -> dict[str, Any]:
    """Return the operands as the library holds them: vectors 1-D, matrices 2-D, float64."""
    out: dict[str, Any] = {}
    for operand in comparison.inputs:
        value = (
            [float(x) for x in operand.value]
            if operand.layout == "vector"
            else [[float(x) for x in row] for row in operand.value.tolist()]
        )
        if library == "numpy":
            out[operand.name] = np.array(value)
        else:
            import torch

            out[operand.name] = torch.tensor(value, dtype=torch.float64)
    return out


def evaluate(library: str, expression: str, names: dict[str, Any]) -> Any:
    """Run one of compare's expressions with the real library (the test's own, fixed text)."""
    if library == "numpy":
        scope = {"np": np, **names}
    else:
        import torch

        scope = {"torch": torch, "F": torch.nn.functional, **names}
    return eval(expression, scope)


def flat(value: Any) -> list[float]:
    listed = value.tolist()
    if not isinstance(listed, list):
        return [listed]
    out: list[float] = []
    stack = [listed]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack = item + stack
        else:
            out.append(item)
    return out


def check(library: str, a: str, b: str) -> None:
    comparison = compare(a, b)
    names = arrays(library, comparison)
    for row in comparison.rows:
        numpy_expr, torch_expr = EXPRESSIONS[(comparison.mode, row.name)]
        expression = numpy_expr if library == "numpy" else torch_expr
        if row.defined:
            exact = list(row.result) if getattr(row.result, "is_Matrix", False) else [row.result]
            got = flat(evaluate(library, expression, names))
            assert len(got) == len(exact), (expression, row.name)
            assert all(
                math.isclose(float(sympy.N(x)), y, rel_tol=1e-12, abs_tol=1e-12)
                for x, y in zip(exact, got, strict=True)
            ), (expression, row.name)
        elif comparison.mode == "matrix_vector" and row.name == "hadamard":
            ((key, _),) = traps(comparison)
            try:
                evaluate(library, expression, names)
            except (ValueError, RuntimeError):
                assert key == "broadcast_fails"
            else:
                assert key == "broadcast_fits"


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_numpy_computes_each_row(a: str, b: str) -> None:
    check("numpy", a, b)


@pytest.mark.torch
@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_torch_computes_each_row(a: str, b: str) -> None:
    check("torch", a, b)
