"""Command-line text to parameter values, the way Typer converts them, without pydantic.

Recent Typer releases convert each value through a pydantic ``TypeAdapter``, built when the
command runs: importing pydantic and building the adapters of one command costs about 0.1 s, a
third of SymPy's import, on every run.  The parameters of linsteps are of a few plain kinds
(text, whole and decimal numbers, paths, a choice among an Enum's values, lists of text), which
:func:`plain_values` converts directly, with click's messages for bad values.  A parameter of
any other kind, or a Typer without this conversion hook, keeps Typer's own conversion.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import typer

Convert = Callable[[Any, Any], Any]  # (value, context) -> the parameter's value


MAX_SHOWN = 40  # characters of a bad value a message repeats


def shown(value: Any) -> str:
    """``value`` as a message repeats it: quoted, and cut short when it is long."""
    text = str(value)
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return repr(text)


def _text(value: Any, ctx: Any) -> Any:
    return value if isinstance(value, str) else str(value)


def _number(kind: type[Any], name: str) -> Convert:
    def convert(value: Any, ctx: Any) -> Any:
        if isinstance(value, kind) and not isinstance(value, bool):
            return value
        try:
            if isinstance(value, str) and value.isascii():
                return kind(value)
        except ValueError:
            pass
        raise ValueError(f"{shown(value)} is not a valid {name}.")

    return convert


def _path(value: Any, ctx: Any) -> Any:
    return value if isinstance(value, Path) else Path(value)


def _flag(value: Any, ctx: Any) -> Any:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{shown(value)} is not a valid boolean.")


def _choice(kind: type[Enum]) -> Convert:
    members = list(kind)

    def convert(value: Any, ctx: Any) -> Any:
        if isinstance(value, kind):
            return value
        normalize = getattr(ctx, "token_normalize_func", None) or (lambda text: text)
        wanted = normalize(str(value))
        for member in members:
            if normalize(str(member.value)) == wanted:
                return member
        choices = ", ".join(repr(str(member.value)) for member in members)
        raise ValueError(f"{shown(value)} is not one of {choices}.")

    return convert


def converter(annotation: Any) -> Convert | None:
    """Return the conversion of one value of ``annotation``, or None for another kind."""
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation in (int, float):
        return _number(annotation, "integer" if annotation is int else "float")
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return _path
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(annotation)
    return None


class PlainValues:
    """The conversion of one parameter's values, in the shape Typer's runtime hook expects."""

    def __init__(self, convert: Convert) -> None:
        self.convert = convert

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        """Return the parameter's value: one converted value, or a list for a repeated one."""
        many = bool(param.multiple) or param.nargs == -1
        if value is None:
            return () if many else None
        try:
            if not many:
                return self.convert(value, ctx)
            if isinstance(value, str):
                raise ValueError("Value must be an iterable.")
            return [self.convert(item, ctx) for item in value]
        except ValueError as error:
            raise typer.BadParameter(str(error), ctx=ctx, param=param) from None


def plain_values(param: Any) -> PlainValues | None:
    """Return the conversion of ``param`` when it is of a plain kind and Typer has the hook."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return None
    info = descriptor.parameter_info
    if any(getattr(info, name, None) is not None for name in ("parser", "min", "max")):
        return None
    if not getattr(info, "case_sensitive", True):
        return None
    annotation = descriptor.annotation
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
    convert = converter(annotation)
    return None if convert is None else PlainValues(convert)


def convert_plainly(params: list[Any]) -> list[Any]:
    """Give every parameter of a plain kind the conversion above; return the parameters."""
    for param in params:
        if getattr(param, "_runtime_param", True) is None:
            values = plain_values(param)
            if values is not None:
                param._runtime_param = values
    return params
