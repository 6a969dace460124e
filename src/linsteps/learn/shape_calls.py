"""The shapes of function and method calls: products (``np.dot``, ``torch.mm``, ``torch.bmm``,
``matmul``, ``outer``, ``einsum``), axis moves (``transpose``, ``swapaxes``, ``permute``,
``reshape``, ``view``, ``unsqueeze``, ``contiguous``), reductions and ``softmax``.

Methods follow the chosen library (``x.transpose(0, 1)`` swaps two axes in PyTorch and lists
every axis in NumPy; ``permute`` and ``unsqueeze`` are PyTorch's only); functions follow their
own library (``torch.mm`` is PyTorch's whatever the session).
"""

from __future__ import annotations

from typing import Any

from linsteps.learn import einsum_shapes, shape_axes, shape_rules
from linsteps.learn.shape_rules import Fit, Misfit
from linsteps.learn.shape_values import Array, Stopped, WalkerBase
from linsteps.reading.shape_expr import Call, Constant, Expr, TupleOf

PRODUCTS = ("dot", "matmul", "mm", "bmm", "outer")
TORCH_ONLY = ("permute", "unsqueeze", "contiguous")


class CallWalker(WalkerBase):
    """The handlers of calls, on top of the walk's shared helpers."""

    def call(self, node: Call) -> Array:
        """Return the array a call evaluates to."""
        library = node.library or self.library
        if node.name in PRODUCTS:
            return self.product(node, library)
        if node.name == "einsum":
            return self.einsum(node, library)
        if node.name == "softmax":
            return self.softmax(node, library)
        if node.name == "sqrt":
            if len(node.args) != 1 or node.keywords:
                raise self.unreadable(node, "number")
            value = self.evaluate(node.args[0])
            if not value.number:
                raise Stopped(node, Misfit("sqrt_array", "TypeError", None))
            return Array((), (), True)
        base_node = node.base if node.base is not None else (node.args[0] if node.args else None)
        if base_node is None:
            raise self.unreadable(node, "array")
        args = node.args if node.base is not None else node.args[1:]
        base = self.array(base_node)
        if library == "numpy" and node.name in (*TORCH_ONLY, "view"):
            if node.name == "view":
                raise Stopped(node, Misfit("numpy_view", "", None))
            raise Stopped(node, shape_axes.no_attribute(node.name))
        if node.name in ("transpose", "swapaxes", "permute"):
            return self.reorder(node, base, args, library)
        if node.name in ("reshape", "view"):
            return self.reshape(node, base, args, library)
        if node.name == "unsqueeze":
            dim = self.integer(self.single(node, args, "dim"))
            fit = self.apply(node, shape_axes.unsqueeze, base.shape, dim)
            at = dim + len(base.shape) + 1 if dim < 0 else dim
            return self.record(
                node, fit, shape_axes.unsqueezed_strides(base.strides, base.shape, at)
            )
        if node.name == "contiguous":
            if args or node.keywords:
                raise self.unreadable(node, "no arguments")
            fit = Fit(base.shape, "contiguous", {"shape": base.shape})
            return self.record(node, fit, shape_axes.contiguous(base.shape))
        return self.reduce(node, base, args, library)

    def single(self, node: Call, args: tuple[Expr, ...], *names: str) -> Expr:
        """Return the one argument, given by position or by one of ``names``."""
        keyword = node.keyword(*names)
        if len(args) + (keyword is not None) != 1 or len(node.keywords) > (keyword is not None):
            raise self.unreadable(node, "one argument")
        return args[0] if args else keyword  # type: ignore[return-value]

    def product(self, node: Call, library: str) -> Array:
        if len(node.args) != 2 or node.keywords:
            raise self.unreadable(node, "two arrays")
        a, b = (self.array(arg) for arg in node.args)
        if node.name == "dot" and library == "numpy" and max(len(a.shape), len(b.shape)) > 2:
            try:
                batched: Any = shape_rules.matmul(a.shape, b.shape, "numpy").shape
            except Misfit:
                batched = None
            self.note("dot_nd", code=self.code(node), matmul=batched)
        rules: dict[str, Any] = {
            "dot": lambda: shape_rules.dot(a.shape, b.shape, library),
            "matmul": lambda: shape_rules.matmul(a.shape, b.shape, library, (a.strides, b.strides)),
            "mm": lambda: shape_rules.mm(a.shape, b.shape),
            "bmm": lambda: shape_rules.bmm(a.shape, b.shape),
            "outer": lambda: shape_rules.outer(a.shape, b.shape, library),
        }
        fit = self.apply(node, rules[node.name])
        return self.record(node, fit, shape_axes.contiguous(fit.shape))

    def einsum(self, node: Call, library: str) -> Array:
        if not node.args or node.keywords:
            raise self.unreadable(node, "string")
        spec = self.text_argument(node.args[0])
        shapes = tuple(self.array(arg).shape for arg in node.args[1:])
        fit = self.apply(node, einsum_shapes.einsum, spec, shapes, library)
        return self.record(node, fit, shape_axes.contiguous(fit.shape))

    def softmax(self, node: Call, library: str) -> Array:
        args = node.args if node.base is not None else node.args[1:]
        base_node = node.base if node.base is not None else (node.args[0] if node.args else None)
        if base_node is None:
            raise self.unreadable(node, "array")
        base = self.array(base_node)
        names = ("dim",) if library == "torch" and node.library else ("dim", "axis")
        unknown = [key for key, _ in node.keywords if key not in names]
        if unknown or len(args) > 1 or (args and node.keyword(*names) is not None):
            raise self.unreadable(node, "dim")
        given = args[0] if args else node.keyword(*names)
        dim = None if given is None else self.integer(given)
        if dim is None and node.spelled in ("torch.softmax",) and node.base is None:
            quote = 'softmax() missing 1 required positional arguments: "dim"'
            raise Stopped(node, Misfit("softmax_dim", "TypeError", quote))
        if dim is None and library == "torch":
            dim = 0 if len(base.shape) in (0, 1, 3) else 1
            self.note("softmax_implicit", code=self.code(node), dim=dim)
        fit = self.apply(node, shape_axes.softmax, base.shape, dim, library)
        return self.record(node, fit, shape_axes.contiguous(fit.shape))

    def reorder(self, node: Call, base: Array, args: tuple[Expr, ...], library: str) -> Array:
        if node.keywords:
            raise self.unreadable(node, "axes")
        shape = base.shape
        if node.name == "permute" and not args:
            raise self.unreadable(node, "axes")
        if node.name == "permute" or (node.name == "transpose" and library == "numpy"):
            dims = self.integers(args) if args else None
            if node.name == "permute":
                fit = self.apply(node, shape_axes.permute, shape, dims or ())
            else:
                fit = self.apply(node, shape_axes.numpy_transpose, shape, dims)
            order = (
                list(range(len(shape)))[::-1]
                if dims is None
                else [d + len(shape) if d < 0 else d for d in dims]
            )
            return self.record(node, fit, shape_axes.permuted(base.strides, shape, order))
        if len(args) != 2:
            raise self.unreadable(node, "two axes")
        i, j = self.integer(args[0]), self.integer(args[1])
        prefixes = ("axis1: ", "axis2: ") if node.name == "swapaxes" else ("", "")
        fit = self.apply(node, shape_axes.swap, shape, i, j, library, prefixes)
        order = list(range(len(shape)))
        if shape:
            a, b = i % len(shape), j % len(shape)
            order[a], order[b] = order[b], order[a]
        return self.record(node, fit, shape_axes.permuted(base.strides, shape, order))

    def reshape(self, node: Call, base: Array, args: tuple[Expr, ...], library: str) -> Array:
        if node.keywords or not args:
            raise self.unreadable(node, "sizes")
        sizes = self.integers(args)
        fit = self.apply(node, shape_axes.reshape, base.shape, sizes, library, node.name)
        if library == "numpy":
            return self.record(node, fit, None)
        strides = None
        if base.strides is not None:
            strides = shape_axes.view_strides(base.shape, base.strides, fit.shape)
        if node.name == "view":
            if base.strides is None:
                self.note("view_layout", code=self.code(node))
            elif strides is None:
                misfit = Misfit(
                    "view_stride", "RuntimeError", shape_axes.VIEW_QUOTE, shape=base.shape
                )
                raise Stopped(node, misfit)
        if node.name == "reshape" and base.strides is not None and strides is None:
            strides = shape_axes.contiguous(fit.shape)  # reshape copies
        return self.record(node, fit, strides)

    def reduce(self, node: Call, base: Array, args: tuple[Expr, ...], library: str) -> Array:
        names = {"dim", "axis", "keepdim", "keepdims"}
        for key, _ in node.keywords:
            if key not in names:
                raise self.unreadable(node, "dim or axis")
            if library == "numpy" and key in ("dim", "keepdim"):
                quote = f"_{node.name}() got an unexpected keyword argument '{key}'"
                raise Stopped(node, Misfit("numpy_keyword", "TypeError", quote, keyword=key))
        given = node.keyword("dim", "axis")
        if len(args) > 1 or (args and given is not None):
            raise self.unreadable(node, "dim")
        target = args[0] if args else given
        dims = None
        if target is not None and not (isinstance(target, Constant) and target.value is None):
            dims = self.integers((target,))
        keep = self.flag(node.keyword("keepdim", "keepdims"))
        listed = isinstance(target, TupleOf)
        fit = self.apply(
            node, shape_axes.reduce, base.shape, dims, keep, library, node.name, listed
        )
        strides = shape_axes.contiguous(fit.shape) if base.strides is not None else None
        return self.record(node, fit, strides)


__all__ = ["CallWalker"]
