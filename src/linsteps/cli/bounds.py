"""The bounds of every command: the options that set them, and the wrapper that applies them.

Every command runs within the limits of :mod:`linsteps.reading.budget` (a wall-time limit, a
memory limit, the size of an explanation) and flushes its output inside them; a limit passed or
an output that cannot be written is one line on stderr and exit status 2.  :func:`bound` gives a
built command the options, declared once here, that it does not declare itself (``check`` and
``grade`` keep their own --time-limit, the seconds of each comparison).  Nothing here imports
SymPy.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
import typer.main

from linsteps.cli.common import fail
from linsteps.errors import LinstepsError, UsageError
from linsteps.reading.budget import Budget

DEFAULTS = Budget()
TimeLimitOpt = Annotated[
    float,
    typer.Option("--time-limit", help="Seconds the whole command may take (at most 3600)."),
]
MaxTermsOpt = Annotated[
    int,
    typer.Option("--max-terms", help="Most terms an explanation may write, result included."),
]
MemoryLimitOpt = Annotated[
    int, typer.Option("--memory-limit", help="Megabytes the command may allocate.")
]
NAMES = ("time_limit", "max_terms", "memory_limit")


def _bound_options() -> list[Any]:
    """The options of the bounds, as Typer makes them (fresh objects for each command)."""
    holder = typer.Typer(add_completion=False)

    @holder.command()
    def bounds(
        time_limit: TimeLimitOpt = DEFAULTS.time_limit,
        max_terms: MaxTermsOpt = DEFAULTS.max_terms,
        memory_limit: MemoryLimitOpt = DEFAULTS.memory_limit,
    ) -> None:
        """The bounds of a command."""

    return [param for param in typer.main.get_command(holder).params if param.name in NAMES]


def bound(command: Any) -> Any:
    """Give ``command`` the options of the bounds it lacks and run it within them."""
    declared = {param.name for param in command.params}
    added = [param for param in _bound_options() if param.name not in declared]
    command.params.extend(added)
    command.callback = _within_bounds(command.callback, {str(p.name) for p in added})
    return command


def _within_bounds(callback: Any, added: set[str]) -> Callable[..., Any]:
    """Run ``callback`` within the bounds its options set, and flush its output; a limit passed
    or an output that cannot be written is one line on stderr and exit status 2."""

    @functools.wraps(callback)
    def run_bounded(**params: Any) -> Any:
        from linsteps.output import OUTPUT_ERRNOS, flush_stream, silence
        from linsteps.reading.budget import (
            exhausted_as_limit,
            limits,
            memory_limit,
            within_budget,
        )

        chosen = {name: params.pop(name) for name in added if name in params}
        lang = _lang(params)

        def invoke() -> Any:
            with within_budget(timed="time_limit" in chosen):
                try:
                    return callback(**params)
                finally:
                    flush_stream()

        try:
            with limits(**chosen), memory_limit(chosen.get("memory_limit")):
                return exhausted_as_limit(invoke)
        except LinstepsError as error:
            ended = _exit_under_way(error)
            if ended is not None:  # its line is written: the limit struck while it unwound
                raise ended from None
            fail(error.message(lang), error.exit_code)
        except OSError as error:  # a command's own write to standard output
            if error.errno not in OUTPUT_ERRNOS:
                raise
            silence(sys.stdout)
            reason = error.strerror or "error"
            fail(UsageError("unwritable_stdout", reason=reason).message(lang))

    return run_bounded


def _exit_under_way(error: BaseException) -> typer.Exit | None:
    """The exit a command had already decided (its line written) when ``error`` was raised."""
    seen, visited = error.__context__, {id(error)}
    while seen is not None and id(seen) not in visited:
        if isinstance(seen, typer.Exit):
            return seen
        visited.add(id(seen))
        seen = seen.__context__
    return None


def _lang(params: dict[str, Any]) -> str:
    """The language a command was asked for, for its one-line errors."""
    value = getattr(params.get("lang"), "value", params.get("lang"))
    return str(value) if value in ("en", "zh") else "en"
