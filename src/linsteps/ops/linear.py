"""The linear (fully connected) layer y = Wx + b, and a batch the PyTorch way, XWᵀ + b."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import sympy

from linsteps.derivation.arithmetic import Product, Sum, ValueSum
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import Dot, Grid, Indexed, MatProduct, Shape, Transpose, VectorSum
from linsteps.derivation.node import Node
from linsteps.derivation.operands import as_vector, to_operand
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Link,
    Note,
    Operand,
    Result,
    Rule,
)
from linsteps.derivation.values import Value
from linsteps.errors import ShapeError
from linsteps.ops.common import (
    DEFAULT_PLACES,
    SUMMARY_ENTRIES,
    SUMMARY_TERMS,
    add,
    approximate,
    exact,
    multiply,
    plain,
    settings_of,
    sum_changes,
    sum_node,
)
from linsteps.ops.sizes import all_rational, check_size, rational_product, sum_terms
from linsteps.reading.deadlines import check_time


def _weights(w: Any) -> Operand:
    """Return W as a matrix (a vector is a single row: one output)."""
    operand = to_operand(w, "W", as_matrix=True)
    if operand.layout == "vector":
        value = operand.value.reshape(1, operand.length)
        return Operand("W", value, "matrix", operand.source, operand.decimal)
    return operand


def _output(
    lhs: Node,
    label: str,
    index: tuple[int, ...],
    row: list[Any],
    x: list[Any],
    bias: Any,
    full: bool,
) -> tuple[Chain, Any]:
    """Return yᵢ = (row)·x + bᵢ = products + bᵢ = value, and the value."""
    products = [multiply(p, q) for p, q in zip(row, x, strict=True)]
    terms: list[Node] = [Product((Value(p), Value(q))) for p, q in zip(row, x, strict=True)]
    dot: Node = Dot(
        Grid((tuple(Value(v) for v in row),), "vector"),
        Grid((tuple(Value(v) for v in x),), "vector"),
    )
    values = products
    if bias is not None:
        dot = Sum((dot, Value(bias)))
        terms = [*terms, Value(bias)]
        values = [*products, bias]
    total = add(values)
    links = [
        Link("row_column", dot),
        Link("substitute", sum_node(terms, full)),
        Link("multiply", ValueSum(tuple(values), elide=not full and len(values) > SUMMARY_TERMS))
        if len(values) > 1
        else Link("multiply", Value(values[0])),
    ]
    if sum_changes(values, total):
        links.append(Link("sum", Value(total)))
    return Chain(Indexed(lhs, index, label), tuple(links), inline=True), total


def linear(
    w: Any, x: Any, b: Any = None, *, places: int = DEFAULT_PLACES, full: bool = False
) -> Derivation:
    """Explain y = Wx + b entry by entry; for a batch X (one sample per row), XWᵀ + b."""
    weights = _weights(w)
    out_features, in_features = weights.shape
    inputs = to_operand(x, "x")
    batch = inputs.layout == "matrix" and inputs.shape != (in_features, 1)
    if batch:
        inputs = replace(inputs, name="X", layout="matrix")
        width = inputs.shape[1]
    else:
        inputs = as_vector(inputs, "linear")
        width = inputs.length
    shape_w = f"{out_features}×{in_features}"
    if width != in_features:
        key = "linear_batch_in_features" if batch else "linear_in_features"
        raise ShapeError(key, shape=shape_w, in_features=in_features, got=width)
    bias = None if b is None else as_vector(to_operand(b, "b"), "linear")
    if bias is not None and bias.length != out_features:
        raise ShapeError(
            "linear_out_features", shape=shape_w, out_features=out_features, got=bias.length
        )
    operands = (weights, inputs) if bias is None else (weights, inputs, bias)
    count = inputs.shape[0] if batch else 1
    chain_terms = 3 * (in_features if full else min(in_features, SUMMARY_TERMS)) + 4
    shown_count = count * out_features if full or count * out_features <= SUMMARY_ENTRIES else 3
    per_entry = sum_terms(in_features + 1, *operands)
    check_size(*operands, terms=count * out_features * per_entry + shown_count * chain_terms)
    rows = [[plain(v) for v in row] for row in weights.value.tolist()]
    biases = None if bias is None else [plain(v) for v in bias.value]
    w_node, x_node = weights.node(), inputs.node()
    index: tuple[int | str, ...]
    if batch:
        product: Node = MatProduct(x_node, Transpose(w_node))
        samples = [[plain(v) for v in row] for row in inputs.value.tolist()]
        label, index = "Y", ("s", "i")
        body = Product((Indexed(x_node, ("s", "j")), Indexed(w_node, ("i", "j"))))
    else:
        product = MatProduct(w_node, x_node)
        samples = [[plain(v) for v in inputs.value]]
        label, index = "y", ("i",)
        body = Product((Indexed(w_node, ("i", "j")), Indexed(x_node, ("j",))))
    lhs: Node = product if bias is None else VectorSum(product, bias.node(), broadcast=batch)
    general: Node = SumOver("j", 1, in_features, body)
    if bias is not None:
        general = Sum((general, Indexed(bias.node(), ("i",))))
    features: dict[str, Any] = {
        "in_features": in_features,
        "out_features": out_features,
        "shape": Shape(out_features, in_features),
    }
    steps: list[Any] = [
        Heading("linear_batch" if batch else "linear", lhs),
        Rule(Indexed(lhs, index, label), (general,)),
        Condition("linear_shapes", features),
    ]
    if batch:
        count = len(samples)
        steps.append(
            Condition(
                "linear_batch_shapes",
                {**features, "n": count, "result": Shape(count, out_features)},
            )
        )
        steps.append(Note("linear_transpose", {}))
        if bias is not None:
            steps.append(Note("bias_broadcast", {}))
    elif bias is not None:
        steps.append(Condition("linear_bias", {"out_features": out_features}))
    total = len(samples) * out_features
    cells = [(s, i) for s in range(len(samples)) for i in range(out_features)]
    summarize = not (full or total <= SUMMARY_ENTRIES)
    shown_cells = cells[:3] if summarize else cells
    values = _outputs(samples, rows, biases, all_rational(*operands)) if summarize else None
    table: list[list[Any]] = [[None] * out_features for _ in samples]
    for s, i in shown_cells:
        where = (s + 1, i + 1) if batch else (i + 1,)
        bias_i = None if biases is None else biases[i]
        chain, value = _output(lhs, label, where, rows[i], samples[s], bias_i, full)
        steps.append(chain)
        table[s][i] = value
    values = [[exact(v) for v in line] for line in (table if values is None else values)]
    shown = len(shown_cells)
    if shown < total:
        steps.append(Note("summarized", {"shown": shown, "total": total}))
    if batch:
        result = sympy.ImmutableMatrix(values)
        grid = Grid(tuple(tuple(Value(v) for v in line) for line in values))
        params: dict[str, Any] = {"n": len(samples), "out_features": out_features}
    else:
        result = sympy.ImmutableMatrix(values[0])
        grid = Grid((tuple(Value(v) for v in values[0]),), "vector")
        params = {"out_features": out_features}
    steps.append(
        Result(
            lhs,
            grid,
            "linear_batch" if batch else "linear",
            approximate(result, places, "matrix" if batch else "vector"),
            params,
        )
    )
    return Derivation(
        "linear",
        operands,
        tuple(steps),
        result,
        settings_of(operands, places, full=full, batch=batch),
    )


def _outputs(
    samples: list[list[Any]], rows: list[list[Any]], biases: list[Any] | None, rational: bool
) -> list[list[Any]]:
    """Return every output without its steps (a summary shows three of them)."""
    if rational:
        table = rational_product(samples, [list(column) for column in zip(*rows, strict=True)])
    else:
        table = []
        for sample in samples:
            check_time()
            table.append(
                [add([multiply(p, q) for p, q in zip(row, sample, strict=True)]) for row in rows]
            )
    if biases is None:
        return table
    return [
        [add([value, bias]) for value, bias in zip(line, biases, strict=True)] for line in table
    ]
