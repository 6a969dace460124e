"""Multi-head attention: d_model split into H heads, attention in each, the heads side by side.

Q (T×d_model), K and V (S rows) are reshaped to (T, H, d_k) and transposed to (H, T, d_k): head
h holds columns (h−1)·d_k+1 … h·d_k.  Each head is scaled dot-product attention
(:func:`linsteps.ops.attention.attention`) with its own √d_k, and the head outputs, (H, T, d_v)
transposed back to (T, H, d_v), are reshaped to (T, H·d_v): the heads side by side.  The output
projection W_O of a transformer layer is left out (Q, K and V are taken as already projected).
Small cases show every score and weight; larger ones each head's result (``full`` for all).
"""

from __future__ import annotations

from typing import Any

import sympy

from linsteps.derivation.arithmetic import Quotient, Root
from linsteps.derivation.matrices import Grid, Masked, MatProduct, Shape, Softmax, Transpose
from linsteps.derivation.node import Node
from linsteps.derivation.operands import to_operand
from linsteps.derivation.steps import (
    Chain,
    Condition,
    Derivation,
    Heading,
    Link,
    Note,
    Operand,
    Param,
    Result,
    Rule,
    Step,
)
from linsteps.derivation.values import Name, Value
from linsteps.errors import ShapeError, UsageError
from linsteps.ops.attention import attention
from linsteps.ops.common import DEFAULT_PLACES, approximate, settings_of

MAX_HEADS = 64
SHOWN_SCORES = 32  # scores over all heads shown step by step unless ``full``


def _rows(value: Any, name: str) -> Operand:
    """Return an operand as a matrix whose rows are tokens (a vector is one row)."""
    operand = to_operand(value, name, as_matrix=True)
    if operand.layout == "vector":
        row = operand.value.reshape(1, operand.length)
        return Operand(name, row, "matrix", operand.source, operand.decimal)
    return operand


def _dims(*sizes: int) -> Value:
    return Value(sympy.Tuple(*sizes))


def _grid(matrix: Any) -> Grid:
    return Grid(tuple(tuple(Value(x) for x in row) for row in matrix.tolist()))


def _head(operand: Operand, h: int, width: int) -> Operand:
    """Return head ``h`` (1-based) of an operand: its columns (h−1)·width+1 … h·width."""
    columns = operand.value[:, (h - 1) * width : h * width]
    return Operand(
        f"{operand.name}_{h}",
        sympy.ImmutableMatrix(columns),
        "matrix",
        operand.source,
        operand.decimal,
    )


def _split(operand: Operand, heads: int) -> int:
    """Return the width of one head of ``operand``, or refuse a width H does not divide."""
    width = operand.shape[1]
    if width % heads:
        raise ShapeError("heads_divide", name=operand.name, width=width, heads=heads)
    return width // heads


def multi_head_attention(
    q: Any,
    k: Any,
    v: Any = None,
    *,
    heads: int,
    scale: bool = True,
    causal: bool = False,
    places: int = DEFAULT_PLACES,
    full: bool = False,
) -> Derivation:
    """Explain multi-head attention with ``heads`` heads: split, attend each, concatenate."""
    if not isinstance(heads, int) or not 1 <= heads <= MAX_HEADS:
        raise UsageError("bad_heads", value=heads, most=MAX_HEADS)
    queries, keys = _rows(q, "Q"), _rows(k, "K")
    (t, d), (s, d_keys) = queries.shape, keys.shape
    if d != d_keys:
        raise ShapeError("attention_widths", n=t, d=d, m=s, k=d_keys)
    values = None if v is None else _rows(v, "V")
    if values is not None and values.shape[0] != s:
        raise ShapeError("attention_values", m=s, rows=values.shape[0], cols=values.shape[1])
    d_k = _split(queries, heads)
    operands = (queries, keys) if values is None else (queries, keys, values)
    d_v = s if values is None else _split(values, heads)
    head = Name("head", None, ("h",), "matrix")
    scores: Node = MatProduct(
        Name("Q", None, ("h",), "matrix"), Transpose(Name("K", None, ("h",), "matrix"))
    )
    scores = Quotient(scores, Root(Name("d_k"))) if scale else scores
    weights: Node = Softmax(Masked(scores) if causal else scores)
    expression = (
        weights if values is None else MatProduct(weights, Name("V", None, ("h",), "matrix"))
    )
    steps: list[Step] = [
        Heading("attention_heads", expression),
        Condition("heads_split", {"d": d, "heads": heads, "dk": d_k}),
    ]
    if values is not None:
        steps.append(
            Condition("heads_split_values", {"dv": values.shape[1], "heads": heads, "dvh": d_v})
        )
    steps.append(Note("heads_shapes", {}))
    for operand in operands:
        rows, width = operand.shape
        part = width // heads
        steps.append(
            Note(
                "heads_reshape",
                {
                    "name": operand.name,
                    "before": _dims(rows, width),
                    "split": _dims(rows, heads, part),
                    "after": _dims(heads, rows, part),
                },
            )
        )
    detailed = full or heads * t * s <= SHOWN_SCORES
    if not detailed:
        steps.append(Note("heads_summarized", {"heads": heads}))
    outputs = []
    seen: set[str] = set()
    for h in range(1, heads + 1):
        parts = [_head(op, h, d_k if op is not values else d_v) for op in operands]
        names: dict[str, Param] = {
            "qh": parts[0].node(),
            "kh": parts[1].node(),
            "h": h,
            "first": (h - 1) * d_k + 1,
            "last": h * d_k,
        }
        steps.append(Note("head_columns", names))
        steps.extend(Chain(part.node(), (Link("columns", _grid(part.value)),)) for part in parts)
        one = attention(*parts, scale=scale, causal=causal, places=places, full=full)
        for step in one.steps:
            if isinstance(step, Heading | Condition):
                continue
            if isinstance(step, Note | Rule):
                key = step.key if isinstance(step, Note) else "rule"
                if key in seen or not detailed:
                    continue
                seen.add(key)
                steps.append(step)
            elif isinstance(step, Result):
                lhs = Name("head", one.result, (h,), "matrix")
                steps.append(Chain(lhs, (Link("entries", step.value),), step.approx))
            elif detailed:
                steps.append(step)
        outputs.append(one.result)
    result = sympy.ImmutableMatrix(sympy.Matrix.hstack(*outputs))
    concat: dict[str, Param] = {
        "heads": heads,
        "t": t,
        "width": d_v,
        "total": heads * d_v,
        "head": head,
    }
    steps += [Note("heads_concat", concat), Note("heads_projection", {})]
    output = Name("O", result, (), "matrix")
    shape = {"shape": Shape(t, heads * d_v)}
    steps.append(
        Result(output, _grid(result), "attention_heads", approximate(result, places), shape)
    )
    return Derivation(
        "attention_heads",
        operands,
        tuple(steps),
        result,
        settings_of(operands, places, full=full, scale=scale, causal=causal, heads=heads),
    )


__all__ = ["multi_head_attention"]
