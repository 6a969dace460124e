"""Named misconceptions: the plausible wrong answers, re-derived from the same operands.

``DIAGNOSES`` maps an operation to the functions that derive its wrong answers: each yields
``Candidate(code, value, params)`` where ``value`` is what a learner with that misconception
would write (a SymPy matrix; a scalar is 1×1).  The checker compares an answer with each
candidate in turn; nothing here looks at the answer's text.  An operation added later plugs in
with ``@derives("name")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy

# Stable codes, in the order the README documents them.
CODES = (
    "equivalent_form",
    "approximate",
    "imprecise",
    "wrong_shape",
    "hadamard_instead_of_matmul",
    "matmul_instead_of_hadamard",
    "reversed_order",
    "transposed",
    "forgot_to_sum",
    "outer_instead_of_inner",
    "dot_instead_of_cos",
    "cos_instead_of_angle",
    "missing_sqrt",
    "degrees_for_radians",
    "radians_for_degrees",
    "sign_error",
    "entry_error",
    "missing_bias",
    "missing_scale",
    "softmax_wrong_axis",
    "missing_conjugate",
    "orthogonal_component",
    "not_defined",
    "arithmetic_error",
)


@dataclass(frozen=True)
class Candidate:
    """A wrong answer a misconception produces, with the message parameters that name it."""

    code: str
    value: Any  # an ImmutableMatrix
    params: Mapping[str, str] = field(default_factory=dict)
    variant: str | None = None  # selects ``diagnosis.<code>.<variant>`` in the catalogs


@dataclass(frozen=True)
class Setting:
    """A problem as the derivers see it: operand values (vectors as columns) and options."""

    operation: str
    operands: tuple[Any, ...]
    names: tuple[str, ...]
    layouts: tuple[str, ...]
    options: Mapping[str, Any]


Deriver = Callable[[Setting], Iterator[Candidate]]
DIAGNOSES: dict[str, list[Deriver]] = {}


def derives(*operations: str) -> Callable[[Deriver], Deriver]:
    """Register a function deriving wrong answers for ``operations``."""

    def register(function: Deriver) -> Deriver:
        for operation in operations:
            DIAGNOSES.setdefault(operation, []).append(function)
        return function

    return register


def candidates(setting: Setting) -> list[Candidate]:
    """Every wrong answer derivable for ``setting``, most specific first."""
    found: list[Candidate] = []
    for function in DIAGNOSES.get(setting.operation, []):
        found.extend(function(setting))
    return found


def matrix(value: Any) -> Any:
    """``value`` as an ImmutableMatrix (a scalar becomes 1×1)."""
    if isinstance(value, sympy.MatrixBase):
        return sympy.ImmutableMatrix(value)
    return sympy.ImmutableMatrix([[value]])


def flat(value: Any) -> list[Any]:
    """The entries of a vector operand, whatever its orientation."""
    return list(value)


def dot_of(u: list[Any], v: list[Any]) -> Any:
    """The exact dot product of two lists of entries."""
    return sympy.Add(*(x * y for x, y in zip(u, v, strict=True)))


def sub(name: str, index: int) -> str:
    """``a`` and 2 as ``a₂``."""
    from linsteps.render.printing import symbol_text

    return symbol_text(f"{name}_{index}")


# --- vectors: dot, norm, cos, angle --------------------------------------------------------------


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
    if squared.is_number and abs(squared) <= 1:
        yield Candidate("missing_sqrt", matrix(sympy.acos(squared) * scale), names, "angle")


# --- matrices: hadamard, matmul ------------------------------------------------------------------


def _product(x: Any, y: Any) -> Any | None:
    return matrix(x * y) if x.cols == y.rows else None


def _elementwise(x: Any, y: Any) -> Any | None:
    return matrix(x.multiply_elementwise(y)) if x.shape == y.shape else None


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
    product = _product(a, b)
    if product is not None:
        form = {**names, "form": names["a"] + names["b"]}
        yield Candidate("matmul_instead_of_hadamard", product, form)
    result = _elementwise(a, b)
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
        result = _elementwise(matrix(sympy.Matrix(flat(a))), matrix(sympy.Matrix(flat(b))))
    else:
        result = _elementwise(a, b)
    if result is not None:
        found.append(Candidate("hadamard_instead_of_matmul", result, names))
    reverse = _product(b, a)
    if reverse is not None:
        found.append(Candidate("reversed_order", reverse, names))
    product = _product(a, b)
    transposes = (
        (product.T if product is not None else None, f"({na}{nb})ᵀ"),
        (_product(a, b.T), f"{na}{nb}ᵀ"),
        (_product(a.T, b), f"{na}ᵀ{nb}"),
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


# --- layers: linear, attention -------------------------------------------------------------------


@derives("linear")
def _linear(setting: Setting) -> Iterator[Candidate]:
    w, x = setting.operands[0], setting.operands[1]
    names = {"w": setting.names[0], "x": setting.names[1]}
    bias = matrix(sympy.Matrix(flat(setting.operands[2]))) if len(setting.operands) > 2 else None
    if setting.layouts[1] == "matrix" and x.shape != (w.cols, 1):
        yield from _batch(w, x, bias, {**names, "b": setting.names[2] if bias else "b"})
        return
    x = matrix(sympy.Matrix(flat(x)))
    plain = _product(w, x)
    if bias is not None and plain is not None and plain.shape == bias.shape:
        yield Candidate("missing_bias", plain, {**names, "b": setting.names[2]})
    transposed = _product(w.T, x)
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

    plain = _product(x, w.T)
    if plain is None:
        return
    if bias is not None and plain.cols == bias.rows:
        yield Candidate("missing_bias", plain, names, "batch")
    result = plus_bias(plain)
    untransposed = _product(x, w)
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
        yield Candidate(code, matrix(weights), names)
        if v is not None and weights.cols == v.rows:
            yield Candidate(code, matrix(weights * v), names)
    if scale:
        yield Candidate("missing_scale", raw, names, "scores")
