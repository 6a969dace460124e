"""Rules that move, add, merge or remove axes: transposes, permute, reshape and view,
unsqueeze, sums and means, softmax.

Like :mod:`linsteps.learn.shape_rules`, each returns a :class:`Fit` or raises a
:class:`Misfit` with the library's own words.  Where NumPy and PyTorch differ the rule says so:
``x.transpose(0, 1)`` swaps two axes in PyTorch but must list every axis in NumPy, ``.T``
reverses every axis, ``view`` needs a compatible memory layout.  PyTorch's strides are followed
(:func:`view_strides` is its ``computeStride``) so a ``view`` of a transposed tensor is refused
as PyTorch refuses it.
"""

from __future__ import annotations

from math import prod

from linsteps.learn.shape_rules import (
    Fit,
    Misfit,
    Shape,
    Strides,
    contiguous,
    np_dims,
    np_shape,
    torch_list,
    wrap_dim,
)


def no_attribute(name: str) -> Misfit:
    """NumPy arrays have no PyTorch-only method ``name``."""
    quote = f"'numpy.ndarray' object has no attribute '{name}'"
    return Misfit("numpy_no_method", "AttributeError", quote, method=name)


def attribute_t(shape: Shape, library: str) -> Fit:
    """``.T``: every axis reversed (a 1-D array is unchanged)."""
    result = tuple(reversed(shape))
    if len(shape) < 2:
        return Fit(result, "t_vector", {"shape": result})
    if len(shape) > 2:
        return Fit(result, "t_reverse", {"before": shape, "shape": result, "library": library})
    return Fit(result, "t_matrix", {"before": shape, "shape": result})


def attribute_mt(shape: Shape, library: str) -> Fit:
    """``.mT``: the last two axes swapped, for a matrix or a stack of them (PyTorch lets a 0-D
    tensor through unchanged)."""
    if library == "torch" and not shape:
        return Fit((), "mt", {"before": shape, "shape": ()})
    if len(shape) < 2:
        if library == "torch":
            quote = (
                "tensor.mT is only supported on matrices or batches of matrices. "
                f"Got {len(shape)}-D tensor."
            )
            raise Misfit("mt_rank", "RuntimeError", quote, ndim=len(shape))
        raise Misfit(
            "mt_rank", "ValueError", "matrix transpose with ndim < 2 is undefined", ndim=len(shape)
        )
    result = (*shape[:-2], shape[-1], shape[-2])
    return Fit(result, "mt", {"before": shape, "shape": result})


def swap(shape: Shape, first: int, second: int, library: str, prefixes: tuple[str, str]) -> Fit:
    """Swap two axes: PyTorch's ``transpose(i, j)``, ``swapaxes`` in both libraries."""
    i = wrap_dim(first, len(shape), library, prefixes[0])
    j = wrap_dim(second, len(shape), library, prefixes[1])
    if not shape:
        return Fit((), "swap", {"i": first, "j": second, "before": shape, "shape": ()})
    result = list(shape)
    result[i], result[j] = result[j], result[i]
    return Fit(
        tuple(result), "swap", {"i": first, "j": second, "before": shape, "shape": tuple(result)}
    )


def numpy_transpose(shape: Shape, axes: tuple[int, ...] | None) -> Fit:
    """NumPy's ``transpose(*axes)``: no axes reverse them all; else a permutation of every axis."""
    if axes is None:
        return Fit(
            tuple(reversed(shape)),
            "t_reverse",
            {"before": shape, "shape": tuple(reversed(shape)), "library": "numpy"},
        )
    if len(axes) != len(shape):
        raise Misfit(
            "numpy_transpose_axes",
            "ValueError",
            "axes don't match array",
            count=len(axes),
            ndim=len(shape),
        )
    wrapped: list[int] = []
    for axis in axes:  # each axis checked in turn: its range, then whether it came before
        wrapped.append(wrap_dim(axis, len(shape), "numpy"))
        if wrapped[-1] in wrapped[:-1]:
            raise Misfit("permute_repeated", "ValueError", "repeated axis in transpose", dims=axes)
    result = tuple(shape[axis] for axis in wrapped)
    return Fit(result, "permute", {"dims": axes, "before": shape, "shape": result})


def permute(shape: Shape, dims: tuple[int, ...]) -> Fit:
    """PyTorch's ``permute(*dims)``: a reordering of every axis."""
    if len(dims) != len(shape):
        quote = (
            "permute(sparse_coo): number of dimensions in the tensor input does not match the "
            "length of the desired ordering of dimensions i.e. input.dim() = "
            f"{len(shape)} is not equal to len(dims) = {len(dims)}"
        )
        raise Misfit("permute_count", "RuntimeError", quote, count=len(dims), ndim=len(shape))
    seen: set[int] = set()
    for dim in dims:
        wrapped = wrap_dim(dim, len(shape), "torch")
        if wrapped in seen:
            raise Misfit(
                "permute_repeated",
                "RuntimeError",
                "permute(): duplicate dims are not allowed.",
                dims=dims,
            )
        seen.add(wrapped)
    result = tuple(shape[wrap_dim(d, len(shape), "torch")] for d in dims)
    return Fit(result, "permute", {"dims": dims, "before": shape, "shape": result})


def permuted(strides: Strides | None, shape: Shape, order: list[int]) -> Strides | None:
    """Return the strides after reordering the axes (None: unknown stays unknown)."""
    if strides is None or len(order) != len(shape):
        return None
    return tuple(strides[i] for i in order)


def reshape(shape: Shape, sizes: tuple[int, ...], library: str, method: str) -> Fit:
    """``reshape``/``view`` sizes, one of them -1 (any negative in NumPy) inferred."""
    total = prod(shape)
    unknown: int | None = None
    known = 1
    for index, size in enumerate(sizes):
        if size == -1 or (size < 0 and library == "numpy"):
            if unknown is not None:
                quote = (
                    "only one dimension can be inferred"
                    if library == "torch"
                    else "can only specify one unknown dimension"
                )
                error = "RuntimeError" if library == "torch" else "ValueError"
                raise Misfit("reshape_two_unknown", error, quote, sizes=sizes)
            unknown = index
        elif size < 0:
            quote = f"invalid shape dimension {size} at index {index} of shape {torch_list(sizes)}"
            raise Misfit("reshape_negative", "RuntimeError", quote, size=size, sizes=sizes)
        else:
            known *= size
    params = {"before": shape, "sizes": sizes, "total": total, "known": known, "method": method}
    if unknown is None:
        if known == total:
            return Fit(sizes, "reshape", {**params, "shape": sizes})
    elif library == "torch" and total == known == 0:
        quote = (
            f"cannot reshape tensor of 0 elements into shape {torch_list(sizes)} because the "
            "unspecified dimension size -1 can be any value and is ambiguous"
        )
        raise Misfit("reshape_ambiguous", "RuntimeError", quote, **params)
    elif known > 0 and total % known == 0:
        result = list(sizes)
        result[unknown] = total // known
        return Fit(
            tuple(result),
            "reshape_infer",
            {**params, "shape": tuple(result), "inferred": total // known},
        )
    if library == "torch":
        quote = f"shape '{torch_list(sizes)}' is invalid for input of size {total}"
        raise Misfit("reshape_size", "RuntimeError", quote, **params)
    written = np_dims([None if s < 0 else s for s in sizes])
    quote = f"cannot reshape array of size {total} into shape {written}"
    raise Misfit("reshape_size", "ValueError", quote, **params)


def view_strides(shape: Shape, strides: Strides, new: Shape) -> Strides | None:
    """PyTorch's ``computeStride``: the strides of a view of ``new`` sizes, or None when the
    memory layout does not allow one (then ``view`` fails and ``reshape`` copies)."""
    if prod(shape) == 0 or not shape:
        return contiguous(new)
    result = [0] * len(new)
    view_d = len(new) - 1
    chunk_base = strides[-1]
    tensor_numel = view_numel = 1
    for tensor_d in range(len(shape) - 1, -1, -1):
        tensor_numel *= shape[tensor_d]
        if tensor_d == 0 or (
            shape[tensor_d - 1] != 1 and strides[tensor_d - 1] != tensor_numel * chunk_base
        ):
            while view_d >= 0 and (view_numel < tensor_numel or new[view_d] == 1):
                result[view_d] = view_numel * chunk_base
                view_numel *= new[view_d]
                view_d -= 1
            if view_numel != tensor_numel:
                return None
            if tensor_d > 0:
                chunk_base = strides[tensor_d - 1]
                tensor_numel = view_numel = 1
    return tuple(result) if view_d == -1 else None


VIEW_QUOTE = (
    "view size is not compatible with input tensor's size and stride (at least one dimension "
    "spans across two contiguous subspaces). Use .reshape(...) instead."
)


def unsqueeze(shape: Shape, dim: int) -> Fit:
    """PyTorch's ``unsqueeze(dim)``: a new axis of size 1 at ``dim`` (of the result)."""
    ndim = len(shape) + 1
    low, high = -ndim, ndim - 1
    if not low <= dim <= high:
        quote = (
            f"Dimension out of range (expected to be in range of [{low}, {high}], but got {dim})"
        )
        raise Misfit("dim_range", "IndexError", quote, dim=dim, ndim=len(shape), low=low, high=high)
    at = dim + ndim if dim < 0 else dim
    result = (*shape[:at], 1, *shape[at:])
    return Fit(result, "unsqueeze", {"dim": dim, "before": shape, "shape": result})


def unsqueezed_strides(strides: Strides | None, shape: Shape, at: int) -> Strides | None:
    """Return the strides after a new axis at ``at`` (as PyTorch sets them)."""
    if strides is None:
        return None
    new = 1 if at >= len(shape) else shape[at] * strides[at]
    return (*strides[:at], new, *strides[at:])


def reduce(
    shape: Shape,
    dims: tuple[int, ...] | None,
    keep: bool,
    library: str,
    name: str,
    listed: bool = False,
) -> Fit:
    """``sum``/``mean`` over ``dims`` (all axes when None; ``listed`` when given as a tuple),
    the axes kept as 1 with keepdim.  NumPy's sum lets a single axis 0 or -1 name a 0-D array's
    no axes."""
    if library == "numpy" and name == "sum" and not shape and not listed and dims in ((0,), (-1,)):
        dims = None
    if dims is None:
        axes = set(range(len(shape)))
    else:
        axes = set()
        for dim in dims:  # both check every axis's range before any repeat
            wrap_dim(dim, len(shape), library)
        for dim in dims:
            wrapped = wrap_dim(dim, len(shape), library)
            if wrapped in axes:
                if library == "torch":
                    quote = f"dim {wrapped} appears multiple times in the list of dims"
                    raise Misfit("reduce_repeated", "RuntimeError", quote, dims=dims)
                raise Misfit(
                    "reduce_repeated", "ValueError", "duplicate value in 'axis'", dims=dims
                )
            axes.add(wrapped)
    result = tuple(1 if i in axes else s for i, s in enumerate(shape) if keep or i not in axes)
    key = "reduce_all" if dims is None else "reduce"
    return Fit(result, key, {"name": name, "dims": dims, "before": shape, "shape": result})


def softmax(shape: Shape, dim: int | None, library: str) -> Fit:
    """``softmax`` along ``dim``: the shape is kept; each slice along ``dim`` sums to 1."""
    if dim is None:
        return Fit(shape, "softmax_all", {"shape": shape})
    wrap_dim(dim, len(shape), library)
    size = shape[dim] if shape else 1
    return Fit(shape, "softmax", {"dim": dim, "size": size, "shape": shape})


__all__ = [
    "VIEW_QUOTE",
    "Strides",
    "attribute_mt",
    "attribute_t",
    "contiguous",
    "no_attribute",
    "np_shape",
    "numpy_transpose",
    "permute",
    "permuted",
    "reduce",
    "reshape",
    "softmax",
    "swap",
    "unsqueeze",
    "unsqueezed_strides",
    "view_strides",
]
