"""Grading throughput, cached and unique answers, against a naive checker; peak memory.

    python benchmarks/bench_grading.py [--answers 10000] [--memory-rows 100000] [--naive 300]

1. 10,000 answers of mixed kinds (exact, decimal, symbolic, wrong in the usual ways, blank,
   unreadable), many of them repeated as in a real class, graded by
   ``linsteps.assess.grading.grade``, against a naive checker measured in the same run on a
   sample of the same answers: ``parse_expr`` + ``simplify(answer - key) == 0``.  The naive
   baseline reads trusted, generated data; it is never product code.  Goal: ≥ 20×.
2. 10,000 answers that are all different (no answer is graded from the cache), with one and
   with two worker processes.
3. Peak resident memory of the grading process and of its largest worker, grading 10,000 and
   100,000 rows of unique answers in a child process.  Goal: ≤ 150 MB, flat with the rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
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


def unique_answer(problem: dict[str, Any], n: int, rng: random.Random) -> str:
    """An answer to ``problem`` that no other cell has: the serial ``n`` is part of it."""
    forms: dict[str, list[str]] = {
        "1": [f"{n}", f"32 + {n} - {n}", f"[4, 10, {n}]"],
        "2": [f"sqrt({n})", f"sqrt(14) + 0*{n}", f"3.74{n}"],
        "3": [f"{n}/{n + 7}", f"16sqrt(22)/77 + {n} - {n}", f"0.97{n}"],
        "4": [f"pi/{n + 4}", f"{n}.5", f"pi/4 + {n} - {n}"],
        "5": [f"[4, 10, {n}]", f"[4, 10, 18 + {n} - {n}]", f"{n}"],
        "6": [f"19 22; 43 {n}", f"5 12; 21 {n}", f"19 22; 43 50 + {n} - {n}"],
        "7": [f"58 64; {n} 154", f"58 64; 139 154 + {n} - {n}"],
        "8": [f"x^2+{n}y^2", f"(x+y)^2 - 2x*y + {n} - {n}", f"x^2 + y^2 + {n}x"],
        "9": [f"[17, {n}]", f"[17, 39 + {n} - {n}]", f"[{n}, 39]"],
        "10": [f"{n}/25", f"24/25 + {n} - {n}", f"0.9{n}"],
    }
    return rng.choice(forms[problem["id"]])


def write_unique(folder: Path, rows: int, per_row: int, name: str, seed: int = 3) -> Path:
    """A CSV of ``rows`` rows, each answering ``per_row`` problems (in turn), no two cells
    alike; the other cells are blank."""
    rng = random.Random(seed)
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", *(p["id"] for p in PROBLEMS)])
        for row in range(rows):
            cells = [""] * len(PROBLEMS)
            for k in range(per_row):
                index = (row * per_row + k) % len(PROBLEMS)
                cells[index] = unique_answer(PROBLEMS[index], row * len(PROBLEMS) + index, rng)
            writer.writerow([f"s{row}", *cells])
    return path


def linsteps_rate(key: Path, answers: Path, count: int, jobs: int = 1) -> float:
    """Answers per second of ``linsteps.assess.grading.grade`` on the whole CSV."""
    from linsteps.assess.grading import grade

    start = time.perf_counter()
    grade(key, answers, out=answers.with_suffix(".report.csv"), jobs=jobs)
    return count / (time.perf_counter() - start)


def peak_memory(key: Path, answers: Path, jobs: int) -> tuple[float, float]:
    """Peak resident memory, in MB, of a child process grading ``answers`` and of the largest
    of its workers."""
    code = (
        "import json, resource, sys\nfrom linsteps.assess.grading import grade\n"
        "grade(sys.argv[1], sys.argv[2], out=sys.argv[3], jobs=int(sys.argv[4]))\n"
        "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps([own / 1024, workers / 1024]))\n"
    )
    report = answers.with_suffix(".report.csv")
    done = subprocess.run(
        [sys.executable, "-c", code, str(key), str(answers), str(report), str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    )
    own, workers = json.loads(done.stdout)
    return float(own), float(workers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--memory-rows", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2, help="workers for the memory runs")
    parser.add_argument("--naive", type=int, default=300, help="answers timed for the baseline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        key, answers, sample = write_inputs(folder, args.answers)
        linsteps_rate(key, answers, args.answers)  # warm the file cache and the imports
        cached = linsteps_rate(key, answers, args.answers)
        naive = naive_rate(sample, min(args.naive, len(sample)))
        print(f"cached answers: {args.answers:,} answers, {cached:,.0f} answers/s")
        print(f"naive parse_expr + simplify: {naive:,.1f} answers/s ({args.naive} answers)")
        print(f"speed-up: {cached / naive:,.1f}× (goal ≥ 20×)")
        rows = args.answers // len(PROBLEMS)
        unique = write_unique(folder, rows, len(PROBLEMS), "unique.csv")
        for jobs in (1, 2):
            rate = linsteps_rate(key, unique, rows * len(PROBLEMS), jobs)
            print(f"unique answers, {jobs} worker(s): {rows * len(PROBLEMS):,} answers, "
                  f"{rate:,.0f} answers/s ({rate / cached:.2f} of the cached rate)")  # fmt: skip
        for count in sorted({min(10_000, args.memory_rows), args.memory_rows}):
            big = write_unique(folder, count, 1, f"memory{count}.csv", seed=count)
            own, workers = peak_memory(key, big, args.jobs)
            print(f"peak memory grading {count:,} rows of unique answers ({args.jobs} workers): "
                  f"{own:,.0f} MB, largest worker {workers:,.0f} MB (goal ≤ 150 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
