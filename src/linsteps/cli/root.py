"""The root command ``linsteps``: it lists the commands from their table and builds only the
one that runs.

Building a Typer command reads its signature and makes its parameters; building all sixteen
on every run, and importing every module that defines them, would cost more than the work of
most runs.  ``linsteps --help`` imports no command module at all.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from linsteps import __version__
from linsteps.cli.coercion import convert_plainly
from linsteps.cli.command import PlainCommand
from linsteps.cli.commands import COMMANDS


def build(name: str) -> Any:
    """Import the module of command ``name`` and build that command alone, within its bounds."""
    from linsteps.cli.bounds import bound

    module = importlib.import_module(f"linsteps.cli.{COMMANDS[name].module}")
    one = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    one.command(name=name, cls=PlainCommand)(getattr(module, name))
    return bound(typer.main.get_command(one))


class CommandTable(TyperGroup):
    """A group whose commands are stand-ins (a name and a line of help) until one is run."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = {
            name: TyperCommand(name=name, help=entry.summary) for name, entry in COMMANDS.items()
        }

    def get_params(self, ctx: Any) -> list[Any]:
        return convert_plainly(super().get_params(ctx))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Resolve the command as any group does (with its suggestions), then build it."""
        name, command, rest = super().resolve_command(ctx, args)
        return name, build(name) if name in COMMANDS else command, rest


app = typer.Typer(
    name="linsteps",
    help="Explain linear algebra step by step: dot, Hadamard and matrix products, norms, angles.",
    cls=CommandTable,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"linsteps {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Explain linear algebra step by step, exactly, in English or Chinese.

    Operands: [1, 2, 3] or "1 2 3"; matrices [[1, 2], [3, 4]] or "1 2; 3 4"; entries may be
    fractions, decimals, sqrt(2), pi and symbols. "-" reads stdin, "@file" reads a file.
    Every command is bounded: --time-limit (10 s), --memory-limit (2048 MB), --max-terms.
    Exit status: 0 done, 2 bad input, usage or a limit passed (one line on stderr).
    """
