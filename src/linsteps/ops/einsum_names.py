"""Which known product a contraction is: dot, outer, Hadamard, matmul, trace, diagonal, …

The name is read from the letters alone (which are shared, kept or summed, and in what
order), so ``"ij,jk->ik"`` is the matrix product AB, ``"ij,kj->ik"`` is ABᵀ, ``"ii->"`` the
trace and ``"bhqd,bhkd->bhqk"`` a batched ABᵀ (attention's scores).  Anything else is a
general contraction.  Returns a message key and its parameters (the product as notation).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linsteps.derivation.matrices import Dot, Hadamard, MatProduct, Transpose
from linsteps.derivation.node import Node
from linsteps.derivation.values import Name
from linsteps.ops.contraction import Plan

Named = tuple[str, dict[str, Any]]
GENERAL: Named = ("einsum.general", {})
BATCHED = {"matmul", "matvec", "vecmat", "dot", "trace", "diagonal"}


def name_contraction(plan: Plan, nodes: Sequence[Name], ellipsis: tuple[str, ...] = ()) -> Named:
    """Return the note key naming the product ``plan`` computes, and its parameters.

    The letters ``...`` stood for (``ellipsis``) are batch axes: a product over the other
    letters is then the batched product (the element-wise product stays element-wise).
    """
    if not ellipsis:
        return _named(plan.inputs, plan.output, nodes)
    core: list[tuple[str, ...]] = []
    for labels in (*plan.inputs, plan.output):
        own = tuple(x for x in labels if x in ellipsis)
        if labels[: len(own)] != own or own != ellipsis[len(ellipsis) - len(own) :]:
            return GENERAL
        core.append(labels[len(own) :])
    if plan.output[: len(ellipsis)] != ellipsis:
        return GENERAL
    key, params = _named(tuple(core[:-1]), core[-1], nodes)
    kind = key.removeprefix("einsum.").removeprefix("batched_")
    if key == "einsum.hadamard":
        return key, params
    if kind not in BATCHED:
        return GENERAL
    batch = ", ".join(x for x in ("...", params.get("batch")) if x)
    return f"einsum.batched_{kind}", {**params, "batch": batch}


def _named(
    inputs: tuple[tuple[str, ...], ...], output: tuple[str, ...], nodes: Sequence[Name]
) -> Named:
    """Return the name of a contraction without broadcast axes."""
    if len(inputs) == 1:
        return _unary(inputs[0], output, nodes[0])
    if len(inputs) == 2:
        return _binary(inputs[0], inputs[1], output, nodes[0], nodes[1])
    if len(inputs) == 3 and not output:
        x, m, y = inputs
        if len(x) == 1 and len(y) == 1 and m == (x[0], y[0]) and x[0] != y[0]:
            form = MatProduct(MatProduct(Transpose(nodes[0]), nodes[1]), nodes[2])
            return "einsum.bilinear", {"expr": form, "a": nodes[1].name}
    return GENERAL


def _unary(labels: tuple[str, ...], output: tuple[str, ...], node: Name) -> Named:
    a = {"a": node.name}
    if len(set(labels)) < len(labels):
        *batch, x, y = labels
        if x == y and len(set(batch)) == len(batch) and x not in batch:
            prefix = "einsum.batched_" if batch else "einsum."
            extra = {"batch": ", ".join(batch)} if batch else {}
            if output == tuple(batch):
                return prefix + "trace", {**a, **extra}
            if output == (*batch, x):
                return prefix + "diagonal", {**a, **extra}
        return GENERAL
    if output == labels:
        return "einsum.identity", a
    if sorted(output) == sorted(labels):
        if len(labels) == 2:
            return "einsum.transpose", {**a, "expr": Transpose(node)}
        return "einsum.permute", a
    if not output:
        return "einsum.sum_all", a
    summed = [x for x in labels if x not in output]
    if [x for x in labels if x in output] == list(output):
        return "einsum.sum_axes", {**a, "axes": ", ".join(summed)}
    return GENERAL


def _binary(
    left: tuple[str, ...], right: tuple[str, ...], output: tuple[str, ...], a: Name, b: Name
) -> Named:
    names = {"a": a.name, "b": b.name}
    if len(set(left)) < len(left) or len(set(right)) < len(right):
        return GENERAL
    shared = [x for x in left if x in right]
    batch = [x for x in shared if x in output]
    contracted = [x for x in shared if x not in output]
    free_a = [x for x in left if x not in right]
    free_b = [x for x in right if x not in left]
    if any(x not in output for x in free_a + free_b):
        return GENERAL
    if not shared:
        if len(left) == 1 and len(right) == 1 and output == (*left, *right):
            return "einsum.outer", {**names, "expr": MatProduct(a, Transpose(b))}
        return "einsum.tensor_product", names
    if not contracted and not free_a and not free_b:
        return "einsum.hadamard", {**names, "expr": Hadamard(a, b)}
    if not batch and not free_a and not free_b:
        if len(left) == 1:
            return "einsum.dot", {**names, "expr": Dot(a, b)}
        if left == right:
            return "einsum.frobenius", names
        return "einsum.full", names
    return _matmul_family(left, right, output, a, b, batch, contracted)


def _matmul_family(
    left: tuple[str, ...],
    right: tuple[str, ...],
    output: tuple[str, ...],
    a: Name,
    b: Name,
    batch: list[str],
    contracted: list[str],
) -> Named:
    """Name ``A @ B`` with a transpose where the letters say so, batched or not."""
    nb = len(batch)
    if len(contracted) != 1 or any(x[:nb] != tuple(batch) for x in (left, right, output)):
        return GENERAL
    (k,) = contracted
    core_a, core_b, core_out = left[nb:], right[nb:], output[nb:]
    if len(core_a) > 2 or len(core_b) > 2:
        return GENERAL
    form_a: Node = a if core_a[-1:] == (k,) else Transpose(a)
    form_b: Node = b if core_b[:1] == (k,) else Transpose(b)
    if len(core_a) == 2 and len(core_b) == 2:
        i = core_a[0] if core_a[1] == k else core_a[1]
        j = core_b[1] if core_b[0] == k else core_b[0]
        form: Node = MatProduct(form_a, form_b)
        key = "matmul"
        if core_out != (i, j):
            form = Transpose(form)
    elif len(core_a) == 2:
        key, form = "matvec", MatProduct(form_a, b)
    elif len(core_b) == 2:
        key, form = "vecmat", MatProduct(Transpose(a), form_b)
    else:  # both vectors with a batch: a batched dot product
        key, form = "dot", Dot(a, b)
    params: dict[str, Any] = {"a": a.name, "b": b.name, "expr": form}
    if batch:
        return f"einsum.batched_{key}", {**params, "batch": ", ".join(batch)}
    return f"einsum.{key}", params
