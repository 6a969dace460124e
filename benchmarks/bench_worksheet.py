"""Worksheet benchmark: 1,000 problems with the key and full solutions, as a teacher runs it.

    python benchmarks/bench_worksheet.py [--runs N] [--count N]

Measures, in one run, the wall time and peak memory (maximum resident set size) of

1. ``linsteps worksheet --count 1000 --solutions full --key KEY --out SHEET`` (Markdown,
   LaTeX and HTML), goal ≤ 2 s and ≤ 300 MB;
2. the baseline: the same problems without solutions or key (``--solutions none``);
3. ``python -c "import sympy"``, the floor of any command that computes;

and prints each as absolute figures and as a ratio to the baseline.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - start\n"
    "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def measure(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Return the median wall time (s) and the largest peak RSS (MB) of ``command``."""
    walls, peaks = [], []
    for _ in range(runs + 1):  # the first run warms the file cache
        done = subprocess.run(
            [sys.executable, "-c", PROBE, *command],
            capture_output=True,
            text=True,
            check=True,
            cwd=cwd,
        )
        wall, kilobytes = done.stdout.split()
        walls.append(float(wall))
        peaks.append(int(kilobytes) / 1024)
    return statistics.median(walls[1:]), max(peaks[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    script = shutil.which("linsteps") or str(Path(sys.executable).with_name("linsteps"))
    base = [script, "worksheet", "--seed", "1", "--count", str(args.count)]
    with tempfile.TemporaryDirectory() as scratch:
        cwd = Path(scratch)
        floor = measure([sys.executable, "-c", "import sympy"], args.runs, cwd)
        baseline = measure([*base, "--out", "plain.md"], args.runs, cwd)
        print(f"{'measure':44} {'wall':>8} {'peak':>9} {'/ baseline':>11}")
        rows = [("python -c 'import sympy'", floor), ("no solutions, no key (baseline)", baseline)]
        for label, (wall, peak) in rows:
            print(f"{label:44} {wall:7.2f}s {peak:7.0f}MB {wall / baseline[0]:10.2f}x")
        for fmt, ext in (("markdown", "md"), ("latex", "tex"), ("html", "html")):
            full = [*base, "--format", fmt, "--solutions", "full", "--key", "key.json"]
            wall, peak = measure([*full, "--out", f"sheet.{ext}"], args.runs, cwd)
            label = f"{args.count} problems, key + full solutions, {fmt}"
            print(f"{label:44} {wall:7.2f}s {peak:7.0f}MB {wall / baseline[0]:10.2f}x")
        print("goal: <= 2 s and <= 300 MB for 1,000 problems with the key and full solutions")


if __name__ == "__main__":
    main()
