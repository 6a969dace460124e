"""Core benchmarks, reported as ratios against baselines measured in the same run.

    python benchmarks/bench_core.py [--runs N]

1. ``linsteps dot`` whole process / ``python -c "import sympy"``            (goal ≤ 1.3)
   beside it, the same explanation made and printed by the library in a plain
   ``python -c`` (no command line): what the command line adds is the difference;
   and ``linsteps dot`` against an ``import sympy`` that, like the command line, skips
   collecting SymPy's objects at exit: what the start costs beyond that saving
2. ``linsteps --help`` wall time                                           (goal ≤ 0.10 s)
3. 64×64 integer ``matmul --full`` text / SymPy's ``A*B`` plus ``str(A*B)``  (goal ≤ 3)

The processes are run in turn, round after round, so that other work on the machine weighs
on each alike; each figure is a median.  Besides wall time, the processor time (user + system)
of each process is reported: it varies less on a busy machine.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

LIBRARY_DOT = (
    "import sys\n"
    "from linsteps import ops\n"
    "sys.stdout.write(ops.dot('[1, 2, 3]', '[4, 5, 6]').render('text', 'en'))\n"
)


def processor_time() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Return each command's median wall and processor time over ``runs`` rounds, after one
    warm-up round; in every round each command runs once, in turn."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            cpu, start = processor_time(), time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            wall, cpu = time.perf_counter() - start, processor_time() - cpu
            if round_:
                walls[name].append(wall)
                cpus[name].append(cpu)
    return {n: (statistics.median(walls[n]), statistics.median(cpus[n])) for n in commands}


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
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    script = shutil.which("linsteps") or str(Path(sys.executable).with_name("linsteps"))
    python = sys.executable

    figures = measure(
        {
            "sympy": [python, "-c", "import sympy"],
            "sympy, no exit collection": [python, "-c", "import gc, sympy; gc.freeze()"],
            "dot": [script, "dot", "[1, 2, 3]", "[4, 5, 6]"],
            "library": [python, "-c", LIBRARY_DOT],
            "help": [script, "--help"],
            "bare": [python, "-c", "pass"],
        },
        args.runs,
    )
    sympy_wall, sympy_cpu = figures["sympy"]

    import sympy

    import linsteps

    rng = random.Random(64)
    a = sympy.Matrix(64, 64, lambda i, j: rng.randint(-99, 99))
    b = sympy.Matrix(64, 64, lambda i, j: rng.randint(-99, 99))
    baseline = timed(lambda: str(a * b), max(3, args.runs // 2))
    ours = timed(lambda: linsteps.matmul(a, b, full=True).to_text(), max(3, args.runs // 2))

    for name, label in (("dot", "linsteps dot"), ("library", "library alone (no CLI)")):
        wall, cpu = figures[name]
        print(
            f"{label + ' / import sympy':38} {wall / sympy_wall:5.2f}   "
            f"({wall:.3f} s / {sympy_wall:.3f} s; processor time {cpu / sympy_cpu:.2f}, "
            f"{cpu:.3f} s / {sympy_cpu:.3f} s" + ("; goal <= 1.3)" if name == "dot" else ")")
        )
    kept_wall, kept_cpu = figures["sympy, no exit collection"]
    wall, cpu = figures["dot"]
    print(
        f"{'linsteps dot / sympy, no exit collect.':38} {wall / kept_wall:5.2f}   "
        f"({wall:.3f} s / {kept_wall:.3f} s; processor time {cpu / kept_cpu:.2f}, "
        f"{cpu:.3f} s / {kept_cpu:.3f} s)"
    )
    help_wall, help_cpu = figures["help"]
    print(
        f"{'linsteps --help':38} {help_wall:5.3f} s "
        f"(processor {help_cpu:.3f} s; bare python {figures['bare'][0]:.3f} s; goal <= 0.10 s)"
    )
    print(
        f"{'matmul 64x64 --full / A*B+str':38} {ours / baseline:5.2f}   "
        f"({ours:.3f} s / {baseline:.3f} s; goal <= 3)"
    )


if __name__ == "__main__":
    main()
