"""The bounds of every command: the options that set them and the group that applies them.

Every command runs within the limits of :mod:`linsteps.reading.budget` (a wall-time limit, a
memory limit, the size of an explanation) and flushes its output inside them; a limit passed or
an output that cannot be written is one line on stderr and exit status 2.  The options are
declared once here and added to every command that does not declare an option of that name.
Nothing here imports SymPy.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup

from linsteps.errors import LinstepsError, UsageError
from linsteps.reading.budget import Budget

DEFAULTS = Budget()
TimeLimitOpt = Annotated[
    float,
    typer.Option(
        "--time-limit", min=0.001, max=3600, help="Seconds the whole command may take (≤ 3600)."
    ),
]
MaxTermsOpt = Annotated[
    int,
    typer.Option(
        "--max-terms",
        min=1,
        max=10**9,
        help="Most terms an explanation may write, result included.",
    ),
]
MemoryLimitOpt = Annotated[
    int,
    typer.Option("--memory-limit", min=64, max=2**20, help="Megabytes the command may allocate."),
]


def _bound_options() -> list[Any]:
    """The options every command takes for its bounds, declared once (fresh objects)."""
    holder = typer.Typer(add_completion=False)

    @holder.command()
    def bounds(
        time_limit: TimeLimitOpt = DEFAULTS.time_limit,
        max_terms: MaxTermsOpt = DEFAULTS.max_terms,
        memory_limit: MemoryLimitOpt = DEFAULTS.memory_limit,
    ) -> None:
        """The bounds of a command."""

    names = {"time_limit", "max_terms", "memory_limit"}
    return [param for param in typer.main.get_command(holder).params if param.name in names]


class BoundedGroup(TyperGroup):
    """The command group: every command runs within its bounds (:mod:`linsteps.reading.budget`)
    and takes --time-limit, --max-terms and --memory-limit, unless it declares its own option
    of that name (``check`` and ``grade`` limit each comparison with their --time-limit)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in self.commands.values():
            declared = {param.name for param in command.params}
            added = [param for param in _bound_options() if param.name not in declared]
            command.params.extend(added)
            command.callback = _within_bounds(command.callback, {str(p.name) for p in added})


def _within_bounds(callback: Any, added: set[str]) -> Callable[..., Any]:
    """Run ``callback`` within the bounds its options set, and flush its output; a limit passed
    or an output that cannot be written is one line on stderr and exit status 2."""

    @functools.wraps(callback)
    def run_bounded(**params: Any) -> Any:
        from linsteps.output import OUTPUT_ERRNOS, flush_stream, silence
        from linsteps.reading.budget import limits, memory_limit, within_budget

        chosen = {name: params.pop(name) for name in added if name in params}
        lang = str(getattr(params.get("lang"), "value", params.get("lang")) or "en")
        try:
            with (
                limits(**chosen),
                memory_limit(chosen.get("memory_limit")),
                within_budget(timed="time_limit" in chosen),
            ):
                try:
                    return callback(**params)
                finally:
                    flush_stream()
        except LinstepsError as error:
            fail(error.message(lang), error.exit_code)
        except OSError as error:  # a command's own write to standard output
            if error.errno not in OUTPUT_ERRNOS:
                raise
            silence(sys.stdout)
            reason = error.strerror or "error"
            fail(UsageError("unwritable_stdout", reason=reason).message(lang))

    return run_bounded


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit with ``code``."""
    line = " ".join(message.split())
    sys.stderr.write(f"linsteps: {line}\n")
    raise typer.Exit(code)
