"""The shape of an ``einsum`` call, with NumPy's and PyTorch's checks and words.

The spec names each operand's axes with letters (``"bij,bjk->bik"``); ``...`` stands for
the axes not named, broadcast across operands.  A letter's sizes must agree (a size 1 is
stretched); a letter repeated in one operand takes a diagonal; the output is what follows
``->``, or else every letter used once, in alphabetical order (capitals first), after the
ellipsis axes.  Letters left out of the output are summed.  Only shapes are computed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from linsteps.learn.shape_rules import (
    Fit,
    Misfit,
    Shape,
    broadcast_shape,
    first_mismatch,
    np_dims,
    np_shape,
)

ELLIPSIS = "."


@dataclass(frozen=True)
class Spec:
    """A parsed spec: each operand's labels (``.`` for the ellipsis) and the output's."""

    inputs: tuple[str, ...]
    output: str | None


def _error(library: str) -> str:
    return "RuntimeError" if library == "torch" else "ValueError"


def parse_spec(text: str, count: int, library: str) -> Spec:
    """Read ``text``: letters, commas, one ``->`` and ``...``; check it names ``count`` operands."""
    compact = text.replace(" ", "")
    for index, char in enumerate(compact):
        if not (char.isascii() and char.isalpha()) and char not in ",->.":
            quote = (
                f"einsum(): invalid subscript given at index {index} in the equation string, "
                "subscripts must be in [a-zA-Z]"
                if library == "torch"
                else f"invalid subscript '{char}' in einstein sum subscripts string, "
                "subscripts must be letters"
            )
            raise Misfit("einsum_char", _error(library), quote, char=char)
    left, arrow, right = compact.partition("->")
    if "->" in right or (not arrow and ("-" in compact or ">" in compact)):
        raise Misfit("einsum_spec", _error(library), None, spec=text)
    parts = tuple(_labels(part, text, library) for part in left.split(","))
    output = _labels(right, text, library) if arrow else None
    if len(parts) != count:
        if library == "torch":
            quote = (
                "einsum(): more operands were provided than specified in the equation"
                if count > len(parts)
                else "einsum(): fewer operands were provided than specified in the equation"
            )
        else:  # NumPy's words, as it prints them
            quote = (
                "fewer operands provided to einstein sum function than specified in the "
                "subscripts string"
                if count > len(parts)
                else "more operands provided to einstein sum function than specified in the "
                "subscripts string"
            )
        raise Misfit("einsum_count", _error(library), quote, given=count, named=len(parts))
    return Spec(parts, output)


def _labels(part: str, text: str, library: str) -> str:
    """Return one operand's labels with ``...`` as a single ``.``."""
    if part.count("...") > 1 or part.replace("...", "").count(".") > 0:
        raise Misfit("einsum_spec", _error(library), None, spec=text)
    return part.replace("...", ELLIPSIS)


def einsum(text: str, shapes: tuple[Shape, ...], library: str) -> Fit:
    """Return the shape ``einsum(text, *operands)`` has, or the first complaint."""
    spec = parse_spec(text, len(shapes), library)
    if spec.output is not None:
        _check_output(spec, library)
    sizes: dict[str, int] = {}
    ellipses: list[Shape] = []
    for index, (labels, shape) in enumerate(zip(spec.inputs, shapes, strict=True)):
        named = labels.replace(ELLIPSIS, "")
        if (ELLIPSIS not in labels and len(named) != len(shape)) or len(named) > len(shape):
            raise _rank(index, labels, named, shape, library)
        covered = len(shape) - len(named)
        axes = _axes(labels, covered)
        ellipsis = tuple(shape[i] for i, label in enumerate(axes) if label == ELLIPSIS)
        _check_ellipsis(ellipses, ellipsis, index, library, spec, shapes)
        ellipses.append(ellipsis)
        seen: dict[str, int] = {}
        for label, size in zip(axes, shape, strict=True):
            if label == ELLIPSIS:
                continue
            if label in seen and seen[label] != size:
                quote = (
                    f"einsum(): subscript {label} is repeated for operand {index} but the sizes "
                    f"don't match, {size} != {seen[label]}"
                    if library == "torch"
                    else f"dimensions in single operand for collapsing index '{label}' don't "
                    f"match ({seen[label]} != {size})"
                )
                raise Misfit(
                    "einsum_diagonal",
                    _error(library),
                    quote,
                    label=label,
                    operand=index,
                    sizes=(seen[label], size),
                )
            seen[label] = size
        for label, size in seen.items():
            before = sizes.get(label)
            if before is None or before == 1:
                sizes[label] = size
            elif size not in (1, before):
                quote = (
                    f"einsum(): subscript {label} has size {size} for operand {index} which does "
                    f"not broadcast with previously seen size {before}"
                    if library == "torch"
                    else _numpy_remapped(spec, shapes)
                )
                raise Misfit(
                    "einsum_size",
                    _error(library),
                    quote,
                    label=label,
                    operand=index,
                    size=size,
                    before=before,
                )
    batch: Shape = ()
    for ellipsis in ellipses:
        batch = broadcast_shape(batch, ellipsis)
    output = spec.output if spec.output is not None else _implicit(spec)
    if ELLIPSIS not in output and batch and spec.output is not None and library == "numpy":
        quote = (
            "output has more dimensions than subscripts given in einstein sum, but no '...' "
            "ellipsis provided to broadcast the extra dimensions."
        )
        raise Misfit("einsum_ellipsis_output", "ValueError", quote, spec=text)
    sizes_out: list[int] = []
    for label in output:
        sizes_out.extend(batch if label == ELLIPSIS else (sizes[label],))
    summed = "".join(sorted({c for c in "".join(spec.inputs) if c != ELLIPSIS} - set(output)))
    result = tuple(sizes_out)
    key = "einsum" if summed else "einsum_no_sum"
    return Fit(
        result,
        key,
        {
            "spec": text,
            "output": output.replace(ELLIPSIS, "..."),
            "summed": summed,
            "shape": result,
        },
    )


def _axes(labels: str, covered: int) -> list[str]:
    out: list[str] = []
    for label in labels:
        out.extend([ELLIPSIS] * covered if label == ELLIPSIS else [label])
    return out


def _rank(index: int, labels: str, named: str, shape: Shape, library: str) -> Misfit:
    if library == "torch":
        quote = (
            f"einsum(): the number of subscripts in the equation ({len(named)}) is more than the "
            f"number of dimensions ({len(shape)}) for operand {index}"
            if ELLIPSIS in labels
            else f"einsum(): the number of subscripts in the equation ({len(named)}) does not "
            f"match the number of dimensions ({len(shape)}) for operand {index} and no ellipsis "
            "was given"
        )
    elif len(named) > len(shape):
        quote = f"einstein sum subscripts string contains too many subscripts for operand {index}"
    else:
        quote = (
            "operand has more dimensions than subscripts given in einstein sum, but no '...' "
            "ellipsis provided to broadcast the extra dimensions."
        )
    return Misfit(
        "einsum_rank", _error(library), quote, operand=index, labels=len(named), ndim=len(shape)
    )


def _check_output(spec: Spec, library: str) -> None:
    assert spec.output is not None
    used = set("".join(spec.inputs))
    for label in spec.output:
        if spec.output.count(label) > 1:
            quote = (
                f"einsum(): output subscript {label} appears more than once in the output"
                if library == "torch"
                else f"einstein sum subscripts string includes output subscript '{label}' "
                "multiple times"
            )
            raise Misfit("einsum_output_twice", _error(library), quote, label=label)
        if label != ELLIPSIS and label not in used:
            quote = (
                f"einsum(): output subscript {label} does not appear in the equation for any "
                "input operand"
                if library == "torch"
                else f"einstein sum subscripts string included output subscript '{label}' "
                "which never appeared in an input"
            )
            raise Misfit("einsum_output_unknown", _error(library), quote, label=label)


def _check_ellipsis(
    seen: list[Shape],
    ellipsis: Shape,
    index: int,
    library: str,
    spec: Spec,
    shapes: tuple[Shape, ...],
) -> None:
    for earlier in seen:
        back = first_mismatch(earlier, ellipsis)
        if back is None:
            continue
        if library == "torch":
            rank = max(len(earlier), len(ellipsis))
            quote = (
                f"einsum(): dimension {rank - back} covered by ellipsis in operand {index}has "
                f"size {ellipsis[-back]} which does not broadcast with previously seen ellipsis "
                f"with size {earlier[-back]} for the respective dimension"
            )
        else:
            quote = _numpy_remapped(spec, shapes)
        raise Misfit(
            "einsum_ellipsis",
            _error(library),
            quote,
            operand=index,
            size=ellipsis[-back],
            before=earlier[-back],
        )


def _implicit(spec: Spec) -> str:
    letters = "".join(spec.inputs).replace(ELLIPSIS, "")
    once = sorted(c for c in set(letters) if letters.count(c) == 1)
    prefix = ELLIPSIS if any(ELLIPSIS in labels for labels in spec.inputs) else ""
    return prefix + "".join(once)


def _numpy_remapped(spec: Spec, shapes: tuple[Shape, ...]) -> str:
    """NumPy's message: each operand remapped onto the output axes, then the summed ones."""
    output = spec.output if spec.output is not None else _implicit(spec)
    named = [c for c in output if c != ELLIPSIS]
    summed: list[str] = []
    for labels in spec.inputs:
        summed.extend(c for c in labels if c != ELLIPSIS and c not in named and c not in summed)
    rank = max(
        len(s) - len(lab.replace(ELLIPSIS, "")) for lab, s in zip(spec.inputs, shapes, strict=True)
    )
    pieces = []
    for labels, shape in zip(spec.inputs, shapes, strict=True):
        covered = len(shape) - len(labels.replace(ELLIPSIS, ""))
        axes = _axes(labels, covered)
        ellipsis: list[int | None] = [shape[i] for i, lab in enumerate(axes) if lab == ELLIPSIS]
        remapped: list[int | None] = [*([None] * (rank - len(ellipsis))), *ellipsis]
        for label in [*named, *summed]:
            remapped.append(shape[axes.index(label)] if label in axes else None)
        pieces.append(f"{np_shape(shape)}->{np_dims(remapped)}")
    return (
        "operands could not be broadcast together with remapped shapes [original->remapped]: "
        + " ".join(pieces)
    )


__all__ = ["Spec", "einsum", "parse_spec"]
