"""The shape rules of NumPy and PyTorch products and element-wise operations.

Each rule takes shapes (tuples of sizes) and the library (``numpy`` or ``torch``) and returns a
:class:`Fit`: the result's shape and the sentence (a catalog key with its sizes) saying why it
fits, or raises :class:`Misfit`: the rule broken, with its sizes, and the exception the library
raises, word for word.  The rules follow the libraries' own checks in their order (NumPy's
``matmul`` gufunc and ``dot``; PyTorch's ``matmul`` with its mm, mv, dot, folding and bmm paths),
so the first complaint is the one the library would print.  Nothing here runs NumPy or PyTorch;
the tests hold every rule against both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import prod
from typing import Any

Shape = tuple[int, ...]
Strides = tuple[int, ...]
LIBRARIES = ("numpy", "torch")
MATMUL_SIGNATURE = "(n?,k),(k,m?)->(n?,m?)"


@dataclass(frozen=True)
class Fit:
    """A result shape and why: ``mlcode.fit.<key>`` with ``params``."""

    shape: Shape
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class Misfit(Exception):
    """Shapes a rule does not allow: ``mlcode.misfit.<key>`` with ``params`` in our words, and
    the library's exception class (``error``) and message (``quote``, None when unknown)."""

    def __init__(self, key: str, error: str, quote: str | None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.error = error
        self.quote = quote
        self.params = params


def np_shape(shape: Shape) -> str:
    """Return a shape as NumPy prints it in messages: ``(2,3)``, ``(4,)``, ``()``."""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ",".join(map(str, shape)) + ")"


def np_dims(sizes: list[int | None]) -> str:
    """Return sizes as NumPy's messages print them, None as ``newaxis``: leading newaxes are
    dropped, and only a one-axis shape has a trailing comma (``(4,)``, but ``(-1, 4)`` is
    ``(4)``)."""
    start = next((i for i, size in enumerate(sizes) if size is not None), len(sizes))
    if start == len(sizes):
        return "()"
    body = ",".join("newaxis" if size is None else str(size) for size in sizes[start:])
    return f"({body},)" if len(sizes) == 1 else f"({body})"


def shown(shape: Shape) -> str:
    """Return a shape as Python prints a tuple: ``(32, 784)``, ``(10,)``, ``()``."""
    return str(tuple(shape))


def torch_list(sizes: Shape) -> str:
    """Return sizes as PyTorch lists them: ``[5, 3]``."""
    return "[" + ", ".join(map(str, sizes)) + "]"


def by_x(shape: Shape) -> str:
    """Return a matrix shape as PyTorch's mm writes it: ``32x784``."""
    return "x".join(map(str, shape))


def dims_range(ndim: int) -> tuple[int, int]:
    """Return the dims PyTorch accepts for a tensor of ``ndim`` axes (a 0-D one as if 1-D)."""
    width = max(ndim, 1)
    return -width, width - 1


def wrap_dim(dim: int, ndim: int, library: str, prefix: str = "") -> int:
    """Return ``dim`` counted from the front, or raise the library's out-of-range error."""
    low, high = dims_range(ndim) if library == "torch" else (-ndim, ndim - 1)
    if not low <= dim <= high:
        if library == "torch":
            quote = (
                f"Dimension out of range (expected to be in range of [{low}, {high}], "
                f"but got {dim})"
            )
            raise Misfit("dim_range", "IndexError", quote, dim=dim, ndim=ndim, low=low, high=high)
        quote = f"{prefix}axis {dim} is out of bounds for array of dimension {ndim}"
        raise Misfit("dim_range", "AxisError", quote, dim=dim, ndim=ndim, low=low, high=high)
    return dim + max(ndim, 1) if dim < 0 else dim


def contiguous(shape: Shape) -> Strides:
    """Return the strides of a fresh row-major tensor (PyTorch counts a size 0 as 1)."""
    strides: list[int] = []
    step = 1
    for size in reversed(shape):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))


# --- broadcasting ----------------------------------------------------------------------------


def first_mismatch(a: Shape, b: Shape) -> int | None:
    """Return how far from the right (1 = the last axis) two shapes first fail to broadcast."""
    for back in range(1, min(len(a), len(b)) + 1):
        x, y = a[-back], b[-back]
        if x != y and x != 1 and y != 1:
            return back
    return None


def broadcast_shape(a: Shape, b: Shape) -> Shape:
    """Return the broadcast shape of two shapes that broadcast."""
    rank = max(len(a), len(b))
    left, right = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    return tuple(y if x == 1 else x for x, y in zip(left, right, strict=True))


def broadcast(a: Shape, b: Shape, library: str, op: str = "+") -> Fit:
    """NumPy's and PyTorch's broadcasting: right-aligned, each axis equal or one of them 1."""
    back = first_mismatch(a, b)
    if back is not None:
        rank = max(len(a), len(b))
        params = {"a": a, "b": b, "size_a": a[-back], "size_b": b[-back], "dim": rank - back}
        if library == "torch":
            quote = (
                f"The size of tensor a ({a[-back]}) must match the size of tensor b "
                f"({b[-back]}) at non-singleton dimension {rank - back}"
            )
            raise Misfit("broadcast", "RuntimeError", quote, op=op, **params)
        quote = f"operands could not be broadcast together with shapes {np_shape(a)} {np_shape(b)}"
        raise Misfit("broadcast", "ValueError", quote, op=op, **params)
    result = broadcast_shape(a, b)
    key = "same_shape" if a == b else "broadcast"
    return Fit(result, key, {"op": op, "a": a, "b": b, "shape": result})


# --- products --------------------------------------------------------------------------------


def matmul(
    a: Shape,
    b: Shape,
    library: str,
    strides: tuple[Strides | None, Strides | None] = (None, None),
) -> Fit:
    """``a @ b`` (``np.matmul``, ``torch.matmul``): batch axes broadcast, 1-D operands promoted.

    PyTorch's path (and so its message) depends on the operands' ``strides`` (None: as fresh).
    """
    result = numpy_matmul(a, b) if library == "numpy" else torch_matmul(a, b, strides)
    key = "matmul"
    if len(a) == 1 and len(b) == 1:
        key = "matmul_dot"
    elif len(a) == 1 or len(b) == 1:
        key = "matmul_vector"
    elif len(a) > 2 or len(b) > 2:
        key = "matmul_batch"
    inner = a[-1]
    return Fit(result, key, {"a": a, "b": b, "k": inner, "shape": result})


def numpy_matmul(a: Shape, b: Shape) -> Shape:
    """NumPy's gufunc (n?,k),(k,m?)->(n?,m?): core sizes first, then the batch broadcast."""
    for index, shape in enumerate((a, b)):
        if not shape:
            quote = (
                f"matmul: Input operand {index} does not have enough dimensions (has 0, gufunc "
                f"core with signature {MATMUL_SIGNATURE} requires 1)"
            )
            raise Misfit("matmul_scalar", "ValueError", quote, operand=index)
    k_a, k_b = a[-1], (b[-2] if len(b) > 1 else b[0])
    if k_a != k_b:
        quote = (
            f"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
            f"signature {MATMUL_SIGNATURE} (size {k_b} is different from {k_a})"
        )
        raise Misfit("matmul_inner", "ValueError", quote, a=a, b=b, k_a=k_a, k_b=k_b)
    batch_a, batch_b = a[:-2], b[:-2]
    if first_mismatch(batch_a, batch_b) is not None:
        requested = np_shape((a[-2], b[-1]))
        remapped = " ".join(f"{np_shape(s)}->{np_dims([*s[:-2], None, None])}" for s in (a, b))
        quote = (
            "operands could not be broadcast together with remapped shapes "
            f"[original->remapped]: {remapped}  and requested shape {requested}"
        )
        raise Misfit("matmul_batch", "ValueError", quote, **_batch_params(batch_a, batch_b))
    core: Shape = (a[-2],) if len(a) > 1 else ()
    core += (b[-1],) if len(b) > 1 else ()
    return broadcast_shape(batch_a, batch_b) + core


def _batch_params(batch_a: Shape, batch_b: Shape) -> dict[str, Any]:
    back = first_mismatch(batch_a, batch_b)
    assert back is not None
    return {
        "batch_a": batch_a,
        "batch_b": batch_b,
        "size_a": batch_a[-back],
        "size_b": batch_b[-back],
    }


def _mm_quote(a: Shape, b: Shape) -> str:
    return f"mat1 and mat2 shapes cannot be multiplied ({by_x(a)} and {by_x(b)})"


def _mv_quote(rows: int, cols: int, vec: int) -> str:
    return f"size mismatch, got input ({rows}), mat ({rows}x{cols}), vec ({vec})"


def _dot_quote(n: int, m: int) -> str:
    return (
        f"inconsistent tensor size, expected tensor [{n}] and src [{m}] to have the same number "
        f"of elements, but got {n} and {m} elements respectively"
    )


def _inner(a: Shape, b: Shape, quote: str, k_a: int, k_b: int) -> Misfit:
    return Misfit("matmul_inner", "RuntimeError", quote, a=a, b=b, k_a=k_a, k_b=k_b)


def folds(a: Shape, b: Shape, strides: tuple[Strides | None, Strides | None]) -> bool:
    """PyTorch's ``should_fold``: one mm or mv serves when the larger operand (b transposed,
    if b is larger) is 3-D or more, the other 1-D or 2-D, and the larger one's batch axes
    can be merged into its rows without a copy."""
    larger = len(a) >= len(b)
    if larger:
        t1, t1_strides = a, strides[0] or contiguous(a)
    else:
        t1 = (*b[:-2], b[-1], b[-2])
        given = strides[1] or contiguous(b)
        t1_strides = (*given[:-2], given[-1], given[-2])
    if not (len(t1) >= 3 and len(b if larger else a) in (1, 2)) or len(a) == 2:
        return False
    if prod(t1) == 0:
        return True
    return all(t1_strides[i] == t1_strides[i + 1] * t1[i + 1] for i in range(len(t1) - 2))


def torch_matmul(
    a: Shape, b: Shape, strides: tuple[Strides | None, Strides | None] = (None, None)
) -> Shape:
    """PyTorch's ``at::matmul``: dot, mv, mm, a folded mm or mv, or a broadcast bmm."""
    if not a or not b:
        quote = (
            f"both arguments to matmul need to be at least 1D, but they are {len(a)}D and {len(b)}D"
        )
        raise Misfit("matmul_scalar", "RuntimeError", quote, operand=0 if not a else 1)
    if len(a) == 1 and len(b) == 1:
        if a[0] != b[0]:
            raise _inner(a, b, _dot_quote(a[0], b[0]), a[0], b[0])
        return ()
    if len(a) == 2 and len(b) == 1:
        if a[1] != b[0]:
            raise _inner(a, b, _mv_quote(a[0], a[1], b[0]), a[1], b[0])
        return (a[0],)
    if len(a) == 1 and len(b) == 2:
        if a[0] != b[0]:
            raise _inner(a, b, _mm_quote((1, a[0]), b), a[0], b[0])
        return (b[1],)
    if len(a) == 2 and len(b) == 2:
        if a[1] != b[0]:
            raise _inner(a, b, _mm_quote(a, b), a[1], b[0])
        return (a[0], b[1])
    fold = folds(a, b, strides)
    if fold and len(a) >= 3:  # fold a's batch into its rows: one mm or mv
        rows = prod(a[:-1])
        if a[-1] != b[0]:
            quote = _mm_quote((rows, a[-1]), b) if len(b) == 2 else _mv_quote(rows, a[-1], b[0])
            raise _inner(a, b, quote, a[-1], b[0])
        return a[:-1] + b[1:]
    if fold:  # b transposed, its batch folded into its columns: one mv
        rows = prod(b[:-2]) * b[-1]
        if a[0] != b[-2]:
            raise _inner(a, b, _mv_quote(rows, b[-2], a[0]), a[0], b[-2])
        return b[:-2] + b[-1:]
    batch_a, batch_b = a[:-2], b[:-2]
    if first_mismatch(batch_a, batch_b) is not None:
        fit = _batch_broadcast(batch_a, batch_b)
        raise fit
    batch = broadcast_shape(batch_a, batch_b)
    k_a, k_b = a[-1], (b[-2] if len(b) > 1 else b[0])
    if k_a != k_b:
        count = prod(batch)
        quote = (
            "Expected size for first two dimensions of batch2 tensor to be: "
            f"{torch_list((count, k_a))} but got: {torch_list((count, k_b))}."
        )
        raise _inner(a, b, quote, k_a, k_b)
    return batch + a[-2:-1] + b[-1:] if len(b) > 1 else batch + a[-2:-1]


def _batch_broadcast(batch_a: Shape, batch_b: Shape) -> Misfit:
    try:
        broadcast(batch_a, batch_b, "torch")
    except Misfit as misfit:
        return Misfit("matmul_batch", misfit.error, misfit.quote, **_batch_params(batch_a, batch_b))
    raise AssertionError("the batch shapes broadcast")  # pragma: no cover


def mm(a: Shape, b: Shape) -> Fit:
    """``torch.mm``: two matrices only; no batch, no broadcasting."""
    if len(a) != 2:
        raise Misfit("mm_rank", "RuntimeError", "self must be a matrix", operand=0, ndim=len(a))
    if len(b) != 2:
        raise Misfit("mm_rank", "RuntimeError", "mat2 must be a matrix", operand=1, ndim=len(b))
    if a[1] != b[0]:
        raise _inner(a, b, _mm_quote(a, b), a[1], b[0])
    return Fit((a[0], b[1]), "mm", {"a": a, "b": b, "k": a[1], "shape": (a[0], b[1])})


def bmm(a: Shape, b: Shape) -> Fit:
    """``torch.bmm``: two stacks of matrices of the same batch size, no broadcasting."""
    for index, (name, shape) in enumerate((("batch1", a), ("batch2", b))):
        if len(shape) != 3:
            quote = f"{name} must be a 3D tensor"
            raise Misfit("bmm_rank", "RuntimeError", quote, operand=index, ndim=len(shape))
    if b[0] != a[0] or b[1] != a[2]:
        quote = (
            "Expected size for first two dimensions of batch2 tensor to be: "
            f"{torch_list((a[0], a[2]))} but got: {torch_list((b[0], b[1]))}."
        )
        key = "bmm_batch" if b[0] != a[0] else "matmul_inner"
        raise Misfit(
            key, "RuntimeError", quote, a=a, b=b, k_a=a[2], k_b=b[1], size_a=a[0], size_b=b[0]
        )
    shape = (a[0], a[1], b[2])
    return Fit(shape, "bmm", {"a": a, "b": b, "k": a[2], "shape": shape})


def dot(a: Shape, b: Shape, library: str) -> Fit:
    """``np.dot`` (a sum over a's last axis and b's second-to-last) or ``torch.dot`` (1-D)."""
    if library == "torch":
        if len(a) != 1 or len(b) != 1:
            quote = f"1D tensors expected, but got {len(a)}D and {len(b)}D tensors"
            raise Misfit("dot_rank", "RuntimeError", quote, ndim_a=len(a), ndim_b=len(b))
        if a[0] != b[0]:
            raise _inner(a, b, _dot_quote(a[0], b[0]), a[0], b[0])
        return Fit((), "dot", {"a": a, "b": b, "k": a[0], "shape": ()})
    if not a or not b:
        shape = a or b
        return Fit(shape, "dot_scalar", {"a": a, "b": b, "shape": shape})
    k_b, dim_b = (b[0], 0) if len(b) == 1 else (b[-2], len(b) - 2)
    if a[-1] != k_b:
        quote = (
            f"shapes {np_shape(a)} and {np_shape(b)} not aligned: "
            f"{a[-1]} (dim {len(a) - 1}) != {k_b} (dim {dim_b})"
        )
        raise Misfit("dot_inner", "ValueError", quote, a=a, b=b, k_a=a[-1], k_b=k_b)
    shape = a[:-1] + (b[:-2] + b[-1:] if len(b) > 1 else ())
    key = "dot_nd" if len(a) > 2 or len(b) > 2 else ("dot" if len(a) == len(b) == 1 else "matmul")
    return Fit(shape, key, {"a": a, "b": b, "k": a[-1], "shape": shape})


def outer(a: Shape, b: Shape, library: str) -> Fit:
    """``np.outer`` (flattens both) or ``torch.outer`` (1-D only)."""
    if library == "torch":
        for name, shape in (("self", a), ("vec2", b)):
            if len(shape) != 1:
                quote = f"outer: Expected 1-D argument {name}, but got {len(shape)}-D"
                raise Misfit("outer_rank", "RuntimeError", quote, ndim=len(shape))
    shape = (prod(a), prod(b))
    return Fit(shape, "outer", {"a": a, "b": b, "shape": shape})


__all__ = [
    "LIBRARIES",
    "Fit",
    "Misfit",
    "Shape",
    "bmm",
    "broadcast",
    "broadcast_shape",
    "by_x",
    "contiguous",
    "dims_range",
    "dot",
    "first_mismatch",
    "matmul",
    "mm",
    "np_dims",
    "np_shape",
    "outer",
    "shown",
    "torch_list",
    "wrap_dim",
]
