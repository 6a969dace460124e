"""Grading throughput against a naive checker, and peak memory for 100,000 answers.

    python benchmarks/bench_grading.py [--answers 10000] [--memory-answers 100000] [--naive 300]

1. 10,000 answers of mixed kinds (exact, decimal, symbolic, wrong in the usual ways, blank,
   unreadable) graded by ``linsteps.assess.grading.grade``,
   against a naive checker measured in the same
   run on a sample of the same answers: ``parse_expr`` + ``simplify(answer - key) == 0``.  The
   naive baseline reads trusted, generated data; it is never product code.  Goal: ≥ 20×.
2. Peak memory (maxrss of a child process) grading 100,000 answers.  Goal: ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROBLEMS: list[dict[str, Any]] = [
    {"id": "1", "operation": "dot", "inputs": ["[1, 2, 3]", "[4, 5, 6]"], "key": "32"},
    {"id": "2", "operation": "norm", "inputs": ["[1, 2, 3]"], "key": "sqrt(14)"},
    {"id": "3", "operation": "cos", "inputs": ["[1, 2, 3]", "[4, 5, 6]"], "key": "16*sqrt(22)/77"},
    {"id": "4", "operation": "angle", "inputs": ["[1, 0]", "[1, 1]"], "key": "pi/4"},
    {"id": "5", "operation": "hadamard", "inputs": ["[1, 2, 3]", "[4, 5, 6]"],
     "key": "Matrix([4, 10, 18])"},
    {"id": "6", "operation": "matmul", "inputs": ["1 2; 3 4", "5 6; 7 8"],
     "key": "Matrix([[19, 22], [43, 50]])"},
    {"id": "7", "operation": "matmul", "inputs": ["1 2 3; 4 5 6", "7 8; 9 10; 11 12"],
     "key": "Matrix([[58, 64], [139, 154]])"},
    {"id": "8", "operation": "dot", "inputs": ["[x, y]", "[x, y]"], "key": "x**2 + y**2"},
    {"id": "9", "operation": "matmul", "inputs": ["1 2; 3 4", "[5, 6]"],
     "key": "Matrix([17, 39])"},
    {"id": "10", "operation": "cos", "inputs": ["[3, 4]", "[4, 3]"], "key": "24/25"},
]  # fmt: skip


def answers_for(problem: dict[str, Any], rng: random.Random) -> tuple[str, str]:
    """One answer in the input syntax and the same answer in Python syntax (for the baseline)."""
    pid, n = problem["id"], rng.randint(-99, 99)
    choices: dict[str, list[tuple[str, str]]] = {
        "1": [("32", "32"), ("[4, 10, 18]", "Matrix([4, 10, 18])"), (str(n), str(n)),
              ("2*16", "2*16")],
        "2": [("sqrt(14)", "sqrt(14)"), ("3.7417", "3.7417"), ("14", "14"), (str(n), str(n))],
        "3": [("16sqrt(22)/77", "16*sqrt(22)/77"), ("0.9746", "0.9746"), ("32", "32"),
              (f"32/(sqrt(14)*sqrt({77 + n % 3}))", f"32/(sqrt(14)*sqrt({77 + n % 3}))")],
        "4": [("pi/4", "pi/4"), ("45", "45"), ("0.7854", "0.7854"), (f"{n}/100", f"{n}/100")],
        "5": [("[4, 10, 18]", "Matrix([4, 10, 18])"), ("32", "32"),
              (f"[4, 10, {n}]", f"Matrix([4, 10, {n}])")],
        "6": [("19 22; 43 50", "Matrix([[19, 22], [43, 50]])"),
              ("5 12; 21 32", "Matrix([[5, 12], [21, 32]])"),
              (f"19 22; 43 {n}", f"Matrix([[19, 22], [43, {n}]])")],
        "7": [("58 64; 139 154", "Matrix([[58, 64], [139, 154]])"),
              (f"58 64; {n} 154", f"Matrix([[58, 64], [{n}, 154]])")],
        "8": [("x^2+y^2", "x**2+y**2"), ("(x+y)^2 - 2x*y", "(x+y)**2 - 2*x*y"),
              (f"x^2+{n}y^2", f"x**2+{n}*y**2")],
        "9": [("[17, 39]", "Matrix([17, 39])"), (f"[17, {n}]", f"Matrix([17, {n}])")],
        "10": [("24/25", "24/25"), ("0.96", "0.96"), ("24", "24"), (f"{n}/25", f"{n}/25")],
    }  # fmt: skip
    return rng.choice(choices[pid])


def write_inputs(folder: Path, answers: int, seed: int = 1) -> tuple[Path, Path, list[tuple]]:
    """The key, a CSV of ``answers`` answers, and a sample for the naive baseline."""
    key = {
        "version": 1,
        "seed": seed,
        "options": {},
        "problems": [
            {"id": p["id"], "topic": p["operation"], "operation": p["operation"],
             "inputs": p["inputs"], "options": {}, "answer": {"text": "", "sympy": p["key"]}}
            for p in PROBLEMS
        ],
    }  # fmt: skip
    key_path = folder / "key.json"
    key_path.write_text(json.dumps(key), encoding="utf-8")
    rng = random.Random(seed)
    sample: list[tuple[str, str]] = []
    csv_path = folder / "answers.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("student," + ",".join(p["id"] for p in PROBLEMS) + "\n")
        for student in range(answers // len(PROBLEMS)):
            cells = []
            for problem in PROBLEMS:
                text, python = answers_for(problem, rng)
                if len(sample) < 5000:
                    sample.append((python, problem["key"]))
                cells.append('"' + text + '"')
            stream.write(f"s{student}," + ",".join(cells) + "\n")
    return key_path, csv_path, sample


def naive_rate(sample: list[tuple[str, str]], count: int) -> float:
    """Answers per second of parse_expr + simplify(answer - key) == 0 (the baseline)."""
    import sympy
    from sympy.parsing.sympy_parser import parse_expr

    x, y = sympy.symbols("x y", real=True)
    names = {"x": x, "y": y, "Matrix": sympy.Matrix}
    start = time.perf_counter()
    for python, key in sample[:count]:
        answer, expected = parse_expr(python, local_dict=names), parse_expr(key, local_dict=names)
        if isinstance(answer, sympy.MatrixBase) != isinstance(expected, sympy.MatrixBase):
            continue
        if isinstance(answer, sympy.MatrixBase) and answer.shape != expected.shape:
            continue
        difference = sympy.simplify(answer - expected)
        _ = difference == 0 or difference == sympy.zeros(*getattr(difference, "shape", (1, 1)))
    return count / (time.perf_counter() - start)


def linsteps_rate(key: Path, answers: Path, count: int) -> float:
    """Answers per second of ``linsteps.assess.grading.grade`` on the whole CSV, one process."""
    from linsteps.assess.grading import grade

    grade(key, answers, time_limit=2.0)  # warm the parser and SymPy's caches
    start = time.perf_counter()
    grade(key, answers, out=answers.with_suffix(".report.csv"))
    return count / (time.perf_counter() - start)


def peak_memory(key: Path, answers: Path) -> float:
    """Peak resident memory, in MB, of a child process grading ``answers``."""
    code = (
        "import sys\nfrom linsteps.assess.grading import grade\n"
        "grade(sys.argv[1], sys.argv[2], out=sys.argv[3])\n"
    )
    report = answers.with_suffix(".report.csv")
    subprocess.run([sys.executable, "-c", code, str(key), str(answers), str(report)], check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--memory-answers", type=int, default=100_000)
    parser.add_argument("--naive", type=int, default=300, help="answers timed for the baseline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        key, answers, sample = write_inputs(folder, args.answers)
        ours = linsteps_rate(key, answers, args.answers)
        naive = naive_rate(sample, min(args.naive, len(sample)))
        print(f"linsteps grade: {args.answers} answers, {ours:,.0f} answers/s")
        print(f"naive parse_expr + simplify: {naive:,.1f} answers/s ({args.naive} answers)")
        print(f"speed-up: {ours / naive:,.1f}× (goal ≥ 20×)")
        big = folder / "big"
        big.mkdir()
        key, answers, _ = write_inputs(big, args.memory_answers, seed=2)
        megabytes = peak_memory(key, answers)
        print(f"peak memory grading {args.memory_answers:,} answers: {megabytes:,.0f} MB "
              "(goal ≤ 300 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
