"""NumPy is the oracle: einsum, ``@`` and ``*`` on arrays of any rank give NumPy's values,
refuse exactly the shapes NumPy refuses, and quote NumPy's own message."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import linsteps
from linsteps.errors import ShapeError
from linsteps.ops.broadcast import elementwise
from linsteps.ops.matmul_errors import numpy_message
from linsteps.ops.tensor_matmul import tensor_matmul
from tests.test_equalities import check_derivation

LETTERS = "ijkaB"
SIZES = st.integers(1, 3)


def text_of(array: np.ndarray) -> str:
    """Return an array as the nested-list text a user types (fractions as p/q)."""
    if array.dtype != object:
        return json.dumps(array.tolist())

    def write(value: Any) -> str:
        if isinstance(value, list):
            return "[" + ", ".join(write(v) for v in value) + "]"
        return str(Fraction(value))

    return write(array.tolist())


def as_fractions(value: Any) -> np.ndarray:
    """Return a SymPy or NumPy result as an object array of Fractions, shape kept."""
    if isinstance(value, sympy.NDimArray):
        value = value.tolist() if value.shape else value[()]
    array = np.array(value, dtype=object)
    convert = np.vectorize(
        lambda x: Fraction(int(x.p), int(x.q)) if hasattr(x, "p") else Fraction(x), otypes=[object]
    )
    return convert(array) if array.shape else np.array(convert(array).item(), dtype=object)


def same_array(ours: Any, theirs: Any) -> bool:
    left, right = as_fractions(ours), as_fractions(np.asarray(theirs))
    return left.shape == right.shape and bool(np.all(left == right))


def entries(draw: Any, shape: tuple[int, ...], exact_fractions: bool) -> np.ndarray:
    count = int(np.prod(shape))
    if exact_fractions:
        values = draw(
            st.lists(
                st.fractions(min_value=-3, max_value=3, max_denominator=4),
                min_size=count,
                max_size=count,
            )
        )
        return np.array(values, dtype=object).reshape(shape)
    values = draw(st.lists(st.integers(-9, 9), min_size=count, max_size=count))
    return np.array(values, dtype=np.int64).reshape(shape)


@st.composite
def einsum_calls(draw: Any, consistent: bool = True) -> tuple[str, list[np.ndarray]]:
    """A random einsum: 1-3 operands, repeated letters, ``...``, size-1 axes, either mode."""
    sizes = {x: draw(SIZES) for x in LETTERS}
    broadcast = draw(st.lists(SIZES, max_size=2)) if draw(st.booleans()) else None
    fractions = draw(st.booleans())
    terms, arrays = [], []
    for _ in range(draw(st.integers(1, 3))):
        labels = draw(st.lists(st.sampled_from(LETTERS), max_size=3))
        if consistent:
            own = {x: 1 if draw(st.integers(0, 4)) == 0 else sizes[x] for x in labels}
            shape = [own[x] for x in labels]
        else:  # every axis its own size: letters and diagonals that may disagree
            shape = [draw(SIZES) for _ in labels]
        term = "".join(labels)
        if broadcast is not None and draw(st.booleans()):
            count = draw(st.integers(0, len(broadcast)))
            extra = [
                1 if draw(st.integers(0, 3)) == 0 else b
                for b in broadcast[len(broadcast) - count :]
            ]
            if not consistent:
                extra = [draw(SIZES) for _ in extra]
            term, shape = "..." + term, extra + shape
        terms.append(term)
        arrays.append(entries(draw, tuple(shape), fractions))
    spec = ",".join(terms)
    if draw(st.booleans()):
        present = sorted({x for term in terms for x in term if x != "."})
        kept = draw(st.permutations(present))[: draw(st.integers(0, len(present)))]
        prefix = "..." if any("..." in term for term in terms) else ""
        spec += "->" + prefix + "".join(kept)
    return spec, arrays


@given(einsum_calls())
def test_einsum_equals_numpy(call: tuple[str, list[np.ndarray]]) -> None:
    spec, arrays = call
    derivation = linsteps.einsum(spec, *(text_of(a) for a in arrays))
    assert same_array(derivation.result, np.einsum(spec, *arrays))
    check_derivation(derivation)
    assert derivation.to_text()


@given(einsum_calls(consistent=False))
def test_einsum_refuses_what_numpy_refuses(call: tuple[str, list[np.ndarray]]) -> None:
    spec, arrays = call
    try:
        expected = np.einsum(spec, *arrays)
    except ValueError:
        with pytest.raises(ShapeError):
            linsteps.einsum(spec, *(text_of(a) for a in arrays))
        return
    assert same_array(linsteps.einsum(spec, *(text_of(a) for a in arrays)).result, expected)


def test_the_einsum_node_is_an_independent_evaluation() -> None:
    for spec, operands in [
        ("bij,bjk->bik", (np.arange(8).reshape(2, 2, 2), np.arange(8).reshape(2, 2, 2) - 3)),
        ("...i,...i", (np.arange(6).reshape(2, 3), np.arange(3))),
        ("ii->i", (np.arange(9).reshape(3, 3),)),
    ]:
        derivation = linsteps.einsum(spec, *(text_of(a) for a in operands))
        heading = derivation.steps[0]
        assert same_array(heading.expression.evaluate(), np.einsum(spec, *operands))


@st.composite
def shape_pairs(draw: Any, low: int = 1) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Two shapes that often broadcast (or multiply) and sometimes do not."""
    rank_a, rank_b = draw(st.integers(low, 4)), draw(st.integers(low, 4))
    if draw(st.booleans()):
        return tuple(draw(SIZES) for _ in range(rank_a)), tuple(draw(SIZES) for _ in range(rank_b))
    common = [draw(SIZES) for _ in range(max(rank_a, rank_b))]

    def take(rank: int) -> tuple[int, ...]:
        return tuple(1 if draw(st.integers(0, 3)) == 0 else s for s in common[len(common) - rank :])

    return take(rank_a), take(rank_b)


@st.composite
def matmul_pairs(draw: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    shape_a, shape_b = draw(shape_pairs())
    if len(shape_b) >= 2 and draw(st.integers(0, 3)):  # mostly: columns of A = rows of B
        shape_b = (*shape_b[:-2], shape_a[-1], shape_b[-1])
    elif len(shape_b) == 1 and draw(st.integers(0, 3)):
        shape_b = (shape_a[-1],)
    return shape_a, shape_b


@given(matmul_pairs(), st.data())
def test_nd_matmul_equals_numpy(shapes: tuple[tuple[int, ...], ...], data: Any) -> None:
    a = entries(data.draw, shapes[0], data.draw(st.booleans()))
    b = entries(data.draw, shapes[1], False)
    try:
        expected = a @ b
    except ValueError as error:
        with pytest.raises(ShapeError) as caught:
            tensor_matmul(text_of(a), text_of(b))
        assert caught.value.params["numpy"] == str(error)
        assert numpy_message(a.shape, b.shape) == str(error)
        return
    assert numpy_message(a.shape, b.shape) is None
    derivation = tensor_matmul(text_of(a), text_of(b))
    assert same_array(derivation.result, expected)
    check_derivation(derivation)


def test_matmul_dispatches_arrays_to_numpy_rules() -> None:
    cube = np.arange(8).reshape(2, 2, 2)
    derivation = linsteps.matmul(text_of(cube), "1 0; 0 1")
    assert same_array(derivation.result, cube @ np.eye(2, dtype=np.int64))
    vector = linsteps.matmul("[1, 2]", text_of(cube))
    assert same_array(vector.result, np.array([1, 2]) @ cube)
    assert vector.result.shape == (2, 2)
    with pytest.raises(ShapeError) as caught:
        linsteps.matmul(text_of(np.ones((2, 3, 4), dtype=np.int64)), "1 2; 3 4")
    assert "mat1 and mat2 shapes cannot be multiplied (6x4 and 2x2)" in str(caught.value)
    # matrices and vectors keep the matrix product's own explanation (a vector read as a row)
    assert linsteps.matmul("[1, 2]", "[3, 4]").result.shape == (1, 1)


@given(shape_pairs(low=0), st.data())
def test_broadcast_product_equals_numpy(shapes: tuple[tuple[int, ...], ...], data: Any) -> None:
    fractions = data.draw(st.booleans())
    a, b = (entries(data.draw, shape, fractions) for shape in shapes)
    try:
        expected = a * b
    except ValueError as error:
        with pytest.raises(ShapeError) as caught:
            elementwise(text_of(a), text_of(b))
        message = caught.value.message()
        quoted = message.split("NumPy: ")[1].split("; PyTorch")[0]
        assert quoted == str(error).strip()
        return
    derivation = elementwise(text_of(a), text_of(b))
    assert same_array(derivation.result, expected)
    check_derivation(derivation)
    strict = np.shape(a) == np.shape(b)
    if np.ndim(a) >= 3 or np.ndim(b) >= 3:
        if strict:
            assert same_array(linsteps.hadamard(text_of(a), text_of(b)).result, expected)
        else:
            with pytest.raises(ShapeError) as refused:
                linsteps.hadamard(text_of(a), text_of(b))
            assert refused.value.key == "hadamard_shapes_broadcast"


def test_strict_hadamard_says_when_numpy_would_broadcast() -> None:
    with pytest.raises(ShapeError) as caught:
        linsteps.hadamard("1 2 3; 4 5 6", "[10, 20, 30]")
    assert caught.value.key == "hadamard_shapes_broadcast"
    assert "would broadcast them to (2,3)" in str(caught.value)
    assert "(3,)" in str(caught.value)
    with pytest.raises(ShapeError) as plain:
        linsteps.hadamard("1 2; 3 4", "1 2 3; 4 5 6")
    assert plain.value.key == "hadamard_shapes"
    broadcast = linsteps.hadamard("1 2 3; 4 5 6", "[10, 20, 30]", broadcast=True)
    assert same_array(broadcast.result, np.array([[1, 2, 3], [4, 5, 6]]) * np.array([10, 20, 30]))
