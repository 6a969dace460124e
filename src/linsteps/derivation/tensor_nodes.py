"""Notation of arrays of any rank: shapes, stacks of matrices and ``einsum`` expressions.

Like every node these know their value; the formats live in
:mod:`linsteps.render.tensor_notation`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, ClassVar

from linsteps.derivation.node import Node, load_sympy


def nested(value: Any) -> Any:
    """Return a matrix or array value as nested lists (a scalar as it is)."""
    if getattr(value, "is_Matrix", False) or hasattr(value, "rank"):
        return value.tolist() if getattr(value, "shape", ()) != () else value[()]
    return value


@dataclass(frozen=True)
class Dims(Node):
    """The shape of an array of any rank: ``2×3×4``; ``3`` for a vector, ``()`` for a scalar."""

    sizes: tuple[int, ...]
    kind: ClassVar[str] = "dims"

    def evaluate(self) -> Any:
        return self.sizes


@dataclass(frozen=True)
class Stack(Node):
    """An array of rank 3 or more, written as the list of its slices along the first axis."""

    parts: tuple[Node, ...]
    kind: ClassVar[str] = "stack"

    def evaluate(self) -> Any:
        return load_sympy().ImmutableDenseNDimArray([nested(p.evaluate()) for p in self.parts])

    def children(self) -> tuple[Node, ...]:
        return self.parts


@dataclass(frozen=True)
class Einsum(Node):
    """``einsum("ij,jk->ik", A, B)``: ``spec`` as typed, and its labels with ``...`` expanded.

    ``inputs`` holds the letters of each operand's axes and ``output`` the letters kept; a
    letter of size 1 in one operand and larger in another is broadcast, as NumPy does.
    """

    spec: str
    operands: tuple[Node, ...]
    inputs: tuple[tuple[str, ...], ...]
    output: tuple[str, ...]
    kind: ClassVar[str] = "einsum"

    def evaluate(self) -> Any:
        sym = load_sympy()
        arrays = [sym.ImmutableDenseNDimArray(nested(op.evaluate())) for op in self.operands]
        sizes: dict[str, int] = {}
        for labels, array in zip(self.inputs, arrays, strict=True):
            for label, size in zip(labels, array.shape, strict=True):
                sizes[label] = max(sizes.get(label, 1), int(size))
        letters = list(sizes)
        kept = [letters.index(label) for label in self.output]
        totals: dict[tuple[int, ...], Any] = {}
        for values in itertools.product(*(range(sizes[x]) for x in letters)):
            term = sym.Integer(1)
            for labels, array in zip(self.inputs, arrays, strict=True):
                where = tuple(
                    values[letters.index(x)] if size > 1 else 0
                    for x, size in zip(labels, array.shape, strict=True)
                )
                term *= array[where]
            key = tuple(values[i] for i in kept)
            totals[key] = totals.get(key, sym.Integer(0)) + term
        if not self.output:
            return totals.get((), sym.Integer(0))
        shape = tuple(sizes[x] for x in self.output)
        flat = [totals[index] for index in itertools.product(*(range(n) for n in shape))]
        return sym.ImmutableDenseNDimArray(flat, shape)

    def children(self) -> tuple[Node, ...]:
        return self.operands
