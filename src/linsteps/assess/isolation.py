"""Running work in child processes with hard limits of time and memory.

:func:`run_isolated` runs one function in a fresh child (where the interval timer cannot
interrupt).  :class:`Workers` keeps child processes that run jobs one at a time, each under a
cap on its address space: a job that outlives its deadline has its worker killed and replaced,
and a worker that dies (out of memory, a crash in a C library) is replaced too; the job is
reported lost and every other job goes on.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linsteps.errors import UsageError

STARTUP = 30.0  # seconds allowed for a child to start (and, when spawned, import SymPy)
DEPTH = 16  # jobs sent ahead to each worker, so it never waits for the parent
BATCH = 16  # results a worker sends back in one message
FLUSH = 0.05  # seconds a finished result may wait for others before it is sent
CHECK = 0.25  # seconds between looks at how long each worker's running job has taken
_READY = "ready"

Handler = Callable[[Any], tuple[Any, bool]]  # a job → (its result, whether the worker must stop)


def _child(connection: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        connection.send(("ok", function(*args)))
    except BaseException as error:  # sent back to the parent, which re-raises it
        connection.send(("error", error))
    finally:
        connection.close()


def run_isolated(function: Callable[..., Any], args: tuple[Any, ...], seconds: float) -> Any:
    """Return ``function(*args)`` computed in a child process; past ``seconds`` of work plus
    the start-up allowance the child is killed and :class:`~linsteps.assess.equivalence.Unverified`
    is raised."""
    from linsteps.assess.equivalence import Unverified

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, function, args), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(seconds + STARTUP):
            raise Unverified("time_limit")
        kind, value = parent.recv()
    except EOFError:
        raise Unverified("child_failed") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if kind == "error":
        raise value
    return value


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space at its present size plus ``megabytes`` (where the
    system allows it): past the cap an allocation fails instead of exhausting the machine."""
    if megabytes is None:
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as stream:
            present = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = present + megabytes * 2**20
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError, AttributeError):
        return  # no /proc or no RLIMIT_AS here: the time limit still holds


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a killed run leaves no worker)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def _serve(
    connection: Any,
    state: Any,
    setup: Callable[..., Handler],
    args: tuple[Any, ...],
    megabytes: int | None,
    parent_ends: tuple[Any, ...] = (),
) -> None:
    """A worker's life: set up, then answer jobs one at a time until told to stop.

    ``state`` (shared memory) holds the job running and when it started, so the parent can
    time it without a message per job; results go back in batches.
    """
    _die_with_parent()
    faulthandler.disable()  # a crash is reported by the parent, in one line
    for end in parent_ends:  # a forked child holds the parent's ends too; they are not its own
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when work stops
    limit_memory(megabytes)
    handler = setup(*args)
    connection.send(_READY)
    batch: list[tuple[int, Any]] = []
    first = 0.0
    while True:
        if batch and (
            len(batch) >= BATCH or time.monotonic() - first >= FLUSH or not connection.poll()
        ):
            connection.send((batch, False))
            batch = []
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        ident, job = message
        state[0], state[1], state[0] = -1, time.monotonic(), ident
        result, stop = handler(job)
        state[0] = -1
        if not batch:
            first = time.monotonic()
        batch.append((ident, result))
        if stop:
            connection.send((batch, True))
            return


@dataclass(frozen=True)
class Outcome:
    """What became of a job: its result, or why it was lost (``time_limit`` or ``stopped``)."""

    ident: int
    result: Any = None
    lost: str | None = None
    exitcode: int | None = None


@dataclass
class _Worker:
    process: Any
    connection: Any
    state: Any  # shared: [ident of the running job or -1, when it started]
    started: float
    ready: bool = False
    jobs: dict[int, float | None] = field(default_factory=dict)  # sent, unanswered: seconds
    sent: deque[tuple[int, Any, float | None]] = field(default_factory=deque)

    def running(self) -> tuple[int, float] | None:
        """The job this worker is running and when it started, or None between jobs."""
        ident, start, again = self.state[0], self.state[1], self.state[0]
        if ident != again or ident < 0 or int(ident) not in self.jobs:
            return None
        return int(ident), start

    def deadline(self) -> float | None:
        if not self.ready:
            return self.started + STARTUP
        running = self.running()
        if running is None or self.jobs[running[0]] is None:
            return None
        return running[1] + (self.jobs[running[0]] or 0.0)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def start_context() -> Any:
    """Fork where that is safe (Linux, one thread: fast, nothing re-imported), else spawn."""
    fork = sys.platform.startswith("linux") and threading.active_count() == 1
    return multiprocessing.get_context("fork" if fork else "spawn")


class Workers:
    """``count`` worker processes running jobs submitted with a deadline in seconds.

    ``setup(*args)`` runs in each new worker and returns its handler.  :meth:`outcomes` waits
    for finished or lost jobs; a job whose worker dies or overruns its deadline is lost, the
    worker replaced and the other jobs sent to it are queued again.
    """

    def __init__(
        self,
        count: int,
        setup: Callable[..., Handler],
        args: tuple[Any, ...],
        *,
        megabytes: int | None = None,
        context: Any = None,
    ) -> None:
        self.context = context or start_context()
        self.setup, self.args, self.megabytes = setup, args, megabytes
        self.pending: deque[tuple[int, Any, float | None]] = deque()
        self.workers: list[_Worker] = []
        self.failed_starts = 0
        for _ in range(count):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        state = self.context.RawArray("d", [-1.0, 0.0])
        forked = self.context.get_start_method() == "fork"
        ends = (parent, *(w.connection for w in self.workers)) if forked else ()
        process = self.context.Process(
            target=_serve,
            args=(child, state, self.setup, self.args, self.megabytes, ends),
            daemon=True,
        )
        process.start()
        child.close()
        return _Worker(process, parent, state, time.monotonic())

    def submit(self, ident: int, job: Any, seconds: float | None) -> None:
        """Queue ``job``; past ``seconds`` from its start it is lost (None: no deadline)."""
        self.pending.append((ident, job, seconds))

    @property
    def busy(self) -> bool:
        """True while a job is queued or running."""
        return bool(self.pending) or any(w.jobs for w in self.workers)

    def _dispatch(self) -> None:
        for index, worker in enumerate(self.workers):
            while self.pending and len(worker.jobs) < DEPTH and worker.ready:
                ident, job, seconds = self.pending[0]
                try:
                    worker.connection.send((ident, job))
                except OSError:  # it died between jobs: not this job's doing
                    self._replace(index, None)
                    break
                self.pending.popleft()
                worker.jobs[ident] = seconds
                worker.sent.append((ident, job, seconds))

    def _replace(self, index: int, blame: tuple[int, str] | None) -> list[Outcome]:
        """Stop worker ``index`` and start another: the job ``blame`` names is lost (with its
        reason), the other jobs sent to it are queued again."""
        worker = self.workers[index]
        worker.stop()
        if not worker.ready:
            self.failed_starts += 1
            if self.failed_starts >= 3:
                raise UsageError("worker_failed", code=worker.process.exitcode)
        outcomes = []
        again = [item for item in worker.sent if item[0] in worker.jobs]
        if blame is not None and blame[0] in worker.jobs:
            outcomes.append(Outcome(blame[0], lost=blame[1], exitcode=worker.process.exitcode))
            again = [item for item in again if item[0] != blame[0]]
        self.pending.extendleft(reversed(again))
        self.workers[index] = self._start()
        return outcomes

    def _read(self, index: int, now: float) -> list[Outcome]:
        worker = self.workers[index]
        outcomes: list[Outcome] = []
        try:
            while worker.connection.poll():
                message = worker.connection.recv()
                if message == _READY:
                    worker.ready, self.failed_starts = True, 0
                    continue
                batch, stop = message
                for ident, result in batch:
                    del worker.jobs[ident]
                    outcomes.append(Outcome(ident, result))
                while worker.sent and worker.sent[0][0] not in worker.jobs:
                    worker.sent.popleft()
                if stop:
                    return outcomes + self._replace(index, None)
        except (EOFError, OSError):
            running = worker.running()
            blame = (running[0], "stopped") if running else None
            return outcomes + self._replace(index, blame)
        return outcomes

    def outcomes(self) -> list[Outcome]:
        """Wait until at least one job finishes or is lost; [] when nothing is running."""
        from multiprocessing.connection import wait

        while True:
            self._dispatch()
            waiting = [i for i, w in enumerate(self.workers) if w.jobs or not w.ready]
            if not any(self.workers[i].jobs for i in waiting) and not self.pending:
                return []
            now = time.monotonic()
            deadlines = [d for i in waiting if (d := self.workers[i].deadline()) is not None]
            if any(self.workers[i].jobs for i in waiting):
                deadlines.append(now + CHECK)  # a job may have started since: look again
            timeout = max(0.0, min(deadlines) - now)
            readable = wait([self.workers[i].connection for i in waiting], timeout)
            now = time.monotonic()
            found: list[Outcome] = []
            for index in waiting:
                if self.workers[index].connection in readable:
                    found += self._read(index, now)
            for index in waiting:
                worker = self.workers[index]
                deadline = worker.deadline()
                if deadline is not None and now >= deadline:
                    running = worker.running()
                    blame = (running[0], "time_limit") if running else None
                    found += self._replace(index, blame)
            if found:
                return found

    def close(self) -> None:
        """Stop every worker."""
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.connection.send(None)
            worker.process.join(1)
            worker.stop()
        self.workers = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Outcome", "Workers", "limit_memory", "run_isolated", "start_context"]
