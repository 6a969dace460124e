"""A condition a derivation prints is proved, or stated as an assumption, or the input refused.

With symbols a divisor may be neither provably zero nor provably nonzero (b = (x, 0) has
b·b = x², zero at x = 0): the derivation then says "assuming x ≠ 0" in every format and both
languages and derives under it.  A divisor proved zero is refused with the reason.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
import sympy

import linsteps
from linsteps.derivation.steps import Assumption, Condition, Derivation
from linsteps.errors import UndefinedError
from linsteps.ops.divisors import nonzero_condition, zero_status
from tests.test_equalities import check_derivation

FORMATS = ("text", "latex", "markdown", "html", "json")
ASSUMING = {"en": "assuming", "zh": "假设"}

# Derivations whose divisor is x², zero only at x = 0: each must assume x ≠ 0.
ASSUMING_X: dict[str, Callable[[], Derivation]] = {
    "cos": lambda: linsteps.cos("[1, 2]", "[x, 0]"),
    "angle": lambda: linsteps.angle("[1, 2]", "[x, 0]"),
    "project": lambda: linsteps.project("[1, 2]", "[x, 0]"),
    "pairwise": lambda: linsteps.cos("[[1, 0], [x, 0]]", pairwise=True),
    "project-scaled": lambda: linsteps.project("[3, 1]", "[2*x, 0]"),
}


def plain(output: str, fmt: str) -> str:
    """Return rendered output as plain words: markup, math delimiters and spacing removed."""
    if fmt == "html":
        # MathML elements are spaced apart (x ≠ 0 is one formula of three elements).
        output = re.sub(r"</?m(?:ath|i|o|n|row|text)\b[^>]*>", " ", output)
        output = html.unescape(re.sub(r"<[^>]+>", "", output))
    if fmt in ("latex", "markdown"):
        output = output.replace("\\neq", "≠").replace("$", "")
    return " ".join(output.split())


def assumptions(derivation: Derivation) -> list[Assumption]:
    return [s for s in derivation.steps if isinstance(s, Assumption)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(ASSUMING_X))
def test_symbolic_divisor_states_the_assumption(name: str, fmt: str, lang: str) -> None:
    derivation = ASSUMING_X[name]()
    output = derivation.render(fmt, lang)
    if fmt == "json":
        steps = json.loads(output)["steps"]
        stated = [s for s in steps if s["kind"] == "assumption"]
        assert stated, "no assumption step in the JSON"
        assert stated[0]["params"]["condition"]["text"] == "x"
        assert f"{ASSUMING[lang]} x ≠ 0" in stated[0]["message"]
    else:
        assert f"{ASSUMING[lang]} x ≠ 0" in plain(output, fmt)


@pytest.mark.parametrize("name", sorted(ASSUMING_X))
def test_the_assumption_is_data_of_its_own_kind(name: str) -> None:
    derivation = ASSUMING_X[name]()
    stated = assumptions(derivation)
    assert len(stated) == 1
    assert stated[0].kind == "assumption"
    assert stated[0].params["condition"].evaluate() == sympy.Symbol("x", real=True)


@pytest.mark.parametrize("name", sorted(ASSUMING_X))
def test_every_equality_holds_under_the_assumption(name: str) -> None:
    assert check_derivation(ASSUMING_X[name]()) > 0


@pytest.mark.parametrize("name", sorted(ASSUMING_X))
def test_nothing_unproved_is_claimed(name: str) -> None:
    """With x unknown, no plain condition says b is not the zero vector or b·b > 0."""
    derivation = ASSUMING_X[name]()
    claims = [s.key for s in derivation.steps if type(s) is Condition]
    assert "nonzero" not in claims
    assert "nonzero_onto" not in claims
    assert "pairwise_rows" not in claims


def test_projection_is_derived_under_the_assumption() -> None:
    derivation = linsteps.project("[1, 2]", "[x, 0]")
    assert derivation.result == sympy.ImmutableMatrix([1, 0])


def test_only_the_unknown_vector_is_assumed_nonzero() -> None:
    derivation = linsteps.cos("[1, 2]", "[x, 0]")
    keys = [s.key for s in derivation.steps if isinstance(s, Condition)]
    assert keys == ["same_length", "nonzero_vector", "assumed_nonzero_vector"]
    assert "a is not the zero vector, so ‖a‖ ≠ 0" in derivation.to_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_attention_assumes_a_softmax_denominator(fmt: str, lang: str) -> None:
    """e^(ix) + 1 is zero at x = π: the softmax of that row is derived assuming it is not."""
    derivation = linsteps.attention("sqrt(-1)*x 0", "1 0; 0 1", scale=False)
    (stated,) = assumptions(derivation)
    condition = stated.params["condition"].evaluate()
    assert sympy.simplify(condition - (sympy.exp(sympy.I * sympy.Symbol("x", real=True)) + 1)) == 0
    output = derivation.render(fmt, lang)
    if fmt == "json":
        kinds = [s["kind"] for s in json.loads(output)["steps"]]
        assert "assumption" in kinds
    else:
        assert ASSUMING[lang] in plain(output, fmt)
        assert "≠ 0" in plain(output, fmt)


def test_attention_with_real_symbols_needs_no_assumption() -> None:
    """exp of a real number is positive, so every softmax denominator is proved nonzero."""
    derivation = linsteps.attention("x 0", "1 0; 0 1")
    assert not assumptions(derivation)
    assert check_derivation(derivation) > 0


def test_attention_does_not_call_complex_weights_positive() -> None:
    derivation = linsteps.attention("sqrt(-1)*x 0", "1 0; 0 1", scale=False)
    keys = [s.key for s in derivation.steps if hasattr(s, "key")]
    assert "rows_sum_to_one" not in keys
    assert "rows_sum_to_one_complex" in keys


def test_softmax_with_a_zero_denominator_is_refused() -> None:
    """e^(iπ) + e^0 = 0: the weights of that row do not exist."""
    with pytest.raises(UndefinedError) as caught:
        linsteps.attention("sqrt(-1)*pi 0", "1 0; 0 1", scale=False)
    assert caught.value.key == "softmax_zero"
    assert "row 1" in caught.value.message("en")


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: linsteps.cos("[1, 2]", "[0, 0]"), "zero_vector"),
        (lambda: linsteps.angle("[0, 0, 0]", "[1, 2, 3]"), "zero_vector"),
        (lambda: linsteps.project("[1, 2]", "[0, 0]"), "zero_projection"),
        (lambda: linsteps.cos("[[1, 2], [0, 0]]", pairwise=True), "zero_row"),
        (lambda: linsteps.cos("[1, 2]", "[x - x, 0]"), "zero_vector"),
        (lambda: linsteps.project("[1, 2]", "[(x+1)^2 - x^2 - 2*x - 1, 0]"), "zero_projection"),
    ],
)
def test_zero_vectors_are_refused(call: Callable[[], Any], key: str) -> None:
    with pytest.raises(UndefinedError) as caught:
        call()
    assert caught.value.key == key
    for lang in ("en", "zh"):
        assert "\n" not in caught.value.message(lang)


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: linsteps.cos("[1, 2]", "[sqrt(-1), 1]"), "zero_norm"),
        (lambda: linsteps.project("[1, 2]", "[sqrt(-1), 1]"), "zero_square_onto"),
        (lambda: linsteps.cos("[[1, 2], [sqrt(-1), 1]]", pairwise=True), "zero_row_norm"),
    ],
)
def test_a_nonzero_vector_with_zero_square_is_not_called_zero(
    call: Callable[[], Any], key: str
) -> None:
    """(i, 1)·(i, 1) = 0 although (i, 1) is not the zero vector: the reason says b·b = 0."""
    with pytest.raises(UndefinedError) as caught:
        call()
    assert caught.value.key == key
    assert "zero vector" not in caught.value.message("en")
    assert "零向量" not in caught.value.message("zh")


def test_a_proved_nonzero_divisor_is_said_so() -> None:
    """x² + 1 > 0 for real x: the condition is proved, no assumption."""
    derivation = linsteps.cos("[x, 1]", "[1, x]")
    assert not assumptions(derivation)
    assert "neither a nor b is the zero vector" in derivation.to_text()


def test_a_complex_onto_vector_is_not_said_positive() -> None:
    """b = (i√2, 0) has b·b = −2: nonzero, so defined, but not > 0."""
    derivation = linsteps.project("[1, 2]", "[sqrt(-2), 0]")
    keys = [s.key for s in derivation.steps if isinstance(s, Condition)]
    assert "nonzero_onto" not in keys and "nonzero_dot_onto" in keys
    assert "> 0" not in derivation.to_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_general_form_assumes_nonzero_vectors(lang: str) -> None:
    derivation = linsteps.cos("a", "b", dim="n")
    assert [s.key for s in assumptions(derivation)] == ["assumed_nonzero_vectors"]
    assert ASSUMING[lang] in derivation.to_text(lang)


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (sympy.Integer(0), "zero"),
        (sympy.Integer(3), "nonzero"),
        (sympy.sqrt(2) - sympy.sqrt(2), "zero"),
        (sympy.Symbol("x", real=True) ** 2, "unknown"),
        (sympy.Symbol("x", real=True) ** 2 + 1, "nonzero"),
        (sympy.exp(sympy.Symbol("x", real=True)), "nonzero"),
        ((sympy.Symbol("x", real=True) + 1) ** 2 - sympy.Symbol("x", real=True) ** 2, "unknown"),
        (sympy.expand((sympy.Symbol("x") + 1) ** 2) - (sympy.Symbol("x") + 1) ** 2, "zero"),
    ],
)
def test_zero_status(value: Any, status: str) -> None:
    assert zero_status(value) == status


def test_nonzero_condition_is_the_simplest_factor() -> None:
    x, y = sympy.symbols("x y", real=True)
    assert nonzero_condition(x**2) == x
    assert nonzero_condition(4 * x**2 * y**2) == x * y
    assert nonzero_condition(x**2 + y**2) == x**2 + y**2
    assert nonzero_condition(sympy.exp(x) * x**2) == x
