"""The question of each problem: a catalog key, its parameters as notation nodes, the operands."""

from __future__ import annotations

from typing import Any

from linsteps.derivation.arithmetic import Call, Quotient
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Hadamard,
    MatProduct,
    Norm,
    Projection,
    Softmax,
    Transpose,
    VectorSum,
)
from linsteps.derivation.node import Node
from linsteps.derivation.values import Value
from linsteps.ops.attention import scale_node
from linsteps.practice.sheet import Solved


def statement(solved: Solved) -> tuple[str, dict[str, Any], list[tuple[Node, Node]]]:
    """Return a problem's question: its message key, its parameters and the given operands
    (none for an einsum, broadcasting or code-shape question, whose parameters are text)."""
    if solved.truth is not None:
        return _ml_statement(solved)
    ops = solved.operands
    names = [op.node() for op in ops]
    givens: list[tuple[Node, Node]] = [(op.node(), Value(op.value)) for op in ops]
    operation = solved.problem.operation
    params: dict[str, Any]
    if solved.row is not None:
        return "worksheet.ask.products", {"expr": solved.row.notation}, givens
    if operation == "shapes":
        params = {
            key: part.node
            for key, part in zip(("ab", "ba", "hadamard", "dot"), solved.parts, strict=True)
        }
    elif operation == "norm":
        params = {"expr": Norm(names[0])}
    elif operation in ("cos", "angle"):
        theta = Angle(names[0], names[1])
        expr: Node = Call("cos", theta) if operation == "cos" else theta
        params = {"expr": expr, "a": names[0], "b": names[1]}
    elif operation in _LAYERS:
        params = {"expr": _LAYERS[operation](solved, names)}
    else:
        kinds = {"dot": Dot, "hadamard": Hadamard, "matmul": MatProduct}
        params = {"expr": kinds[operation](names[0], names[1])}
    return "worksheet.ask." + operation, params, givens


def _linear(solved: Solved, names: list[Node]) -> Node:
    """Wx + b, or XWᵀ + b for a batch (one sample per row)."""
    batch = solved.operands[1].layout == "matrix"
    product = MatProduct(names[1], Transpose(names[0])) if batch else MatProduct(*names[:2])
    return VectorSum(product, names[2], broadcast=batch) if len(names) > 2 else product


def _attention(solved: Solved, names: list[Node]) -> Node:
    """softmax(QKᵀ/√d_k)·V with d_k, the width of Q, as a number (√4 written 2)."""
    scores = Quotient(
        MatProduct(names[0], Transpose(names[1])), scale_node(solved.operands[0].shape[1])
    )
    weights = Softmax(scores)
    return MatProduct(weights, names[2]) if len(names) > 2 else weights


_LAYERS = {
    "outer": lambda solved, names: MatProduct(names[0], Transpose(names[1])),
    "project": lambda solved, names: Projection(names[0], names[1]),
    "linear": _linear,
    "attention": _attention,
}


def _ml_statement(solved: Solved) -> tuple[str, dict[str, Any], list[tuple[Node, Node]]]:
    """einsum: the spec and the operands' shapes; broadcast: the two shapes; codeshapes: the
    expression and the shape of each name."""
    inputs = solved.problem.inputs
    operation = solved.problem.operation
    if operation == "einsum":
        shapes = ", ".join(f"{'ABCD'[i]}: {s}" for i, s in enumerate(inputs[1:]))
        return "worksheet.ask.einsum", {"spec": inputs[0], "shapes": shapes}, []
    if operation == "broadcast":
        return "worksheet.ask.broadcast", {"a": inputs[0], "b": inputs[1]}, []
    shapes = ", ".join(text.replace("=", ": ") for text in inputs[1:])
    return "worksheet.ask.codeshapes", {"expr": inputs[0], "shapes": shapes}, []
