"""Scaled dot-product attention: scores QKᵀ/√d_k, softmax by row, then the weights times V."""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Exp, Quotient, Root, Sum
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import (
    Dot,
    Grid,
    Indexed,
    Masked,
    MatProduct,
    Shape,
    Softmax,
    Transpose,
)
from linsteps.derivation.node import Node
from linsteps.derivation.operands import to_operand
from linsteps.derivation.steps import (
    Assumption,
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
from linsteps.derivation.values import Name, Value
from linsteps.errors import ShapeError, UndefinedError
from linsteps.ops.common import (
    DEFAULT_PLACES,
    add,
    approximate,
    exact,
    multiply,
    pair_sum,
    plain,
    products_change,
    settings_of,
    sum_changes,
    value_sum,
)
from linsteps.ops.divisors import assumed, zero_status
from linsteps.ops.sizes import attention_terms, check_size

D_K = Name("d_k")  # the width of the query and key rows, as the papers name it


def _matrix(value: Any, name: str) -> Operand:
    """Return an operand as a matrix whose rows are tokens (a vector is a single row)."""
    operand = to_operand(value, name, as_matrix=True)
    if operand.layout == "vector":
        row = operand.value.reshape(1, operand.length)
        return Operand(name, row, "matrix", operand.source, operand.decimal)
    return operand


def scale_node(d: int) -> Node:
    """Return √d_k with d_k = ``d`` as shown: ``√2``, but ``2`` for √4 (a perfect square)."""
    root = sympy.sqrt(d)
    return Value(int(root)) if root.is_Integer else Root(Value(d))


def _grid(values: list[list[Any]]) -> Grid:
    return Grid(tuple(tuple(Value(v) for v in row) for row in values))


def _row(values: list[Any]) -> Grid:
    return Grid((tuple(Value(v) for v in values),), "vector")


def _score_chain(lhs: Node, q: list[Any], k: list[Any], i: int, j: int) -> tuple[Chain, Any]:
    """Return (QKᵀ)ᵢⱼ = (row i of Q)·(row j of K) = products = sum."""
    products = [multiply(p, r) for p, r in zip(q, k, strict=True)]
    total = add(products)
    links = [
        Link("row_row", Dot(_row(q), _row(k))),
        Link("substitute", pair_sum([Value(v) for v in q], [Value(v) for v in k], True)),
    ]
    if products_change(q, k):
        links.append(Link("multiply", value_sum(products, True)))
    if sum_changes(products, total):
        links.append(Link("sum", Value(total)))
    return Chain(Indexed(lhs, (i + 1, j + 1)), tuple(links), inline=True), exact(total)


def attention(
    q: Any,
    k: Any,
    v: Any = None,
    *,
    scale: bool = True,
    causal: bool = False,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain softmax(QKᵀ/√d_k)·V: scores, scaling, softmax by row, weighted sum of V."""
    queries, keys = _matrix(q, "Q"), _matrix(k, "K")
    (n, d), (m, d_k) = queries.shape, keys.shape
    if d != d_k:
        raise ShapeError("attention_widths", n=n, d=d, m=m, k=d_k)
    values_op = None if v is None else _matrix(v, "V")
    if values_op is not None and values_op.shape[0] != m:
        raise ShapeError("attention_values", m=m, rows=values_op.shape[0], cols=values_op.shape[1])
    p = 0 if values_op is None else values_op.shape[1]
    check_size(
        *((queries, keys) if values_op is None else (queries, keys, values_op)),
        terms=attention_terms(n, m, d, p),
    )
    q_node, k_node = queries.node(), keys.node()
    raw = MatProduct(q_node, Transpose(k_node))
    scores_node: Node = Quotient(raw, scale_node(d)) if scale else raw
    masked_node: Node = Masked(scores_node) if causal else scores_node
    weights_node = Softmax(masked_node)
    lhs: Node = weights_node if values_op is None else MatProduct(weights_node, values_op.node())
    operands = (queries, keys) if values_op is None else (queries, keys, values_op)
    steps: list[Any] = [
        Heading("attention", lhs),
        Condition(
            "attention_shapes",
            {
                "shape_q": Shape(n, d),
                "shape_k": Shape(m, d),
                "dk": D_K,
                "d": d,
                "shape": Shape(n, m),
            },
        ),
    ]
    if values_op is not None:
        steps.append(
            Condition(
                "attention_values_shape",
                {"m": m, "shape_v": Shape(*values_op.shape), "shape": Shape(n, values_op.shape[1])},
            )
        )
    qs = [[plain(x) for x in row] for row in queries.value.tolist()]
    ks = [[plain(x) for x in row] for row in keys.value.tolist()]
    for operand in operands:
        given = [[plain(x) for x in row] for row in operand.value.tolist()]
        steps.append(Chain(operand.node(), (Link("given", _grid(given)),)))
    steps.append(
        Chain(
            Transpose(k_node),
            (
                Link("substitute", Transpose(_grid(ks))),
                Link("transpose", _grid([list(c) for c in zip(*ks, strict=True)])),
            ),
        )
    )
    scores = []
    for i in range(n):
        line = []
        for j in range(m):
            chain, total = _score_chain(raw, qs[i], ks[j], i, j)
            steps.append(chain)
            line.append(total)
        scores.append(line)
    steps.append(Chain(raw, (Link("entries", _grid(scores)),)))
    current = scores
    if scale:
        root = sympy.sqrt(d)
        scaled = [[sympy.radsimp(s / root) for s in line] for line in scores]
        why = {"root_dk": Root(D_K), "root_d": Root(Value(d)), "dk": D_K}
        if root.is_Integer:
            steps.append(Note("why_scale_square", {**why, "root": scale_node(d)}))
        else:
            steps.append(Note("why_scale", why))
        links = [Link("substitute", Quotient(_grid(scores), scale_node(d)))]
        links.append(Link("divide", _grid(scaled)))
        steps.append(
            Chain(scores_node, tuple(links), approximate(sympy.ImmutableMatrix(scaled), places))
        )
        current = scaled
    if causal:
        masked = [
            [-sympy.oo if j > i else s for j, s in enumerate(line)]
            for i, line in enumerate(current)
        ]
        minus_infinity = Value(-sympy.oo)
        steps.append(
            Note(
                "causal_mask",
                {"masked": minus_infinity, "weight": Exp(minus_infinity), "zero": 0},
            )
        )
        steps.append(Chain(masked_node, (Link("mask", _grid(masked)),)))
        current = masked
    steps.append(
        Rule(
            Name("w", None, ("i", "j"), "entry"),
            (
                Quotient(
                    Exp(Name("s", None, ("i", "j"), "entry")),
                    SumOver("k", 1, m, Exp(Name("s", None, ("i", "k"), "entry"))),
                ),
            ),
        )
    )
    weights: list[list[Any]] = []
    for i, line in enumerate(current):
        powers = [sympy.exp(s) for s in line]
        denominator = sympy.Add(*powers)
        row = [p / denominator for p in powers]
        weights.append(row)
        exps = Sum(tuple(Exp(Value(s)) for s in line)) if m > 1 else Exp(Value(line[0]))
        status = zero_status(denominator)
        if status == "zero":
            raise UndefinedError("softmax_zero", row=i + 1)
        if status == "unknown":
            condition = {"row": i + 1, "sum": exps, "condition": assumed(denominator)}
            steps.append(Assumption("assumed_softmax_row", condition))
        for j, s in enumerate(line):
            links = [
                Link("substitute", Quotient(Exp(Value(s)), exps)),
                Link("simplify", Value(row[j])),
            ]
            steps.append(
                Chain(
                    Indexed(weights_node, (i + 1, j + 1), "w"),
                    tuple(links),
                    approximate(row[j], places),
                    inline=True,
                )
            )
        row_total = sympy.Add(*powers) / denominator  # Σ eˢ / Σ eˢ: exactly 1
        entries = Sum(tuple(Indexed(weights_node, (i + 1, j + 1), "w") for j in range(m)))
        steps.append(
            Chain(
                entries,
                (
                    Link("substitute", Sum(tuple(Value(w) for w in row))),
                    Link("sum", Value(row_total)),
                ),
                inline=True,
            )
        )
    weight_matrix = sympy.ImmutableMatrix(weights)
    real = all(exact(s).is_extended_real for line in current for s in line)
    steps.append(Note("rows_sum_to_one" if real else "rows_sum_to_one_complex", {}))
    steps.append(
        Chain(weights_node, (Link("entries", _grid(weights)),), approximate(weight_matrix, places))
    )
    if values_op is None:
        steps.append(
            Result(
                lhs,
                _grid(weights),
                "attention_weights",
                approximate(weight_matrix, places),
                {"shape": Shape(n, m)},
            )
        )
        return Derivation(
            "attention",
            operands,
            tuple(steps),
            weight_matrix,
            settings_of(operands, places, full=full, scale=scale, causal=causal),
        )
    vs = [[plain(x) for x in row] for row in values_op.value.tolist()]
    output: list[list[Any]] = []
    for i in range(n):
        line = []
        for j in range(p):
            column = [r[j] for r in vs]
            total = sympy.together(
                sympy.Add(*(w * exact(c) for w, c in zip(weights[i], column, strict=True)))
            )
            steps.append(
                Chain(
                    Indexed(lhs, (i + 1, j + 1), "o"),
                    (
                        Link("row_column", Dot(_row(weights[i]), _row(column))),
                        Link("sum", Value(total)),
                    ),
                    approximate(total, places),
                    inline=True,
                )
            )
            line.append(total)
        output.append(line)
    result = sympy.ImmutableMatrix(output)
    steps.append(
        Result(lhs, _grid(output), "attention", approximate(result, places), {"shape": Shape(n, p)})
    )
    return Derivation(
        "attention",
        operands,
        tuple(steps),
        result,
        settings_of(operands, places, full=full, scale=scale, causal=causal),
    )
