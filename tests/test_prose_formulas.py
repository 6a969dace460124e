"""The formulas inside prose: found by the shape of the words, written in each notation."""

from __future__ import annotations

import pytest

from linsteps.render.latex import prose
from linsteps.render.markdown import prose_markdown
from linsteps.render.mathml_formatter import mathml_formula
from linsteps.render.prose import prose_pieces


def found(text: str, left: bool = False, right: bool = False) -> list[str]:
    """The formulas of ``text``, marked ``<…`` / ``…>`` where they join mathematics beside."""
    return [
        ("<" if p.left_open else "") + p.text + (">" if p.right_open else "")
        for p in prose_pieces(text, left, right)
        if p.formula
    ]


@pytest.mark.parametrize(
    ("text", "formulas"),
    [
        ("cos θ = 1: a and b point the same way", ["cos θ = 1"]),
        ("query i may only look at keys j ≤ i, so", ["j ≤ i"]),
        ("give exact answers (fractions, square roots, π).", ["π"]),
        ("so ‖a‖ = 0 and cos θ = a·b/(‖a‖‖b‖) would divide", ["‖a‖ = 0", "cos θ = a·b/(‖a‖‖b‖)"]),
        ("a row (1×n) and a column (n×1), a 1×1 matrix", ["(1×n)", "(n×1)", "1×1"]),
        ("this is π − θ, the supplement", ["π − θ"]),
        ("multiply by π/180, or write the unit, as in 45°.", ["π/180", "45°"]),
        ("Why Wᵀ: like nn.Linear, W is stored as out_features×in_features", ["Wᵀ", "×"]),
        ("rows→columns", ["→"]),
        ("a number from −1 to 1", ["−1"]),
        ("假设 x ≠ 0：则", ["x ≠ 0"]),
        # words of ASCII only stay text: "B = 3" counts rows, it does not say B = 3
        ("columns of A = rows of B = 3", []),
        ("needs columns of aᵀ = rows of b", ["aᵀ"]),
        # a dot between numbers separates them
        ("Seed 3 · 4 problems · medium", ["·", "·"]),
        ("entry (i, j) is row i of a matrix", []),
        ("is a scalar: it is a number", []),
    ],
)
def test_formulas_of_prose(text: str, formulas: list[str]) -> None:
    assert found(text) == formulas
    assert "".join(p.text for p in prose_pieces(text)) == text


def test_a_formula_opens_towards_mathematics_attached_to_it() -> None:
    assert found(" ≠ 0: then", left=True) == ["<≠ 0"]
    assert found(" > 0 and the", left=True) == ["<> 0"]
    assert found(" > 0 and the") == []  # ASCII with nothing to continue is text
    assert found("any lengths → ", right=True) == ["→>"]
    assert found("this is Σ ", right=True) == ["Σ>"]
    assert found(" radians = ", left=True, right=True) == []  # "=" after a word is text
    assert found("‖) would divide", left=True) == ["‖)"]  # its "(" is in the text before


def test_each_notation_writes_the_formulas() -> None:
    assert prose("so ‖a‖ = 0 and cos θ = −1") == "so $\\Vert a\\Vert = 0$ and $\\cos \\theta = -1$"
    assert prose("Σ aᵢbⱼ, QKᵀ, 45°") == "$\\sum a_{i}b_{j}$, $QK^{\\mathsf{T}}$, $45^{\\circ}$"
    assert prose_markdown("keys j ≤ i, 100% *x*") == "keys $j \\le i$, 100% \\*x\\*"
    assert mathml_formula("QKᵀ") == "<mrow><mi>Q</mi><msup><mi>K</mi><mi>T</mi></msup></mrow>"
    assert mathml_formula("cos θ = 1") == (
        "<mrow><mi>cos</mi><mo>\u2061</mo><mi>θ</mi><mo>=</mo><mn>1</mn></mrow>"
    )
