"""The transpose Aᵀ: rows become columns, (Aᵀ)ᵢⱼ = Aⱼᵢ."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linsteps.derivation.matrices import Indexed, Shape, Transpose
from linsteps.derivation.operands import to_operand
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Link,
    Note,
    Result,
    Rule,
)
from linsteps.ops.common import DEFAULT_PLACES, plain, settings_of
from linsteps.ops.outer import value_grid
from linsteps.ops.sizes import check_size


def transpose(a: Any, *, places: int = DEFAULT_PLACES, full: bool = False) -> Derivation:
    """Explain the transpose Aᵀ: row i of A becomes column i of Aᵀ."""
    operand = to_operand(a, "A")
    if operand.layout == "vector":
        operand = replace(operand, name="a", layout="vector")
    m, n = operand.shape
    check_size(operand, terms=3 * m * n)
    node = operand.node()
    lhs = Transpose(node)
    rows = [[plain(v) for v in row] for row in operand.value.tolist()]
    flipped = [list(column) for column in zip(*rows, strict=True)]
    steps: list[Any] = [
        Heading("transpose", lhs),
        Rule(Indexed(lhs, ("i", "j")), (Indexed(node, ("j", "i")),)),
        Condition(
            "transpose_shape",
            {"a": operand.name, "at": lhs, "shape": Shape(m, n), "shape_t": Shape(n, m)},
        ),
    ]
    if operand.layout == "vector":
        steps.append(Note("vector_is_column", {"a": operand.name, "shape": Shape(m, 1)}))
    steps.append(
        Chain(
            lhs,
            (
                Link("substitute", Transpose(value_grid(rows))),
                Link("transpose", value_grid(flipped)),
            ),
        )
    )
    result = operand.value.T
    steps.append(
        Result(
            lhs, value_grid(flipped), "transpose", None, {"a": operand.name, "shape": Shape(n, m)}
        )
    )
    return Derivation(
        "transpose", (operand,), tuple(steps), result, settings_of((operand,), places, full=full)
    )
