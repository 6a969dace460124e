"""False accepts the checker must refuse: answers of the wrong orientation, exact answers a
hair away from the result, polynomials crafted to vanish at predictable test points, perturbed
surds.  Each is rejected or ``unverified``, never ``correct``; the true forms next to them stay
accepted, so the refusals come from proofs and not from a stricter reading."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from linsteps.assess import decision
from linsteps.assess.answers import to_input
from linsteps.assess.checking import check
from linsteps.assess.expected import Expected, Problem

# --- shape is part of the answer ---------------------------------------------------------------

# (operation, operands, options, an answer with the right entries in the wrong orientation)
WRONG_ORIENTATION: list[tuple[str, tuple[str, ...], dict[str, Any], str]] = [
    ("transpose", ("[[1, 2, 3]]",), {}, "[[1, 2, 3]]"),
    ("transpose", ("[[1], [2], [3]]",), {}, "[[1], [2], [3]]"),
    ("transpose", ("[[1, 2, 3]]",), {}, "[1, 2, 3]"),
    ("transpose", ("[[1, 2, 3]]",), {}, "1 2 3"),
    ("matmul", ("[[1, 2]]", "1 2 3; 4 5 6"), {}, "[[9], [12], [15]]"),
    ("matmul", ("[[1, 2]]", "1 2 3; 4 5 6"), {}, "9; 12; 15"),
    ("matmul", ("[[1, 2]]", "1 2 3; 4 5 6"), {}, "9 12 15"),
    ("matmul", ("1 2; 3 4", "[[5], [6]]"), {}, "[[17, 39]]"),
    ("matmul", ("1 2; 3 4", "[5, 6]"), {"orientation": "column"}, "[[17, 39]]"),
    ("outer", ("[1, 2]", "[3]"), {}, "[[3, 6]]"),
    ("outer", ("[3]", "[1, 2]"), {}, "[[3], [6]]"),
    ("hadamard", ("[[1, 2]]", "[[3, 4]]"), {}, "[[3], [8]]"),
    ("hadamard", ("[[1], [2]]", "[[3], [4]]"), {}, "[3, 8]"),
    ("linear", ("1 2; 3 4", "[[1, 1]]", "[10, 20]"), {}, "13; 27"),
    ("attention", ("[[1, 1]]", "1 0; 0 1; 1 1"), {}, "transposed"),
    ("attention", ("[[1, 0]]", "1 0; 0 1", "1 2; 3 4"), {}, "transposed"),
]  # fmt: skip


@pytest.mark.parametrize(("operation", "operands", "options", "answer"), WRONG_ORIENTATION)
def test_a_fixed_orientation_is_part_of_the_answer(
    operation: str, operands: tuple[str, ...], options: dict[str, Any], answer: str
) -> None:
    if answer == "transposed":  # the result itself, as a column instead of a row
        answer = to_input(Expected(Problem(operation, operands, options)).value.T)
    verdict = check(operation, operands, answer, options=options)
    assert verdict.status == "incorrect", verdict.message()
    assert verdict.diagnosis in ("transposed", "wrong_shape")


# (operation, operands, the result as a row, the result as a column): a vector by definition
FREE_ORIENTATION = [
    ("matmul", ("1 2; 3 4", "[5, 6]"), "[[17, 39]]", "17; 39"),
    ("matmul", ("[1, 2]", "1 2 3; 4 5 6"), "[[9, 12, 15]]", "9; 12; 15"),
    ("hadamard", ("[1, 2]", "[3, 4]"), "[[3, 8]]", "3; 8"),
    ("project", ("[3, 4]", "[1, 0]"), "[[3, 0]]", "3; 0"),
    ("linear", ("1 2; 3 4", "[1, 1]", "[10, 20]"), "[[13, 27]]", "13; 27"),
]


@pytest.mark.parametrize(("operation", "operands", "row", "column"), FREE_ORIENTATION)
def test_a_vector_by_definition_may_be_a_row_or_a_column(
    operation: str, operands: tuple[str, ...], row: str, column: str
) -> None:
    assert check(operation, operands, row).correct
    assert check(operation, operands, column).correct


def test_the_orientation_table_matches_the_readme() -> None:
    from linsteps.assess.expected import VECTOR_RESULTS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    lines = readme.split("#### Row or column?", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    rows = [line.split("|") for line in lines[start + 2 : end]]
    either = {cells[1].strip(" `") for cells in rows if cells[3].strip().startswith("either")}
    assert either == set(VECTOR_RESULTS)
    assert {"transpose", "outer", "attention"} <= {cells[1].strip(" `") for cells in rows}


# --- exact answers a hair away from the result ---------------------------------------------------

# (operation, operands, options): one problem of every operation with an exact result
PROBLEMS: list[tuple[str, tuple[str, ...], dict[str, Any]]] = [
    ("dot", ("[1, 2, 3]", "[4, 5, 6]"), {}),
    ("dot", ("[1+i, 2]", "[3, i]"), {"complex": True}),
    ("norm", ("[1, 2, 3]",), {}),
    ("cos", ("[1, 2, 3]", "[4, 5, 6]"), {}),
    ("angle", ("[1, 0]", "[1, 2]"), {}),
    ("angle", ("[1, 0]", "[1, 2]"), {"unit": "degrees"}),
    ("hadamard", ("1 2; 3 4", "5 6; 7 8"), {}),
    ("matmul", ("1 2; 3 4", "5 6; 7 8"), {}),
    ("outer", ("[1, 2]", "[3, 4, 5]"), {}),
    ("transpose", ("1 2 3; 4 5 6",), {}),
    ("project", ("[3, 4]", "[1, 2]"), {}),
    ("linear", ("1 2; 3 4", "[1, 1]", "[10, 20]"), {}),
    ("attention", ("1 0; 1 1", "1 0; 0 1"), {}),
    ("attention", ("1 0; 1 1", "1 0; 0 1", "1 2; 3 4"), {"causal": True}),
]
TINY = ["10^(-40)", "-10^(-40)", "pi/10^60", "sqrt(2)/10^45", "exp(-200)", "exp(-2000)"]


def perturbed(result: Any, tiny: str, where: int = 0) -> str:
    """``result`` in the input syntax with ``tiny`` added to entry ``where``."""
    matrix = sympy.Matrix(result) if isinstance(result, sympy.MatrixBase) else None
    if matrix is None:
        return f"({to_input(result)}) + {tiny}"
    rows = [[to_input(x) for x in row] for row in matrix.tolist()]
    i, j = divmod(where, matrix.cols)
    rows[i][j] = f"({rows[i][j]}) + {tiny}"
    return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"


def key_of(operation: str, operands: tuple[str, ...], options: dict[str, Any]) -> Any:
    expected = Expected(Problem(operation, operands, options))
    return expected.value[0, 0] if expected.scalar else expected.value


@pytest.mark.parametrize(("operation", "operands", "options"), PROBLEMS)
@pytest.mark.parametrize("tiny", TINY)
def test_a_near_miss_is_never_accepted(
    operation: str, operands: tuple[str, ...], options: dict[str, Any], tiny: str
) -> None:
    key = key_of(operation, operands, options)
    assert check(operation, operands, to_input(key), options=options).correct
    verdict = check(operation, operands, perturbed(key, tiny), options=options)
    assert verdict.status in ("incorrect", "unverified"), verdict.message()


NEAR_MISSES = [
    ("norm", ("[10^24, 1]",), "10^24"),
    ("norm", ("[1, 2, 3]",), "sqrt(14) + exp(-200)"),
    ("norm", ("[1, 1]",), "sqrt(2) + pi/10^60"),
    ("norm", ("[1, 1]",), "1414213562373095048801688724209698078569671875377/10^48"),
    ("norm", ("[1, 1]",), "665857/470832"),  # a convergent of the continued fraction of √2
    ("norm", ("[1, 1]",), "(sqrt(2) + exp(-3000))^2 / sqrt(2)"),  # cancels beyond any digits
    ("dot", ("[1, 1]", "[sqrt(2), sqrt(3)]"), "sqrt(5 + 2sqrt(6) + 10^(-40))"),
    ("dot", ("[1, 1]", "[sqrt(2), sqrt(3)]"), "sqrt(5 + 2sqrt(6)) + 10^(-40)*sqrt(7)"),
    ("cos", ("[1, 2, 3]", "[4, 5, 6]"), "16sqrt(22)/77 + 10^(-50)"),
    ("angle", ("[1, 0]", "[1, 2]"), "atan(2) + 10^(-40)"),
    ("angle", ("[1, 0]", "[1, 1]"), "pi/4 + exp(-500)"),
    ("attention", ("1 0; 0 1", "1 0; 0 1"),
     "[[e^(√2/2)/(1 + e^(√2/2)) + 10^(-40), 1/(1 + e^(√2/2))],"
     " [1/(1 + e^(√2/2)), e^(√2/2)/(1 + e^(√2/2))]]"),
]  # fmt: skip


@pytest.mark.parametrize(("operation", "operands", "answer"), NEAR_MISSES)
def test_perturbed_surds_and_transcendentals_are_not_accepted(
    operation: str, operands: tuple[str, ...], answer: str
) -> None:
    verdict = check(operation, operands, answer)
    assert verdict.status in ("incorrect", "unverified"), verdict.message()
    assert verdict.diagnosis != "equivalent_form"


EQUAL_FORMS = [
    ("dot", ("[1, 1]", "[sqrt(2), sqrt(3)]"), "sqrt(5 + 2sqrt(6))"),  # a minimal polynomial
    ("norm", ("[1, 1]",), "(1+sqrt(2))^2 - 3 - sqrt(2)"),
    ("norm", ("[10^24, 1]",), "10^24 + 1/(sqrt(10^48 + 1) + 10^24)"),
    ("angle", ("[1, 0]", "[1, 2]"), "atan(2)"),  # equal cosines and sines
    ("angle", ("[1, 0]", "[1, 2]"), "asin(2sqrt(5)/5)"),
    ("attention", ("1 0; 0 1", "1 0; 0 1"),
     "[[1/(1 + e^(-√2/2)), 1/(1 + e^(√2/2))], [1/(1 + e^(√2/2)), 1/(1 + e^(-√2/2))]]"),
]  # fmt: skip


@pytest.mark.parametrize(("operation", "operands", "answer"), EQUAL_FORMS)
def test_equal_forms_are_proved_equal(
    operation: str, operands: tuple[str, ...], answer: str
) -> None:
    verdict = check(operation, operands, answer)
    assert (verdict.status, verdict.diagnosis) == ("correct", "equivalent_form"), verdict.message()


def test_what_cannot_be_proved_either_way_is_unverified_not_correct() -> None:
    verdict = check("norm", ("[1, 1]",), "sqrt(2) + sin(pi/7)^2 + cos(pi/7)^2 - 1")
    assert verdict.status == "unverified" and verdict.variant == "undecided"
    assert "proved" in verdict.message() and "证明" in verdict.message("zh")


# --- symbolic answers: test points nobody can predict --------------------------------------------


def old_points(names: list[str], count: int = 6) -> list[dict[str, Any]]:
    """The test points the checker used to derive from the symbols' names."""
    rng = random.Random(hashlib.sha256(",".join(names).encode()).hexdigest())
    return [
        {n: sympy.Rational(rng.choice((-1, 1)) * rng.randint(1, 40), rng.randint(1, 9))
         for n in names}
        for _ in range(count)
    ]  # fmt: skip


def vanishing_at(points: list[dict[str, Any]]) -> str:
    """A polynomial that is zero at every one of ``points`` and nowhere near all others."""
    factors = [
        "(" + " + ".join(f"({name} - ({value}))^2" for name, value in point.items()) + ")"
        for point in points
    ]
    return "*".join(factors)


CRAFTED = [
    ("dot", ("[x, y]", "[x, y]"), "x^2 + y^2 + " + vanishing_at(old_points(["x", "y"], 24))),
    ("dot", ("[x, 1]", "[x, 1]"), "x^2 + 1 + " + "*".join(f"(x - {k})" for k in range(-20, 21))),
    ("dot", ("[x, 1]", "[x, 1]"),
     "x^2 + 1 + " + "*".join(f"(x - {n}/{d})" for d in range(1, 4) for n in range(-9, 10))),
    ("norm", ("[x, 1]",), "sqrt(x^2 + 1) + " + "*".join(f"(x - {k})" for k in range(1, 30))),
    ("matmul", ("x 1; 0 1", "x 0; 0 1"),
     "[[x^2 + (x-1)*(x-2)*(x-3)*(x+1)*(x+2)*(x+3), 1], [0, 1]]"),
]  # fmt: skip


@pytest.mark.parametrize(("operation", "operands", "answer"), CRAFTED)
def test_polynomials_crafted_to_vanish_at_predictable_points_are_rejected(
    operation: str, operands: tuple[str, ...], answer: str
) -> None:
    for _ in range(3):  # fresh points every time
        verdict = check(operation, operands, answer, time_limit=None)
        assert verdict.status == "incorrect", verdict.message()


def test_test_points_come_from_the_system_random_source() -> None:
    assert isinstance(decision._SOURCE, random.SystemRandom)
    seen = {decision._coordinate() for _ in range(50)}
    assert len(seen) > 40


def test_symbolic_equal_forms_pass_every_draw() -> None:
    for _ in range(5):
        assert check("dot", ("[x, y]", "[x, y]"), "(x+y)^2 - 2x*y").correct
        assert check("norm", ("[x, 1]",), "(x^2 + 1)^(1/2)").correct
        assert not check("dot", ("[x, y]", "[x, y]"), "(x+y)^2").correct


# --- property: random exact keys perturbed by tiny exact amounts ---------------------------------

small = st.integers(-5, 5)
vectors = st.integers(2, 3).flatmap(
    lambda n: st.tuples(st.lists(small, min_size=n, max_size=n),
                        st.lists(small, min_size=n, max_size=n))
)  # fmt: skip
tiny_amounts = st.tuples(
    st.sampled_from(["1", "-1", "sqrt(2)", "pi", "-sqrt(3)/7", "exp(1)"]),
    st.integers(20, 90),
).map(lambda pair: f"{pair[0]}*10^(-{pair[1]})")


@settings(max_examples=40, deadline=None)
@given(
    vectors,
    st.sampled_from(["dot", "norm", "cos", "angle", "hadamard", "project", "outer"]),
    tiny_amounts,
    st.integers(0, 8),
)
def test_random_exact_keys_perturbed_by_tiny_exact_amounts_are_never_accepted(
    pair: tuple[list[int], list[int]], operation: str, tiny: str, where: int
) -> None:
    a, b = (f"[{', '.join(map(str, v))}]" for v in pair)
    operands = (a,) if operation == "norm" else (a, b)
    expected = Expected(Problem(operation, operands))
    if expected.undefined:
        return
    key = expected.value[0, 0] if expected.scalar else expected.value
    answer = perturbed(key, tiny, where % len(expected.value))
    verdict = check(operation, operands, answer, time_limit=None)
    assert verdict.status != "correct", (answer, verdict.message())
