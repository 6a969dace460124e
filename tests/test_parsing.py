"""The input syntax: every layout and entry form, read to its exact SymPy value."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from linsteps.errors import LimitError, ParseError
from linsteps.i18n import catalog
from linsteps.i18n.en.parsing import MESSAGES as EN
from linsteps.i18n.zh.parsing import MESSAGES as ZH
from linsteps.reading.parsing import LIMITS, Parsed, parse_expression, parse_value

SRC = Path(__file__).resolve().parents[1] / "src" / "linsteps"
R = sympy.Rational
x, y, n, m, e, theta = sympy.symbols("x y n m e theta", real=True)


def rows(*values: object) -> tuple[tuple[sympy.Expr, ...], ...]:
    return tuple(tuple(sympy.S(v) for v in row) for row in values)  # type: ignore[attr-defined]


LAYOUTS = [
    # text, kind, rows
    ("5", "scalar", [[5]]),
    ("  5  ", "scalar", [[5]]),
    ("16*sqrt(22)/77", "scalar", [[16 * sympy.sqrt(22) / 77]]),
    ("[5]", "vector", [[5]]),
    ("[[5]]", "matrix", [[5]]),
    ("(1+2)", "scalar", [[3]]),
    ("(1, 2)", "vector", [[1, 2]]),
    ("(1, 2, 3)", "vector", [[1, 2, 3]]),
    ("[1, 2, 3]", "vector", [[1, 2, 3]]),
    ("1, 2, 3", "vector", [[1, 2, 3]]),
    ("1 2 3", "vector", [[1, 2, 3]]),
    ("[1 2 3]", "vector", [[1, 2, 3]]),
    ("[ 1  2\t3 ]", "vector", [[1, 2, 3]]),
    ("[[1, 2], [3, 4]]", "matrix", [[1, 2], [3, 4]]),
    ("[[1 2] [3 4]]", "matrix", [[1, 2], [3, 4]]),
    ("1 2; 3 4", "matrix", [[1, 2], [3, 4]]),
    ("1 2; 3 4;", "matrix", [[1, 2], [3, 4]]),
    ("[1 2; 3 4]", "matrix", [[1, 2], [3, 4]]),
    ("[1, 2; 3, 4]", "matrix", [[1, 2], [3, 4]]),
    ("[1 2; 3 4;]", "matrix", [[1, 2], [3, 4]]),
    ("[[1,2,3]]", "matrix", [[1, 2, 3]]),
    ("1 2 3;", "matrix", [[1, 2, 3]]),
    ("1 2\n3 4\n", "matrix", [[1, 2], [3, 4]]),
    ("[[1, 2],\n [3, 4]]", "matrix", [[1, 2], [3, 4]]),
    ("[1, 2,\n 3]", "vector", [[1, 2, 3]]),
    # MATLAB's whitespace rule
    ("1 + 2 3", "vector", [[3, 3]]),
    ("1 -2 3", "vector", [[1, -2, 3]]),
    ("1 +2", "vector", [[1, 2]]),
    ("1 - 2", "scalar", [[-1]]),
    ("1 -2; 3 - 4 5", "matrix", [[1, -2], [-1, 5]]),
    ("1- 2", "scalar", [[-1]]),
    ("2 * 3 4 ^ 2", "vector", [[6, 16]]),
    ("(1 -2)", "scalar", [[-1]]),
    ("x y", "vector", [[x, y]]),
]


@pytest.mark.parametrize(("text", "kind", "expected"), LAYOUTS)
def test_layouts(text: str, kind: str, expected: list[list[object]]) -> None:
    parsed = parse_value(text)
    assert parsed == Parsed(kind, rows(*expected), False, text)  # type: ignore[arg-type]


ENTRIES = [
    ("0.1", R(1, 10)),
    (".5", R(1, 2)),
    ("1.", 1),
    ("1e3", 1000),
    ("2.5E-3", R(1, 400)),
    ("2e+3", 2000),
    ("1.6155E-15", R(16155, 10**19)),
    ("3/4", R(3, 4)),
    ("2/4", R(1, 2)),
    ("1/2 + 1/3", R(5, 6)),
    ("0.1 + 0.2", R(3, 10)),
    ("sqrt(8)", 2 * sympy.sqrt(2)),
    ("sqrt(100)", 10),
    ("√2/2", sympy.sqrt(2) / 2),
    ("√x", sympy.sqrt(x)),
    ("√(x+1)", sympy.sqrt(x + 1)),
    ("16√22/77", 16 * sympy.sqrt(22) / 77),
    ("2√3", 2 * sympy.sqrt(3)),
    ("√x^2", sympy.Abs(x)),
    ("2x", 2 * x),
    ("3sqrt(2)", 3 * sympy.sqrt(2)),
    ("2(x+1)", 2 * x + 2),
    ("2pi", 2 * sympy.pi),
    ("(x+1)(x-1)", (x + 1) * (x - 1)),
    ("2x^2", 2 * x**2),
    ("1/2x", x / 2),
    ("xy", sympy.Symbol("xy", real=True)),
    ("x1", sympy.Symbol("x1", real=True)),
    ("a_1", sympy.Symbol("a_1", real=True)),
    ("x_12", sympy.Symbol("x_12", real=True)),
    ("theta", theta),
    ("θ", theta),
    ("α + n", sympy.Symbol("alpha", real=True) + n),
    ("μ0", sympy.Symbol("mu0", real=True)),
    ("λ", sympy.Symbol("lambda", real=True)),
    ("Δ", sympy.Symbol("Delta", real=True)),
    ("pi", sympy.pi),
    ("π", sympy.pi),
    ("e", e),
    ("e^x", e**x),
    ("i", sympy.Symbol("i", real=True)),
    ("--1", 1),
    ("-+-1", 1),
    ("-2^2", -4),
    ("2^-1", R(1, 2)),
    ("2^3^2", 512),
    ("2**3**2", 512),
    ("x^(1/2)", sympy.sqrt(x)),
    ("2^x", 2**x),
    ("m − n", m - n),
    ("2·3×4÷5", R(24, 5)),
    ("2⋅x", 2 * x),
    ("n/-m", -n / m),
    ("exp(1)", sympy.E),
    ("ln(x) + log(y)", sympy.log(x) + sympy.log(y)),
    ("sin(pi/6)", R(1, 2)),
    ("cos(0) + tan(0)", 1),
    ("arccos(x) + acos(y)", sympy.acos(x) + sympy.acos(y)),
    ("arcsin(x) + asin(y)", sympy.asin(x) + sympy.asin(y)),
    ("arctan(x) + atan(y)", sympy.atan(x) + sympy.atan(y)),
    ("abs(-3)", 3),
    ("sqrt(-4)", 2 * sympy.I),
    ("2n-m+m-n", n),
]


@pytest.mark.parametrize(("text", "value"), ENTRIES)
def test_entries(text: str, value: object) -> None:
    parsed = parse_value(text)
    assert parsed.kind == "scalar"
    assert parsed.rows[0][0] == value
    assert parse_expression(text) == value


def test_symbols_are_real_and_i_is_a_symbol_unless_complex() -> None:
    assert parse_expression("x").is_real
    assert parse_expression("i*i") == sympy.Symbol("i", real=True) ** 2
    assert parse_expression("i*i", imaginary_unit=True) == -1
    assert parse_expression("1+2i", imaginary_unit=True) == 1 + 2 * sympy.I
    assert parse_expression("j", imaginary_unit=True) == sympy.Symbol("j", real=True)


@pytest.mark.parametrize(
    ("text", "decimal"),
    [("1", False), ("1/10", False), ("0.1", True), ("1.", True), ("2e3", True), ("[1, .5]", True)],
)
def test_decimal_flag(text: str, decimal: bool) -> None:
    assert parse_value(text).decimal is decimal


def test_parse_expression_refuses_lists() -> None:
    for text in ("[5]", "1 2", "[[1]]"):
        with pytest.raises(ParseError) as info:
            parse_expression(text, operand="answer")
        assert info.value.key == "not_scalar"
        assert "answer" in str(info.value)


def test_ragged_message_names_the_row() -> None:
    with pytest.raises(ParseError) as info:
        parse_value("1 2; 3 4 5", operand="A")
    assert str(info.value).startswith("row 2 of A has 3 entries, row 1 has 2")
    with pytest.raises(ParseError, match="row 3 of B has 1 entry, row 1 has 2"):
        parse_value("[[1, 2], [3, 4], [5]]", operand="B")


def test_limits_are_readable() -> None:
    assert LIMITS.max_length == 100_000
    assert LIMITS.max_digits == 50
    assert LIMITS.max_sci_exponent == 308
    assert LIMITS.max_power_exponent == 1000
    assert LIMITS.max_number_bits == 10_000
    assert (LIMITS.max_nesting, LIMITS.max_tree_depth) == (50, 200)
    assert (LIMITS.max_entries, LIMITS.max_rows, LIMITS.max_columns) == (10_000, 200, 200)
    with pytest.raises(AttributeError):
        LIMITS.max_length = 1  # type: ignore[misc]


def test_limits_at_the_edge_are_accepted() -> None:
    assert parse_expression("9" * 50) == 10**50 - 1
    assert parse_expression("1e308") == 10**308
    assert parse_expression("2^1000") == 2**1000
    assert parse_expression("x^-1000") == x**-1000
    assert parse_expression("(" * 50 + "1" + ")" * 50) == 1
    assert parse_expression("-" * 200 + "1") == 1
    assert len(parse_value(" ".join(["1"] * 10_000)).rows[0]) == 10_000
    big = "; ".join([" ".join(["1"] * 200)] * 50)
    assert len(parse_value(big).rows) == 50
    with pytest.raises(LimitError):
        parse_value("; ".join(["1"] * 201))
    with pytest.raises(LimitError):
        parse_value("[[" + ", ".join(["1"] * 201) + "]]")


def test_large_integer_matrix() -> None:
    text = "; ".join(" ".join(str((i * 64 + j) % 199 - 99) for j in range(64)) for i in range(64))
    parsed = parse_value(text)
    assert parsed.kind == "matrix" and len(parsed.rows) == 64
    assert parsed.rows[63][63] == (63 * 64 + 63) % 199 - 99


def test_import_does_not_import_sympy_or_lark() -> None:
    code = (
        "import sys, linsteps.reading.parsing; print('sympy' in sys.modules, 'lark' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- message catalogs ---------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_match_and_cover_every_key_raised() -> None:
    assert EN.keys() == ZH.keys()
    for key, template in EN.items():
        assert key.startswith("error.")
        assert _fields(template) == _fields(ZH[key]), key
        assert "\n" not in template and "\n" not in ZH[key]
    source = "".join(path.read_text() for path in (SRC / "reading").glob("*.py"))
    raised = set(re.findall(r'(?:_fail|_over|ParseError|LimitError)\(\s*"(\w+)"', source))
    assert raised, "no error keys found"
    assert {"error." + key for key in raised} <= catalog("en").keys()
    assert {"error." + key for key in raised} <= catalog("zh").keys()


def test_chinese_messages_use_the_glossary() -> None:
    with pytest.raises(ParseError) as info:
        parse_value("1 2; 3", operand="A")
    message = info.value.message("zh")
    assert "行" in message and "元素" in message and "矩阵" in message and "\n" not in message


# --- properties ---------------------------------------------------------------------------

small = st.one_of(
    st.integers(-50, 50).map(sympy.Integer),
    st.builds(lambda p, q: R(p, q), st.integers(-20, 20), st.integers(1, 9)),
)


def _show(value: sympy.Rational) -> str:
    return str(value)  # "-3/4": one token run, no spaces


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_matrices_round_trip_in_every_layout(r: int, c: int, data: st.DataObject) -> None:
    matrix = [[data.draw(small) for _ in range(c)] for _ in range(r)]
    shown = [[_show(v) for v in row] for row in matrix]
    texts = [
        "[" + ", ".join("[" + ", ".join(row) + "]" for row in shown) + "]",
        "; ".join(" ".join(row) for row in shown) + ";",
        "[" + "; ".join(", ".join(row) for row in shown) + "]",
        "[" + "; ".join(" ".join(row) for row in shown) + ";]",
    ]
    kinds = ["matrix", "matrix", "vector" if r == 1 else "matrix", "matrix"]  # [a, b] is a vector
    for text, kind in zip(texts, kinds, strict=True):
        parsed = parse_value(text)
        assert parsed.kind == kind
        assert parsed.rows == tuple(tuple(row) for row in matrix)
        assert parsed.decimal is False


@settings(max_examples=60, deadline=None)
@given(st.lists(small, min_size=2, max_size=6))
def test_vectors_round_trip(vector: list[sympy.Rational]) -> None:
    shown = [_show(v) for v in vector]
    for text in (", ".join(shown), " ".join(shown), "[" + " ".join(shown) + "]"):
        assert parse_value(text).rows == (tuple(vector),)


@settings(max_examples=40, deadline=None)
@given(st.fractions(min_value=-1000, max_value=1000, max_denominator=1000))
def test_decimals_are_exact(value: Fraction) -> None:
    text = f"{float(value):.6f}"
    assert parse_expression(text) == R(Fraction(text).numerator, Fraction(text).denominator)


def _level(k: int, last: bool) -> str:
    """The grammar's entry rules at nesting level ``k``; recursion goes to level ``k + 1``."""
    if last:  # no recursion left: numbers and names joined by operators
        rules = [
            "?sum{k}: product{k} (ADDOP product{k})*",
            "?product{k}: unary{k} ((MULOP | IMPLICIT) unary{k})*",
            "?unary{k}: power{k}",
            "?power{k}: atom{k}",
            "?atom{k}: NUMBER -> number\n     | NAME -> name",
        ]
    else:
        rules = [
            "?sum{k}: product{k} (ADDOP product{k})*",
            "?product{k}: unary{k} ((MULOP | IMPLICIT) unary{k})*",
            "?unary{k}: ADDOP unary{inner} -> sign\n      | SQRT unary{inner} -> root\n"
            "      | power{k}",
            "?power{k}: atom{k} (POW unary{inner})?\n      | atom{k} SUPERSCRIPT -> power",
            "?atom{k}: NUMBER -> number\n     | NAME -> name\n"
            "     | NAME _LPAR sum{inner} _RPAR -> call\n     | _LPAR sum{inner} _RPAR",
        ]
    return "\n".join(rules).replace("{k}", f"_{k}").replace("{inner}", f"_{k + 1}")


def _bounded_grammar(depth: int) -> str:
    """grammar.lark with its recursive entry rules unrolled ``depth`` levels deep."""
    grammar = (SRC / "reading" / "grammar.lark").read_text(encoding="utf-8")
    head, rest = grammar.split("?sum:", 1)
    block, tail = rest.split("\n\n", 1)
    unrolled = re.sub(r"_[01]\b", "", _level(0, False))
    assert unrolled == "?sum:" + block  # in step with the grammar
    levels = [_level(k, k == depth) for k in range(depth + 1)]
    head = re.sub(r"\bsum\b", "sum_0", head)
    return head + "\n\n".join(levels) + "\n\n" + tail


def test_bounded_grammar_parses_like_the_grammar() -> None:
    import lark

    bounded = lark.Lark(_bounded_grammar(2), parser="earley", lexer="basic")
    assert bounded.parse("[1,2]") is not None


def _grammar_strategy(tame: bool) -> st.SearchStrategy[str]:
    import lark

    parser = lark.Lark(_bounded_grammar(2), parser="earley", lexer="basic")
    explicit: dict[str, st.SearchStrategy[str]] = {"IMPLICIT": st.sampled_from(["", "*", " "])}
    if tame:
        names = ["x", "y", "a_1", "θ", "pi", "e", "i", "sqrt"] * 5 + ["lambda", "foo", "inf"]
        explicit["NAME"] = st.sampled_from(names)
        numbers = r"[0-9]{1,3}(\.[0-9]{0,2})?([eE][+-]?[0-9])?"
        explicit["NUMBER"] = st.from_regex(numbers, fullmatch=True)
    return from_lark(parser, explicit=explicit)


@settings(max_examples=150, deadline=None)
@given(st.one_of(_grammar_strategy(True), _grammar_strategy(False)))
def test_grammar_generated_inputs_parse_or_raise_parse_error(text: str) -> None:
    try:
        parsed = parse_value(text)
    except ParseError as err:
        assert "\n" not in str(err) and "\n" not in err.message("zh")
    else:
        assert parsed.kind in ("scalar", "vector", "matrix")
        width = len(parsed.rows[0])
        assert all(len(row) == width for row in parsed.rows)
