"""Fuzz the input parser and the answer checker with random inputs (a job outside CI).

    python benchmarks/fuzz_parser.py [--count 1000000] [--seed 0] [--check-every 50]

Inputs are random strings built from the grammar's own tokens, hostile fragments and random
Unicode.  Every input goes through
``linsteps.reading.parsing.parse_value``; every ``--check-every``-th
also through ``linsteps.assess.checking.check`` as an answer.  Anything but a documented error
(``LinstepsError``) is a failure.  Prints executions, failures with their tracebacks (goal 0)
and the slowest input.
"""

from __future__ import annotations

import argparse
import random
import time
import traceback

TOKENS = [
    *"0123456789", *"+-*/^()[],;.", " ", "  ", "\n", "\t", "**", "÷", "×", "√", "π", "θ",
    "sqrt(", "exp(", "sin(", "cos(", "arccos(", "abs(", "log(", "pi", "x", "y", "a_1", "e",
    "E", "e+", "e-", "1e308", "1e-308", "9" * 49, "0.", ".5", "x10", "2x", ")(", "[[", "]]",
    "undefined", "未定义", "°", "deg", "|", "!", "=", "{", "}", "∞", "nan", "oo", "__", "_",
    "import", "lambda", "eval", "ａ", "１", "\u3000", "\x00", "\u202e", "\ufeff", "'", '"',
]  # fmt: skip


def expression(rng: random.Random, depth: int = 0) -> str:
    """A random, mostly well-formed entry: numbers, names, functions, operators."""
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(["1", "2", "3/4", "0.5", "x", "y", "pi", "sqrt(2)", "2.5e-3", "θ", "7"])
    op = rng.choice(["+", "-", "*", "/", "^", " + ", " - ", "", "(", "sqrt(", "-"])
    if op in ("(", "sqrt("):
        return op + expression(rng, depth + 1) + ")"
    if op == "-":
        return "-" + expression(rng, depth + 1)
    return expression(rng, depth + 1) + op + expression(rng, depth + 1)


def generate(rng: random.Random) -> str:
    """One random input: well-formed values, token soup, random Unicode or deep nesting."""
    kind = rng.random()
    if kind < 0.40:
        rows = [
            [expression(rng) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.5:
            return "[" + ", ".join(rows[0]) + "]"
        return "; ".join(" ".join(f"({e})" for e in row) for row in rows)
    if kind < 0.80:
        return "".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 30)))
    if kind < 0.95:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 20)))
    depth = rng.randint(1, 300)
    return rng.choice(["(", "[", "sqrt(", "-"]) * depth + "1" + rng.choice([")", "]", ""]) * depth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--check-every", type=int, default=50)
    args = parser.parse_args()

    from linsteps.assess.checking import check
    from linsteps.errors import LinstepsError
    from linsteps.reading.parsing import parse_value

    parse_value("1")  # build the parser before timing
    rng = random.Random(args.seed)
    failures: list[tuple[str, str]] = []
    slowest = (0.0, "")
    accepted = checked = 0
    start = time.perf_counter()
    for index in range(args.count):
        text = generate(rng)
        began = time.perf_counter()
        try:
            parse_value(text)
            accepted += 1
            if index % args.check_every == 0:
                checked += 1
                check("dot", ("[1, 2, 3]", "[4, 5, 6]"), text, time_limit=2)
        except LinstepsError:
            pass
        except Exception:
            failures.append((text, traceback.format_exc()))
        took = time.perf_counter() - began
        if took > slowest[0]:
            slowest = (took, text)
    elapsed = time.perf_counter() - start
    print(f"executions: {args.count:,} in {elapsed:,.0f} s ({args.count / elapsed:,.0f}/s)")
    print(f"parsed: {accepted:,}; also checked as answers: {checked:,}")
    print(f"tracebacks: {len(failures)}")
    for text, trace in failures[:10]:
        print(f"--- input {text!r}\n{trace}")
    print(f"slowest input: {slowest[1]!r} ({slowest[0] * 1000:,.1f} ms)")


if __name__ == "__main__":
    main()
