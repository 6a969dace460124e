"""The options commands share, each declared once, and the decorator that gives them to a command.

A command's function names only its own operands and options, and takes the shared ones it
asks for as one :class:`Shared` value::

    @sharing("lang", "time_limit")
    def grade(key: ..., answers: ..., *, shared: Shared) -> None: ...

On the command line the shared options follow the command's own, always in the order of the
fields of :class:`Shared`.  Nothing here imports SymPy.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from linsteps.errors import UsageError

Result = TypeVar("Result")


class Format(str, Enum):
    """Output formats."""

    text = "text"
    json = "json"
    latex = "latex"
    markdown = "markdown"
    html = "html"


class Lang(str, Enum):
    """Languages of the explanation."""

    en = "en"
    zh = "zh"


class Library(str, Enum):
    """The array libraries: whose rules and words, and which program."""

    numpy = "numpy"
    torch = "torch"


@dataclass(frozen=True)
class Shared:
    """The values of the shared options one command was given.

    Each field is an option's one declaration: its type carries the flags and the help, its
    default is the option's default.  ``taken`` names the options the command offers.
    """

    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="Output format: text, json, latex, markdown, html."),
    ] = Format.text
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language: en or zh.")] = Lang.en
    decimals: Annotated[
        int, typer.Option("--decimals", "-d", help="Decimal places of approximations (0-50).")
    ] = 4
    full: Annotated[
        bool, typer.Option("--full", help="Show every step, even for large inputs.")
    ] = False
    dim: Annotated[
        str | None,
        typer.Option(
            "--dim",
            help=(
                "With a bare name (a): a generic vector a₁…a_N, N from 1 to {most_entries};"
                " a letter (n): the general form."
            ),
        ),
    ] = None
    tolerance: Annotated[
        float,
        typer.Option("--tolerance", help="Relative tolerance for decimal answers, 0 to below 1."),
    ] = 1e-3
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", help="Seconds per answer, 0 to 3600 (0: no limit)."),
    ] = 2.0
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot", help="Also draw the vectors and θ to FILE.svg or FILE.png (2-D/3-D)."
        ),
    ] = None
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (whole or not at all).")
    ] = None
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text (default: when a terminal)."),
    ] = None
    standalone: Annotated[
        bool,
        typer.Option(
            "--standalone", help="With --format latex: a complete document (xelatex for --lang zh)."
        ),
    ] = False
    code: Annotated[
        Library | None,
        typer.Option("--code", help="Also print the NumPy or PyTorch program of the same result."),
    ] = None
    taken: frozenset[str] = field(default=frozenset(), metadata={"option": False})

    @property
    def places(self) -> int:
        """The number of decimal places, checked."""
        if not 0 <= self.decimals <= 50:
            raise UsageError("bad_places", value=self.decimals)
        return self.decimals

    @property
    def settings(self) -> dict[str, Any]:
        """The library's keywords (``places``, ``full``, ``dim``) for the options taken."""
        found: dict[str, Any] = {}
        if "decimals" in self.taken:
            found["places"] = self.places
        for name in ("full", "dim"):
            if name in self.taken:
                found[name] = getattr(self, name)
        return found


SHARED_ORDER = tuple(f.name for f in fields(Shared) if f.metadata.get("option", True))


@functools.cache
def _declarations() -> dict[str, inspect.Parameter]:
    hints = typing.get_type_hints(Shared, include_extras=True)
    defaults = {f.name: f.default for f in fields(Shared)}
    return {
        name: inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=defaults[name], annotation=hints[name]
        )
        for name in SHARED_ORDER
    }


def sharing(*names: str) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Give a command the shared options ``names``; its function receives them as ``shared``.

    The command's signature, which Typer reads, becomes the function's own parameters followed
    by the shared options; calling it gathers their values into one :class:`Shared`.
    """
    unknown = set(names) - set(SHARED_ORDER)
    if unknown:
        raise ValueError(f"no shared options {sorted(unknown)}")
    taken = frozenset(names)

    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        own = [
            p
            for p in inspect.signature(function, eval_str=True).parameters.values()
            if p.name != "shared"
        ]
        clash = taken & {p.name for p in own}
        if clash:
            raise ValueError(f"{function.__name__} declares shared options {sorted(clash)}")
        added = [p for name, p in _declarations().items() if name in taken]

        @functools.wraps(function)
        def command(*args: Any, **values: Any) -> Result:
            given = {name: values.pop(name) for name in taken if name in values}
            return function(*args, **values, shared=Shared(**given, taken=taken))

        parameters = own + added
        signature = inspect.Signature(parameters, return_annotation=None)
        command.__signature__ = signature  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        return command

    return decorate
