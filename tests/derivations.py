"""Example derivations shared by the golden, equality and format tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import linsteps
from linsteps.learn.compare import compare

CUBE = "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]"

EXAMPLES: dict[str, Callable[[], Any]] = {
    "dot-integers": lambda: linsteps.dot("[1, 2, 3]", "[4, 5, 6]"),
    "dot-negative": lambda: linsteps.dot("1 -2 3", "4 5 -6"),
    "dot-fractions": lambda: linsteps.dot("[1/2, 2/3]", "[3/4, -1/5]"),
    "dot-decimals": lambda: linsteps.dot("[0.1, 0.2]", "[1, 1]"),
    "dot-surds": lambda: linsteps.dot("[sqrt(2), 1]", "[sqrt(8), pi]"),
    "dot-symbols": lambda: linsteps.dot("[x, y, theta]", "[1, 2, 3]"),
    "dot-generic": lambda: linsteps.dot("a", "b", dim=3),
    "dot-long": lambda: linsteps.dot(list(range(1, 13)), list(range(12, 0, -1))),
    "dot-long-full": lambda: linsteps.dot(list(range(-6, 7)), list(range(13, 0, -1)), full=True),
    "norm-integers": lambda: linsteps.norm("[1, 2, 3]"),
    "norm-perfect": lambda: linsteps.norm("[3, 4]"),
    "norm-surd": lambda: linsteps.norm("[2, 2]"),
    "norm-symbols": lambda: linsteps.norm("[x, y]"),
    "cos-integers": lambda: linsteps.cos("1 2 3", "4 5 6"),
    "cos-orthogonal": lambda: linsteps.cos("[1, 0]", "[0, 2]"),
    "cos-opposite": lambda: linsteps.cos("[1, 2]", "[-2, -4]"),
    "cos-symbols": lambda: linsteps.cos("[x, 1]", "[1, x]"),
    "angle-pi-4": lambda: linsteps.angle("[1, 0]", "[1, 1]"),
    "angle-pi-3": lambda: linsteps.angle("[1, 0]", "[1, sqrt(3)]"),
    "angle-arccos": lambda: linsteps.angle("[3, 1]", "[1, 2]"),
    "hadamard-matrices": lambda: linsteps.hadamard("1 2; 3 4", "5 6; 7 8"),
    "hadamard-vectors": lambda: linsteps.hadamard("[1, 2, 3]", "[4, 5, 6]"),
    "hadamard-1x1": lambda: linsteps.hadamard("[[-3]]", "[[1/2]]"),
    "hadamard-4x4": lambda: linsteps.hadamard(
        "sqrt(2) -1 0 1/2; 1 2 3 4; -5 6 -7 8; x y 1 0",
        "sqrt(8) 2 5 -4; 1 1 1 1; 2 2 2 2; 3 -3 x 9",
    ),
    "hadamard-large": lambda: linsteps.hadamard(
        [[i + j for j in range(5)] for i in range(5)], [[i * j for j in range(5)] for i in range(5)]
    ),
    "matmul-2x2": lambda: linsteps.matmul("1 2; 3 4", "5 6; 7 8"),
    "matmul-2x3-3x2": lambda: linsteps.matmul("1 2 3; 4 5 6", "7 8; 9 10; 11 12"),
    "matmul-matrix-vector": lambda: linsteps.matmul("1 2; 3 4", "[5, 6]"),
    "matmul-row-column": lambda: linsteps.matmul("[1, 2, 3]", "[4, 5, 6]"),
    "matmul-entry": lambda: linsteps.matmul("1 2; 3 4", "5 6; 7 8", entry="2,1"),
    "matmul-generic": lambda: linsteps.matmul("A", "B", shape="2x2"),
    "matmul-3x3-symbols": lambda: linsteps.matmul("x 1 0; 0 y 1; 1 0 z", "1 2 3; 4 5 6; 7 8 9"),
    "matmul-fractions": lambda: linsteps.matmul("1/2 1; 0 -1", "2 0; 1/3 1"),
    "matmul-large": lambda: linsteps.matmul(
        [[i + j for j in range(6)] for i in range(6)], [[i - j for j in range(6)] for i in range(6)]
    ),
    "outer-2-3": lambda: linsteps.outer("[1, 2]", "[3, 4, 5]"),
    "outer-fractions": lambda: linsteps.outer("[1/2, -1]", "[2, 1/3]"),
    "outer-large": lambda: linsteps.outer(list(range(1, 6)), list(range(1, 6))),
    "transpose-2x3": lambda: linsteps.transpose("1 2 3; 4 5 6"),
    "transpose-vector": lambda: linsteps.transpose("[1, 2, 3]"),
    "project-axis": lambda: linsteps.project("[3, 4]", "[1, 0]"),
    "project-3d": lambda: linsteps.project("[1, 2, 3]", "[1, 1, 0]"),
    "project-surd": lambda: linsteps.project("[1, sqrt(2)]", "[2, 1]"),
    # with symbols a divisor may vanish: the derivation states what it assumes (x ≠ 0)
    "project-assumed": lambda: linsteps.project("[1, 2]", "[x, 0]"),
    "cos-assumed": lambda: linsteps.cos("[1, 2]", "[x, 0]"),
    "inner-complex": lambda: linsteps.dot("[1+i, 2]", "[3, i]", complex=True),
    "inner-real": lambda: linsteps.dot("[1, 2]", "[3, 4]", complex=True),
    "inner-same": lambda: linsteps.dot("[0, 1]", "[i, 2]", complex=True),
    "cos-pairwise": lambda: linsteps.cos("[[1, 0], [1, 1], [0, 2]]", pairwise=True),
    "cos-pairwise-embeddings": lambda: linsteps.cos(
        "[[0.5, 0.1, 0.2], [0.4, 0.2, 0.1], [-0.3, 0.6, 0.2]]", pairwise=True
    ),
    "linear-bias": lambda: linsteps.linear("1 2; 3 4; 5 6", "[1, -1]", "[0, 1, 2]"),
    "linear-no-bias": lambda: linsteps.linear("1/2 1; -1 2", "[2, 3]"),
    "linear-batch": lambda: linsteps.linear("1 2; 3 4; 5 6", "1 -1; 2 0", "[0, 1, 2]"),
    "attention-qkv": lambda: linsteps.attention("1 0; 0 1", "1 1; 0 1", "1 2; 3 4"),
    "attention-weights": lambda: linsteps.attention("1 0; 0 1", "1 1; 0 1"),
    "attention-causal": lambda: linsteps.attention(
        "1 0; 0 1", "1 1; 0 1", "1 2; 3 4", causal=True, scale=False
    ),
    "attention-d4": lambda: linsteps.attention("1 0 1 0; 0 2 0 0", "1 1 1 1; 0 0 2 0"),
    "dot-general": lambda: linsteps.dot("a", "b", dim="n"),
    "norm-general": lambda: linsteps.norm("a", dim="n"),
    "cos-general": lambda: linsteps.cos("a", "b", dim="n"),
    "hadamard-general": lambda: linsteps.hadamard("A", "B", shape="mxn"),
    "hadamard-general-vectors": lambda: linsteps.hadamard("a", "b", dim="n"),
    "matmul-general": lambda: linsteps.matmul("A", "B", shape="mxn", shape_b="nxp"),
    "matmul-general-mixed": lambda: linsteps.matmul("A", "B", shape="2xn", shape_b="nx3"),
    # rows of compare's table that only compare builds: products with a transposed operand
    "compare-row-column": lambda: compare("[1, 2, 3]", "[4, 5, 6]").explain("atb"),
    "compare-transposed-left": lambda: compare("1 2 3; 4 5 6", "1 2; 3 4").explain("AᵀB"),
    "compare-transposed-right": lambda: compare("1 2; 3 4", "5 6; 7 8").explain("abt"),
    "compare-row-matrix": lambda: compare("1 2; 3 4", "[5, 6]").explain("xta"),
    # arrays of any rank: einsum, NumPy's @ and * (broadcasting)
    "einsum-matmul": lambda: linsteps.einsum("ij,jk->ik", "1 2; 3 4", "5 6; 7 8"),
    "einsum-trace": lambda: linsteps.einsum("ii->", "1 2; 3 4"),
    "einsum-diagonal": lambda: linsteps.einsum("ii->i", "1 2 3; 4 5 6; 7 8 9"),
    "einsum-dot-implicit": lambda: linsteps.einsum("i,i", "[1/2, 2, -1]", "[1/3, 1, 0.5]"),
    "einsum-outer": lambda: linsteps.einsum("i,j->ij", "[1, 2]", "[3, 4, 5]"),
    "einsum-batched": lambda: linsteps.einsum(
        "bij,bjk->bik", CUBE, "[[[1, 0], [0, 1]], [[2, 1], [0, -1]]]"
    ),
    "einsum-attention-scores": lambda: linsteps.einsum(
        "bqd,bkd->bqk", "[[[1, 0], [0, 1]]]", "[[[1, 1], [0, 2], [1, -1]]]"
    ),
    "einsum-ellipsis": lambda: linsteps.einsum("...ij,...j", CUBE, "[1, -1]"),
    "einsum-bilinear": lambda: linsteps.einsum("i,ij,j->", "[1, 2]", "1 2; 3 4", "[x, y]"),
    "einsum-generic": lambda: linsteps.einsum("ijk->k", "A", shapes=["2x2x2"]),
    "einsum-large": lambda: linsteps.einsum(
        "ij,jk",
        [[i + j for j in range(6)] for i in range(6)],
        [[i - j for j in range(6)] for i in range(6)],
    ),
    "einsum-entry": lambda: linsteps.einsum("bij,bjk->bik", CUBE, CUBE, entry="2,1,2"),
    "matmul-batched": lambda: linsteps.matmul(CUBE, "1 0; 1 1"),
    "matmul-batch-broadcast": lambda: linsteps.matmul(
        "[[[1, 2]], [[3, 4]]]", "[[[[1], [1]]], [[[2], [0]]], [[[0], [1]]]]"
    ),
    "matmul-vector-cube": lambda: linsteps.matmul("[1, 2]", CUBE),
    "hadamard-broadcast": lambda: linsteps.hadamard("1 2 3; 4 5 6", "[10, 20, 30]", broadcast=True),
    "hadamard-broadcast-outer": lambda: linsteps.hadamard(
        "[[1], [2]]", "[1/2, 1, 2]", broadcast=True
    ),
    "hadamard-3d": lambda: linsteps.hadamard(CUBE, "[[[2, 0], [1, 1]], [[0, 1], [2, 3]]]"),
}
