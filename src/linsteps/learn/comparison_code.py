"""Each product of a comparison as NumPy and PyTorch write it, and the traps between them.

:data:`EXPRESSIONS` gives the NumPy and the PyTorch expression of every row (``a @ b``,
``a * b``, ``np.outer(a, b)``, ``A.T @ B`` …) over the operands as 1-D and 2-D arrays;
:func:`traps` the remarks on where the code and the mathematics part ways: ``.T`` of a 1-D
array, ``np.dot`` on stacks of matrices, ``torch.mm`` refusing batches, and ``A * x``
broadcasting where the Hadamard product is undefined (its outcome is worked out by the shape
rules of :mod:`linsteps.learn.shapes`).  The tests run every expression with both libraries.
"""

from __future__ import annotations

from typing import Any

from linsteps.learn.comparison import Comparison

EXPRESSIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("vectors", "dot"): ("a @ b", "torch.dot(a, b)"),
    ("vectors", "hadamard"): ("a * b", "a * b"),
    ("vectors", "outer"): ("np.outer(a, b)", "torch.outer(a, b)"),
    ("vectors", "atb"): (
        "a.reshape(1, -1) @ b.reshape(-1, 1)",
        "a.reshape(1, -1) @ b.reshape(-1, 1)",
    ),
    ("vectors", "cos"): (
        "a @ b / (np.linalg.norm(a) * np.linalg.norm(b))",
        "F.cosine_similarity(a, b, dim=0)",
    ),
    ("matrices", "ab"): ("A @ B", "A @ B"),
    ("matrices", "ba"): ("B @ A", "B @ A"),
    ("matrices", "hadamard"): ("A * B", "A * B"),
    ("matrices", "atb"): ("A.T @ B", "A.T @ B"),
    ("matrices", "abt"): ("A @ B.T", "A @ B.T"),
    ("matrix_vector", "ax"): ("A @ x", "A @ x"),
    ("matrix_vector", "xta"): ("x @ A", "x @ A"),
    ("matrix_vector", "hadamard"): ("A * x", "A * x"),
}


def expressions(mode: str, name: str) -> tuple[str, str]:
    """Return the NumPy and PyTorch expressions of the row ``name`` of a ``mode`` comparison."""
    return EXPRESSIONS[(mode, name)]


def traps(comparison: Comparison) -> list[tuple[str, dict[str, Any]]]:
    """Return the remarks (``compare.code.trap.<key>`` and parameters) for a comparison."""
    if comparison.mode == "vectors":
        return [("vector_t", {})]
    if comparison.mode == "matrices":
        return [("dot_3d", {}), ("mm_batches", {})]
    from linsteps.learn.shape_rules import shown
    from linsteps.learn.shapes import shapes

    matrix, vector = comparison.inputs
    given = {"A": matrix.shape, "x": (vector.length,)}
    report = shapes("A * x", given, "numpy")
    if report.fault is None:
        return [("broadcast_fits", {"shape": shown(report.shape or ())})]
    return [("broadcast_fails", {"quote": report.fault.quote or ""})]


__all__ = ["EXPRESSIONS", "expressions", "traps"]
