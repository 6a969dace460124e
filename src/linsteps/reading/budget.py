"""Bounds on the work of one command or API call: wall time, memory, and the derivation's size.

One mechanism serves every command and every API call.  :class:`Budget` holds the limits and
:func:`limits` sets them for a block (the command line sets them from its options).
:func:`bounded` runs a call under the current budget: a wall-time deadline
(:mod:`linsteps.reading.deadlines`), with ``RecursionError``, ``MemoryError`` and
``OverflowError`` turned into :class:`~linsteps.errors.LimitError`.  Calls nest: a call inside
another runs within its caller's deadline, and shorter deadlines nest inside (the checker's
per-answer limit).
:func:`check_terms` refuses a derivation whose estimated size is past the budget before any of it
is computed; :func:`memory_limit` caps the memory of the command-line process.  Imports no SymPy.
"""

from __future__ import annotations

import functools
import gc
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any, ParamSpec, TypeVar

from linsteps.errors import LimitError, MemoryLimitError, TimeLimitError, UsageError
from linsteps.reading.deadlines import check_time, closes_deadlines, deadline
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


# --- one call within the budget --------------------------------------------------------------


class _Scopes(threading.local):
    def __init__(self) -> None:
        self.open = 0  # bounded calls open on this thread


_SCOPES = _Scopes()


def _timed_out(seconds: float) -> TimeLimitError:
    return TimeLimitError("time_limit", seconds=f"{seconds:g}", option=OPTIONS["time_limit"])


class _Scope:
    """The block of :func:`within_budget`: the outermost one holds the budget's deadline."""

    def __init__(self, timed: bool) -> None:
        self.timed = timed
        self.limit: AbstractContextManager[None] | None = None

    @closes_deadlines
    def __enter__(self) -> None:
        if _SCOPES.open or not self.timed:
            return
        seconds = current().time_limit
        limit = deadline(seconds, lambda: _timed_out(seconds))
        limit.__enter__()  # closes itself should it fail
        self.limit = limit
        _SCOPES.open += 1

    @closes_deadlines
    def __exit__(self, kind: Any, error: BaseException | None, trace: Any) -> None:
        if self.limit is None:
            return
        try:
            self.limit.__exit__(kind, error, trace)
        finally:
            _SCOPES.open -= 1


def within_budget(*, timed: bool = True) -> AbstractContextManager[None]:
    """Run the block within the budget's time limit (``timed=False``: no deadline of its own;
    the calls inside still set theirs).  A block inside another runs within the outer one's.

    :func:`exhausted_as_limit` turns RecursionError, MemoryError and OverflowError into
    LimitError.
    """
    return _Scope(timed)


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
    "check_terms",
    "current",
    "exhausted_as_limit",
    "limits",
    "memory_limit",
    "within_budget",
]
