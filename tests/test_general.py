"""General forms: a length n or a shape m×n agrees with every concrete size."""

from __future__ import annotations

from typing import Any

import pytest
import sympy
from sympy.matrices.expressions.matexpr import MatrixElement

import linsteps
from linsteps.derivation.general_forms import size_symbol
from linsteps.errors import ShapeError, UsageError
from tests.test_cli import run


def written_out(value: Any, sizes: dict[str, int]) -> Any:
    """Return a general result at concrete sizes, entries renamed as --dim N names them."""
    value = value.subs({size_symbol(name): k for name, k in sizes.items()})
    if isinstance(value, sympy.MatrixExpr) and not isinstance(value, sympy.MatrixBase):
        explicit = value.as_explicit()
        return explicit.applyfunc(lambda x: x.subs(matrix_names(x)))
    value = value.doit()
    return value.subs(
        {x: sympy.Symbol(f"{x.base}_{x.indices[0]}", real=True) for x in value.atoms(sympy.Indexed)}
    )


def matrix_names(value: Any) -> dict[Any, Any]:
    """Map A[i, j] (0-based) to the symbol a_(i+1)(j+1) of a generic --shape matrix."""
    return {
        e: sympy.Symbol(f"{e.parent.name.lower()}_{e.i + 1}{e.j + 1}", real=True)
        for e in value.atoms(MatrixElement)
    }


@pytest.mark.parametrize("k", [1, 2, 3, 5, 8])
def test_general_dot_norm_cos_agree_with_every_length(k: int) -> None:
    for build in (
        lambda dim: linsteps.dot("a", "b", dim=dim),
        lambda dim: linsteps.norm("a", dim=dim),
        lambda dim: linsteps.cos("a", "b", dim=dim),
    ):
        general = written_out(build("n").result, {"n": k})
        assert sympy.simplify(general - build(k).result) == 0


@pytest.mark.parametrize(("m", "n", "p"), [(1, 1, 1), (2, 3, 2), (3, 2, 4)])
def test_general_matmul_agrees_with_every_shape(m: int, n: int, p: int) -> None:
    general = linsteps.matmul("A", "B", shape="mxn", shape_b="nxp").result
    assert str(general) == "A*B"
    concrete = linsteps.matmul("A", "B", shape=f"{m}x{n}", shape_b=f"{n}x{p}").result
    assert written_out(general, {"m": m, "n": n, "p": p}) == concrete


def test_general_hadamard_is_a_hadamard_product() -> None:
    result = linsteps.hadamard("A", "B", shape="mxn").result
    assert isinstance(result, sympy.HadamardProduct)
    assert written_out(result, {"m": 2, "n": 3}) == linsteps.hadamard("A", "B", shape="2x3").result


def test_the_written_out_form_shows_the_first_two_terms_and_the_last() -> None:
    text = linsteps.dot("a", "b", dim="n").to_text()
    assert "a·b = Σᵢ₌₁ⁿ aᵢbᵢ = a₁b₁ + a₂b₂ + ⋯ + aₙbₙ" in text
    matmul = linsteps.matmul("A", "B", shape="mxn", shape_b="nxp").to_text()
    assert "cᵢⱼ = (row i of A)·(column j of B) = Σₖ₌₁ⁿ aᵢₖbₖⱼ" in matmul
    assert "aᵢ₁b₁ⱼ + aᵢ₂b₂ⱼ + ⋯ + aᵢₙbₙⱼ" in matmul
    assert "m×n · n×p → m×p" in matmul


def test_index_letters_avoid_the_size_names() -> None:
    text = linsteps.dot("a", "b", dim="i").to_text()
    assert "Σⱼ₌₁ⁱ aⱼbⱼ" in text


@pytest.mark.parametrize(
    ("shapes", "fragment"),
    [
        (("mxn", "kxp"), "n and k are not the same size"),
        (("2xn", "3x3"), "n and 3 are not the same size"),
        (("mx2", "3xp"), "A is m×2, B is 3×p"),
    ],
)
def test_sizes_that_cannot_match(shapes: tuple[str, str], fragment: str) -> None:
    with pytest.raises(ShapeError) as caught:
        linsteps.matmul("A", "B", shape=shapes[0], shape_b=shapes[1])
    assert fragment in str(caught.value)


def test_symbolic_sizes_need_bare_names() -> None:
    with pytest.raises(UsageError, match="bare name"):
        linsteps.dot("[1, 2]", "b", dim="n")
    with pytest.raises(UsageError):
        linsteps.dot("a", "b", dim="n-1")


def test_general_forms_from_the_console_script(console_script: str) -> None:
    done = run(console_script, "matmul", "A", "B", "--shape", "mxn", "--shape", "nxp")
    assert done.returncode == 0 and "AB is m×p" in done.stdout
    done = run(console_script, "cos", "a", "b", "--dim", "n", "--lang", "zh")
    assert done.returncode == 0 and "√(a₁² + a₂² + ⋯ + aₙ²)" in done.stdout
    done = run(console_script, "matmul", "A", "B", "--shape", "mxn", "--shape", "kxp")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "n and k are not the same size" in done.stderr
