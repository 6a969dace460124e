"""Bounds on the work of one command or API call: wall time, memory, and the derivation's size.

One mechanism serves every command and every API call.  :class:`Budget` holds the limits and
:func:`limits` sets them for a block (the command line sets them from its options).
:func:`bounded` runs a call under the current budget: a wall-time deadline (the real-time
interval timer on the main thread of a POSIX process, and :func:`check_time` in loops that ask,
on any thread), with ``RecursionError`` and ``MemoryError`` turned into
:class:`~linsteps.errors.LimitError`.  Calls nest: a call inside another runs within its caller's
deadline, and :func:`deadline` nests shorter limits inside (the checker's per-answer limit).
:func:`check_terms` refuses a derivation whose estimated size is past the budget before any of it
is computed; :func:`memory_limit` caps the memory of the command-line process.  Imports no SymPy.
"""

from __future__ import annotations

import functools
import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any, ParamSpec, TypeVar

from linsteps.errors import LimitError, MemoryLimitError, TimeLimitError, UsageError
from linsteps.reading.sympy_repairs import repair_sympy

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Budget:
    """What one command or API call may spend."""

    time_limit: float = 10.0  # seconds of wall time for the whole command or call
    max_terms: int = 100_000  # terms a derivation may write, entries of the result included
    memory_limit: int = 2048  # megabytes the command-line process may allocate


# The command-line option that raises each limit, named in the message past it.
OPTIONS = {
    "time_limit": "--time-limit",
    "max_terms": "--max-terms",
    "memory_limit": "--memory-limit",
}
RANGES = {"time_limit": (0.001, 3600.0), "max_terms": (1, 10**9), "memory_limit": (64, 2**20)}

DEFAULT = Budget()
_BUDGET: ContextVar[Budget | None] = ContextVar("linsteps_budget", default=None)


def current() -> Budget:
    """Return the budget in force here."""
    return _BUDGET.get() or DEFAULT


@contextmanager
def limits(**changes: Any) -> Iterator[Budget]:
    """Within the block, bound every call by the current budget with ``changes``.

    >>> with limits(time_limit=30, max_terms=1_000_000):  # doctest: +SKIP
    ...     linsteps.matmul(a, b, full=True)
    """
    known = {f.name for f in fields(Budget)}
    for name, value in changes.items():
        if name not in known:
            raise UsageError("bad_limit", name=name, value=value)
        low, high = RANGES[name]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise UsageError("bad_limit", name=OPTIONS[name], value=value)
    token = _BUDGET.set(replace(current(), **changes))
    try:
        yield current()
    finally:
        _BUDGET.reset(token)


def check_terms(terms: int) -> None:
    """Refuse, before the work, a derivation that would write more than ``max_terms`` terms."""
    limit = current().max_terms
    if terms > limit:
        raise LimitError("too_many_terms", terms=terms, limit=limit, option=OPTIONS["max_terms"])
    check_time()


# --- wall time -------------------------------------------------------------------------------


class _Expired(BaseException):
    """A deadline passed; a BaseException, so that no ``except Exception`` swallows it."""

    def __init__(self, frame: _Frame) -> None:
        super().__init__()
        self.frame = frame


@dataclass(eq=False)
class _Frame:
    ends: float  # time.monotonic() at the deadline


class _Local(threading.local):
    def __init__(self) -> None:
        self.frames: list[_Frame] = []  # open deadlines, outermost first
        self.scopes = 0  # open bounded calls
        self.previous: Any = None  # the SIGALRM handler before ours


_LOCAL = _Local()


def can_interrupt() -> bool:
    """Return True when a deadline can interrupt work here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def check_time() -> None:
    """Stop the work when a deadline of this thread has passed (for loops on any thread)."""
    now = time.monotonic()
    for frame in _LOCAL.frames:
        if frame.ends <= now:
            raise _Expired(frame)


RETRY = 0.25  # seconds before the timer fires again, should its exception have been swallowed


def _on_alarm(signum: int, stack: Any) -> None:
    # The handler runs wherever Python is, a garbage-collector callback or a __del__ included,
    # where an exception is reported and dropped: the timer fires again until one gets through
    # (the deadline it stops removes itself and resets the timer).
    signal.setitimer(signal.ITIMER_REAL, RETRY)
    check_time()
    _arm()  # woken early: wait for the earliest deadline still open


def _arm() -> None:
    """Point the interval timer at the earliest open deadline, or stop it."""
    if _LOCAL.frames:
        remaining = min(frame.ends for frame in _LOCAL.frames) - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def deadline(seconds: float | None, expired: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``expired()`` when the block runs longer than ``seconds`` (None: no limit).

    Deadlines nest: the earliest one open stops the work, and the block whose deadline it is
    raises.  Off the main thread only :func:`check_time` enforces them.
    """
    if seconds is None or seconds <= 0:
        yield
        return
    frame = _Frame(time.monotonic() + seconds)
    interrupt = can_interrupt()
    if interrupt and not _LOCAL.frames:
        _LOCAL.previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        _LOCAL.frames.append(frame)  # inside: an alarm right after it still closes the frame
        if interrupt:
            _arm()
        yield
    except _Expired as error:
        if error.frame is not frame:
            raise
        _close(frame, interrupt)
        raise expired() from None
    finally:
        _close(frame, interrupt)


def _close(frame: _Frame, interrupt: bool) -> None:
    """Remove ``frame`` from the open deadlines; reset the timer, or give the signal back."""
    if frame not in _LOCAL.frames:
        return
    _LOCAL.frames.remove(frame)
    if interrupt:
        _arm()
        if not _LOCAL.frames:
            previous, _LOCAL.previous = _LOCAL.previous, None
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


# --- one call within the budget --------------------------------------------------------------


def _timed_out(seconds: float) -> TimeLimitError:
    return TimeLimitError("time_limit", seconds=f"{seconds:g}", option=OPTIONS["time_limit"])


@contextmanager
def within_budget(*, timed: bool = True) -> Iterator[None]:
    """Run the block within the budget's time limit (``timed=False``: no deadline of its own;
    the calls inside still set theirs).  A block inside another runs within the outer one's.

    :func:`exhausted_as_limit` turns RecursionError and MemoryError into LimitError.
    """
    if _LOCAL.scopes or not timed:
        yield
        return
    seconds = current().time_limit
    _LOCAL.scopes += 1
    try:
        with deadline(seconds, lambda: _timed_out(seconds)):
            yield
    finally:
        _LOCAL.scopes -= 1


def exhausted_as_limit(function: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Return ``function(*args, **kwargs)``, with RecursionError, MemoryError and
    OverflowError turned into LimitError."""
    repair_sympy()
    exhausted = ""
    try:
        return function(*args, **kwargs)
    except RecursionError:
        exhausted = "recursion"
    except MemoryError:
        exhausted = "memory"
    except OverflowError:
        # mpmath shifting an integer past every size (7·10³⁰⁸ beside nested functions)
        exhausted = "overflow"
    # Raised here, past the handler: the frames that held the memory went with the error.
    gc.collect()
    raise _exhausted(exhausted)


def _exhausted(kind: str) -> LimitError:
    if kind == "recursion":
        return LimitError("too_deep_to_compute")
    if kind == "overflow":
        return LimitError("too_large_to_compute")
    megabytes = _MEMORY.get("megabytes")
    if megabytes is None:
        return MemoryLimitError("out_of_memory")
    return MemoryLimitError("memory_limit", megabytes=megabytes, option=OPTIONS["memory_limit"])


def bounded(function: Callable[P, R]) -> Callable[P, R]:
    """Make ``function`` one bounded call: within the budget's time limit
    (:func:`within_budget`), with recursion or memory exhausted a LimitError."""

    def timed(*args: P.args, **kwargs: P.kwargs) -> R:
        with within_budget():
            return function(*args, **kwargs)

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        return exhausted_as_limit(timed, *args, **kwargs)

    return call


# --- memory (the command line only) ----------------------------------------------------------

_MEMORY: dict[str, int] = {}


def _address_space() -> int | None:
    """The bytes of address space this process uses now, where the system says (Linux)."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            pages = int(stream.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextmanager
def memory_limit(megabytes: int | None) -> Iterator[None]:
    """Within the block, let this process allocate at most ``megabytes`` more memory.

    Sets the soft address-space limit (RLIMIT_AS) and restores it after: for the command-line
    process, never for library calls.  Where the system offers no such limit, does nothing.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    used = _address_space()
    if megabytes is None or used is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = used + megabytes * 2**20
    for existing in (soft, hard):
        if existing != resource.RLIM_INFINITY:
            cap = min(cap, existing)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        yield
        return
    _MEMORY["megabytes"] = megabytes
    try:
        yield
    finally:
        _MEMORY.pop("megabytes", None)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


__all__ = [
    "OPTIONS",
    "Budget",
    "bounded",
    "can_interrupt",
    "check_terms",
    "check_time",
    "current",
    "deadline",
    "exhausted_as_limit",
    "limits",
    "memory_limit",
    "within_budget",
]
