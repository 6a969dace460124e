"""The arithmetic every array product shares: a contraction over lettered axes.

A :class:`Plan` names each axis of each operand with a letter (``ij,jk->ik``); the letters
of the output are kept and the others summed, and an axis of size 1 is stretched over a
letter that is larger elsewhere (NumPy's broadcasting).  ``einsum``, the N-D matrix product
and the broadcast element-wise product are all plans; this module computes their entries
exactly and builds the chain that explains one entry (``C₁₁ = A₁₁B₁₁ + A₁₂B₂₁ = 1·5 + 2·7 =
5 + 14 = 19``), within the limits it checks before any arithmetic.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from linsteps.derivation.arithmetic import PairSum, Product, Sum
from linsteps.derivation.matrices import Grid
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Chain, Link, Note, Result
from linsteps.derivation.tensor_nodes import Dims, Stack
from linsteps.derivation.tensor_operands import Tensor, array_of
from linsteps.derivation.values import Name, Value
from linsteps.errors import LimitError, UsageError
from linsteps.ops.common import (
    SUMMARY_ENTRIES,
    SUMMARY_TERMS,
    add,
    approximate,
    exact,
    multiply,
    products_change,
    sum_changes,
    value_sum,
)

MAX_TERMS = 2_000_000  # products computed for one result
MAX_RESULT_ENTRIES = 40_000  # entries of one result (a 200×200 matrix)
SHOWN_ENTRIES = 2  # entries explained when a result is summarized


@dataclass(frozen=True)
class Plan:
    """The letters of each operand's axes, the letters kept, and the size of every letter."""

    inputs: tuple[tuple[str, ...], ...]
    output: tuple[str, ...]
    sizes: Mapping[str, int]

    @property
    def summed(self) -> tuple[str, ...]:
        """Return the letters that are not kept, in order of first appearance."""
        seen: dict[str, None] = {}
        for labels in self.inputs:
            seen.update((x, None) for x in labels if x not in self.output)
        return tuple(seen)

    @property
    def shape(self) -> tuple[int, ...]:
        """Return the shape of the result."""
        return tuple(self.sizes[x] for x in self.output)

    def check_budget(self) -> None:
        """Refuse a result too large to compute or to show, before any arithmetic."""
        entries = math.prod(self.shape)
        if entries > MAX_RESULT_ENTRIES:
            raise LimitError("result_too_large", entries=entries, limit=MAX_RESULT_ENTRIES)
        terms = entries * math.prod(self.sizes[x] for x in self.summed)
        if terms > MAX_TERMS:
            raise LimitError("too_many_products", terms=terms, limit=MAX_TERMS)


class Contraction:
    """A plan applied to operands: the entries of the result and the chains explaining them."""

    def __init__(self, plan: Plan, tensors: Sequence[Tensor]) -> None:
        plan.check_budget()
        self.plan = plan
        self.tensors = tuple(tensors)
        self.summed = plan.summed
        self.summed_ranges = [range(plan.sizes[x]) for x in self.summed]
        self.count = math.prod(plan.sizes[x] for x in self.summed)
        self.steps = [
            self._letter_strides(labels, t) for labels, t in zip(plan.inputs, tensors, strict=True)
        ]
        self.summed_offsets = [
            [sum(s.get(x, 0) * i for x, i in zip(self.summed, values, strict=True)) for values in
             itertools.product(*self.summed_ranges)]
            for s in self.steps
        ]  # fmt: skip
        self.integers = all(type(x) is int for t in self.tensors for x in t.entries)

    @staticmethod
    def _letter_strides(labels: tuple[str, ...], tensor: Tensor) -> dict[str, int]:
        """Return each letter's step through the flat entries (0 along a stretched axis)."""
        steps: dict[str, int] = {}
        for letter, size, stride in zip(labels, tensor.shape, tensor.strides(), strict=True):
            steps[letter] = steps.get(letter, 0) + (0 if size == 1 else stride)
        return steps

    def bases(self, index: tuple[int, ...]) -> list[int]:
        """Return each operand's offset for the kept letters at ``index`` (0-based)."""
        return [
            sum(s.get(x, 0) * i for x, i in zip(self.plan.output, index, strict=True))
            for s in self.steps
        ]

    def factors(self, index: tuple[int, ...]) -> list[tuple[Any, ...]]:
        """Return the factors of every term of the entry at ``index``."""
        bases = self.bases(index)
        return [
            tuple(
                t.entries[base + offsets[k]]
                for t, base, offsets in zip(self.tensors, bases, self.summed_offsets, strict=True)
            )
            for k in range(self.count)
        ]

    def entry(self, index: tuple[int, ...]) -> Any:
        """Return the entry at ``index`` (0-based): the sum of its terms' products."""
        if not self.integers:
            return add([_product(factors) for factors in self.factors(index)])
        columns = [
            [t.entries[base + offset] for offset in offsets]
            for t, base, offsets in zip(
                self.tensors, self.bases(index), self.summed_offsets, strict=True
            )
        ]
        if not columns:
            return 1
        products = columns[0]
        for column in columns[1:]:
            products = list(map(operator.mul, products, column))
        return sum(products)

    def indices(self) -> list[tuple[int, ...]]:
        """Return every index of the result, in row-major order."""
        return list(itertools.product(*(range(n) for n in self.plan.shape)))

    def values(self) -> list[Any]:
        """Return every entry of the result, in row-major order."""
        return [self.entry(index) for index in self.indices()]

    def positions(self, index: tuple[int, ...]) -> list[list[tuple[int, ...]]]:
        """Return, for every term, the 1-based index of each factor in its operand."""
        out = []
        for values in itertools.product(*self.summed_ranges):
            where = dict(zip(self.plan.output, index, strict=True))
            where.update(zip(self.summed, values, strict=True))
            out.append(
                [
                    tuple(
                        1 if size == 1 else where[x] + 1
                        for x, size in zip(labels, t.shape, strict=True)
                    )
                    for labels, t in zip(self.plan.inputs, self.tensors, strict=True)
                ]
            )
        return out

    def chain(self, result: str, index: tuple[int, ...], full: bool) -> tuple[Chain, Any]:
        """Return ``Cᵢⱼ = Σ named factors = values = products = sum`` and the entry's value."""
        terms = self.factors(index)
        positions = self.positions(index)
        total = self.entry(index)
        names = [
            tuple(
                Name(t.name, exact(v), where, "entry")
                for t, v, where in zip(self.tensors, factors, places, strict=True)
            )
            for factors, places in zip(terms, positions, strict=True)
        ]
        values = [tuple(Value(v) for v in factors) for factors in terms]
        products = [_product(factors) for factors in terms]
        links = [Link("indices", _terms(names, full))]
        links.append(Link("substitute", _terms(values, full)))
        if len(self.tensors) > 1 and _products_change(terms):
            links.append(Link("multiply", value_sum(products, full)))
        if sum_changes(products, total):
            links.append(Link("sum", Value(total)))
        lhs = Name(result, exact(total), tuple(i + 1 for i in index), "entry")
        return Chain(lhs, tuple(links), inline=True), total


def _product(factors: tuple[Any, ...]) -> Any:
    product = factors[0] if factors else 1
    for factor in factors[1:]:
        product = multiply(product, factor)
    return product


def _products_change(terms: list[tuple[Any, ...]]) -> bool:
    """Return True when multiplying out the factors changes how any term reads."""
    if all(len(factors) == 2 for factors in terms):
        return products_change([f[0] for f in terms], [f[1] for f in terms])
    return True


def _terms(factors: Sequence[tuple[Node, ...]], full: bool) -> Node:
    """Return the sum of the terms' products (two factors a term as one light PairSum)."""
    elide = not full and len(factors) > SUMMARY_TERMS
    if len(factors) == 1:
        return factors[0][0] if len(factors[0]) == 1 else Product(factors[0])
    if all(len(f) == 2 for f in factors):
        return PairSum(tuple(f[0] for f in factors), tuple(f[1] for f in factors), elide)
    return Sum(tuple(f[0] if len(f) == 1 else Product(f) for f in factors), elide)


def parse_index(text: str | tuple[int, ...], shape: tuple[int, ...]) -> tuple[int, ...]:
    """Read ``--entry i,j,k`` (1-based) and check it lies inside a result of ``shape``."""
    if isinstance(text, tuple):
        index = text
    else:
        parts = text.replace(" ", "").split(",")
        if not all(p.isdigit() for p in parts):
            raise UsageError("bad_index", text=text, rank=len(shape))
        index = tuple(int(p) for p in parts)
    shown = "×".join(map(str, shape))
    if not shape:
        raise UsageError("index_of_scalar", text=",".join(map(str, index)))
    if len(index) != len(shape) or not all(1 <= i <= n for i, n in zip(index, shape, strict=False)):
        raise UsageError("index_outside", text=",".join(map(str, index)), shape=shown)
    return index


def entry_steps(
    contraction: Contraction, result: str, full: bool, entry: tuple[int, ...] | None
) -> tuple[list[Any], list[Any]]:
    """Return the chains that explain the entries (a few when the result is large) and every
    entry's value; with ``entry`` only that one's chain."""
    if entry is not None:
        chain, total = contraction.chain(result, tuple(i - 1 for i in entry), True)
        return [chain], [total]
    indices = contraction.indices()
    summarize = not full and (len(indices) > SUMMARY_ENTRIES or contraction.count > SUMMARY_TERMS)
    shown = indices[:SHOWN_ENTRIES] if summarize else indices
    steps: list[Any] = [contraction.chain(result, index, full)[0] for index in shown]
    if summarize:
        steps.append(Note("summarized_index", {"shown": len(shown), "total": len(indices)}))
    return steps, contraction.values()


def result_node(shape: tuple[int, ...], values: Sequence[Any]) -> Node:
    """Return the result written out: a value, a vector, a matrix or a stack of matrices."""
    if not shape:
        return Value(values[0])
    if len(shape) == 1:
        return Grid((tuple(Value(v) for v in values),), "vector")
    if len(shape) == 2:
        cols = shape[1]
        rows = [values[i : i + cols] for i in range(0, len(values), cols)]
        return Grid(tuple(tuple(Value(v) for v in row) for row in rows))
    size = len(values) // shape[0]
    return Stack(
        tuple(result_node(shape[1:], values[i : i + size]) for i in range(0, len(values), size))
    )


def conclusion(
    result: str,
    key: str,
    shape: tuple[int, ...],
    values: Sequence[Any],
    chains: Sequence[Any],
    index: tuple[int, ...] | None,
    places: int,
    params: Mapping[str, Any] | None = None,
) -> tuple[Result, Any]:
    """Return the result step and the exact result (one entry's, with ``index``)."""
    if index is not None:
        value = exact(values[0])
        chain = chains[0]
        return Result(chain.lhs, chain.last, "tensor_entry", approximate(value, places)), value
    value = result_value(shape, values)
    extra = {"n": shape[0]} if len(shape) == 1 else {}
    return (
        Result(
            Name(result, value),
            result_node(shape, values),
            result_key(key, shape),
            approximate(value, places) if not shape else None,
            {**(params or {}), **extra, "shape": Dims(shape)},
        ),
        value,
    )


def result_key(base: str, shape: tuple[int, ...]) -> str:
    """Return the result message for a result of ``shape``: ``_scalar`` for a scalar,
    ``_vector`` for one axis, ``_matrix`` for a matrix of several rows (drawn whole, so the
    sentence only names it)."""
    if not shape:
        return base + "_scalar"
    if len(shape) == 1:
        return base + "_vector"
    if len(shape) == 2 and shape[0] > 1:
        return base + "_matrix"
    return base


def result_value(shape: tuple[int, ...], values: Sequence[Any]) -> Any:
    """Return the exact result: a SymPy scalar for shape ``()``, else a SymPy array."""
    if not shape:
        return exact(values[0])
    return array_of(shape, list(values))
