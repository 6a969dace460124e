"""Hostile and malformed operands: each is refused quickly with one clear line."""

from __future__ import annotations

import builtins
import importlib
import re
from pathlib import Path
from typing import Any

import pytest
import sympy
import sympy.parsing.sympy_parser

from linsteps.errors import LimitError, ParseError
from linsteps.reading.parsing import LIMITS, parse_value

SRC = Path(__file__).resolve().parents[1] / "src" / "linsteps"

# text, error key, column the message must name (None: no column for this error)
HOSTILE: list[tuple[str, str, int | None]] = [
    ("", "empty", None),
    ("   \t ", "empty", None),
    ("[1, 2", "unclosed", 1),
    ("1, 2)", "unmatched_close", 5),
    ("[1, 2)", "mismatched_bracket", 6),
    ("[1 2]]", "unmatched_close", 6),
    ("((1)", "unclosed", 1),
    ("1 2; 3", "ragged", None),
    ("[[1, 2], [3]]", "ragged", None),
    ("__import__('os')", "forbidden_name", 1),
    ("9**9**9**9", "power_exponent_too_large", 5),
    ("(2^1000)^1000", "power_too_large", 9),
    ("10^1000^1000", "power_exponent_too_large", 3),
    ("2^" * 5000 + "2", "expression_too_deep", None),
    ("9" * 5000, "too_many_digits", 1),
    ("[" * 3000 + "1" + "]" * 3000, "too_deep", 51),
    ("-" * 5000 + "1", "expression_too_deep", 201),
    ("1\x002", "control_char", 2),
    ("1\x1b[31m", "control_char", 2),
    ("１２", "fullwidth_char", 1),
    ("m - （n + m）", "fullwidth_char", 5),
    ("nan", "not_finite", 1),
    ("inf", "not_finite", 1),
    ("-oo", "not_finite", 2),
    ("Infinity", "not_finite", 1),
    ("∞", "not_finite", 1),
    ("foo(1)", "unknown_function", 1),
    ("x(1)", "unknown_function", 1),
    ("sin x", "function_needs_parens", 1),
    ("lambda x: x", "forbidden_name", 1),
    ("eval(1)", "forbidden_name", 1),
    ("import os", "forbidden_name", 1),
    ("os.system('ls')", "unexpected_char", 3),
    ("1;;2", "unexpected_token", 3),
    ("[1,,2]", "unexpected_token", 4),
    ("x=1", "comparison", 2),
    ("1 == 2", "comparison", 3),
    ("a.b", "unexpected_char", 2),
    ("\\sqrt{2}", "unexpected_char", 1),
    ("# comment", "unexpected_char", 1),
    ("'1'", "unexpected_char", 1),
    ('"1"', "unexpected_char", 1),
    ("$x", "unexpected_char", 1),
    ("1 😀", "unexpected_char", 3),
    ("1..2", "missing_operator", 3),
    ("52%", "unexpected_char", 3),
    ("5!", "factorial", 2),
    ("1 & 2", "unexpected_char", 3),
    ("A @ B", "unexpected_char", 3),
    ("{1,2}", "braces", 1),
    ("|x|", "abs_bars", 1),
    ("1e99999", "sci_exponent_too_large", 1),
    ("1e" + "9" * 5000, "sci_exponent_too_large", 1),
    ("1" * 200_000, "too_long", None),
    ("1 " * 10_001, "too_many_entries", None),
    ("; ".join(["1"] * 201), "too_many_rows", None),
    ("[]", "empty_brackets", 1),
    ("()", "empty_brackets", 1),
    ("(x+2)3", "missing_operator", 6),
    ("1 +", "unexpected_end", 3),
    ("n**", "unexpected_end", 3),
    ("((1) (2))", "unexpected_space", 5),
    ("1/0", "division_by_zero", 2),
    ("0^-1", "division_by_zero", 2),
    ("log(0)", "not_finite_value", 1),
    ("3.67x10^2", "times_ten", 5),
    ("*".join(["(2^999)"] * 20), "number_too_large", 8),
    ("+".join(f"1/{k}" for k in range(2, 3000)), "number_too_large", 4),
    ("x_", "unexpected_char", 2),
    ("(1, [2, 3])", "unexpected_token", 5),
    ("a\u00a0b", "unexpected_char", 2),
]


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    parse_value("1")  # build the parser and import SymPy outside the timed calls


@pytest.mark.parametrize(("text", "key", "column"), HOSTILE, ids=lambda v: repr(v)[:30])
def test_hostile_input_is_refused_with_one_line(text: str, key: str, column: int | None) -> None:
    with pytest.raises(ParseError) as info:
        parse_value(text, operand="A")
    error = info.value
    assert error.key == key
    for lang in ("en", "zh"):
        message = error.message(lang)
        assert "\n" not in message and message.strip() == message
        assert "A" in message
    message = str(error)
    if column is not None:
        assert error.params["column"] == column
        assert f"column {column}" in message
    if isinstance(error, LimitError):
        assert str(error.params["limit"]) in message


def test_table_is_large_enough() -> None:
    assert len(HOSTILE) >= 45


def test_limit_errors_are_limit_errors() -> None:
    for text in ("9" * 5000, "1" * 200_000, "[" * 3000, "9**9**9**9"):
        with pytest.raises(LimitError):
            parse_value(text)
    assert LIMITS.max_length == 100_000


def test_no_string_is_ever_sympified_or_evaluated(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    sympify_module = importlib.import_module("sympy.core.sympify")  # sympy.core.sympify: a function
    real_sympify = sympify_module.sympify

    def forbidden(name: str) -> Any:
        def spy(*args: Any, **kwargs: Any) -> Any:
            calls.append(f"{name}{args!r}")
            raise AssertionError(name)

        return spy

    def on_strings(name: str, real: Any) -> Any:
        def spy(source: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(source, str):  # imports exec code objects, not strings
                calls.append(f"{name}({source!r})")
            return real(source, *args, **kwargs)

        return spy

    monkeypatch.setattr(sympy, "sympify", forbidden("sympy.sympify"))
    monkeypatch.setattr(sympify_module, "sympify", on_strings("sympify", real_sympify))
    monkeypatch.setattr(sympy.parsing.sympy_parser, "parse_expr", forbidden("parse_expr"))
    monkeypatch.setattr(builtins, "eval", on_strings("eval", builtins.eval))
    monkeypatch.setattr(builtins, "exec", on_strings("exec", builtins.exec))
    texts = ["[1, 2, 3]", "x^2 + 2x + 1", "16√22/77 2; 0.5 1e3", "sqrt(8)/2 pi", "θ + α_1 e"]
    for text in texts:
        parse_value(text)
    for text in ("__import__('os')", "eval(1)", "1 +"):
        with pytest.raises(ParseError):
            parse_value(text)
    assert calls == []


SOURCES = sorted(str(p.relative_to(SRC)) for p in [*SRC.rglob("*.py"), *SRC.rglob("*.lark")])


@pytest.mark.parametrize("name", SOURCES)
def test_source_has_no_evaluation(name: str) -> None:
    source = (SRC / name).read_text(encoding="utf-8")
    for word in (r"\beval\(", r"\bexec\(", r"sympify", r"\bparse_expr\b"):  # not parse_expression
        assert not re.search(word, source), word
    assert not re.search(r"\bimport\s+pickle|\bcache\s*=\s*True", source)
