"""Operands of any rank and einsum subscripts: read exactly, refused with a column."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from linsteps.derivation.tensor_operands import is_tensor_input, tensor_of, to_tensor
from linsteps.errors import LimitError, ParseError, UsageError
from linsteps.reading.einsum_spec import ELLIPSIS, parse_spec
from linsteps.reading.limits import LIMITS
from linsteps.reading.tensors import literal_depth, parse_dims, parse_tensor

CUBE = "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]"


def literal(array: np.ndarray) -> str:
    """Return an integer array as the nested-list text a user types."""
    return json.dumps(array.tolist())


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("5", ()),
        ("1 2 3", (3,)),
        ("[1, 2, 3]", (3,)),
        ("1 2; 3 4", (2, 2)),
        ("[[1, 2, 3]]", (1, 3)),
        (CUBE, (2, 2, 2)),
        ("[[[1]]]", (1, 1, 1)),
        ("[[[[1, 2]], [[3, 4]]]]", (1, 2, 1, 2)),
        ("[[[1 2] [3 4]]; [[5 6] [7 8]]]", (2, 2, 2)),
        ("[ [[1, 2],[3, 4]] ,\n  [[5, 6],[7, 8]] ]", (2, 2, 2)),
    ],
)
def test_every_rank_reads_to_its_numpy_shape(text: str, shape: tuple[int, ...]) -> None:
    read = parse_tensor(text)
    assert read.shape == shape
    assert len(read.entries) == int(np.prod(shape))


def test_entries_of_a_cube_are_row_major_and_exact() -> None:
    read = parse_tensor("[[[1/2, sqrt(2)], [0.1, x]], [[-3, 2e3], [pi, 2x]]]")
    x = sympy.Symbol("x", real=True)
    assert read.entries == (
        sympy.Rational(1, 2),
        sympy.sqrt(2),
        sympy.Rational(1, 10),
        x,
        -3,
        2000,
        sympy.pi,
        2 * x,
    )
    assert read.decimal


@given(
    arrays(
        np.int64, array_shapes(min_dims=3, max_dims=5, max_side=3), elements=st.integers(-99, 99)
    )
)
def test_any_nested_literal_reads_as_numpy_has_it(array: np.ndarray) -> None:
    read = parse_tensor(literal(array))
    assert read.shape == array.shape
    assert [int(x) for x in read.entries] == array.ravel().tolist()


@pytest.mark.parametrize(
    ("text", "key", "column"),
    [
        ("[[[1, 2], [3, 4]], [[5, 6]]]", "ragged_tensor", 20),
        ("[[[1, 2], [3, 4]], [5, 6]]", "ragged_depth", 20),
        ("[[[[1]], [[2]]], [[[3]]]]", "ragged_count", 18),
        ("[[[1, 2], [3, 4]], 5]", "tensor_mixed", 20),
        ("[[[1, 2]] [[3, 4]]] x", "unexpected_char", 21),
        ("[[[1, 2]],, [[3, 4]]]", "unexpected_char", 10),
        ("[[[1, 2]] [[3, 4]],]", "unexpected_char", 19),
        ("[[[1, 2], [3, +]]]", "unexpected_token", 16),
        ("[[[1, 2], [3, 4, 5]]]", "ragged", None),
        ("[[[1, 2]], [[3, foo(4)]]]", "unknown_function", 17),
    ],
)
def test_bad_literals_are_refused_where_they_go_wrong(
    text: str, key: str, column: int | None
) -> None:
    with pytest.raises(ParseError) as caught:
        parse_tensor(text, operand="A")
    assert caught.value.key == key
    if column is not None:
        assert caught.value.params["column"] == column, caught.value.message()
    assert caught.value.params["operand"] == "A"
    assert "\n" not in caught.value.message()


def test_limits_hold_for_the_whole_tensor() -> None:
    row = "[" + ", ".join(["1"] * 100) + "]"
    slab = "[" + ", ".join([row] * 100) + "]"
    with pytest.raises(LimitError):
        parse_tensor("[" + ", ".join([slab] * 2) + "]")  # 20,000 entries
    with pytest.raises(LimitError):
        parse_tensor("[" * 40 + "1" + "]" * 40)  # 40 axes
    assert LIMITS.max_entries == 10_000


def test_generic_tensors_and_shapes() -> None:
    assert parse_dims("2x3x4") == (2, 3, 4)
    assert parse_dims("(2, 3, 4)") == (2, 3, 4)
    assert parse_dims("2×3") == (2, 3)
    for bad in ("2x0", "x3", "2x3x", "201x2", ""):
        with pytest.raises(UsageError):
            parse_dims(bad)
    operand = to_tensor("T", "A", shape="2x2x2")
    assert operand.value.shape == (2, 2, 2)
    assert str(operand.value[1, 0, 1]) == "t_212"


def test_python_values_become_tensors() -> None:
    from_numpy = to_tensor(np.arange(8).reshape(2, 2, 2), "A")
    assert from_numpy.value.shape == (2, 2, 2)
    assert tensor_of(from_numpy).entries == tuple(range(8))
    fractions = to_tensor([[[Fraction(1, 2)]]], "A")
    assert fractions.value[0, 0, 0] == sympy.Rational(1, 2)
    assert to_tensor(7, "a").value.shape == ()
    with pytest.raises(ParseError):
        to_tensor([[[1, 2], [3]]], "A")
    with pytest.raises(UsageError):
        to_tensor([[[True]]], "A")
    assert (
        is_tensor_input(CUBE) and is_tensor_input([[[1]]]) and is_tensor_input(np.zeros((1, 1, 1)))
    )
    assert not is_tensor_input("1 2; 3 4") and not is_tensor_input([[1, 2]])
    assert literal_depth("  [ [[1") == 3


@pytest.mark.parametrize(
    ("spec", "inputs", "output"),
    [
        ("ij,jk->ik", (("i", "j"), ("j", "k")), ("i", "k")),
        ("ij,jk", (("i", "j"), ("j", "k")), ("i", "k")),
        ("ii", (("i", "i"),), ()),
        ("ii->i", (("i", "i"),), ("i",)),
        ("bA", (("b", "A"),), ("A", "b")),  # implicit output: ASCII order, as NumPy
        ("...ij,...jk", ((ELLIPSIS, "i", "j"), (ELLIPSIS, "j", "k")), (ELLIPSIS, "i", "k")),
        (" i j -> j i ", (("i", "j"),), ("j", "i")),
        ("", ((),), ()),
        (",->", ((), ()), ()),
    ],
)
def test_subscripts_read_with_numpys_rules(
    spec: str, inputs: tuple[tuple[str, ...], ...], output: tuple[str, ...]
) -> None:
    read = parse_spec(spec)
    assert read.inputs == inputs
    assert read.output == output


@pytest.mark.parametrize(
    ("spec", "key", "column"),
    [
        ("ij,jk-ik", "spec_arrow", 6),
        ("ij>k", "spec_arrow", 3),
        ("i->j->k", "spec_arrow_twice", 5),
        ("i2,j", "spec_char", 2),
        ("i.j", "spec_dot", 2),
        ("....i", "spec_dot", 4),
        ("...i...", "spec_ellipsis_twice", 5),
        ("i,j->i,j", "spec_output_comma", 7),
        ("ij->ii", "spec_output_repeated", 6),
        ("ij->k", "spec_output_unknown", 5),
        ("__import__('os')", "spec_char", 1),
    ],
)
def test_bad_subscripts_are_refused_with_a_column(spec: str, key: str, column: int) -> None:
    with pytest.raises(ParseError) as caught:
        parse_spec(spec)
    assert (caught.value.key, caught.value.params["column"]) == (key, column)
    assert spec in caught.value.message()


def test_subscripts_have_a_length_limit() -> None:
    with pytest.raises(LimitError):
        parse_spec("i" * 201)


@pytest.mark.parametrize(
    ("text", "key", "column"),
    [
        ("[[[__import__('os')]]]", "forbidden_name", 4),
        ("[[[1]], [[9**9**9**9]]]", "power_exponent_too_large", 15),
        ("[" * 3000 + "1" + "]" * 3000, "too_deep", 51),
        ("[[[1\x00]]]", "control_char", 5),
        ("[[[1]]] [[[2]]]", "unexpected_char", 9),
        ("[[[nan]]]", "not_finite", 4),
    ],
)
def test_hostile_tensors_are_refused_with_one_line(text: str, key: str, column: int) -> None:
    with pytest.raises(ParseError) as caught:
        parse_tensor(text, operand="A")
    assert (caught.value.key, caught.value.params["column"]) == (key, column)
    for lang in ("en", "zh"):
        assert "\n" not in caught.value.message(lang)


def test_nothing_typed_is_evaluated(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    import linsteps

    calls: list[str] = []

    def spy(name: str) -> object:
        def refuse(*args: object, **kwargs: object) -> None:
            calls.append(name)
            raise AssertionError(name)

        return refuse

    monkeypatch.setattr(sympy, "sympify", spy("sympify"))
    monkeypatch.setattr(builtins, "eval", spy("eval"))
    linsteps.einsum("...ij,...jk", CUBE, "[[1/2, x], [sqrt(2), 0.5]]")
    linsteps.hadamard(CUBE, "[1, 2]", broadcast=True)
    for spec in ("__import__('os')", "i;j", "exec('1')"):
        with pytest.raises(ParseError):
            parse_spec(spec)
    assert calls == []
