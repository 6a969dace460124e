"""What the array derivations say: which product an einsum is, its formula and shapes, the
entries shown (a few, all, or one), and refusals with their sizes."""

from __future__ import annotations

from typing import Any

import pytest

import linsteps
from linsteps.derivation.steps import Chain, Condition, Derivation, Note, Result, Rule
from linsteps.errors import LimitError, ShapeError, UsageError
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.text_formatter import TextFormatter
from tests.derivations import CUBE

TEXT = TextFormatter()


def notes(derivation: Derivation) -> list[Note]:
    return [s for s in derivation.steps if isinstance(s, Note)]


def named(derivation: Derivation) -> Note:
    return next(n for n in notes(derivation) if n.key.startswith("einsum."))


def zeros(*shape: int) -> list[Any]:
    return 0 if not shape else [zeros(*shape[1:]) for _ in range(shape[0])]


@pytest.mark.parametrize(
    ("spec", "shapes", "key", "expr"),
    [
        ("ij,jk->ik", [(2, 3), (3, 2)], "matmul", "AB"),
        ("ij,kj->ik", [(2, 3), (2, 3)], "matmul", "ABᵀ"),
        ("ji,jk->ik", [(3, 2), (3, 2)], "matmul", "AᵀB"),
        ("ij,jk->ki", [(2, 3), (3, 2)], "matmul", "(AB)ᵀ"),
        ("ij,j->i", [(2, 3), (3,)], "matvec", "Ab"),
        ("i,ij->j", [(2,), (2, 3)], "vecmat", "aᵀB"),
        ("i,i->", [(3,), (3,)], "dot", "a·b"),
        ("i,i", [(3,), (3,)], "dot", "a·b"),
        ("i,j->ij", [(2,), (3,)], "outer", "abᵀ"),
        ("i,i->i", [(3,), (3,)], "hadamard", "a∘b"),
        ("ij,ij->ij", [(2, 3), (2, 3)], "hadamard", "A∘B"),
        ("ij,ij->", [(2, 3), (2, 3)], "frobenius", None),
        ("ij,ji->", [(2, 3), (3, 2)], "full", None),
        ("ij,kl->ijkl", [(2, 2), (2, 2)], "tensor_product", None),
        ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)], "batched_matmul", "AB"),
        ("bhqd,bhkd->bhqk", [(1, 2, 3, 2), (1, 2, 2, 2)], "batched_matmul", "ABᵀ"),
        ("bi,bi->b", [(2, 3), (2, 3)], "batched_dot", "A·B"),
        ("...ij,...jk->...ik", [(2, 2, 3), (3, 2)], "batched_matmul", "AB"),
        ("...i,...i->...", [(2, 3), (3,)], "batched_dot", "A·b"),
        ("ii->", [(3, 3)], "trace", None),
        ("ii->i", [(3, 3)], "diagonal", None),
        ("bii->b", [(2, 3, 3)], "batched_trace", None),
        ("bii->bi", [(2, 3, 3)], "batched_diagonal", None),
        ("...ii->...i", [(2, 3, 3)], "batched_diagonal", None),
        ("ij->ji", [(2, 3)], "transpose", "Aᵀ"),
        ("ijk->kji", [(2, 3, 2)], "permute", None),
        ("ij->ij", [(2, 3)], "identity", None),
        ("ij->", [(2, 3)], "sum_all", None),
        ("ijk->i", [(2, 3, 2)], "sum_axes", None),
        ("i,ij,j->", [(2,), (2, 3), (3,)], "bilinear", "(aᵀB)c"),
        ("i,j,k->ijk", [(2,), (2,), (2,)], "general", None),
        ("ij,jk,kl->il", [(2, 2), (2, 2), (2, 2)], "general", None),
        ("ijk,jk->i", [(2, 2, 2), (2, 2)], "general", None),
    ],
)
def test_a_known_contraction_is_named(
    spec: str, shapes: list[tuple[int, ...]], key: str, expr: str | None
) -> None:
    note = named(linsteps.einsum(spec, *(zeros(*s) for s in shapes)))
    assert note.key == "einsum." + key
    if expr is not None:
        assert TEXT.format(note.params["expr"]) == expr


def test_the_matrix_product_says_what_it_sums() -> None:
    derivation = linsteps.einsum("ij,jk->ik", "1 2; 3 4", "5 6; 7 8")
    text = derivation.to_text()
    assert 'Einstein summation einsum("ij,jk->ik", A, B)' in text
    assert "Cᵢₖ = Σⱼ₌₁² AᵢⱼBⱼₖ" in text
    assert "j runs from 1 to 2 and is not in the output, so it is summed" in text
    assert "This is the matrix product AB" in text
    assert "C₂₁ = A₂₁B₁₁ + A₂₂B₂₁ = 3·5 + 4·7 = 15 + 28 = 43" in text
    assert derivation.result.tolist() == [[19, 22], [43, 50]]
    latex = derivation.render("latex")
    assert '\\operatorname{einsum}\\left(\\texttt{"ij,jk->ik"}, A, B\\right)' in latex
    assert "\\sum_{j=1}^{2} A_{ij} B_{jk}" in latex


def test_trace_in_both_languages() -> None:
    derivation = linsteps.einsum("ii->", "1 2; 3 4")
    assert derivation.result == 5
    assert "This is the trace of A" in derivation.to_text()
    zh = derivation.to_text("zh")
    assert "这是 A 的迹" in zh and "爱因斯坦求和" in zh


def test_every_summed_letter_has_its_sum_and_range() -> None:
    rule = next(
        s
        for s in linsteps.einsum("ijk,jkl->il", zeros(2, 3, 4), zeros(3, 4, 5)).steps
        if isinstance(s, Rule)
    )
    assert TEXT.format(rule.forms[0]) == "Σⱼ₌₁³ Σₖ₌₁⁴ AᵢⱼₖBⱼₖₗ"
    assert LatexFormatter().format(rule.lhs) == "C_{il}"


def test_large_results_are_summarized_full_or_one_entry() -> None:
    big = [[i + j for j in range(6)] for i in range(6)]
    summary = linsteps.einsum("ij,jk->ik", big, big)
    chains = [s for s in summary.steps if isinstance(s, Chain)]
    assert len(chains) == 2
    assert notes(summary)[-1].key == "summarized_index"
    assert notes(summary)[-1].params == {"shown": 2, "total": 36}
    full = linsteps.einsum("ij,jk->ik", big, big, full=True)
    assert len([s for s in full.steps if isinstance(s, Chain)]) == 36
    one = linsteps.einsum("ij,jk->ik", big, big, entry="3,4")
    assert [s.lhs.indices for s in one.steps if isinstance(s, Chain)] == [(3, 4)]  # type: ignore[attr-defined]
    assert one.result == sum((2 + j) * (j + 3) for j in range(6))
    assert one.steps[-1].key == "tensor_entry"  # type: ignore[attr-defined]
    for bad, key in (("1,7", "index_outside"), ("1", "index_outside"), ("a,b", "bad_index")):
        with pytest.raises(UsageError) as caught:
            linsteps.einsum("ij,jk->ik", big, big, entry=bad)
        assert caught.value.key == key
    with pytest.raises(UsageError):
        linsteps.einsum("ii->", "1 2; 3 4", entry="1")


def test_ellipsis_stretched_axes_and_diagonals_are_said() -> None:
    derivation = linsteps.einsum("...ij,...jk", "[[[1, 2]], [[3, 4]]]", "[[1], [1]]")
    keys = [n.key for n in notes(derivation)]
    assert "einsum_ellipsis" in keys
    stretched = linsteps.einsum("i,i->i", "[1, 2, 3]", "[2]")
    assert [n.params for n in notes(stretched) if n.key == "einsum_stretched"] == [
        {"index": "i", "a": "b", "size": 3}
    ]
    assert stretched.result.tolist() == [2, 4, 6]
    diagonal = linsteps.einsum("ii->i", "1 2; 3 4")
    assert any(n.key == "einsum_diagonal" for n in notes(diagonal))


@pytest.mark.parametrize(
    ("spec", "operands", "key", "fragment"),
    [
        ("ij,jk", ["1 2; 3 4"], "einsum_operand_count", "2 terms, but 1 operand"),
        ("ijk", ["1 2; 3 4"], "einsum_rank", "gives 3 letters for A, which has 2 axes"),
        ("ij,jk", ["1 2 3; 4 5 6", "1 2; 3 4"], "einsum_sizes", "'j' is 3 in A but 2 in B"),
        ("ii", ["1 2 3; 4 5 6"], "einsum_diagonal_sizes", "collapsing index 'i'"),
        ("...i->i", [CUBE], "einsum_ellipsis_dropped", "add ... to the output"),
    ],
)
def test_refusals_name_the_sizes(spec: str, operands: list[str], key: str, fragment: str) -> None:
    with pytest.raises(ShapeError) as caught:
        linsteps.einsum(spec, *operands)
    assert caught.value.key == key
    assert fragment in str(caught.value)
    assert caught.value.message("zh") != str(caught.value)


def test_limits_are_checked_before_the_arithmetic() -> None:
    vector = list(range(300))
    with pytest.raises(LimitError) as caught:
        linsteps.einsum("i,j->ij", vector, vector)  # 90,000 entries
    assert caught.value.key == "result_too_large"
    matrix = zeros(50, 50)
    with pytest.raises(LimitError) as many:
        linsteps.einsum("ij,jk,kl->il", matrix, matrix, matrix)  # 6,250,000 products
    assert many.value.key == "too_many_products"


def test_matmul_of_arrays_says_each_numpy_step() -> None:
    derivation = linsteps.matmul("[1, 2]", CUBE)
    keys = [s.key for s in derivation.steps if isinstance(s, Note | Condition)]
    assert keys[:4] == [
        "matmul_promote_row",
        "matmul_shapes",
        "matmul_batch_one",
        "matmul_promotion_removed",
    ]
    assert derivation.result.shape == (2, 2)
    both = linsteps.matmul("[[[1, 2]], [[3, 4]]]", "[[[[1], [1]]], [[[2], [0]]], [[[0], [1]]]]")
    conditions = [s.key for s in both.steps if isinstance(s, Condition)]
    assert conditions == [
        "matmul_shapes",
        "matmul_batch_both",
        "broadcast_stretched",
        "broadcast_missing",
        "matmul_batch_result",
    ]
    assert both.result.shape == (3, 2, 1, 1)
    scalar = linsteps.matmul("[1, 2, 3]", "[[[4], [5], [6]]]")
    assert scalar.result.tolist() == [[32]]


def test_shape_errors_of_matmul_in_numpys_and_pytorchs_words() -> None:
    with pytest.raises(ShapeError) as caught:
        linsteps.matmul("[[[1, 2, 3]]]", "[[1, 2], [3, 4]]")
    message = str(caught.value)
    assert "columns of A = rows of B, but A is 1×1×3 with 3 columns and B is 2×2 with 2 rows" in (
        message
    )
    assert "(size 2 is different from 3)" in message
    assert "PyTorch: mat1 and mat2 shapes cannot be multiplied (1x3 and 2x2)" in message
    with pytest.raises(ShapeError) as batch:
        linsteps.matmul(zeros(2, 2, 2), zeros(3, 2, 2))
    assert batch.value.key == "matmul_batch"
    assert "at non-singleton dimension 0" in str(batch.value)
    with pytest.raises(ShapeError) as scalar:
        linsteps.matmul("5", CUBE)
    assert scalar.value.key == "matmul_scalar"
    assert "they are 0D and 3D" in str(scalar.value)


def test_broadcasting_table_names_every_axis() -> None:
    derivation = linsteps.hadamard("[[1], [2]]", "[1/2, 1, 2]", broadcast=True)
    table = [s for s in derivation.steps if isinstance(s, Condition)]
    text = derivation.to_text().splitlines()
    assert [c.key for c in table] == [
        "broadcast_aligned",
        "broadcast_stretched",
        "broadcast_missing",
    ]
    assert "  defined  axis −1: A has 1, stretched to the 3 of b" in text
    assert "  defined  axis −2: b has no such axis, so it is repeated along the 2 of A" in text
    rule = next(s for s in derivation.steps if isinstance(s, Rule))
    assert TEXT.format(rule.lhs) + " = " + TEXT.format(rule.forms[0]) == "Cᵢⱼ = Aᵢ₁bⱼ"
    with pytest.raises(ShapeError) as caught:
        linsteps.hadamard("1 2; 3 4", "1 2 3; 4 5 6", broadcast=True)
    assert "axis −1 is 2 in A and 3 in B, and neither is 1" in str(caught.value)
    assert "operands could not be broadcast together with shapes (2,2) (2,3)" in str(caught.value)


def test_scalars_broadcast_and_multiply_as_numpy() -> None:
    derivation = linsteps.hadamard("3", CUBE, broadcast=True)
    assert derivation.result.tolist() == [[[3, 6], [9, 12]], [[15, 18], [21, 24]]]
    both = linsteps.hadamard("2", "1/3", broadcast=True)
    assert both.result == linsteps.einsum(",->", "2", "1/3").result
    result = next(s for s in both.steps if isinstance(s, Result))
    assert result.key == "broadcast_scalar"


def test_generic_operands_keep_the_name_typed() -> None:
    derivation = linsteps.einsum("ij,jk", "B", "1 2; 3 4", shapes=["2x2"])
    assert [op.name for op in derivation.inputs] == ["B", "A"]
    assert TEXT.format(derivation.steps[0].expression) == 'einsum("ij,jk", B, A)'  # type: ignore[attr-defined]
    assert str(derivation.result[0, 0]) == "b_11 + 3*b_12"
    with pytest.raises(UsageError) as caught:
        linsteps.einsum("ij,jk", "T", "T", shapes=["2x3", "3x2"])
    assert caught.value.key == "same_name"
