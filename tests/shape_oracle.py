"""The libraries as oracles of shapes: run an expression on arrays of zeros with NumPy or
PyTorch and report the shape it gives or the exception it raises, word for word.

Only the tests evaluate expressions, and only the ones they write themselves; linsteps never
runs what it reads.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

from linsteps.learn.shapes import ShapeReport, shapes

Outcome = tuple[str, Any, Any]


def namespace(library: str) -> dict[str, Any]:
    """Return the names an expression may use, bound to the real library."""
    if library == "numpy":
        import numpy

        return {"np": numpy, "numpy": numpy, "math": math}
    import torch

    return {
        "torch": torch,
        "F": torch.nn.functional,
        "softmax": torch.softmax,
        "einsum": torch.einsum,
        "math": math,
    }


def run(library: str, expression: str, given: dict[str, tuple[int, ...]]) -> Outcome:
    """Return ("shape", shape, None) or ("error", exception class name, first line)."""
    names = namespace(library)
    if library == "numpy":
        zeros = {name: names["np"].zeros(shape) for name, shape in given.items()}
    else:
        zeros = {name: names["torch"].zeros(shape) for name, shape in given.items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = eval(expression, names, zeros)  # the oracle runs the test's own text
    except Exception as error:  # any exception is the library's answer
        return ("error", type(error).__name__, str(error).splitlines()[0].rstrip())
    return ("shape", tuple(result.shape), None)


def ours(report: ShapeReport) -> Outcome:
    """Return what linsteps predicts, in the oracle's terms."""
    if report.fault is None:
        return ("shape", report.shape, None)
    return ("error", report.fault.error, report.fault.quote)


def agree(library: str, expression: str, given: dict[str, tuple[int, ...]]) -> None:
    """Assert that linsteps predicts the library's shape, or its exception and message."""
    report = shapes(expression, given, library)
    expected = run(library, expression, given)
    predicted = ours(report)
    if predicted[0] == "error" and predicted[2] is None:  # the rule is ours, the words unknown
        assert expected[0] == "error", f"{library}: {expression} with {given}: {expected}"
        return
    assert predicted == expected, f"{library}: {expression} with {given}"
