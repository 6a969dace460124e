"""Running a function in a child process with a hard time limit.

Used where the interval timer cannot interrupt (a thread other than the main one): the child is
killed when it runs past the limit, so a comparison can never hang its caller.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any

STARTUP = 30.0  # seconds allowed for the child to start and import SymPy


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
