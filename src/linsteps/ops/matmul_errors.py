"""Why ``a @ b`` refuses two shapes, with the messages NumPy and PyTorch print for them.

NumPy checks the operands' ranks, then the core dimensions (columns of A = rows of B), then
broadcasts the batch axes; PyTorch folds or batches the operands first, so for the same
shapes it may complain about another rule, in words that name its internal shapes (``mat1
and mat2 shapes cannot be multiplied (32x784 and 512x10)``).  Both messages are given as
the libraries print them; the tests hold them against the real libraries.
"""

from __future__ import annotations

import math

from linsteps.errors import ShapeError
from linsteps.ops.broadcast import first_mismatch
from linsteps.ops.einsum_plan import numpy_shape, shown_shape

SIGNATURE = "(n?,k),(k,m?)->(n?,m?)"


def _core(shape: tuple[int, ...], side: str) -> tuple[int, int]:
    """Return the matrix an operand is multiplied as (a 1-D operand promoted)."""
    if len(shape) == 1:
        return (1, shape[0]) if side == "left" else (shape[0], 1)
    return shape[-2], shape[-1]


def numpy_message(a: tuple[int, ...], b: tuple[int, ...]) -> str | None:
    """Return the ``ValueError`` message of ``np.matmul`` for these shapes, or None."""
    for position, shape in enumerate((a, b)):
        if not shape:
            return (
                f"matmul: Input operand {position} does not have enough dimensions (has 0, "
                f"gufunc core with signature {SIGNATURE} requires 1)"
            )
    n, k = _core(a, "left")[1], _core(b, "right")[0]
    if n != k:
        return (
            f"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
            f"signature {SIGNATURE} (size {k} is different from {n})"
        )
    batch_a, batch_b = a[:-2], b[:-2]
    if first_mismatch(batch_a, batch_b) is None:
        return None
    remapped = [
        f"{numpy_shape(s)}->(" + ",".join([*map(str, s[:-2]), "newaxis", "newaxis"]) + ")"
        for s in (a, b)
    ]
    requested = numpy_shape((_core(a, "left")[0], _core(b, "right")[1]))
    return (
        "operands could not be broadcast together with remapped shapes [original->remapped]: "
        f"{remapped[0]} {remapped[1]}  and requested shape {requested}"
    )


def torch_message(a: tuple[int, ...], b: tuple[int, ...]) -> str | None:
    """Return the ``RuntimeError`` message of ``torch.matmul`` for these shapes, or None."""
    if not a or not b:
        return (
            f"both arguments to matmul need to be at least 1D, but they are {len(a)}D and {len(b)}D"
        )
    n, k = a[-1], (b[0] if len(b) == 1 else b[-2])
    if len(a) == 1 and len(b) == 1:
        if n == k:
            return None
        return (
            f"inconsistent tensor size, expected tensor [{n}] and src [{k}] to have the same "
            f"number of elements, but got {n} and {k} elements respectively"
        )
    if len(b) <= 2 and len(a) >= 2:  # a matrix, or a batch folded into one tall matrix
        rows = math.prod(a[:-1])
        if n == k:
            return None
        if len(b) == 1:
            return f"size mismatch, got input ({rows}), mat ({rows}x{n}), vec ({k})"
        return f"mat1 and mat2 shapes cannot be multiplied ({rows}x{n} and {k}x{b[-1]})"
    if len(a) == 1 and len(b) == 2:
        if n == k:
            return None
        return f"mat1 and mat2 shapes cannot be multiplied (1x{n} and {k}x{b[-1]})"
    batch_a, batch_b = a[:-2], b[:-2]
    back = first_mismatch(batch_a, batch_b)
    if back is not None:
        rank = max(len(batch_a), len(batch_b))
        return (
            f"The size of tensor a ({batch_a[-back]}) must match the size of tensor b "
            f"({batch_b[-back]}) at non-singleton dimension {rank - back}"
        )
    if n == k:
        return None
    rank = max(len(batch_a), len(batch_b))
    padded_a = (1,) * (rank - len(batch_a)) + batch_a
    padded_b = (1,) * (rank - len(batch_b)) + batch_b
    count = math.prod(max(x, y) for x, y in zip(padded_a, padded_b, strict=True))
    return (
        f"Expected size for first two dimensions of batch2 tensor to be: [{count}, {n}] "
        f"but got: [{count}, {k}]."
    )


def matmul_error(a: str, shape_a: tuple[int, ...], b: str, shape_b: tuple[int, ...]) -> None:
    """Raise ``ShapeError`` unless ``a @ b`` is defined, naming the rule NumPy applies first."""
    words = numpy_message(shape_a, shape_b)
    if words is None:
        return
    torch_words = torch_message(shape_a, shape_b) or ""
    names = {"a": a, "b": b, "numpy": words, "torch": torch_words}
    shown_a, shown_b = shown_shape(shape_a), shown_shape(shape_b)
    if not shape_a or not shape_b:
        scalar = a if not shape_a else b
        raise ShapeError("matmul_scalar", **names, operand=scalar)
    n, k = _core(shape_a, "left")[1], _core(shape_b, "right")[0]
    if n != k:
        raise ShapeError("matmul_core", **names, shape_a=shown_a, shape_b=shown_b, n=n, k=k)
    back = first_mismatch(shape_a[:-2], shape_b[:-2])
    assert back is not None
    raise ShapeError(
        "matmul_batch",
        **names,
        batch_a=shown_shape(shape_a[:-2]),
        batch_b=shown_shape(shape_b[:-2]),
        axis=back,
        size_a=shape_a[:-2][-back],
        size_b=shape_b[:-2][-back],
    )
