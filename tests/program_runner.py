"""Running the programs ``--code`` prints with the real library, in a subprocess, and reading
back what they print: one subprocess runs a batch of programs, each in fresh globals."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from typing import Any

RUNNER = r"""
import contextlib, io, json, sys
results = []
for source in json.load(sys.stdin):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})
    results.append(out.getvalue())
json.dump(results, sys.stdout)
"""


def run_programs(programs: list[str]) -> list[str]:
    """Return what each program prints, run by this interpreter in one subprocess."""
    done = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(programs),
        capture_output=True,
        text=True,
        check=True,
    )
    printed: list[str] = json.loads(done.stdout)
    return printed


def flat(value: Any) -> list[Any]:
    """Return the entries of nested lists (or one number), in row-major order."""
    if isinstance(value, list):
        return [x for item in value for x in flat(item)]
    return [value]


def depth(value: Any) -> int:
    return 1 + depth(value[0]) if isinstance(value, list) and value else 0


def tolerance(operation: str) -> float:
    """Return how far floating point may stray: arccos near 1 turns rounding of 1e-16 into
    about 1e-8 (√ of it), so angles get a looser bound."""
    return 1e-7 if operation == "angle" else 1e-9


def assert_same_result(printed: str, result: Any, bound: float = 1e-9) -> None:
    """Assert that a program printed the derivation's exact ``result`` (within rounding)."""
    import sympy

    shown = ast.literal_eval(printed.strip())
    if isinstance(result, sympy.NDimArray):  # an array of any rank: its entries in order
        exact = list(sympy.flatten(result.tolist()))
    else:
        exact = list(result) if getattr(result, "is_Matrix", False) else [result]
    numbers = [complex(sympy.N(x, 30)) for x in exact]
    got = [complex(x) for x in flat(shown)]
    assert len(got) == len(numbers), (printed, result)
    for mine, theirs in zip(numbers, got, strict=True):
        assert abs(mine - theirs) <= bound * max(1.0, abs(mine)), (printed, result)
    if getattr(result, "is_Matrix", False) and depth(shown) == 2:
        assert (len(shown), len(shown[0])) == result.shape
