"""Wrong answers to the products and forms of matrices: hadamard, matmul, outer, transpose,
project."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sympy

from linsteps.assess.diagnosis_registry import (
    Candidate,
    Setting,
    derives,
    dot_of,
    elementwise_of,
    flat,
    matrix,
    product_of,
)


@derives("hadamard")
def _hadamard(setting: Setting) -> Iterator[Candidate]:
    a, b = setting.operands
    names = {"a": setting.names[0], "b": setting.names[1]}
    if setting.layouts == ("vector", "vector"):
        u, v = flat(a), flat(b)
        if len(u) == len(v):
            names = {**names, "form": f"{names['a']}·{names['b']}"}
            yield Candidate("matmul_instead_of_hadamard", matrix(dot_of(u, v)), names)
        return
    product = product_of(a, b)
    if product is not None:
        form = {**names, "form": names["a"] + names["b"]}
        yield Candidate("matmul_instead_of_hadamard", product, form)
    result = elementwise_of(a, b)
    if result is not None and result != result.T:
        form = {**names, "form": f"({names['a']}∘{names['b']})ᵀ"}
        yield Candidate("transposed", matrix(result.T), form)


def oriented(setting: Setting) -> tuple[Any, Any]:
    """The operands of a matrix product: a vector on the left is a row, on the right a column."""
    a, b = setting.operands
    if setting.layouts[0] == "vector":
        a = matrix(sympy.Matrix([flat(a)]))
    if setting.layouts[1] == "vector":
        b = matrix(sympy.Matrix(flat(b)))
    return a, b


@derives("matmul")
def _matmul(setting: Setting) -> Iterator[Candidate]:
    a, b = oriented(setting)
    na, nb = setting.names
    names = {"a": na, "b": nb}
    found: list[Candidate] = []
    if a.rows == 1 and b.cols == 1 and a.cols == b.rows:
        found.append(Candidate("outer_instead_of_inner", matrix(a.T * b.T), names))
    if a.rows == 1 and b.cols == 1 and a.cols == b.rows:  # row·column: the vectors' a∘b
        result = elementwise_of(matrix(sympy.Matrix(flat(a))), matrix(sympy.Matrix(flat(b))))
    else:
        result = elementwise_of(a, b)
    if result is not None:
        found.append(Candidate("hadamard_instead_of_matmul", result, names))
    reverse = product_of(b, a)
    if reverse is not None:
        found.append(Candidate("reversed_order", reverse, names))
    product = product_of(a, b)
    transposes = (
        (product.T if product is not None else None, f"({na}{nb})ᵀ"),
        (product_of(a, b.T), f"{na}{nb}ᵀ"),
        (product_of(a.T, b), f"{na}ᵀ{nb}"),
    )
    for value, form in transposes:
        if value is not None and value != product:
            found.append(Candidate("transposed", matrix(value), {**names, "form": form}))
    entry = setting.options.get("entry")
    if entry is None or product is None:
        yield from found
        return
    i, j = entry
    for candidate in found:
        if candidate.value.shape == product.shape:
            value = matrix(candidate.value[i - 1, j - 1])
            yield Candidate(candidate.code, value, candidate.params, candidate.variant)


# --- the general forms: outer, transpose, project ----------------------------------------------


@derives("outer")
def _outer(setting: Setting) -> Iterator[Candidate]:
    u, v = flat(setting.operands[0]), flat(setting.operands[1])
    names = {"a": setting.names[0], "b": setting.names[1]}
    result = sympy.Matrix(u) * sympy.Matrix([v])
    if result != result.T:
        form = f"{names['b']}{names['a']}ᵀ"
        yield Candidate("transposed", matrix(result.T), {**names, "form": form})
    if len(u) == len(v):
        yield Candidate("outer_instead_of_inner", matrix(dot_of(u, v)), names, "inner")


@derives("transpose")
def _transpose(setting: Setting) -> Iterator[Candidate]:
    a = setting.operands[0]
    if setting.layouts[0] != "vector" and a != a.T:
        yield Candidate("transposed", matrix(a), {"a": setting.names[0]}, "unchanged")


@derives("project")
def _project(setting: Setting) -> Iterator[Candidate]:
    u, v = flat(setting.operands[0]), flat(setting.operands[1])
    if len(u) != len(v):
        return
    names = {"a": setting.names[0], "b": setting.names[1]}
    ab, aa, bb = dot_of(u, v), dot_of(u, u), dot_of(v, v)
    if bb == 0:
        return
    result = matrix(sympy.Matrix(v) * (ab / bb))
    if aa != 0:
        other = matrix(sympy.Matrix(u) * (ab / aa))
        if other != result:
            yield Candidate("reversed_order", other, names, "project")
    rest = matrix(sympy.Matrix(u) - result)
    if rest != result:
        yield Candidate("orthogonal_component", rest, names)
