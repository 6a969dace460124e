"""Walking an expression tree: the shape of every sub-expression, bottom up, left to right.

:class:`Walker` gives each node its shape by the rules of :mod:`linsteps.learn.shape_rules`,
:mod:`linsteps.learn.shape_axes` and :mod:`linsteps.learn.einsum_shapes`, recording one
:class:`~linsteps.learn.shape_values.Line` per array it computes and the traps worth a remark
(``np.dot`` on 3-D arrays, ``.T`` of a vector).  The first rule that breaks stops the walk
with :class:`~linsteps.learn.shape_values.Stopped`.  Arguments that are not what a function
takes (``x.sum("a")``) are a ParseError: the input is unreadable, not misfit.
"""

from __future__ import annotations

from linsteps.errors import ParseError, UsageError
from linsteps.learn import shape_axes, shape_rules
from linsteps.learn.shape_axes import Strides
from linsteps.learn.shape_calls import CallWalker
from linsteps.learn.shape_rules import Fit, Shape
from linsteps.learn.shape_values import Array, Line
from linsteps.reading.shape_expr import Attribute, Binary, Call, Expr, Negative, Number, Tensor

ELEMENTWISE = {"+": "+", "-": "−", "*": "*", "/": "/", "**": "**"}


class Walker(CallWalker):
    """Gives every node of one expression its shape under one library's rules."""

    def walk(self, node: Expr) -> Array:
        """Return the array ``node`` evaluates to; raise Stopped at the first misfit."""
        value = self.evaluate(node)
        if value.number:
            raise ParseError("shape_expr_number_only")
        return value

    def evaluate(self, node: Expr) -> Array:
        """Return what ``node`` evaluates to."""
        if isinstance(node, Tensor):
            return self.tensor(node)
        if isinstance(node, Number):
            return Array((), (), True)
        if isinstance(node, Negative):
            return self.evaluate(node.operand)
        if isinstance(node, Binary):
            return self.binary(node)
        if isinstance(node, Attribute):
            return self.attribute(node)
        if isinstance(node, Call):
            return self.call(node)
        raise self.unreadable(node, "array")

    def tensor(self, node: Tensor) -> Array:
        shape = self.bindings.get(node.name)
        if shape is None:
            raise UsageError("shape_unknown_name", name=node.name, column=node.span[0] + 1)
        if node.name not in self.given:
            self.given.add(node.name)
            self.lines.append(Line(node.name, shape, "given", {"shape": shape}))
        return Array(shape, shape_axes.contiguous(shape))

    def attribute(self, node: Attribute) -> Array:
        base = self.array(node.base)
        shape = base.shape
        if node.name == "T":
            fit = self.apply(node, shape_axes.attribute_t, shape, self.library)
            order = list(range(len(shape)))[::-1]
            if len(shape) == 1:
                self.note("t_vector", code=self.code(node))
            elif len(shape) > 2:
                key = "t_reverse_torch" if self.library == "torch" else "t_reverse"
                self.note(key, code=self.code(node))
        else:
            fit = self.apply(node, shape_axes.attribute_mt, shape, self.library)
            order = [*range(len(shape) - 2), len(shape) - 1, len(shape) - 2] if shape else []
        return self.record(node, fit, shape_axes.permuted(base.strides, shape, order))

    def binary(self, node: Binary) -> Array:
        left, right = self.evaluate(node.left), self.evaluate(node.right)
        if node.op == "@":
            for side, value in ((node.left, left), (node.right, right)):
                if value.number:
                    raise self.unreadable(side, "array")
            strides = (left.strides, right.strides)
            fit = self.apply(
                node, shape_rules.matmul, left.shape, right.shape, self.library, strides
            )
            return self.record(node, fit, shape_axes.contiguous(fit.shape))
        if left.number and right.number:
            return Array((), (), True)
        op = ELEMENTWISE[node.op]
        fit = self.apply(node, shape_rules.broadcast, left.shape, right.shape, self.library, op)
        if left.number or right.number:
            fit = Fit(fit.shape, "scalar", {"op": op, "shape": fit.shape})
        return self.record(node, fit, elementwise_strides(fit.shape, left, right))


def elementwise_strides(shape: Shape, *inputs: Array) -> Strides | None:
    """Contiguous when every full-size input is; else the layout PyTorch picks (unknown)."""
    full = [value for value in inputs if value.shape == shape and not value.number]
    if all(value.strides == shape_axes.contiguous(shape) for value in full):
        return shape_axes.contiguous(shape)
    return None


__all__ = ["ELEMENTWISE", "Walker"]
