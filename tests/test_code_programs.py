"""Every ``--code numpy`` program runs with NumPy in a subprocess and prints the derivation's
own result; the command puts the program beside the explanation in every format."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linsteps import ops
from linsteps.errors import UsageError
from linsteps.learn.code import program
from tests.program_runner import assert_same_result, run_programs, tolerance

CASES: list[tuple[str, Callable[[], Any]]] = [
    ("dot", lambda: ops.dot("1 2 3", "4 5 6")),
    ("dot exact entries", lambda: ops.dot("1/3 0.5 sqrt(2)", "4 5 pi")),
    ("inner", lambda: ops.dot("1+i 2", "3 i", complex=True)),
    # complex values of real functions, which Python's math refuses or computes otherwise
    ("dot complex values", lambda: ops.dot("asin(3) acos(2) (-8)^(1/3)", "1 2 3")),
    ("hadamard parts of complex", lambda: ops.hadamard("abs(asin(3)) ln(cos(4))", "1 2")),
    ("angle", lambda: ops.angle("6.54 3.63", "0.2 exp(cos(abs(sqrt(exp(asin(3))))))")),
    ("norm", lambda: ops.norm("1 2 2")),
    ("cos", lambda: ops.cos("1 2", "3 4")),
    ("cos pairwise", lambda: ops.cos("1 2; 3 4; 5 6", pairwise=True)),
    ("angle", lambda: ops.angle("1 0", "1 1")),
    ("angle parallel", lambda: ops.angle("1 2", "2 4")),
    ("hadamard", lambda: ops.hadamard("1 2; 3 4", "5 6; 7 8")),
    ("hadamard vectors", lambda: ops.hadamard("1 2 3", "4 5 6")),
    ("matmul", lambda: ops.matmul("1 2; 3 4", "5 6; 7 8")),
    ("matmul row", lambda: ops.matmul("1 2", "3 4; 5 6")),
    ("matmul column", lambda: ops.matmul("1 2; 3 4", "5 6")),
    ("outer", lambda: ops.outer("1 2", "3 4 5")),
    ("transpose vector", lambda: ops.transpose("1 2 3")),
    ("transpose", lambda: ops.transpose("1 2; 3 4; 5 6")),
    ("project", lambda: ops.project("1 2 3", "1 1 1")),
    ("linear", lambda: ops.linear("1 2; 3 4; 5 6", "1 -1", "0 1 2")),
    ("linear batch", lambda: ops.linear("1 2; 3 4; 5 6", "1 -1; 2 0", "0 1 2")),
    ("linear no bias", lambda: ops.linear("1 2; 3 4", "1 1; 0 2")),
    ("attention", lambda: ops.attention("1 0; 0 1", "1 1; 0 1", "1 2; 3 4")),
    (
        "attention causal",
        lambda: ops.attention("1 0; 0 1; 1 1", "1 1; 0 1; 1 0", "1 2; 3 4; 5 6", causal=True),
    ),
    ("attention weights", lambda: ops.attention("1 0; 0 1", "1 1; 0 1", scale=False)),
    (
        "heads",
        lambda: ops.multi_head_attention(
            "1 0 1 0; 0 1 0 1", "1 1 0 0; 0 1 1 0; 1 0 0 1", "1 2 3 4; 5 6 7 8; 0 1 0 1", heads=2
        ),
    ),
    ("einsum matmul", lambda: ops.einsum("ij,jk->ik", "1 2; 3 4", "5 6; 7 8")),
    ("einsum trace", lambda: ops.einsum("ii->", "1 2; 3 4")),
    (
        "einsum batched",
        lambda: ops.einsum(
            "bij,bjk->bik", "[[[1,2],[3,4]],[[5,6],[7,8]]]", "[[[1,0],[0,1]],[[2,0],[0,2]]]"
        ),
    ),
    ("matmul batched", lambda: ops.matmul("[[[1,2],[3,4]],[[5,6],[7,8]]]", "[[1,0],[0,1]]")),
    ("broadcast", lambda: ops.hadamard("1 2 3; 4 5 6", "[10, 20, 30]", broadcast=True)),
    ("broadcast scalar", lambda: ops.hadamard("2", "[1, 3]", broadcast=True)),
    (
        "heads causal",
        lambda: ops.multi_head_attention(
            "1 0 2 0; 0 1 0 1", "1 1 0 0; 0 1 1 0", "1 2; 3 4", heads=2, causal=True
        ),
    ),
]


@pytest.fixture(scope="module")
def derivations() -> list[Any]:
    return [build() for _, build in CASES]


def test_every_numpy_program_prints_the_result(derivations: list[Any]) -> None:
    printed = run_programs([program(d, "numpy") for d in derivations])
    for derivation, output in zip(derivations, printed, strict=True):
        assert_same_result(output, derivation.result, tolerance(derivation.operation))


INTEGERS = st.integers(min_value=-9, max_value=9)


@settings(max_examples=15)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.data())
def test_random_products_agree_with_numpy(m: int, n: int, p: int, data: st.DataObject) -> None:
    def matrix(rows: int, cols: int) -> list[list[int]]:
        return data.draw(
            st.lists(st.lists(INTEGERS, min_size=cols, max_size=cols), min_size=rows, max_size=rows)
        )

    a, b, c = matrix(m, n), matrix(n, p), matrix(m, n)
    built = [ops.matmul(a, b), ops.hadamard(a, c), ops.transpose(a), ops.outer(a[0], b[0])]
    printed = run_programs([program(d, "numpy") for d in built])
    for derivation, output in zip(built, printed, strict=True):
        assert_same_result(output, derivation.result)


def test_symbols_have_no_program() -> None:
    with pytest.raises(UsageError) as caught:
        program(ops.dot("a", "b", dim=3), "numpy")
    assert caught.value.key == "code_symbolic"


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex", "html", "json"])
def test_the_command_puts_the_program_beside_the_explanation(console_script: str, fmt: str) -> None:
    args = [console_script, "matmul", "1 2; 3 4", "5 6; 7 8", "--code", "numpy", "--format", fmt]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    code = program(ops.matmul("1 2; 3 4", "5 6; 7 8"), "numpy")
    if fmt == "json":
        data = json.loads(done.stdout)
        assert (
            data["code"] == {"library": "numpy", "program": code} and data["operation"] == "matmul"
        )
        return
    plain = done.stdout.replace("&#x27;", "'")
    assert "result = A @ B" in plain and "print(result.tolist())" in plain
    if fmt == "text":
        assert done.stdout.endswith(code)
    if fmt == "html":
        assert plain.index("result = A @ B") < plain.index("</article>")


def test_without_code_the_output_is_unchanged(console_script: str) -> None:
    plain = subprocess.run(
        [console_script, "dot", "1 2", "3 4"], capture_output=True, text=True, check=True
    )
    assert plain.stdout == ops.dot("1 2", "3 4").to_text()


def test_a_standalone_latex_document_holds_the_program(console_script: str) -> None:
    args = [console_script, "outer", "1 2", "3 4", "--code", "torch", "-f", "latex", "--standalone"]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    assert done.stdout.index("\\begin{verbatim}") < done.stdout.index("\\end{document}")
