"""``einsum``: Einstein summation over lettered axes, as ``numpy.einsum`` computes it.

``einsum("ij,jk->ik", A, B)`` says which known product it is (here the matrix product AB),
gives the entry formula with a Σ over every summed letter and its range, the shapes, and the
entries exactly: each one first with the operands' entries by name, then with their values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from linsteps.derivation.arithmetic import Product
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import Indexed
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Condition, Derivation, Heading, Note, Rule
from linsteps.derivation.tensor_nodes import Dims, Einsum
from linsteps.derivation.tensor_operands import (
    LETTERS,
    named,
    result_name,
    tensor_of,
    to_tensor,
)
from linsteps.derivation.values import Name
from linsteps.errors import ShapeError
from linsteps.ops.common import DEFAULT_PLACES, exact, settings_of
from linsteps.ops.contraction import (
    Contraction,
    Plan,
    conclusion,
    entry_steps,
    parse_index,
)
from linsteps.ops.einsum_names import name_contraction
from linsteps.ops.einsum_plan import Resolved, resolve
from linsteps.reading.einsum_spec import parse_spec

MAX_OPERANDS = 8


def einsum(
    spec: str,
    *operands: Any,
    shapes: Sequence[str | tuple[int, ...] | None] = (),
    places: int = DEFAULT_PLACES,
    full: bool = False,
    entry: str | tuple[int, ...] | None = None,
) -> Derivation:
    """Explain ``numpy.einsum(spec, *operands)``: the product it is, its formula and entries.

    ``shapes`` gives the shape of an operand given as a bare name (a generic tensor).
    """
    parsed = parse_spec(spec)
    if len(operands) != len(parsed.inputs) or not operands or len(operands) > MAX_OPERANDS:
        raise ShapeError(
            "einsum_operand_count", spec=spec, terms=len(parsed.inputs), given=len(operands)
        )
    read = [
        to_tensor(op, LETTERS[i], shape=shapes[i] if i < len(shapes) else None)
        for i, op in enumerate(operands)
    ]
    inputs, letter = named(read)
    dims = [tuple(int(s) for s in op.value.shape) for op in inputs]
    names = [op.name for op in inputs]
    resolved = resolve(parsed, names, dims)
    plan = resolved.plan
    out_shape = plan.shape
    result = result_name(letter, len(out_shape))
    nodes = [op.node() for op in inputs]
    tensors = [tensor_of(op) for op in inputs]
    contraction = Contraction(plan, tensors)
    index = parse_index(entry, out_shape) if entry is not None else None
    chains, values = entry_steps(contraction, result, full, index)
    scalars = {t.name: exact(t.entries[0]) for t in tensors if not t.shape}
    if not out_shape:
        scalars[result] = exact(values[0])
    expression = Einsum(spec, tuple(nodes), plan.inputs, plan.output)
    steps: list[Any] = [Heading("einsum", expression), _rule(result, plan, names, scalars)]
    steps.extend(_conditions(result, plan, names, dims))
    steps.extend(_notes(resolved))
    key, params = name_contraction(plan, nodes, resolved.ellipsis)
    steps.append(Note(key, params))
    steps.extend(chains)
    final, value = conclusion(result, "einsum", out_shape, values, chains, index, places)
    steps.append(final)
    settings = settings_of(tuple(inputs), places, full=full)
    if index is not None:
        settings["entry"] = index
    return Derivation("einsum", tuple(inputs), tuple(steps), value, settings)


def _entry(name: str, labels: tuple[str, ...], scalars: Mapping[str, Any] | None = None) -> Node:
    """Return ``Aᵢⱼ`` with the letters of its axes, or the scalar ``a`` bound to its value."""
    if labels:
        return Indexed(Name(name), labels)
    return Name(name, (scalars or {}).get(name))


def _rule(result: str, plan: Plan, names: list[str], scalars: Mapping[str, Any]) -> Rule:
    """Return ``Cᵢₖ = Σⱼ₌₁ⁿ AᵢⱼBⱼₖ``: one Σ for every summed letter, with its range."""
    factors = [
        _entry(name, labels, scalars) for name, labels in zip(names, plan.inputs, strict=True)
    ]
    body: Node = factors[0] if len(factors) == 1 else Product(tuple(factors))
    for letter in reversed(plan.summed):
        body = SumOver(letter, 1, plan.sizes[letter], body)
    return Rule(_entry(result, plan.output, scalars), (body,))


def _conditions(
    result: str, plan: Plan, names: list[str], dims: list[tuple[int, ...]]
) -> list[Condition]:
    """Return the shapes: each operand's axes, each summed letter's range, the output."""
    steps = []
    for name, labels, shape in zip(names, plan.inputs, dims, strict=True):
        params: dict[str, Any] = {"a": name, "entry": _entry(name, labels)}
        if len(shape) == 1:
            steps.append(Condition("einsum_operand_vector", {**params, "n": shape[0]}))
        elif not shape:
            steps.append(Condition("einsum_operand_scalar", params))
        else:
            steps.append(Condition("einsum_operand", {**params, "shape": Dims(shape)}))
    steps.extend(
        Condition("einsum_summed", {"index": letter, "size": plan.sizes[letter]})
        for letter in plan.summed
    )
    if len(plan.output) == 1:
        entry = _entry(result, plan.output)
        params = {"lhs": result, "entry": entry, "n": plan.shape[0]}
        steps.append(Condition("einsum_output_vector", params))
    elif plan.output:
        entry = _entry(result, plan.output)
        steps.append(
            Condition("einsum_output", {"lhs": result, "entry": entry, "shape": Dims(plan.shape)})
        )
    else:
        steps.append(Condition("einsum_output_scalar", {"lhs": result}))
    return steps


def _notes(resolved: Resolved) -> list[Note]:
    """Return what NumPy's rules did: ``...`` expanded, size-1 axes stretched, diagonals."""
    notes = []
    if resolved.ellipsis:
        sizes = tuple(resolved.plan.sizes[x] for x in resolved.ellipsis)
        notes.append(
            Note("einsum_ellipsis", {"letters": ", ".join(resolved.ellipsis), "shape": Dims(sizes)})
        )
    notes.extend(
        Note("einsum_diagonal", {"index": letter, "a": name}) for letter, name in resolved.diagonals
    )
    notes.extend(
        Note("einsum_stretched", {"index": letter, "a": name, "size": size})
        for letter, name, size in resolved.stretched
    )
    return notes
