"""Wrong answers to the layers of a network: linear (one sample or a batch), attention."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sympy

from linsteps.assess.diagnosis_registry import (
    Candidate,
    Setting,
    derives,
    flat,
    matrix,
    product_of,
)


@derives("linear")
def _linear(setting: Setting) -> Iterator[Candidate]:
    w, x = setting.operands[0], setting.operands[1]
    names = {"w": setting.names[0], "x": setting.names[1]}
    bias = matrix(sympy.Matrix(flat(setting.operands[2]))) if len(setting.operands) > 2 else None
    if setting.layouts[1] == "matrix" and x.shape != (w.cols, 1):
        yield from _batch(w, x, bias, {**names, "b": setting.names[2] if bias else "b"})
        return
    x = matrix(sympy.Matrix(flat(x)))
    plain = product_of(w, x)
    if bias is not None and plain is not None and plain.shape == bias.shape:
        yield Candidate("missing_bias", plain, {**names, "b": setting.names[2]})
    transposed = product_of(w.T, x)
    if transposed is not None:
        if bias is not None and transposed.shape == bias.shape:
            transposed = matrix(transposed + bias)
        yield Candidate("transposed", transposed, {**names, "form": f"{names['w']}ᵀ"}, "weight")


def _batch(w: Any, x: Any, bias: Any, names: dict[str, str]) -> Iterator[Candidate]:
    """A batch X (one sample per row): XWᵀ + b, and what forgetting a part of it gives."""

    def plus_bias(value: Any) -> Any:
        if bias is None or value.cols != bias.rows:
            return value
        return matrix(value + sympy.ones(value.rows, 1) * bias.T)

    plain = product_of(x, w.T)
    if plain is None:
        return
    if bias is not None and plain.cols == bias.rows:
        yield Candidate("missing_bias", plain, names, "batch")
    result = plus_bias(plain)
    untransposed = product_of(x, w)
    if untransposed is not None:
        form = f"{names['x']}{names['w']}"
        yield Candidate("transposed", plus_bias(untransposed), {**names, "form": form}, "batch")
    if result != result.T:
        form = f"({names['x']}{names['w']}ᵀ + {names['b']})ᵀ" if bias is not None else ""
        form = form or f"({names['x']}{names['w']}ᵀ)ᵀ"
        yield Candidate("transposed", matrix(result.T), {**names, "form": form})


def softmax_rows(scores: Any) -> Any:
    """Exact softmax of each row: exp(sᵢⱼ) / Σₖ exp(sᵢₖ)."""
    rows = []
    for row in scores.tolist():
        exps = [sympy.exp(s) for s in row]
        total = sympy.Add(*exps)
        rows.append([e / total for e in exps])
    return matrix(sympy.Matrix(rows))


def _masked(scores: Any) -> Any:
    """The causal mask: −∞ above the diagonal (a query sees no later key)."""
    return matrix(
        sympy.Matrix(scores.rows, scores.cols, lambda i, j: -sympy.oo if j > i else scores[i, j])
    )


@derives("attention")
def _attention(setting: Setting) -> Iterator[Candidate]:
    q, k = setting.operands[0], setting.operands[1]
    if q.rows == 1 and setting.layouts[0] == "vector":
        q = matrix(sympy.Matrix([flat(q)]))
    if setting.layouts[1] == "vector":
        k = matrix(sympy.Matrix([flat(k)]))
    if q.cols != k.cols:
        return
    v = setting.operands[2] if len(setting.operands) > 2 else None
    if v is not None and setting.layouts[2] == "vector":
        v = matrix(sympy.Matrix([flat(v)]))
    scale = setting.options.get("scale", True) is not False
    causal = bool(setting.options.get("causal"))
    raw = matrix(q * k.T)
    scaled = matrix((raw / sympy.sqrt(q.cols)).applyfunc(sympy.radsimp)) if scale else raw

    def mask(scores: Any) -> Any:
        return _masked(scores) if causal else scores

    names = {"d": str(q.cols)}
    variants = [("softmax_wrong_axis", softmax_rows(mask(scaled).T).T)]
    if scale:
        variants.insert(0, ("missing_scale", softmax_rows(mask(raw))))
    for code, weights in variants:
        if weights.has(sympy.nan):
            continue  # a row with every score masked has no softmax: no such wrong answer
        yield Candidate(code, matrix(weights), names)
        if v is not None and weights.cols == v.rows:
            yield Candidate(code, matrix(weights * v), names)
    if scale:
        yield Candidate("missing_scale", raw, names, "scores")
