"""Numbers from Python and NumPy: floats read as the decimals they print as, arrays as operands.

The PyTorch side is in tests/test_torch_numbers.py (marked ``torch``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import linsteps
from linsteps import LimitError, ParseError, ShapeError, UsageError
from linsteps.derivation.operands import to_operand
from linsteps.reading.limits import LIMITS
from linsteps.reading.parsing import parse_expression


def entries(value: Any) -> list[Any]:
    """The exact entries an operand was read as, row by row."""
    return list(to_operand(value, "a").value)


def test_a_python_float_is_the_decimal_it_prints_as() -> None:
    derivation = linsteps.dot([0.2, 0.5], [1, 2])
    assert derivation.result == sympy.Rational(6, 5)
    text = derivation.to_text()
    assert "0.2·1 + 0.5·2" in text and "= 1.2" in text  # shown as typed, as the CLI shows it
    assert "1/5" not in text
    assert derivation.inputs[0].decimal
    assert derivation.to_dict()["inputs"][0]["source"] == "[0.2, 0.5]"
    cli = subprocess.run(
        [sys.executable, "-m", "linsteps", "dot", "0.2 0.5", "1 2"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert cli == text


def test_a_float_is_its_repr_not_its_binary_value() -> None:
    assert entries([0.1 + 0.2]) == [sympy.Rational(30000000000000004, 10**17)]
    assert entries([1e-05, 2.5e20, -0.0]) == [
        sympy.Rational(1, 100000),
        sympy.Integer(250000000000000000000),
        0,
    ]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_reads_as_the_parser_reads_its_repr(x: float) -> None:
    text = repr(x)
    try:
        expected = parse_expression(text)
    except LimitError as error:  # 5e-324: past the parser's exponent limit, the same error
        with pytest.raises(LimitError) as raised:
            entries([x])
        assert raised.value.key == error.key
        return
    assert entries([x]) == [expected]
    assert Fraction(text) == Fraction(int(expected.p), int(expected.q))


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_nan_and_infinities_are_refused(bad: float) -> None:
    with pytest.raises(UsageError, match="not a finite number"):
        linsteps.dot([bad, 1], [1, 1])


def test_numpy_arrays_are_vectors_and_matrices() -> None:
    assert linsteps.dot(np.array([1, 2]), np.array([3, 4])).result == 11
    product = linsteps.matmul(np.array([[1, 2], [3, 4]]), np.array([[5, 6], [7, 8]]))
    assert product.result == sympy.Matrix([[19, 22], [43, 50]])
    assert [op.layout for op in product.inputs] == ["matrix", "matrix"]
    vector = to_operand(np.array([1.5, -2.0]), "a")
    assert (vector.layout, vector.shape, vector.decimal) == ("vector", (2, 1), True)
    assert vector.source == "[1.5, -2.0]"
    # NumPy's own product agrees with the derivation.
    a, b = np.array([[0.5, 1.25], [2.0, -1.0]]), np.array([[4.0, 0.5], [1.0, 8.0]])
    assert np.array(linsteps.matmul(a, b).result, dtype=float).tolist() == (a @ b).tolist()


@pytest.mark.parametrize(
    ("array", "expected"),
    [
        (np.array([0.1, 0.2], dtype=np.float32), [sympy.Rational(1, 10), sympy.Rational(1, 5)]),
        (np.array([0.1, 3.0], dtype=np.float16), [sympy.Rational(1, 10), 3]),
        (np.array([1e-5], dtype=np.float32), [sympy.Rational(1, 100000)]),
        (np.array([0.1], dtype=np.float64), [sympy.Rational(1, 10)]),
        (np.array([3, -4], dtype=np.int8), [3, -4]),
        (np.array([1 + 0.5j], dtype=np.complex64), [1 + sympy.I / 2]),
        (np.array([0.1 - 0.2j]), [sympy.Rational(1, 10) - sympy.I / 5]),
        (np.array([Fraction(1, 3), 2], dtype=object), [sympy.Rational(1, 3), 2]),
    ],
)
def test_array_entries_are_the_decimals_their_type_prints(array: Any, expected: Any) -> None:
    assert entries(array) == expected


def test_numpy_scalars_in_a_list() -> None:
    assert entries([np.float32(0.1), np.float64(0.2), np.int64(3)]) == [
        sympy.Rational(1, 10),
        sympy.Rational(1, 5),
        3,
    ]
    assert to_operand([np.float64(0.2)], "a").source == "[0.2]"  # not np.float64(0.2)


@pytest.mark.parametrize(
    ("array", "error", "words"),
    [
        (np.zeros((2, 2, 2)), UsageError, "3 dimensions"),
        (np.array(2.0), ParseError, "a single number is not a vector"),
        (np.array([]), ParseError, "empty"),
        (np.array([1.0, np.nan]), UsageError, "nan is not a finite number"),
        (np.array([True, False]), UsageError, "type bool"),
        (np.zeros((LIMITS.max_rows + 1, 2)), LimitError, "rows"),
        (np.zeros(LIMITS.max_entries + 1), LimitError, "entries"),
    ],
)
def test_arrays_that_are_not_operands(array: Any, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        linsteps.dot(array, array)


class Shaped:
    """An array of another library: only shape, dtype and tolist, as NumPy and PyTorch have."""

    def __init__(self, shape: tuple[int, ...], rows: Any, dtype: str = "float32") -> None:
        self.shape, self.rows, self.dtype = shape, rows, dtype

    def tolist(self) -> Any:
        if self.rows is None:
            raise AssertionError("the entries were read before the shape was checked")
        return self.rows


def test_any_array_library_works_by_its_shape_and_tolist() -> None:
    duck = Shaped((2,), [0.10000000149011612, 2.0])  # a float32 0.1, as tolist() gives it
    assert entries(duck) == [sympy.Rational(1, 10), 2]
    with pytest.raises(LimitError):
        linsteps.dot(Shaped((10**6,), None), [1])  # refused by its shape, never read


def test_numpy_and_torch_are_imported_only_when_given() -> None:
    script = (
        "import sys, linsteps\n"
        "d = linsteps.dot([0.5, 1], [2, 3]); d.render('html', 'en'); d.to_dict()\n"
        "print(sorted(m for m in ('numpy', 'torch') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_sympy_column_is_a_vector_everywhere() -> None:
    column = sympy.Matrix([1, 2, 3])
    assert to_operand(column, "x").layout == "vector"
    assert to_operand(sympy.Matrix([[1, 2, 3]]), "x").layout == "matrix"
    weights = [[1, 0, 2], [0, 1, 1]]
    layer = linsteps.linear(weights, column)
    assert layer.result == linsteps.linear(weights, [1, 2, 3]).result == sympy.Matrix([7, 5])
    assert layer.inputs[1].layout == "vector"
    # A column of the wrong length is a vector that does not fit, not a batch of samples.
    with pytest.raises(ShapeError) as error:
        linsteps.linear(weights, sympy.Matrix([1, 2]))
    assert error.value.key == "linear_in_features"
    assert linsteps.dot(column, column).result == 14
    assert linsteps.outer(column, sympy.Matrix([1, 2])).result.shape == (3, 2)
    assert linsteps.matmul([[1, 1, 1]], column).result == sympy.Matrix([[6]])


def test_attention_with_decimals_stays_readable() -> None:
    derivation = linsteps.attention(
        np.array([[0.5, 1.0, 0.0, 0.25], [0.0, 0.25, 1.0, 0.5]]),
        [[1, 0, 0, 1], [0.5, 0.5, 0, 0]],
        [[1, 2], [3, 4]],
    )
    text = derivation.to_text()
    # The inputs are listed, as given.
    for line in (
        "Q = [[0.5, 1, 0, 0.25], [0, 0.25, 1, 0.5]]",
        "K = [[1, 0, 0, 1], [0.5, 0.5, 0, 0]]",
    ):
        assert line in text
    assert "V = [[1, 2], [3, 4]]" in text
    # √4 is 2.
    assert "√4" not in text.replace("√dₖ = √4 = 2", "")
    assert text.splitlines()[0] == "Dot-product attention softmax(QKᵀ/2)V"
    # The result matrix has its decimal matrix beside it, in every format.
    result_line = next(
        line for line in text.splitlines() if line.startswith("  softmax(QKᵀ/2)V = ")
    )
    assert " ≈ ⎡" in result_line
    assert (
        "\\approx \\begin{bmatrix}" in derivation.render("latex", "en").split("\\end{align*}")[-2]
    )
    html = derivation.render("html", "zh")
    assert html.count("<mo>≈</mo>") >= 5
    data = json.loads(derivation.render("json", "en"))
    roles = [
        link["role"] for step in data["steps"] if step["kind"] == "chain" for link in step["links"]
    ]
    assert roles[:3] == ["given", "given", "given"]
    assert data["steps"][-1]["approx"] is not None


def test_arrays_of_any_rank_read_their_floats_the_same_way() -> None:
    from linsteps.derivation.tensor_operands import to_tensor

    tensor = to_tensor(np.full((2, 2, 2), 0.1, dtype=np.float32), "A")
    assert set(sympy.flatten(tensor.value.tolist())) == {sympy.Rational(1, 10)}
    assert tensor.decimal and tensor.source.startswith("[[[0.1, 0.1]")
    product = linsteps.matmul(np.full((2, 2, 2), 0.1, dtype=np.float32), np.ones((2, 2, 2)))
    assert "0.1·1 + 0.1·1 = 0.1 + 0.1 = 0.2" in product.to_text()
    with pytest.raises(LimitError):
        to_tensor(Shaped((100, 100, 100), None), "A")  # refused by its shape, never read
