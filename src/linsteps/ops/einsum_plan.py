"""From einsum subscripts and the operands' shapes to a :class:`Plan`, by NumPy's rules.

``...`` becomes fresh letters for the broadcast axes (right-aligned across the operands,
size 1 stretched); a letter repeated in one operand takes its diagonal and needs equal
sizes there; a letter of size 1 in one operand is stretched to its size elsewhere.  Every
refusal is a ``ShapeError`` with the sizes, in the words NumPy would use.
"""

from __future__ import annotations

from dataclasses import dataclass

from linsteps.errors import LimitError, ShapeError
from linsteps.ops.contraction import Plan
from linsteps.reading.einsum_spec import ELLIPSIS, EinsumSpec

# Letters for the axes ``...`` stands for: ones with Unicode subscripts first.
FRESH_LETTERS = "uvstrpohelxnmkjiawyzqgfdcbUVSTRPOHELXNMKJIAWYZQGFDCB"


@dataclass(frozen=True)
class Resolved:
    """A plan and what it took: the letters of ``...``, stretched axes and diagonals."""

    plan: Plan
    ellipsis: tuple[str, ...]
    stretched: tuple[tuple[str, str, int], ...]  # (letter, operand, stretched to size)
    diagonals: tuple[tuple[str, str], ...]  # (letter, operand)


def numpy_shape(shape: tuple[int, ...]) -> str:
    """Return a shape as NumPy prints it in messages: ``(2,3)``, ``(3,)``, ``()``."""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ",".join(map(str, shape)) + ")"


def shown_shape(shape: tuple[int, ...]) -> str:
    """Return a shape for a message: ``2×3×4``, a vector ``(3,)`` and a scalar ``()`` as NumPy
    writes them."""
    return "×".join(map(str, shape)) if len(shape) > 1 else numpy_shape(shape)


def resolve(spec: EinsumSpec, names: list[str], shapes: list[tuple[int, ...]]) -> Resolved:
    """Return the plan of ``spec`` for operands of ``shapes``; raise ``ShapeError`` if they
    do not fit it."""
    if len(spec.inputs) != len(shapes):
        raise ShapeError(
            "einsum_operand_count", spec=spec.text, terms=len(spec.inputs), given=len(shapes)
        )
    extra = []
    for term, name, shape in zip(spec.inputs, names, shapes, strict=True):
        letters = sum(1 for label in term if label != ELLIPSIS)
        if letters > len(shape) or (ELLIPSIS not in term and letters != len(shape)):
            raise ShapeError(
                "einsum_rank",
                a=name,
                term="".join(term) or "''",
                letters=letters,
                rank=len(shape),
                shape=numpy_shape(shape),
            )
        extra.append(len(shape) - letters)
    used = set(spec.letters) | {x for x in spec.output if x != ELLIPSIS}
    free = tuple(x for x in FRESH_LETTERS if x not in used)
    if max(extra, default=0) > len(free):
        raise LimitError("einsum_letters", axes=len(used) + max(extra), limit=len(FRESH_LETTERS))
    fresh = free[: max(extra, default=0)]
    inputs = []
    for term, count in zip(spec.inputs, extra, strict=True):
        own = fresh[len(fresh) - count :] if count else ()
        expanded: list[str] = []
        for label in term:
            expanded.extend(own if label == ELLIPSIS else (label,))
        inputs.append(tuple(expanded))
    if fresh and spec.explicit and ELLIPSIS not in spec.output:
        raise ShapeError("einsum_ellipsis_dropped", spec=spec.text, count=len(fresh))
    output: list[str] = []
    for label in spec.output:
        output.extend(fresh if label == ELLIPSIS else (label,))
    sizes, stretched, diagonals = _sizes(inputs, names, shapes)
    return Resolved(
        Plan(tuple(inputs), tuple(output), sizes), fresh, tuple(stretched), tuple(diagonals)
    )


def _sizes(
    inputs: list[tuple[str, ...]], names: list[str], shapes: list[tuple[int, ...]]
) -> tuple[dict[str, int], list[tuple[str, str, int]], list[tuple[str, str]]]:
    """Return every letter's size, the stretched axes and the diagonals; check they agree."""
    sizes: dict[str, int] = {}
    seen: dict[str, tuple[str, int]] = {}
    diagonals: list[tuple[str, str]] = []
    for position, (labels, name, shape) in enumerate(zip(inputs, names, shapes, strict=True)):
        own: dict[str, int] = {}
        for label, size in zip(labels, shape, strict=True):
            if label in own and own[label] != size:
                raise ShapeError(
                    "einsum_diagonal_sizes",
                    a=name,
                    label=label,
                    first=own[label],
                    second=size,
                    position=position,
                )
            if label in own and (label, name) not in diagonals:
                diagonals.append((label, name))
            own[label] = size
        for label, size in own.items():
            if label in seen and size != seen[label][1] and 1 not in (size, seen[label][1]):
                other, other_size = seen[label]
                raise ShapeError(
                    "einsum_sizes",
                    label=label,
                    a=other,
                    size_a=other_size,
                    b=name,
                    size_b=size,
                )
            if label not in seen or seen[label][1] == 1:
                seen[label] = (name, size)
            sizes[label] = max(sizes.get(label, 1), size)
    stretched = [
        (label, name, sizes[label])
        for labels, name, shape in zip(inputs, names, shapes, strict=True)
        for label, size in dict(zip(labels, shape, strict=True)).items()
        if size == 1 and sizes[label] > 1
    ]
    return sizes, stretched, diagonals
