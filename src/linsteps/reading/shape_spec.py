"""Shapes as ``linsteps shapes`` takes them: ``NAME=SHAPE`` with ``32x784``, ``32×784``,
``(32, 784)``, ``[2, 3, 4]``, ``10`` or ``()``, bounded in rank and size."""

from __future__ import annotations

import re

from linsteps.errors import LimitError, ParseError

MAX_RANK = 16  # axes of a given shape
MAX_SIZE = 10**9  # of one axis
RESERVED = frozenset(
    {"np", "numpy", "torch", "F", "math", "einsum", "softmax", "True", "False", "None"}
)

_SHAPE_SEPARATOR = re.compile(r"\s*[x×X,*]\s*")


def parse_shape_spec(name: str, text: str) -> tuple[int, ...]:
    """Read a shape ``32x784``, ``32×784``, ``(32, 784)``, ``[2, 3, 4]``, ``10`` or ``()``."""
    body = text.strip()
    if len(body) > 200:
        raise LimitError("shape_spec_too_long", name=name, limit=200)
    if body[:1] in "([" and body[-1:] in ")]":
        body = body[1:-1].strip()
    if body in ("", "scalar"):
        return ()
    parts = [p for p in _SHAPE_SEPARATOR.split(body)]
    if parts and parts[-1] == "" and "," in body:
        parts.pop()  # (10,) is a 1-D shape
    if not parts or not all(p.isdigit() and p.isascii() for p in parts):
        raise ParseError("shape_spec", name=name, text=text)
    if len(parts) > MAX_RANK:
        raise LimitError("shape_spec_rank", name=name, rank=len(parts), limit=MAX_RANK)
    sizes = tuple(int(p) for p in parts)
    if any(size > MAX_SIZE for size in sizes):
        raise LimitError("shape_spec_size", name=name, limit=MAX_SIZE)
    return sizes


def parse_binding(text: str) -> tuple[str, tuple[int, ...]]:
    """Read one ``NAME=SHAPE`` argument of ``linsteps shapes``."""
    name, equals, spec = text.partition("=")
    name = name.strip()
    if not equals or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ParseError("shape_binding", text=text)
    if name in RESERVED:
        raise ParseError("shape_binding_reserved", name=name)
    return name, parse_shape_spec(name, spec)


__all__ = ["MAX_RANK", "MAX_SIZE", "parse_binding", "parse_shape_spec"]
