"""Operands of any rank: nested-list literals ``[[[1, 2], [3, 4]], …]`` and generic shapes.

A literal nested deeper than a matrix is split at its brackets by a strict scanner (brackets
and the separators between sub-lists only); every innermost matrix is then read by the
whitelisting grammar (:func:`~linsteps.reading.parsing.parse_value`), so an entry means
exactly what it means in a vector or a matrix.  Scalars, vectors and matrices in any of the
usual spellings go to the grammar directly.  The limits of :mod:`~linsteps.reading.limits`
hold for the whole tensor: its text, nesting and total number of entries are checked before
an entry is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from linsteps.errors import LimitError, ParseError, UsageError
from linsteps.reading.limits import LIMITS, prescan

MAX_RANK = 32  # axes of one operand (NumPy 1.x allows 32)
MAX_SIZE = 200  # of one axis of a generic tensor (--shape)
_SEPARATORS = frozenset(" \t\r\n,;")
_DIMS = re.compile(r"\s*\(?\s*(\d+(?:\s*[x×X*,]\s*\d+)*)\s*,?\s*\)?\s*")


@dataclass(frozen=True)
class TensorLiteral:
    """One operand of any rank: its shape and its SymPy entries in row-major (C) order."""

    shape: tuple[int, ...]
    entries: tuple[Any, ...]
    decimal: bool  # the user typed a decimal point or scientific notation
    text: str

    @property
    def rank(self) -> int:
        """Return the number of axes (0 for a scalar)."""
        return len(self.shape)


@dataclass
class _List:
    """A bracketed list of the literal: where it opens and closes, and its sub-lists."""

    start: int
    end: int = -1
    children: list[_List] | None = None
    has_text: bool = False
    depth: int = 1


def literal_depth(text: str) -> int:
    """Return how many brackets open the literal before its first entry (``[[[1`` is 3)."""
    depth = 0
    for char in text:
        if char == "[":
            depth += 1
        elif char not in " \t\r\n":
            break
    return depth


def is_tensor_text(value: Any) -> bool:
    """Return True for text that is a literal of rank 3 or more."""
    return isinstance(value, str) and literal_depth(value) >= 3


def parse_tensor(text: str, *, operand: str = "A") -> TensorLiteral:
    """Read a scalar, vector, matrix or nested-list literal of any depth.

    Raises ``ParseError`` (or ``LimitError``) naming the operand and a 1-based column.
    """
    from linsteps.reading.parsing import parse_value

    prescan(text, operand)
    if literal_depth(text) < 3:
        parsed = parse_value(text, operand=operand)
        entries = tuple(x for row in parsed.rows for x in row)
        shape: tuple[int, ...] = {
            "scalar": (),
            "vector": (len(entries),),
            "matrix": (len(parsed.rows), len(parsed.rows[0])),
        }[parsed.kind]
        return TensorLiteral(shape, entries, parsed.decimal, text)
    top = _scan(text, operand)
    if top.depth > MAX_RANK:
        raise LimitError("too_many_axes", operand=operand, rank=top.depth, limit=MAX_RANK)
    slabs: list[_List] = []
    outer = _outer_shape(top, operand, slabs)
    entries_list: list[Any] = []
    decimal = False
    slab_shape: tuple[int, int] | None = None
    for slab in slabs:
        parsed = _read_slab(text, slab, operand)
        rows, cols = len(parsed.rows), len(parsed.rows[0])
        if slab_shape is None:
            slab_shape = (rows, cols)
        elif (rows, cols) != slab_shape:
            raise ParseError(
                "ragged_tensor",
                operand=operand,
                column=slab.start + 1,
                shape=f"{rows}×{cols}",
                first="×".join(map(str, slab_shape)),
            )
        decimal = decimal or parsed.decimal
        entries_list.extend(x for row in parsed.rows for x in row)
        if len(entries_list) > LIMITS.max_entries:
            raise LimitError("too_many_entries", operand=operand, limit=LIMITS.max_entries)
    assert slab_shape is not None
    return TensorLiteral((*outer, *slab_shape), tuple(entries_list), decimal, text)


def _scan(text: str, operand: str) -> _List:
    """Return the tree of bracketed lists; text between sub-lists may only separate them."""
    stack: list[_List] = []
    top: _List | None = None
    for pos, char in enumerate(text):
        if char == "[":
            node = _List(pos)
            if stack:
                parent = stack[-1]
                if parent.has_text:
                    raise ParseError("tensor_mixed", operand=operand, column=pos + 1)
                if parent.children and not _separated(text, parent.children[-1].end + 1, pos):
                    raise _unexpected(text, parent.children[-1].end + 1, operand)
                parent.children = [*(parent.children or []), node]
            elif top is not None:
                raise _unexpected(text, pos, operand)
            stack.append(node)
        elif char == "]":
            node = stack.pop()  # prescan has checked that the brackets balance
            node.end = pos
            if node.children:
                node.depth = 1 + max(child.depth for child in node.children)
                if text[node.children[-1].end + 1 : pos].strip(" \t\r\n"):
                    raise _unexpected(text, node.children[-1].end + 1, operand)
            if not stack:
                top = node
        elif stack and char not in " \t\r\n":
            parent = stack[-1]
            if parent.children is None:
                parent.has_text = True
            elif char not in _SEPARATORS:
                raise ParseError("tensor_mixed", operand=operand, column=pos + 1)
        elif not stack and char not in " \t\r\n":
            raise _unexpected(text, pos, operand)
    assert top is not None
    return top


def _separated(text: str, start: int, end: int) -> bool:
    """Return True when ``text[start:end]`` is one separator: spaces, one comma or semicolon."""
    between = text[start:end]
    return bool(between) and set(between) <= _SEPARATORS and sum(c in ",;" for c in between) <= 1


def _unexpected(text: str, pos: int, operand: str) -> ParseError:
    """The error for text where only a separator between two sub-lists may stand."""
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    char = text[pos] if pos < len(text) else ""
    return ParseError("unexpected_char", operand=operand, char=char, column=pos + 1)


def _outer_shape(top: _List, operand: str, slabs: list[_List]) -> tuple[int, ...]:
    """Return the sizes of the axes above the innermost matrices, collecting those matrices.

    Every list of one level must hold as many sub-lists as the first, nested as deep.
    """
    level = [top]
    sizes: list[int] = []
    while level[0].depth > 2:
        first = level[0]
        count = len(first.children or [])
        for node in level:
            children = node.children or []
            if len(children) != count:
                raise ParseError(
                    "ragged_count",
                    operand=operand,
                    column=node.start + 1,
                    count=len(children),
                    first=count,
                )
            for child in children:
                if child.depth != first.depth - 1:
                    raise ParseError(
                        "ragged_depth",
                        operand=operand,
                        column=child.start + 1,
                        depth=child.depth,
                        first=first.depth - 1,
                    )
        sizes.append(count)
        level = [child for node in level for child in node.children or []]
    slabs.extend(level)
    return tuple(sizes)


def _read_slab(text: str, slab: _List, operand: str) -> Any:
    """Read one innermost ``[[…], […]]`` with the grammar; columns count from the whole text."""
    from linsteps.reading.parsing import parse_value

    try:
        parsed = parse_value(text[slab.start : slab.end + 1], operand=operand)
    except ParseError as error:
        if isinstance(error.params.get("column"), int):
            error.params["column"] += slab.start
        raise
    if parsed.kind != "matrix":  # pragma: no cover - a depth-2 list always reads as a matrix
        raise ParseError("tensor_mixed", operand=operand, column=slab.start + 1)
    return parsed


def parse_dims(text: str | tuple[int, ...]) -> tuple[int, ...]:
    """Read a shape such as ``2x3x4``, ``2×3×4`` or ``(2, 3, 4)`` for a generic tensor."""
    if isinstance(text, tuple):
        dims = text
    else:
        match = _DIMS.fullmatch(text)
        if not match:
            raise UsageError("bad_dims", text=text, most=MAX_SIZE)
        dims = tuple(int(part) for part in re.split(r"\s*[x×X*,]\s*", match[1]))
    total = 1
    for size in dims:
        total *= size
    if not dims or len(dims) > MAX_RANK or not all(1 <= s <= MAX_SIZE for s in dims):
        raise UsageError("bad_dims", text=str(text), most=MAX_SIZE)
    if total > LIMITS.max_entries:
        raise LimitError("too_many_entries", operand=str(text), limit=LIMITS.max_entries)
    return dims


def generic_entries(name: str, dims: tuple[int, ...]) -> tuple[Any, ...]:
    """Return the real symbols name_ijk… of a generic tensor, in row-major order."""
    import itertools

    import sympy

    sep = "," if any(size > 9 for size in dims) else ""
    return tuple(
        sympy.Symbol(f"{name}_" + sep.join(str(i + 1) for i in index), real=True)
        for index in itertools.product(*(range(size) for size in dims))
    )
