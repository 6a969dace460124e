"""Wall-time deadlines: blocks that stop when their time is up, nested, on any thread.

On the main thread of a POSIX process the real-time interval timer interrupts the work
(SIGALRM); elsewhere :func:`check_time`, called in loops, enforces them.  The code that opens
and closes a deadline is marked with :func:`closes_deadlines`: an alarm that lands there waits
until the deadline is closed, so that an expiry never escapes the block that owns it and never
leaves it open.  One that lands in a finalizer or a garbage-collector callback, where an
exception would be reported and dropped, waits too.  So a deadline is entered by a ``with`` on
:func:`deadline`'s own object, or by code so marked; never from a generator, whose exit an alarm
could interrupt before the deadline's.  (A tracer written in Python, such as pdb's, runs before
the first line of a marked method, where an alarm is not yet recognised.)  Imports no SymPy.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from types import CodeType
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_PROTECTED: set[CodeType] = set()


def closes_deadlines(function: F) -> F:
    """Mark ``function`` as code that opens or closes deadlines, or ends the work they bound (a
    command's one-line refusal): no alarm raises inside it.

    For bookkeeping of a bounded size only: while a marked function runs, no deadline stops the
    work, so it must call no work of unknown length.
    """
    _PROTECTED.add(function.__code__)
    return function


class _Expired(BaseException):
    """A deadline passed; a BaseException, so that no ``except Exception`` swallows it."""

    def __init__(self, entry: _Open) -> None:
        super().__init__()
        self.entry = entry


@dataclass(eq=False)
class _Open:
    """One open deadline."""

    ends: float  # time.monotonic() at the deadline


class _Local(threading.local):
    def __init__(self) -> None:
        self.open: list[_Open] = []  # open deadlines, outermost first
        self.installed = False  # whether the SIGALRM handler is ours
        self.previous: Any = None  # the SIGALRM handler before ours


_LOCAL = _Local()


def can_interrupt() -> bool:
    """Return True when a deadline can interrupt work here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def check_time() -> None:
    """Stop the work when a deadline of this thread has passed (for loops on any thread)."""
    now = time.monotonic()
    for entry in _LOCAL.open:
        if entry.ends <= now:
            raise _Expired(entry)


RETRY = 0.25  # seconds before the timer fires again, should its exception have been swallowed
DEFER = 0.002  # seconds to wait when the timer fires where it must not raise


def _on_alarm(signum: int, stack: Any) -> None:
    # While a deadline opens or closes, the handler raises nothing and comes back shortly: an
    # expiry raised there would escape the block that owns it and leave the deadline open.  So
    # too in a finalizer or a garbage-collector callback, where an exception is reported and
    # dropped.  Anywhere else an exception can still be lost (a weakref callback, say): the timer
    # fires again until one gets through (the deadline it stops closes and resets the timer).
    if _must_wait(stack):
        if _LOCAL.open:  # none open: the timer is stopped, and must stay so
            signal.setitimer(signal.ITIMER_REAL, DEFER)
        return
    signal.setitimer(signal.ITIMER_REAL, RETRY)
    check_time()
    _arm()  # woken early: wait for the earliest deadline still open


def _must_wait(stack: Any) -> bool:
    """Return True when ``stack`` (a frame) is inside code that opens or closes a deadline, a
    finalizer or a garbage-collector callback."""
    dropping = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while stack is not None:
        code = stack.f_code
        if code in _PROTECTED or code in dropping or code.co_name == "__del__":
            return True
        stack = stack.f_back
    return False


@closes_deadlines
def _arm() -> None:
    """Point the interval timer at the earliest open deadline, or stop it."""
    if _LOCAL.open:
        remaining = min(entry.ends for entry in _LOCAL.open) - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


class _Deadline:
    """The block of :func:`deadline`: a class, so that no generator stands between the block and
    the code that closes it, and the alarm handler can tell that code by its frames."""

    def __init__(self, seconds: float, expired: Callable[[], BaseException]) -> None:
        self.seconds = seconds
        self.expired = expired
        self.entry = _Open(0.0)
        self.interrupt = False

    @closes_deadlines
    def __enter__(self) -> None:
        if self.entry in _LOCAL.open:
            raise RuntimeError("a deadline is open already")
        self.entry.ends = time.monotonic() + self.seconds
        self.interrupt = can_interrupt()
        try:
            if self.interrupt and not _LOCAL.installed:
                _LOCAL.previous = signal.signal(signal.SIGALRM, _on_alarm)
                _LOCAL.installed = True
            _LOCAL.open.append(self.entry)
            if self.interrupt:
                _arm()
        except BaseException:  # a MemoryError, say: no half-open deadline stays behind
            _close(self.entry, self.interrupt)
            raise

    @closes_deadlines
    def __exit__(self, kind: Any, error: BaseException | None, trace: Any) -> None:
        _close(self.entry, self.interrupt)
        if isinstance(error, _Expired) and error.entry is self.entry:
            raise self.expired() from None


def deadline(
    seconds: float | None, expired: Callable[[], BaseException]
) -> AbstractContextManager[None]:
    """Raise ``expired()`` when the block runs longer than ``seconds`` (None: no limit).

    Deadlines nest: the earliest one open stops the work, and the block whose deadline it is
    raises.  Off the main thread only :func:`check_time` enforces them.
    """
    if seconds is None or seconds <= 0:
        return nullcontext()
    return _Deadline(seconds, expired)


@closes_deadlines
def _close(entry: _Open, interrupt: bool) -> None:
    """Remove ``entry`` from the open deadlines; reset the timer, or give the signal back."""
    if entry in _LOCAL.open:
        _LOCAL.open.remove(entry)
    if interrupt:
        _arm()  # with none open, the timer stops before the handler goes
        if not _LOCAL.open and _LOCAL.installed:
            previous, _LOCAL.previous, _LOCAL.installed = _LOCAL.previous, None, False
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


__all__ = ["can_interrupt", "check_time", "closes_deadlines", "deadline"]
