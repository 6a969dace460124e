"""Broadcasting as NumPy and PyTorch define it, and NumPy's element-wise ``a * b``.

Shapes are aligned on the right; along each axis the sizes must be equal, or one of them 1
(stretched: that operand is repeated along the axis), or missing (taken as 1).  The first
mismatch from the right is named with its sizes, in NumPy's and PyTorch's words.  The strict
Hadamard product stays in :mod:`linsteps.ops.products`; its shape error says here whether
NumPy would have broadcast the operands.
"""

from __future__ import annotations

from typing import Any

from linsteps.derivation.arithmetic import Product
from linsteps.derivation.matrices import Hadamard, Indexed
from linsteps.derivation.node import Node
from linsteps.derivation.steps import (
    Condition,
    Derivation,
    Heading,
    Note,
    Operand,
    Rule,
)
from linsteps.derivation.tensor_nodes import Dims
from linsteps.derivation.tensor_operands import named, result_name, tensor_of, to_tensor
from linsteps.derivation.values import Name
from linsteps.errors import ShapeError
from linsteps.ops.common import DEFAULT_PLACES, settings_of
from linsteps.ops.contraction import (
    Contraction,
    Plan,
    conclusion,
    entry_steps,
    parse_index,
)
from linsteps.ops.einsum_plan import numpy_shape, shown_shape

ELEMENT_LETTERS = "ijklmnoprstuvxyzabcdefghqwIJKLMNOPRSTUVXYZABCDEFGHQW"


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...] | None:
    """Return the shape ``a`` and ``b`` broadcast to, or None when they do not broadcast."""
    if first_mismatch(a, b) is not None:
        return None
    rank = max(len(a), len(b))
    left, right = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    return tuple(max(x, y) for x, y in zip(left, right, strict=True))


def first_mismatch(a: tuple[int, ...], b: tuple[int, ...]) -> int | None:
    """Return the position from the right (1 is the last axis) of the first axis along which
    the sizes differ and neither is 1, or None."""
    for back in range(1, min(len(a), len(b)) + 1):
        x, y = a[-back], b[-back]
        if x != y and 1 not in (x, y):
            return back
    return None


def axis_conditions(
    a: str, shape_a: tuple[int, ...], b: str, shape_b: tuple[int, ...]
) -> list[Condition]:
    """Return the broadcasting table, one line an axis from the right: equal, stretched or
    missing, and the size it gives."""
    rows = []
    for back in range(1, max(len(shape_a), len(shape_b)) + 1):
        x = shape_a[-back] if back <= len(shape_a) else None
        y = shape_b[-back] if back <= len(shape_b) else None
        params: dict[str, Any] = {"axis": back, "a": a, "b": b}
        if x is None or y is None:
            present, size = (b, y) if x is None else (a, x)
            absent = a if x is None else b
            params |= {"present": present, "absent": absent, "size": size}
            rows.append(Condition("broadcast_missing", params))
        elif x == y:
            rows.append(Condition("broadcast_equal", {**params, "size": x}))
        else:
            one, other = (a, b) if x == 1 else (b, a)
            params |= {"one": one, "other": other, "size": max(x, y)}
            rows.append(Condition("broadcast_stretched", params))
    return rows


def mismatch_error(
    a: str, shape_a: tuple[int, ...], b: str, shape_b: tuple[int, ...]
) -> ShapeError:
    """The error for shapes that do not broadcast, with NumPy's and PyTorch's messages."""
    back = first_mismatch(shape_a, shape_b)
    assert back is not None
    rank = max(len(shape_a), len(shape_b))
    return ShapeError(
        "broadcast_shapes",
        a=a,
        b=b,
        shape_a=shown_shape(shape_a),
        shape_b=shown_shape(shape_b),
        axis=back,
        size_a=shape_a[-back],
        size_b=shape_b[-back],
        numpy_a=numpy_shape(shape_a),
        numpy_b=numpy_shape(shape_b),
        dim=rank - back,
    )


def numpy_shape_of(operand: Operand) -> tuple[int, ...]:
    """Return the shape NumPy gives an operand: a vector is ``(n,)``."""
    if operand.layout == "tensor":
        return tuple(int(s) for s in operand.value.shape)
    if operand.layout == "vector":
        return (operand.length,)
    return operand.shape


def hadamard_shape_error(left: Operand, right: Operand) -> ShapeError:
    """The strict Hadamard product's shape error; it says when NumPy's ``*`` would broadcast."""
    shape_a, shape_b = numpy_shape_of(left), numpy_shape_of(right)
    params: dict[str, Any] = {
        "a": left.name,
        "b": right.name,
        "shape_a": shown_shape(shape_a),
        "shape_b": shown_shape(shape_b),
    }
    if left.layout != "tensor":
        params |= {"shape_a": "×".join(map(str, left.shape))}
    if right.layout != "tensor":
        params |= {"shape_b": "×".join(map(str, right.shape))}
    target = broadcast_shape(shape_a, shape_b)
    if target is None:
        return ShapeError("hadamard_shapes", **params)
    numpy = {"numpy_a": numpy_shape(shape_a), "numpy_b": numpy_shape(shape_b)}
    return ShapeError("hadamard_shapes_broadcast", **params, **numpy, shape=numpy_shape(target))


def elementwise(
    a: Any,
    b: Any,
    *,
    broadcast: bool = True,
    shape: str | tuple[int, ...] | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
    entry: str | tuple[int, ...] | None = None,
) -> Derivation:
    """Explain NumPy's element-wise ``a * b``: with ``broadcast``, shapes broadcast first;
    without it, the strict Hadamard product of two arrays of one shape (of any rank)."""
    left, right = to_tensor(a, "A", shape=shape), to_tensor(b, "B", shape=shape)
    shape_a, shape_b = numpy_shape_of(left), numpy_shape_of(right)
    (left, right), letter = named([left, right])
    if not broadcast and shape_a != shape_b:
        raise hadamard_shape_error(left, right)
    target = broadcast_shape(shape_a, shape_b)
    if target is None:
        raise mismatch_error(left.name, shape_a, right.name, shape_b)
    return _derivation(left, right, letter, target, broadcast, places, full, entry)


def _derivation(
    left: Operand,
    right: Operand,
    letter: str,
    shape: tuple[int, ...],
    broadcast: bool,
    places: int,
    full: bool,
    entry: str | tuple[int, ...] | None,
) -> Derivation:
    """Return the derivation of ``left * right``, broadcast to ``shape``."""
    shape_a, shape_b = numpy_shape_of(left), numpy_shape_of(right)
    letters = ELEMENT_LETTERS[: len(shape)]
    letters_a, letters_b = (
        letters[len(shape) - len(shape_a) :],
        letters[len(shape) - len(shape_b) :],
    )
    plan = Plan((tuple(letters_a), tuple(letters_b)), tuple(letters), _sizes(letters, shape))
    result = result_name(letter, len(shape))
    lhs = Hadamard(left.node(), right.node())
    steps: list[Any] = [
        Heading("broadcast" if broadcast else "hadamard", lhs),
        _rule(result, letters, shape, (left, shape_a), (right, shape_b)),
    ]
    if shape_a == shape_b:
        steps.append(
            Condition("same_shape", {"a": left.name, "b": right.name, "shape": Dims(shape)})
        )
    else:
        steps.append(
            Condition(
                "broadcast_aligned",
                {
                    "a": left.name,
                    "b": right.name,
                    "shape_a": Dims(shape_a),
                    "shape_b": Dims(shape_b),
                },
            )
        )
        steps.extend(axis_conditions(left.name, shape_a, right.name, shape_b))
        steps.append(Note("broadcast_repeats", {"result": result, "shape": Dims(shape)}))
    contraction = Contraction(plan, (tensor_of(left), tensor_of(right)))
    index = parse_index(entry, shape) if entry is not None else None
    chains, values = entry_steps(contraction, result, full, index)
    steps.extend(chains)
    steps.append(Note("elementwise_not_summed", {"a": left.name, "b": right.name}))
    final, value = conclusion(result, "broadcast", shape, values, chains, index, places)
    steps.append(final)
    settings = settings_of((left, right), places, full=full)
    if index is not None:
        settings["entry"] = index
    return Derivation("broadcast", (left, right), tuple(steps), value, settings)


def _sizes(letters: str, shape: tuple[int, ...]) -> dict[str, int]:
    return dict(zip(letters, shape, strict=True))


def _rule(
    result: str, letters: str, shape: tuple[int, ...], *operands: tuple[Operand, tuple[int, ...]]
) -> Rule:
    """Return ``Cᵢⱼ = AᵢⱼBⱼ``; a stretched axis shows its one index, 1 (``Aᵢ₁``)."""
    factors: list[Node] = []
    scalar = 1
    for operand, own in operands:
        start = len(shape) - len(own)
        indices = tuple(
            1 if size == 1 and shape[start + axis] > 1 else letters[start + axis]
            for axis, size in enumerate(own)
        )
        if indices:
            factors.append(Indexed(Name(operand.name), indices))
        else:  # a scalar operand, bound to its value so the rule can be checked
            factors.append(Name(operand.name, operand.value[()]))
            scalar *= operand.value[()]
    if letters:
        return Rule(Indexed(Name(result), tuple(letters)), (Product(tuple(factors)),))
    return Rule(Name(result, scalar), (Product(tuple(factors)),))
