"""Core benchmarks, reported as ratios against baselines measured in the same run.

    python benchmarks/bench_core.py [--runs N]

1. ``linsteps dot`` wall time / ``python -c "import sympy"`` wall time   (goal ≤ 1.15)
2. ``linsteps --help`` wall time                                         (goal ≤ 0.15 s)
3. 64×64 integer ``matmul --full`` text / SymPy's ``A*B`` plus ``str(A*B)`` (goal ≤ 3)
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def wall(command: list[str], runs: int) -> float:
    """Return the median wall time of a command over ``runs`` runs (after one warm-up)."""
    subprocess.run(command, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(action: Callable[[], object], runs: int) -> float:
    """Return the median time of an in-process action."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    script = shutil.which("linsteps") or str(Path(sys.executable).with_name("linsteps"))
    python = sys.executable

    sympy_import = wall([python, "-c", "import sympy"], args.runs)
    dot = wall([script, "dot", "[1, 2, 3]", "[4, 5, 6]"], args.runs)
    help_time = wall([script, "--help"], args.runs)
    bare = wall([python, "-c", "pass"], args.runs)

    import sympy

    import linsteps

    rng = random.Random(64)
    a = sympy.Matrix(64, 64, lambda i, j: rng.randint(-99, 99))
    b = sympy.Matrix(64, 64, lambda i, j: rng.randint(-99, 99))
    baseline = timed(lambda: str(a * b), max(3, args.runs // 2))
    ours = timed(lambda: linsteps.matmul(a, b, full=True).to_text(), max(3, args.runs // 2))

    print(
        f"linsteps dot / import sympy      {dot / sympy_import:6.2f}   "
        f"({dot:.3f} s / {sympy_import:.3f} s; goal <= 1.15)"
    )
    print(
        f"linsteps --help                  {help_time:6.3f} s "
        f"(bare python {bare:.3f} s; goal <= 0.15 s)"
    )
    print(
        f"matmul 64x64 --full / A*B+str    {ours / baseline:6.2f}   "
        f"({ours:.3f} s / {baseline:.3f} s; goal <= 3)"
    )


if __name__ == "__main__":
    main()
