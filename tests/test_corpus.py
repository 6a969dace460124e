"""Every student input from three trusted homework checkers gets a value or one clear line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sympy

from linsteps.errors import ParseError
from linsteps.reading.parsing import Parsed, parse_value

CORPUS = Path(__file__).resolve().parent / "data" / "corpora" / "peer-inputs.json"


def _corpus() -> list[dict[str, Any]]:
    if not CORPUS.is_file():
        pytest.fail(f"corpus missing: {CORPUS}")
    entries: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))
    return entries


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    parse_value("1")  # build the parser and import SymPy outside the timed calls
    return _corpus()


def test_corpus_is_there(corpus: list[dict[str, Any]]) -> None:
    assert len(corpus) >= 300
    assert all(isinstance(entry["input"], str) for entry in corpus)


def test_every_corpus_string_parses_or_fails_cleanly(corpus: list[dict[str, Any]]) -> None:
    for entry in corpus:
        text = entry["input"]
        try:
            result = parse_value(text, operand="A")
        except ParseError as err:
            for lang in ("en", "zh"):
                message = err.message(lang)
                assert message and "\n" not in message, (text, message)
        else:
            assert isinstance(result, Parsed), text


x, y, m, n, e, i, x10 = sympy.symbols("x y m n e i x10", real=True)

# our reading of some corpus strings; docs/input-syntax.md explains where peers differ
PINNED: list[tuple[str, Any]] = [
    ("2e+3", 2000),  # scientific notation; PrairieLearn reads 2·e + 3
    ("2e-3", sympy.Rational(1, 500)),
    ("1E+3", 1000),
    ("m − n", m - n),  # U+2212 minus
    ("sqrt(100)", 10),
    ("0.1", sympy.Rational(1, 10)),  # exact; PrairieLearn refuses floats
    (".1", sympy.Rational(1, 10)),
    ("2/4", sympy.Rational(1, 2)),
    ("1x", x),
    ("xy", sympy.Symbol("xy", real=True)),  # one name, never split
    ("i*i", i**2),  # i is a symbol unless imaginary_unit=True
    ("e^(pi * i)", e ** (sympy.pi * i)),  # e is a symbol
    ("π×r^2", sympy.pi * sympy.Symbol("r", real=True) ** 2),
    ("x y", [[x, y]]),  # a space separates entries: a vector, not x·y
    ("12.5 3", [[sympy.Rational(25, 2), 3]]),
    ("1,23", [[1, 23]]),  # a comma separates entries, never a decimal comma
    ("(a,b,c)", [sympy.symbols("a b c", real=True)]),
    ("[0, 1]", [[0, 1]]),  # a vector, not an interval
    ("(x+2)(x+3)", (x + 2) * (x + 3)),
    ("m - （n + m）", "fullwidth_char"),
    ("m ＋ n", "fullwidth_char"),
    ("3.67x10^2", "times_ten"),
    ("infty", "not_finite"),
    ("{1, 2, 3}", "braces"),
    ("(0, 1]", "mismatched_bracket"),
    ("|x|", "abs_bars"),
    ("5!", "factorial"),
    ("sin x", "function_needs_parens"),
    ("f(n)", "unknown_function"),
    ("x(x+1)", "unknown_function"),
    ("(x+2)3", "missing_operator"),
    ("eval('dict')", "forbidden_name"),
    ("n + 2 # comment", "unexpected_char"),
    ("1/0", "division_by_zero"),
]


@pytest.mark.parametrize(("text", "expected"), PINNED, ids=[t for t, _ in PINNED])
def test_pinned_readings(text: str, expected: Any) -> None:
    assert text in {entry["input"] for entry in _corpus()}, "pinned string not in the corpus"
    if isinstance(expected, str):
        with pytest.raises(ParseError) as info:
            parse_value(text)
        assert info.value.key == expected
    elif isinstance(expected, list):
        assert parse_value(text).rows == tuple(tuple(row) for row in expected)
    else:
        parsed = parse_value(text)
        assert parsed.kind == "scalar"
        assert parsed.rows[0][0] == expected
