"""compare: every row computed by the engine equals SymPy's own operation, and the undefined
rows are exactly the ones SymPy refuses."""

from __future__ import annotations

from typing import Any

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy.matrices.exceptions import ShapeError as SympyShapeError

from linsteps.errors import ShapeError, UndefinedError, UsageError
from linsteps.learn.compare import PRODUCTS, Comparison, compare, product_row
from linsteps.learn.comparison_view import render_comparison
from tests.test_equalities import check_derivation, same


def _cos(a: Any, b: Any) -> Any:
    if a.norm() == 0 or b.norm() == 0:
        raise ZeroDivisionError
    return a.dot(b) / (a.norm() * b.norm())


# What SymPy itself computes for each row; it raises ShapeError where a product is undefined.
SYMPY: dict[str, dict[str, Any]] = {
    "vectors": {
        "dot": lambda a, b: a.dot(b),
        "hadamard": lambda a, b: a.multiply_elementwise(b),
        "outer": lambda a, b: a * b.T,
        "atb": lambda a, b: a.T * b,
        "cos": _cos,
    },
    "matrices": {
        "ab": lambda a, b: a * b,
        "ba": lambda a, b: b * a,
        "hadamard": lambda a, b: a.multiply_elementwise(b),
        "atb": lambda a, b: a.T * b,
        "abt": lambda a, b: a * b.T,
    },
    "matrix_vector": {
        "ax": lambda a, x: a * x,
        "xta": lambda a, x: x.T * a,
        "hadamard": lambda a, x: a.multiply_elementwise(x),
    },
}


def sympy_value(mode: str, name: str, a: Any, b: Any) -> Any:
    """SymPy's value of a row, or None when SymPy refuses it."""
    try:
        return SYMPY[mode][name](sympy.Matrix(a), sympy.Matrix(b))
    except (SympyShapeError, ZeroDivisionError):
        return None


def check_against_sympy(comparison: Comparison) -> None:
    a, b = (op.value for op in comparison.inputs)
    shown = {row.name for row in comparison.rows}
    for name in PRODUCTS[comparison.mode]:
        expected = sympy_value(comparison.mode, name, a, b)
        if name not in shown:  # only the transposed matrix products, and only when undefined
            assert comparison.mode == "matrices" and name in ("atb", "abt")
            assert expected is None
            continue
        row = comparison.row(name)
        if expected is None:
            assert not row.defined, name
            assert isinstance(row.reason, ShapeError | UndefinedError)
            assert row.value is None and row.shape is None
        else:
            assert row.defined, (name, row.reason)
            assert same(row.result, expected), name
            assert same(row.value.evaluate(), expected)  # type: ignore[union-attr]
            check_derivation(row.derivation)  # type: ignore[arg-type]


EXAMPLES = {
    "vectors": ("[1, 2, 3]", "[4, 5, 6]"),
    "vectors-lengths": ("[1, 2]", "[1, 2, 3]"),
    "vectors-zero": ("[0, 0]", "[1, 2]"),
    "matrices": ("1 2; 3 4", "5 6; 7 8"),
    "matrices-2x3-2x2": ("1 2 3; 4 5 6", "1 2; 3 4"),
    "matrices-2x3-3x2": ("1 2 3; 4 5 6", "1 2; 3 4; 5 6"),
    "matrices-commute": ("1 2; 3 4", "2 0; 0 2"),
    "matrix-vector": ("1 2; 3 4", "[5, 6]"),
    "matrix-vector-column": ("[[1], [2]]", "[3, 4]"),
    "symbols": ("[x, 1]", "[1/2, sqrt(2)]"),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_rows_equal_sympy(name: str) -> None:
    check_against_sympy(compare(*EXAMPLES[name]))


def test_the_issue_example() -> None:
    c = compare("[1, 2, 3]", "[4, 5, 6]")
    assert [r.name for r in c.rows] == ["dot", "hadamard", "outer", "atb", "cos"]
    assert c.row("dot").result == 32
    assert c.row("atb").result == sympy.Matrix([[32]])
    assert c.row("cos").result == 16 * sympy.sqrt(22) / 77
    undefined = compare("1 2 3; 4 5 6", "1 2; 3 4")
    assert not undefined.row("ab").defined and undefined.row("ab").reason.key == "matmul_shapes"  # type: ignore[union-attr]
    assert undefined.row("ba").shape[1]["shape"].evaluate() == (2, 3)  # type: ignore[index]
    assert not undefined.row("hadamard").defined


dims = st.integers(1, 3)
entry = st.integers(-5, 5)


def operand(kind: str) -> st.SearchStrategy[Any]:
    if kind == "vector":
        return dims.flatmap(lambda n: st.lists(entry, min_size=n, max_size=n))
    return st.tuples(dims, dims).flatmap(
        lambda s: st.lists(
            st.lists(entry, min_size=s[1], max_size=s[1]), min_size=s[0], max_size=s[0]
        )
    )


@given(
    st.sampled_from(["vector", "matrix"]).flatmap(operand),
    st.sampled_from(["vector", "matrix"]).flatmap(operand),
)
def test_random_shapes_agree_with_sympy(a: Any, b: Any) -> None:
    check_against_sympy(compare(a, b))


@given(operand("matrix"), operand("matrix"))
def test_order_remark_names_the_first_entry_that_differs(a: Any, b: Any) -> None:
    c = compare(a, b)
    note = next(n for n in c.notes if n.key.startswith("order.") and n.key != "order.hadamard")
    ab, ba = c.row("ab"), c.row("ba")
    if note.key == "order.differ":
        i, j = note.params["ab_entry"].indices  # type: ignore[union-attr]
        flat = [(r, s) for r in range(ab.result.rows) for s in range(ab.result.cols)]
        for r, s in flat[: flat.index((i - 1, j - 1))]:
            assert ab.result[r, s] == ba.result[r, s]
        assert ab.result[i - 1, j - 1] != ba.result[i - 1, j - 1]
        assert note.params["ab_value"].evaluate() == ab.result[i - 1, j - 1]  # type: ignore[union-attr]
    elif note.key == "order.commute":
        assert ab.result == ba.result
    elif note.key == "order.shapes":
        assert ab.result.shape != ba.result.shape
    elif note.key == "order.one_defined":
        assert ab.defined != ba.defined
    else:
        assert not ab.defined and not ba.defined


def test_dot_equals_the_one_by_one_matrix_product() -> None:
    c = compare("[1, -2, 3/2]", "[4, 5, 6]")
    note = next(n for n in c.notes if n.key == "dot_is_matmul")
    assert note.params["dot_value"].evaluate() == c.row("atb").result[0, 0]  # type: ignore[union-attr]


def test_explain_gives_the_rows_derivation_or_its_reason() -> None:
    c = compare("1 2 3; 4 5 6", "1 2; 3 4")
    assert c.explain("AᵀB") is c.row("atb").derivation
    assert c.explain("BA").result == sympy.Matrix([[9, 12, 15], [19, 26, 33]])
    with pytest.raises(ShapeError):
        c.explain("ab")
    with pytest.raises(UsageError) as error:
        c.explain("dot")
    assert "ab, ba, hadamard, atb" in str(error.value)


def test_a_row_of_an_undefined_transposed_product() -> None:
    row = product_row("abt", "1 2 3; 4 5 6", "1 2; 3 4")
    assert not row.defined and row.reason is not None and row.reason.key == "matmul_shapes"
    with pytest.raises(UsageError):
        product_row("ab", "[1, 2]", "[3, 4]")


def test_text_table_columns_line_up_in_both_languages() -> None:
    from linsteps.render.text import width

    for lang in ("en", "zh"):
        text = render_comparison(compare("1 2; 3 4", "5 6; 7 8"), "text", lang)
        lines = text.split("\n")
        table = lines[3:9]
        header = table[0]
        # each column starts where the header's does (display width, CJK counts two)
        starts = []
        for cell in header.split("   "):
            if cell.strip():
                starts.append(width(header[: header.index(cell.strip())]))
        for line in table[1:]:
            for start in starts[1:]:
                prefix = ""
                for char in line:
                    if width(prefix) >= start:
                        break
                    prefix += char
                assert width(prefix) == start and line[len(prefix) - 1] == " ", (lang, line)


def test_json_rows() -> None:
    import json

    data = json.loads(render_comparison(compare("1 2 3; 4 5 6", "1 2; 3 4"), "json"))
    rows = {r["name"]: r for r in data["rows"]}
    assert data["mode"] == "matrices" and data["version"] == 1
    assert rows["ab"]["defined"] is False and rows["ab"]["reason"]["key"] == "matmul_shapes"
    assert rows["ab"]["reason"]["params"]["n"] == 3
    assert rows["ba"]["value"]["sympy"] == str(sympy.Matrix([[9, 12, 15], [19, 26, 33]]))
    assert {d["key"] for d in data["differences"]} >= {"order.one_defined", "shape.matrices"}


def test_bad_settings_and_formats_are_refused() -> None:
    c = compare("[1, 2]", "[3, 4]")
    with pytest.raises(UsageError):
        render_comparison(c, "pdf")
    with pytest.raises(UsageError):
        render_comparison(c, "latex", hadamard="star")
