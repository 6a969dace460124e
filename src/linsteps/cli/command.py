"""The class of every linsteps command: how it reads its words and shows its help.

A :class:`PlainCommand` converts its parameters of plain kinds without pydantic
(:mod:`linsteps.cli.coercion`), reads an operand that begins with a minus sign as an operand
(:mod:`linsteps.cli.arguments`), and lists in its help the values the library's tables accept
(:mod:`linsteps.cli.choices`).
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand

from linsteps.cli.arguments import operands_apart, option_words
from linsteps.cli.choices import list_in_help
from linsteps.cli.coercion import convert_plainly


class PlainCommand(TyperCommand):
    """A Typer command with plain conversions, operands after a minus sign, and full help."""

    def get_params(self, ctx: Any) -> list[Any]:
        return convert_plainly(super().get_params(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        words = option_words(self.get_params(ctx))
        return list(super().parse_args(ctx, operands_apart(args, words)))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        list_in_help(self.get_params(ctx))
        super().format_help(ctx, formatter)
