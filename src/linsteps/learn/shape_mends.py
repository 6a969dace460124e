"""The usual mends of a shape that does not fit, each checked before it is offered.

For the sub-expression that broke, :func:`mends_for` writes the rewrites people reach for: a
transpose of either operand, the operands swapped, the weight with the right ``in_features``,
``torch.bmm`` for batches, a vector reshaped to a column so it broadcasts along the right axis,
``reshape`` for a ``view`` PyTorch refuses, ``axis=`` for NumPy.  Every candidate is walked under
the same rules; only those that fit are returned, with the shape they give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linsteps.errors import LinstepsError
from linsteps.learn.shape_rules import Misfit, Shape
from linsteps.learn.shape_values import Stopped
from linsteps.learn.shape_walk import Walker
from linsteps.reading.shape_expr import Binary, Call, Expr, Tensor, parse_shape_expression, source


@dataclass(frozen=True)
class Mend:
    """A rewrite that fits: its code, the shape it gives and why (``mlcode.mend.<key>``)."""

    code: str
    shape: Shape
    key: str
    params: dict[str, Any]


REBINDING = ("weight_rows", "linear_weight")
Candidate = tuple[str, str, dict[str, Any], Mapping[str, Shape] | None]


def walk(
    expression: str, bindings: Mapping[str, Shape], library: str
) -> tuple[Walker, Stopped | None]:
    """Walk ``expression``; return the walker (its lines and notes) and where it stopped."""
    tree = parse_shape_expression(expression)
    walker = Walker(expression, bindings, library)
    try:
        walker.walk(tree)
    except Stopped as stopped:
        return walker, stopped
    return walker, None


def fitting_shape(expression: str, bindings: Mapping[str, Shape], library: str) -> Shape | None:
    """Return the shape of ``expression`` when every rule holds, else None."""
    try:
        walker, stopped = walk(expression, bindings, library)
    except LinstepsError:
        return None
    return None if stopped is not None or not walker.lines else walker.lines[-1].shape


def enclosed(code: str) -> bool:
    """True when ``code`` is wrapped whole in one pair of parentheses."""
    if not (code.startswith("(") and code.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(code):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(code) - 1:
            return False
    return True


class Mender:
    """Writes the candidate mends of one fault."""

    def __init__(self, text: str, node: Expr, bindings: Mapping[str, Shape], library: str) -> None:
        self.text = text
        self.node = node
        self.bindings = bindings
        self.library = library

    def code(self, node: Expr) -> str:
        return source(self.text, node)

    def atom(self, node: Expr) -> str:
        """Return a node's code, parenthesised when an attribute could not follow it."""
        code = self.code(node)
        if isinstance(node, Binary) or code.startswith("-"):
            return code if enclosed(code) else f"({code})"
        return code

    def operands(self) -> tuple[Expr, Expr] | None:
        node = self.node
        if isinstance(node, Binary):
            return node.left, node.right
        if isinstance(node, Call) and node.base is None and len(node.args) == 2:
            return node.args[0], node.args[1]
        return None

    def product(self, left: str, right: str) -> str:
        node = self.node
        if isinstance(node, Binary):
            return f"{left} {node.op} {right}"
        assert isinstance(node, Call)
        return f"{node.spelled}({left}, {right})"

    def transposed(self, node: Expr, ndim: int) -> str:
        return f"{self.atom(node)}.T" if ndim == 2 else f"{self.atom(node)}.mT"

    def arguments(self, node: Call, rename: Mapping[str, str] | None = None) -> str:
        rename = rename or {}
        parts = [self.code(arg) for arg in node.args]
        parts += [f"{rename.get(key, key)}={self.code(value)}" for key, value in node.keywords]
        return ", ".join(parts)

    # candidates ------------------------------------------------------------------------------
    def candidates(self, misfit: Misfit) -> list[Candidate]:
        key, params = misfit.key, misfit.params
        pair = self.operands()
        out: list[Candidate] = []
        if pair is not None and key in ("matmul_inner", "dot_inner"):
            out += self.inner(pair, params["a"], params["b"])
        elif pair is not None and key == "broadcast":
            out += self.broadcast(pair, params["a"], params["b"])
        elif pair is not None and key in ("mm_rank", "bmm_rank", "bmm_batch", "dot_rank"):
            left, right = (self.atom(n) for n in pair)
            if key == "mm_rank":
                out.append((f"torch.bmm({left}, {right})", "use_bmm", {}, None))
            if key == "bmm_rank":
                out.append((f"torch.mm({left}, {right})", "use_mm", {}, None))
            out.append((f"{left} @ {right}", "use_matmul", {}, None))
        elif isinstance(self.node, Call) and self.node.base is not None:
            out += self.method(self.node, misfit)
        elif isinstance(self.node, Call) and key == "softmax_dim" and self.node.args:
            out.append(
                (
                    f"{self.node.spelled}({self.code(self.node.args[0])}, dim=-1)",
                    "softmax_dim",
                    {},
                    None,
                )
            )
        return out

    def inner(self, pair: tuple[Expr, Expr], a: Shape, b: Shape) -> list[Candidate]:
        left, right = pair
        out: list[Candidate] = []
        names = {"left": self.code(left), "right": self.code(right)}
        if len(b) >= 2:
            out.append(
                (
                    self.product(self.atom(left), self.transposed(right, len(b))),
                    "transpose_right",
                    names,
                    None,
                )
            )
        if len(a) >= 2:
            out.append(
                (
                    self.product(self.transposed(left, len(a)), self.atom(right)),
                    "transpose_left",
                    names,
                    None,
                )
            )
        out.append((self.product(self.atom(right), self.atom(left)), "swap", names, None))
        if isinstance(right, Tensor) and len(b) == 2 and a:
            weight = (a[-1], b[-1])
            params = {"name": right.name, "weight": weight, "k": a[-1], "out": b[-1]}
            code = self.product(self.atom(left), right.name)
            out.append((code, "weight_rows", params, {**self.bindings, right.name: weight}))
            if self.library == "torch":
                linear = (b[-1], a[-1])
                params = {"name": right.name, "weight": linear, "k": a[-1], "out": b[-1]}
                code = self.product(self.atom(left), f"{right.name}.T")
                out.append((code, "linear_weight", params, {**self.bindings, right.name: linear}))
        return out

    def broadcast(self, pair: tuple[Expr, Expr], a: Shape, b: Shape) -> list[Candidate]:
        left, right = pair
        out: list[Candidate] = []
        for small, big, node, side in ((b, a, right, "right"), (a, b, left, "left")):
            if len(small) != 1 or len(big) < 2:
                continue
            for axis in range(len(big) - 1):
                if big[axis] != small[0]:
                    continue
                trailing = len(big) - 1 - axis
                sizes = ", ".join([str(small[0])] + ["1"] * trailing)
                column = f"{self.atom(node)}.reshape({sizes})"
                if self.library == "torch" and trailing == 1:
                    column = f"{self.atom(node)}.unsqueeze(-1)"
                pieces = (
                    (self.atom(left), column) if side == "right" else (column, self.atom(right))
                )
                params = {"name": self.code(node), "axis": axis, "size": small[0]}
                out.append((self.product(*pieces), "align_axis", params, None))
        names = {"left": self.code(left), "right": self.code(right)}
        if len(a) == 2:
            out.append(
                (
                    self.product(self.transposed(left, 2), self.atom(right)),
                    "transpose_left",
                    names,
                    None,
                )
            )
        if len(b) == 2:
            out.append(
                (
                    self.product(self.atom(left), self.transposed(right, 2)),
                    "transpose_right",
                    names,
                    None,
                )
            )
        return out

    def method(self, node: Call, misfit: Misfit) -> list[Candidate]:
        assert node.base is not None
        base, args = self.atom(node.base), self.arguments(node)
        key = misfit.key
        if key == "numpy_transpose_axes" and len(node.args) == 2:
            return [(f"{base}.swapaxes({args})", "swapaxes", {}, None)]
        if key == "numpy_no_method" and node.name == "permute":
            return [(f"{base}.transpose({args})", "numpy_permute", {}, None)]
        if key == "numpy_no_method" and node.name == "contiguous":
            return [(base, "numpy_contiguous", {}, None)]
        if key in ("numpy_view", "view_stride"):
            out: list[Candidate] = [(f"{base}.reshape({args})", "use_reshape", {}, None)]
            if key == "view_stride":
                out.append((f"{base}.contiguous().view({args})", "use_contiguous", {}, None))
            return out
        if key == "numpy_keyword":
            renamed = self.arguments(node, {"dim": "axis", "keepdim": "keepdims"})
            return [(f"{base}.{node.name}({renamed})", "numpy_axis", {}, None)]
        return []


def mends_for(
    text: str, node: Expr, misfit: Misfit, bindings: Mapping[str, Shape], library: str
) -> tuple[Mend, ...]:
    """Return the mends of the sub-expression ``node`` that fit, each with its shape."""
    mender = Mender(text, node, bindings, library)
    found: list[Mend] = []
    for code, key, params, rebound in mender.candidates(misfit):
        if rebound is not None and any(m.key not in REBINDING for m in found):
            continue  # another weight only when no rewrite of the same operands fits
        shape = fitting_shape(code, rebound or bindings, library)
        if shape is not None and all(m.code != code or m.key != key for m in found):
            found.append(Mend(code, shape, key, params))
    return tuple(found)


__all__ = ["Mend", "fitting_shape", "mends_for", "walk"]
