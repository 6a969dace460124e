"""Wrong answers to the operations on vectors: dot, norm, cos, angle."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import sympy

from linsteps.assess.diagnosis_registry import (
    Candidate,
    Setting,
    derives,
    dot_of,
    flat,
    matrix,
    sub,
)


@derives("dot")
def _dot(setting: Setting) -> Iterator[Candidate]:
    (a, b), (na, nb) = setting.operands, setting.names
    u, v = flat(a), flat(b)
    names = {"a": na, "b": nb}
    if setting.options.get("complex"):
        yield from _complex(u, v, names)
        return
    yield Candidate("outer_instead_of_inner", matrix(sympy.Matrix(u) * sympy.Matrix([v])), names)
    if len(u) != len(v):
        return
    products = [x * y for x, y in zip(u, v, strict=True)]
    yield Candidate("forgot_to_sum", matrix(sympy.Matrix(products)), names)
    total = sympy.Add(*products)
    yield from _sign_terms(total, products, na, nb, lambda s: s)


def _complex(u: list[Any], v: list[Any], names: dict[str, str]) -> Iterator[Candidate]:
    """⟨a, b⟩ = Σ aᵢ·conj(bᵢ): without the conjugate, or with it on the first argument."""
    if len(u) != len(v):
        return
    right = sympy.expand(sympy.Add(*(x * sympy.conjugate(y) for x, y in zip(u, v, strict=True))))
    plain = sympy.expand(dot_of(u, v))
    first = sympy.expand(sympy.conjugate(right))
    if plain != right:
        yield Candidate("missing_conjugate", matrix(plain), names)
    if first != right:
        yield Candidate("missing_conjugate", matrix(first), names, "first")
    products = [sympy.expand(x * sympy.conjugate(y)) for x, y in zip(u, v, strict=True)]
    yield Candidate("forgot_to_sum", matrix(sympy.Matrix(products)), names, "complex")


def _sign_terms(
    total: Any, products: list[Any], na: str, nb: str, finish: Callable[[Any], Any]
) -> Iterator[Candidate]:
    """One product aᵢbᵢ entered with the wrong sign, then the whole value negated."""
    if len(products) > 1:
        for i, product in enumerate(products, start=1):
            if product != 0:
                term = sub(na, i) + sub(nb, i)
                yield Candidate(
                    "sign_error", matrix(finish(total - 2 * product)), {"term": term}, "term"
                )


@derives("norm")
def _norm(setting: Setting) -> Iterator[Candidate]:
    u = flat(setting.operands[0])
    yield Candidate("missing_sqrt", matrix(dot_of(u, u)), {"a": setting.names[0]}, "norm")


def _cos_parts(setting: Setting) -> tuple[list[Any], list[Any], Any, Any, Any] | None:
    a, b = setting.operands
    u, v = flat(a), flat(b)
    if len(u) != len(v):
        return None
    uu, vv = dot_of(u, u), dot_of(v, v)
    if uu == 0 or vv == 0:
        return None
    return u, v, dot_of(u, v), uu, vv


@derives("cos")
def _cos(setting: Setting) -> Iterator[Candidate]:
    parts = _cos_parts(setting)
    if parts is None:
        return
    u, v, d, uu, vv = parts
    names = {"a": setting.names[0], "b": setting.names[1]}
    yield Candidate("dot_instead_of_cos", matrix(d), names)
    yield Candidate("missing_sqrt", matrix(d / (uu * vv)), names, "cos")
    products = [x * y for x, y in zip(u, v, strict=True)]
    norms = sympy.sqrt(uu) * sympy.sqrt(vv)
    na, nb = setting.names[0], setting.names[1]
    yield from _sign_terms(d, products, na, nb, lambda s: s / norms)


@derives("angle")
def _angle(setting: Setting) -> Iterator[Candidate]:
    parts = _cos_parts(setting)
    if parts is None:
        return
    _, _, d, uu, vv = parts
    names = {"a": setting.names[0], "b": setting.names[1]}
    cosine = d / (sympy.sqrt(uu) * sympy.sqrt(vv))
    theta = sympy.acos(cosine)
    degrees = setting.options.get("unit") == "degrees"
    scale = 180 / sympy.pi if degrees else sympy.Integer(1)
    if degrees:
        yield Candidate("radians_for_degrees", matrix(theta), names)
    else:
        yield Candidate("degrees_for_radians", matrix(theta * 180 / sympy.pi), names)
    yield Candidate("cos_instead_of_angle", matrix(cosine), names)
    yield Candidate("sign_error", matrix((sympy.pi - theta) * scale), names, "supplement")
    squared = d / (uu * vv)
    # Only where |cos²θ| ≤ 1 is decided: of a complex entry SymPy cannot always tell.
    if squared.is_number and sympy.Le(abs(squared), 1) is sympy.true:
        yield Candidate("missing_sqrt", matrix(sympy.acos(squared) * scale), names, "angle")
