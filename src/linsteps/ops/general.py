"""General forms: vectors of any length n and matrices of any shape m×n.

``--dim n`` and ``--shape mxn`` with letters give the Σ form, the written-out form with ⋯ and
the shape rules stated with letters.  Results are SymPy objects of symbolic size: a ``Sum``
over an ``IndexedBase`` (``Sum(a[i]*b[i], (i, 1, n))``) or a ``MatrixSymbol`` expression
(``A*B``).
"""

from __future__ import annotations

import re
from typing import Any

import sympy

from linsteps.derivation.arithmetic import Call, Power, Product, Quotient, Root
from linsteps.derivation.general_forms import ElidedSum, Entry, SymbolicSum, size_symbol
from linsteps.derivation.matrices import (
    Angle,
    Dot,
    Hadamard,
    Indexed,
    MatProduct,
    Norm,
    Shape,
    Slice,
)
from linsteps.derivation.node import Node
from linsteps.derivation.operands import MAX_GENERIC, check_distinct
from linsteps.derivation.steps import (
    Assumption,
    Condition,
    Derivation,
    Heading,
    Note,
    Operand,
    Result,
    Rule,
)
from linsteps.derivation.values import Value
from linsteps.errors import ShapeError, UsageError
from linsteps.ops.common import DEFAULT_PLACES, settings_of

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_SIZE = r"\s*([A-Za-z]|\d+)\s*"
_SHAPE = re.compile(_SIZE + r"[x×X*,]" + _SIZE)
INDEX_LETTERS = ("i", "j", "k", "l", "r", "s", "t", "u", "v", "w")

Size = int | str


def is_symbolic_dim(dim: Any) -> bool:
    """Return True when ``--dim`` is a letter (a symbolic length) rather than a number."""
    return isinstance(dim, str) and not dim.strip().isdigit() and bool(dim.strip())


def is_symbolic_shape(shape: Any) -> bool:
    """Return True when ``--shape`` has a letter for at least one of its sizes."""
    if not isinstance(shape, str):
        return False
    match = _SHAPE.fullmatch(shape)
    return match is not None and not (match[1].isdigit() and match[2].isdigit())


def parse_size(text: str, option: str = "--dim") -> Size:
    """Read one size: a whole number from 1 to the limit, or a symbol name."""
    text = text.strip()
    if text.isdigit() and 1 <= int(text) <= MAX_GENERIC:
        return int(text)
    if not _NAME.fullmatch(text):
        raise UsageError("bad_size", option=option, text=text, most=MAX_GENERIC)
    return text


def parse_symbolic_shape(text: str) -> tuple[Size, Size]:
    """Read ``--shape`` with letters: ``mxn``, ``2xn``, ``m×3``."""
    match = _SHAPE.fullmatch(text)
    if not match:
        raise UsageError("bad_shape", text=text)
    return parse_size(match[1], "--shape"), parse_size(match[2], "--shape")


def _letters(count: int, sizes: tuple[Size, ...]) -> list[str]:
    """Return ``count`` index letters not used as sizes."""
    taken = {str(s) for s in sizes}
    return [c for c in INDEX_LETTERS if c not in taken][:count]


def _operand(text: Any, name: str, rows: Size, cols: Size, layout: str) -> tuple[Operand, str]:
    """Return the operand of symbolic size and the base letter of its entries."""
    if not isinstance(text, str) or not _NAME.fullmatch(text.strip()):
        raise UsageError("symbolic_needs_name", operand=name)
    typed = text.strip()
    own = typed.lower() if layout == "vector" else typed  # the operand is called as typed
    value = sympy.MatrixSymbol(own, size_symbol(rows), size_symbol(cols))
    return Operand(own, value, layout, text), typed.lower()


def _sum(index: str, upper: Size, term: Any) -> tuple[SymbolicSum, ElidedSum]:
    """Return Σ_{index=1}^{upper} term(index) and its written-out form with ⋯."""
    whole = SymbolicSum(index, 1, upper, term(index))
    if isinstance(upper, int) and upper <= 3:
        positions: tuple[Size, ...] = tuple(range(1, upper + 1))
        return whole, ElidedSum(tuple(term(p) for p in positions), positions, whole, elide=False)
    positions = (1, 2, upper)
    return whole, ElidedSum(tuple(term(p) for p in positions), positions, whole)


def _vectors(a: Any, b: Any, dim: str) -> tuple[Operand, Operand, str, str, Size, str]:
    n = parse_size(dim)
    u, base_a = _operand(a, "a", n, 1, "vector")
    v, base_b = _operand(b, "b", n, 1, "vector")
    (index,) = _letters(1, (n,))
    return u, v, base_a, base_b, n, index


def _product_sum(base_a: str, base_b: str, n: Size, index: str) -> tuple[SymbolicSum, ElidedSum]:
    return _sum(index, n, lambda k: Product((Entry(base_a, (k,)), Entry(base_b, (k,)))))


def _square_sum(base: str, n: Size, index: str) -> tuple[SymbolicSum, ElidedSum]:
    return _sum(index, n, lambda k: Power(Entry(base, (k,)), 2))


def _derivation(
    operation: str, inputs: tuple[Operand, ...], steps: list[Any], result: Any
) -> Derivation:
    return Derivation(
        operation, inputs, tuple(steps), result, settings_of(inputs, DEFAULT_PLACES, general=True)
    )


def dot(a: Any, b: Any, dim: str) -> Derivation:
    """Explain a·b = Σᵢ₌₁ⁿ aᵢbᵢ = a₁b₁ + a₂b₂ + ⋯ + aₙbₙ for vectors of length n."""
    u, v, base_a, base_b, n, index = _vectors(a, b, dim)
    lhs = Dot(u.node(), v.node())
    whole, written = _product_sum(base_a, base_b, n, index)
    steps: list[Any] = [
        Heading("dot", lhs),
        Rule(lhs, (whole, written)),
        Condition("same_length", {"n": n}),
        Note("general_form", {"n": n}),
        Result(lhs, whole, "dot"),
    ]
    return _derivation("dot", (u, v), steps, whole.evaluate())


def norm(a: Any, dim: str) -> Derivation:
    """Explain ‖a‖ = √(a·a) = √(Σᵢ₌₁ⁿ aᵢ²) for a vector of length n."""
    n = parse_size(dim)
    u, base = _operand(a, "a", n, 1, "vector")
    (index,) = _letters(1, (n,))
    lhs = Norm(u.node())
    whole, written = _square_sum(base, n, index)
    steps: list[Any] = [
        Heading("norm", lhs),
        Rule(lhs, (Root(Dot(u.node(), u.node())), Root(whole), Root(written))),
        Condition("entries", {"n": n}),
        Note("general_form", {"n": n}),
        Result(lhs, Root(whole), "norm", None, {"a": u.name}),
    ]
    return _derivation("norm", (u,), steps, Root(whole).evaluate())


def cos(a: Any, b: Any, dim: str) -> Derivation:
    """Explain cos θ = Σ aᵢbᵢ / (√(Σ aᵢ²) √(Σ bᵢ²)) for vectors of length n."""
    u, v, base_a, base_b, n, index = _vectors(a, b, dim)
    x, y = u.node(), v.node()
    lhs = Call("cos", Angle(x, y))
    dot_sum, dot_written = _product_sum(base_a, base_b, n, index)
    a_sum, a_written = _square_sum(base_a, n, index)
    b_sum, b_written = _square_sum(base_b, n, index)
    general = Quotient(dot_sum, Product((Root(a_sum), Root(b_sum))))
    steps: list[Any] = [
        Heading("cos", lhs),
        Rule(lhs, (Quotient(Dot(x, y), Product((Norm(x), Norm(y)))), general)),
        Condition("same_length", {"n": n}),
        Assumption("assumed_nonzero_vectors", {"a": u.name, "b": v.name}),
        Rule(Dot(x, y), (dot_sum, dot_written)),
        Rule(Norm(x), (Root(a_sum), Root(a_written))),
        Rule(Norm(y), (Root(b_sum), Root(b_written))),
        Note("general_form", {"n": n}),
        Result(lhs, general, "cos"),
    ]
    return _derivation("cos", (u, v), steps, general.evaluate())


def hadamard(a: Any, b: Any, dim: str | None, shape: str | None) -> Derivation:
    """Explain (A∘B)ᵢⱼ = aᵢⱼbᵢⱼ for matrices of shape m×n (or vectors of length n)."""
    if dim is not None:
        rows: Size = parse_size(dim)
        cols: Size = 1
        layout, names = "vector", ("a", "b")
    else:
        rows, cols = parse_symbolic_shape(str(shape))
        layout, names = "matrix", ("A", "B")
    left, base_a = _operand(a, names[0], rows, cols, layout)
    right, base_b = _operand(b, names[1], rows, cols, layout)
    count = 1 if layout == "vector" else 2
    indices = tuple(_letters(count, (rows, cols)))
    lhs = Hadamard(left.node(), right.node())
    rule = Rule(
        Indexed(lhs, indices),
        (Product((Entry(base_a, indices), Entry(base_b, indices))),),
    )
    pair = {"a": left.name, "b": right.name}
    steps: list[Any] = [
        Heading("hadamard", lhs),
        rule,
        Condition("same_length", {"n": rows})
        if layout == "vector"
        else Condition("same_shape", {**pair, "shape": Shape(rows, cols)}),
        Note("hadamard_not_dot" if layout == "vector" else "hadamard_not_matmul", pair),
    ]
    value = sympy.HadamardProduct(left.value, right.value)
    key, params = (
        ("hadamard_vector", {"n": rows})
        if layout == "vector"
        else ("hadamard", {"shape": Shape(rows, cols)})
    )
    steps.append(Result(lhs, Value(value), key, None, params))
    return _derivation("hadamard", (left, right), steps, value)


def matmul(a: Any, b: Any, shape: str, shape_b: str) -> Derivation:
    """Explain cᵢⱼ = Σₖ aᵢₖbₖⱼ for A m×n and B n×p: C is m×p."""
    m, n = parse_symbolic_shape(shape)
    k, p = parse_symbolic_shape(shape_b)
    left, base_a = _operand(a, "A", m, n, "matrix")
    right, base_b = _operand(b, "B", k, p, "matrix")
    if n != k:
        key = "matmul_shapes" if isinstance(n, int) and isinstance(k, int) else "matmul_sizes"
        raise ShapeError(key, a=left.name, b=right.name, m=m, n=n, k=k, p=p)
    check_distinct(left, right)
    names = {"a": left.name, "b": right.name}
    i, j, s = _letters(3, (m, n, p))
    lhs = MatProduct(left.node(), right.node())
    whole, written = _sum(s, n, lambda q: Product((Entry(base_a, (i, q)), Entry(base_b, (q, j)))))
    entry: Node = Indexed(lhs, (i, j), "c")
    steps: list[Any] = [
        Heading("matmul", lhs),
        Rule(
            entry,
            (Dot(Slice(left.node(), "row", i), Slice(right.node(), "column", j)), whole, written),
        ),
        Condition("matmul_shapes", {**names, "m": m, "n": n, "p": p, "shape": Shape(m, p)}),
        Note("general_form", {"n": n}),
    ]
    value = left.value * right.value
    steps.append(Result(lhs, Value(value), "matmul", None, {**names, "shape": Shape(m, p)}))
    return _derivation("matmul", (left, right), steps, value)


__all__ = ["cos", "dot", "hadamard", "is_symbolic_dim", "is_symbolic_shape", "matmul", "norm"]
