"""The errors of reading one operand, each naming the operand being read.

:func:`reading` sets the operand's name for the time of one parse; the parser's token checks and
the transformer raise through :func:`parse_error` and :func:`limit_error`, so the name need not be
passed down to every function.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from linsteps.errors import LimitError, ParseError

_OPERAND: ContextVar[str] = ContextVar("linsteps_operand", default="a")


@contextmanager
def reading(operand: str) -> Iterator[None]:
    """Name ``operand`` in every error raised while the block reads it."""
    reset = _OPERAND.set(operand)
    try:
        yield
    finally:
        _OPERAND.reset(reset)


def parse_error(key: str, **params: Any) -> ParseError:
    """The ``ParseError`` ``key`` for the operand being parsed."""
    return ParseError(key, operand=_OPERAND.get(), **params)


def limit_error(key: str, **params: Any) -> LimitError:
    """The ``LimitError`` ``key`` for the operand being parsed."""
    return LimitError(key, operand=_OPERAND.get(), **params)


__all__ = ["limit_error", "parse_error", "reading"]
