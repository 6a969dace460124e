"""Reading the shape errors PyTorch and NumPy print, and explaining them as ``shapes`` does.

:func:`why` recognises a message (with or without its ``RuntimeError:`` prefix or the traceback
above it) by one of :data:`READERS`' patterns.  When the message gives every shape, the
failing expression is rebuilt (``mat1 @ mat2`` with mat1 = 32×784, mat2 = 512×10) and walked by
:func:`linsteps.learn.shapes.shapes`, so the explanation and its mends are the ones ``shapes``
gives (and its message equals the one read).  When it gives only some sizes (PyTorch's
"size of tensor a (3) must match … at non-singleton dimension 1"), the rule is said with those
sizes and the usual remedies.  Nothing in the message is evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linsteps.errors import LimitError, UsageError
from linsteps.learn.shapes import ShapeReport, shapes
from linsteps.reading.budget import bounded

MAX_MESSAGE = 20_000
_NUMBERS = re.compile(r"-?\d+")
_PREFIX = re.compile(r"^\s*(?:[\w.]+\.)?(\w*(?:Error|Exception))\s*:\s*")


@dataclass(frozen=True)
class WhyReport:
    """A message read: which library and exception, what it says (``mlcode.why.<key>``),
    the rebuilt :class:`ShapeReport` when every shape is known, and remedies
    (``mlcode.advice.<key>``) when not."""

    message: str
    library: str
    error: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    report: ShapeReport | None = None
    advice: tuple[str, ...] = ()


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in _NUMBERS.findall(text))


def _numpy_shape(text: str) -> tuple[int, ...]:
    return _sizes(text.strip("()"))


Reader = Callable[
    [re.Match[str]], tuple[str, dict[str, Any], str | None, dict[str, Any], tuple[str, ...]]
]


def _rebuilt(key: str, expr: str, given: dict[str, Any], **params: Any) -> Any:
    return key, {**params, "expr": expr}, expr, given, ()


def _partial(key: str, advice: tuple[str, ...], **params: Any) -> Any:
    return key, params, None, {}, advice


NUM = r"(-?\d+)"
READERS: tuple[tuple[str, str, str, Reader], ...] = (
    (
        "torch",
        "RuntimeError",
        rf"mat1 and mat2 shapes cannot be multiplied \({NUM}x{NUM} and {NUM}x{NUM}\)",
        lambda m: _rebuilt(
            "mm",
            "mat1 @ mat2",
            {"mat1": _sizes(m[1] + " " + m[2]), "mat2": _sizes(m[3] + " " + m[4])},
            features=int(m[2]),
            in_features=int(m[3]),
            out_features=int(m[4]),
        ),
    ),
    (
        "torch",
        "RuntimeError",
        rf"size mismatch, got input \({NUM}\), mat \({NUM}x{NUM}\), vec \({NUM}\)",
        lambda m: _rebuilt("mv", "mat @ vec", {"mat": (int(m[2]), int(m[3])), "vec": (int(m[4]),)}),
    ),
    (
        "torch",
        "RuntimeError",
        rf"inconsistent tensor size, expected tensor \[{NUM}\] and src \[{NUM}\] to have the same "
        r"number of elements",
        lambda m: _rebuilt("dot", "a @ b", {"a": (int(m[1]),), "b": (int(m[2]),)}),
    ),
    (
        "torch",
        "RuntimeError",
        rf"The size of tensor a \({NUM}\) must match the size of tensor b \({NUM}\) at "
        rf"non-singleton dimension {NUM}",
        lambda m: _partial(
            "broadcast", ("unsqueeze", "permute"), size_a=int(m[1]), size_b=int(m[2]), dim=int(m[3])
        ),
    ),
    (
        "torch",
        "RuntimeError",
        rf"Expected size for first two dimensions of batch2 tensor to be: \[{NUM}, {NUM}\] but "
        rf"got: \[{NUM}, {NUM}\]",
        lambda m: _partial(
            "bmm_batch" if m[1] != m[3] else "bmm_inner",
            ("bmm_batch",) if m[1] != m[3] else ("transpose",),
            batch=int(m[1]),
            k=int(m[2]),
            got_batch=int(m[3]),
            got_k=int(m[4]),
        ),
    ),
    (
        "torch",
        "RuntimeError",
        r"(batch1|batch2) must be a 3D tensor",
        lambda m: _partial("bmm_rank", ("use_matmul",), operand=m[1]),
    ),
    (
        "torch",
        "RuntimeError",
        r"(self|mat2) must be a matrix",
        lambda m: _partial(
            "mm_rank", ("use_matmul",), operand="mat1" if m[1] == "self" else "mat2"
        ),
    ),
    (
        "torch",
        "RuntimeError",
        r"1D tensors expected, but got (\d+)D and (\d+)D tensors",
        lambda m: _partial("dot_rank", ("use_matmul",), ndim_a=int(m[1]), ndim_b=int(m[2])),
    ),
    (
        "torch",
        "RuntimeError",
        r"both arguments to matmul need to be at least 1D, but they are (\d+)D and (\d+)D",
        lambda m: _partial(
            "matmul_scalar", ("scalar_multiply",), ndim_a=int(m[1]), ndim_b=int(m[2])
        ),
    ),
    (
        "torch",
        "RuntimeError",
        r"shape '\[([-\d, ]*)\]' is invalid for input of size (\d+)",
        lambda m: _partial("reshape", ("reshape_total",), sizes=_sizes(m[1]), total=int(m[2])),
    ),
    (
        "torch",
        "RuntimeError",
        r"view size is not compatible with input tensor's size and stride",
        lambda m: _partial("view_stride", ("use_reshape",)),
    ),
    (
        "torch",
        "IndexError",
        rf"Dimension out of range \(expected to be in range of \[{NUM}, {NUM}\], but got {NUM}\)",
        lambda m: _partial(
            "dim_range", ("last_axis",), low=int(m[1]), high=int(m[2]), dim=int(m[3])
        ),
    ),
    (
        "torch",
        "RuntimeError",
        r"einsum\(\): subscript (\w) has size (\d+) for operand (\d+) which does not broadcast "
        r"with previously seen size (\d+)",
        lambda m: _partial(
            "einsum_size",
            ("einsum_spec",),
            label=m[1],
            size=int(m[2]),
            operand=int(m[3]),
            before=int(m[4]),
        ),
    ),
    (
        "numpy",
        "ValueError",
        r"operands could not be broadcast together with remapped shapes \[original->remapped\]: "
        r"(\([\d,]*\))->\S* (\([\d,]*\))->\S*\s+and requested shape",
        lambda m: _rebuilt(
            "matmul_batch", "a @ b", {"a": _numpy_shape(m[1]), "b": _numpy_shape(m[2])}
        ),
    ),
    (
        "numpy",
        "ValueError",
        r"operands could not be broadcast together with shapes (\([\d,]*\)) (\([\d,]*\))\s*$",
        lambda m: _rebuilt(
            "np_broadcast", "a + b", {"a": _numpy_shape(m[1]), "b": _numpy_shape(m[2])}
        ),
    ),
    (
        "numpy",
        "ValueError",
        r"shapes (\([\d,]*\)) and (\([\d,]*\)) not aligned",
        lambda m: _rebuilt(
            "np_dot", "np.dot(a, b)", {"a": _numpy_shape(m[1]), "b": _numpy_shape(m[2])}
        ),
    ),
    (
        "numpy",
        "ValueError",
        r"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
        rf"\(n\?,k\),\(k,m\?\)->\(n\?,m\?\) \(size {NUM} is different from {NUM}\)",
        lambda m: _partial("matmul_core", ("transpose",), k_b=int(m[1]), k_a=int(m[2])),
    ),
    (
        "numpy",
        "ValueError",
        r"matmul: Input operand (\d) does not have enough dimensions",
        lambda m: _partial("matmul_scalar", ("scalar_multiply",), operand=int(m[1])),
    ),
    (
        "numpy",
        "ValueError",
        r"cannot reshape array of size (\d+) into shape (\([^)]*\))",
        lambda m: _partial("reshape", ("reshape_total",), sizes=m[2], total=int(m[1])),
    ),
    (
        "numpy",
        "AxisError",
        r"axis (-?\d+) is out of bounds for array of dimension (\d+)",
        lambda m: _partial("axis_range", ("last_axis",), dim=int(m[1]), ndim=int(m[2])),
    ),
    (
        "numpy",
        "ValueError",
        r"axes don't match array",
        lambda m: _partial("numpy_transpose_axes", ("swapaxes",)),
    ),
)


@bounded
def why(message: str) -> WhyReport:
    """Explain a NumPy or PyTorch shape error message."""
    if len(message) > MAX_MESSAGE:
        raise LimitError("why_too_long", length=len(message), limit=MAX_MESSAGE)
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    for line in reversed(lines):  # the message is the last line of a traceback
        prefix = _PREFIX.match(line)
        body = line[prefix.end() :] if prefix else line
        for library, error, pattern, read in READERS:
            found = re.search(pattern, body)
            if found is None:
                continue
            key, params, expr, given, advice = read(found)
            report = shapes(expr, given, library) if expr is not None else None
            named = prefix[1] if prefix else error
            return WhyReport(body, library, named, key, params, report, advice)
    raise UsageError("why_unknown", message=lines[-1][:80] if lines else "")


__all__ = ["READERS", "WhyReport", "why"]
