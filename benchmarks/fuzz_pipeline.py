"""Fuzz the whole pipeline: random commands through parse → derive → every renderer (not CI).

    python benchmarks/fuzz_pipeline.py [--count 1000000] [--seed 0] [--start 0] [--jobs 1]
                                       [--minutes M] [--report fuzz.json]

Each input is one random command (``tests/fuzz_strategies.py``: every command, every option at
and past its bounds, long decimals, 10^±300, huge exponents, nested functions, symbols, complex
entries, large shapes).  Even inputs go through the Python API and are rendered in every
format and both languages; odd ones through the command line in-process (``linsteps.cli.main``)
in the format and language drawn.  The promise: exit 0, or exit 2 with one line on stderr
(``check``: 1 for an incorrect answer); through the API only ``LinstepsError``.  A run that uses
more than ``--hang`` CPU seconds is a hang; a worker silent for ``--stall`` wall seconds (stuck
in C) is killed and counted as a hang too.  Each worker may use ``--memory`` MB of address space.

Prints the inputs run, the outcomes, the failures by kind with their first input (goal 0), the
hangs (goal 0) and the slowest input; ``--report`` also writes them as JSON as the run goes, so
a run cut short still leaves its figures (SIGTERM or Ctrl-C: the running inputs finish, then the
figures are printed).

Input ``i`` of seed ``s`` is drawn from its own generator, seeded by ``s`` and ``i``: a run covers
the inputs from ``--start`` up to the ``next`` of its report, every one of them finished, and
``--start next`` goes on with the same seed where it stopped.  Runs of one seed on the same code
add up to one run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import random
import signal
import sys
import time
from collections import Counter
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz_harness import Outcome, Watchdog, run_api, run_cli  # noqa: E402
from tests.fuzz_strategies import Case, RandomSource, case  # noqa: E402


def _worker(conn: Connection, hang: float, memory: int) -> None:
    """Run the cases the parent sends, answering with their outcomes."""
    import resource

    from tests import fuzz_harness

    resource.setrlimit(resource.RLIMIT_AS, (memory * 2**20, resource.RLIM_INFINITY))
    fuzz_harness.WATCHDOG = Watchdog(hang)
    import linsteps.cli
    import linsteps.ops

    del linsteps  # imported before the first input is timed

    while True:
        job = conn.recv()
        if job is None:
            return
        index, made = job
        outcome = run_api(made) if index % 2 == 0 else run_cli(made)
        conn.send((index, outcome))


class Pool:
    """Worker processes, each running one case at a time; a silent one is replaced."""

    def __init__(self, jobs: int, hang: float, memory: int) -> None:
        self.args = (hang, memory)
        self.workers: list[tuple[Any, Connection]] = [self._start() for _ in range(jobs)]

    def _start(self) -> tuple[Any, Connection]:
        parent, child = multiprocessing.Pipe()
        process = multiprocessing.Process(target=_worker, args=(child, *self.args), daemon=True)
        process.start()
        return process, parent

    def replace(self, slot: int) -> None:
        process, conn = self.workers[slot]
        process.kill()
        process.join()
        conn.close()
        self.workers[slot] = self._start()

    def close(self) -> None:
        for process, conn in self.workers:
            with contextlib.suppress(OSError):
                conn.send(None)
            process.join(5)
            if process.is_alive():
                process.kill()


class Tally:
    """The figures of a run."""

    def __init__(self, seed: int, start: int) -> None:
        self.seed = seed
        self.start = start
        self.next = start  # the first input not drawn
        self.began = time.perf_counter()
        self.inputs = 0
        self.outcomes: Counter[str] = Counter()
        self.failures: dict[str, dict[str, Any]] = {}
        self.hangs: list[str] = []
        self.slowest: tuple[float, str, str] = (0.0, "", "")

    def add(self, made: Case, outcome: Outcome) -> None:
        self.inputs += 1
        self.outcomes[f"{outcome.route} {outcome.status}"] += 1
        if outcome.seconds > self.slowest[0]:
            self.slowest = (outcome.seconds, outcome.route, made.describe())
        if outcome.status == "hang":
            self.hangs.append(f"{outcome.route}: {made.describe()}")
        if outcome.status == "failure":
            lines = outcome.detail.strip().splitlines() or ["?"]
            kind = f"{outcome.route}: {lines[-1][:200]}"
            seen = self.failures.setdefault(kind, {"count": 0, "input": made.describe()})
            seen["count"] += 1
            seen.setdefault("trace", outcome.detail[-3000:])

    def as_dict(self) -> dict[str, Any]:
        elapsed = time.perf_counter() - self.began
        return {
            "seed": self.seed,
            "start": self.start,
            "next": self.next,
            "inputs": self.inputs,
            "seconds": round(elapsed),
            "outcomes": dict(self.outcomes),
            "tracebacks": sum(f["count"] for f in self.failures.values()),
            "hangs": len(self.hangs),
            "failures": self.failures,
            "hang_inputs": self.hangs[:50],
            "slowest": {
                "seconds": round(self.slowest[0], 3),
                "route": self.slowest[1],
                "input": self.slowest[2],
            },
        }

    def summary(self) -> str:
        data = self.as_dict()
        rate = data["inputs"] / max(data["seconds"], 1)
        lines = [
            f"inputs: {data['inputs']:,} in {data['seconds']:,} s ({rate:,.1f}/s), "
            f"seed {self.seed} from {self.start:,} to {self.next:,}",
            "outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(self.outcomes.items())),
            f"tracebacks: {data['tracebacks']}, hangs: {data['hangs']}",
        ]
        for kind, seen in self.failures.items():
            lines.append(f"--- {seen['count']} × {kind}\n    first input: {seen['input']}")
        lines += [f"--- hang: {text}" for text in self.hangs[:10]]
        slow = data["slowest"]
        lines.append(f"slowest input: {slow['seconds']} s ({slow['route']}) {slow['input']}")
        return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="The first input of the seed.")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=None, help="Stop after this long.")
    parser.add_argument("--hang", type=float, default=10.0, help="CPU seconds of a hang.")
    parser.add_argument("--stall", type=float, default=120.0, help="Wall seconds to kill.")
    parser.add_argument("--memory", type=int, default=4096, help="MB per worker.")
    parser.add_argument("--large", type=int, default=3, help="Percent of large operands.")
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args()

    tally = Tally(args.seed, args.start)
    pool = Pool(args.jobs, args.hang, args.memory)
    deadline = None if args.minutes is None else time.monotonic() + args.minutes * 60
    running: dict[int, tuple[int, Case, float]] = {}  # slot → (index, case, started)
    index = args.start
    last_report = time.monotonic()

    def feed(slot: int) -> None:
        nonlocal index
        made = case(RandomSource(random.Random(f"{args.seed}/{index}")), args.large)
        pool.workers[slot][1].send((index, made))
        running[slot] = (index, made, time.monotonic())
        index += 1
        tally.next = index

    stopping = False

    def stop(signum: int, frame: Any) -> None:  # SIGTERM, SIGINT: finish the running inputs
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def open_to_more() -> bool:
        if stopping:
            return False
        return index < args.start + args.count and (deadline is None or time.monotonic() < deadline)

    for slot in range(args.jobs):
        if open_to_more():
            feed(slot)
    while running:
        conns = {pool.workers[slot][1]: slot for slot in running}
        for conn in wait(list(conns), timeout=1.0):
            slot = conns[conn]  # type: ignore[index]
            try:
                _, outcome = conn.recv()  # type: ignore[union-attr]
            except EOFError:  # the worker died (killed by the system)
                _, made, started = running[slot]
                outcome = Outcome("worker", "failure", time.monotonic() - started, "died")
                pool.replace(slot)
            tally.add(running.pop(slot)[1], outcome)
            if open_to_more():
                feed(slot)
        for slot, (_, made, started) in list(running.items()):
            if time.monotonic() - started > args.stall:
                pool.replace(slot)
                route = "api" if running[slot][0] % 2 == 0 else "cli"
                tally.add(made, Outcome(route, "hang", time.monotonic() - started, "stalled"))
                del running[slot]
                if open_to_more():
                    feed(slot)
        if time.monotonic() - last_report > 60:
            last_report = time.monotonic()
            print(f"{tally.inputs:,} inputs, {len(tally.failures)} kinds of failure", flush=True)
            if args.report is not None:
                args.report.write_text(json.dumps(tally.as_dict(), indent=1, ensure_ascii=False))
    pool.close()
    if args.report is not None:
        args.report.write_text(json.dumps(tally.as_dict(), indent=1, ensure_ascii=False))
    print(tally.summary())


if __name__ == "__main__":
    main()
