"""The matrix product of arrays of any rank, as NumPy's ``a @ b`` and ``torch.matmul`` do it.

The last two axes of each operand are the matrices multiplied; the axes before them are
batch axes, broadcast as for ``*``.  A 1-D operand is promoted to a matrix (a row on the
left, a column on the right) and the axis added is removed from the result.  Each of these
steps is said, and the entries are derived like any other contraction.
"""

from __future__ import annotations

from typing import Any

from linsteps.derivation.arithmetic import Product
from linsteps.derivation.general_forms import SumOver
from linsteps.derivation.matrices import Indexed, MatProduct
from linsteps.derivation.node import Node
from linsteps.derivation.steps import Condition, Derivation, Heading, Note, Rule
from linsteps.derivation.tensor_nodes import Dims
from linsteps.derivation.tensor_operands import named, result_name, tensor_of, to_tensor
from linsteps.derivation.values import Name
from linsteps.ops.broadcast import axis_conditions, broadcast_shape
from linsteps.ops.common import DEFAULT_PLACES, settings_of
from linsteps.ops.contraction import (
    Contraction,
    Plan,
    conclusion,
    entry_steps,
    parse_index,
)
from linsteps.ops.matmul_errors import matmul_error

BATCH_LETTERS = "stuvrpohelxmnwyzqgfdcbaSTUVRPOHELXMNWYZQGFDCBA"


def tensor_matmul(
    a: Any,
    b: Any,
    *,
    shape: str | tuple[int, ...] | None = None,
    shape_b: str | tuple[int, ...] | None = None,
    places: int = DEFAULT_PLACES,
    full: bool = False,
    entry: str | tuple[int, ...] | None = None,
) -> Derivation:
    """Explain ``a @ b`` for operands of any rank (NumPy's and PyTorch's ``matmul``)."""
    left = to_tensor(a, "A", shape=shape)
    right = to_tensor(b, "B", shape=shape_b or shape)
    sa = tuple(int(s) for s in left.value.shape)
    sb = tuple(int(s) for s in right.value.shape)
    (left, right), letter = named([left, right])
    matmul_error(left.name, sa, right.name, sb)
    batch_a, batch_b = sa[:-2], sb[:-2]
    batch = broadcast_shape(batch_a, batch_b) or ()
    m, n = (1, sa[0]) if len(sa) == 1 else sa[-2:]
    p = 1 if len(sb) == 1 else sb[-1]
    letters = BATCH_LETTERS[: len(batch)]
    labels_a = (*letters[len(batch) - len(batch_a) :], *(("k",) if len(sa) == 1 else ("i", "k")))
    labels_b = (*letters[len(batch) - len(batch_b) :], *(("k",) if len(sb) == 1 else ("k", "j")))
    kept = (*letters, *(() if len(sa) == 1 else ("i",)), *(() if len(sb) == 1 else ("j",)))
    sizes = {**dict(zip(letters, batch, strict=True)), "i": m, "k": n, "j": p}
    plan = Plan((labels_a, labels_b), kept, sizes)
    out_shape = plan.shape
    result = result_name(letter, len(out_shape))
    lhs = MatProduct(left.node(), right.node())
    steps: list[Any] = [
        Heading("matmul_nd", lhs),
        _rule(result, plan, (left.name, right.name), (sa, sb)),
    ]
    names = {"a": left.name, "b": right.name}
    if len(sa) == 1:
        steps.append(Note("matmul_promote_row", {**names, "n": n, "shape": Dims((1, n))}))
    if len(sb) == 1:
        steps.append(Note("matmul_promote_column", {**names, "n": n, "shape": Dims((n, 1))}))
    core = Dims((m, p))
    steps.append(Condition("matmul_shapes", {**names, "m": m, "n": n, "p": p, "shape": core}))
    steps.extend(_batch_steps(left.name, batch_a, right.name, batch_b, batch))
    if len(sa) == 1 or len(sb) == 1:
        key = "matmul_promotion_removed" + ("" if out_shape else "_scalar")
        steps.append(Note(key, {"lhs": result, "shape": Dims(out_shape)}))
    contraction = Contraction(plan, (tensor_of(left), tensor_of(right)))
    index = parse_index(entry, out_shape) if entry is not None else None
    chains, values = entry_steps(contraction, result, full, index)
    steps.extend(chains)
    params = {**names, "batch": Dims(batch)}
    final, value = conclusion(result, "matmul_nd", out_shape, values, chains, index, places, params)
    steps.append(final)
    settings = settings_of((left, right), places, full=full)
    if index is not None:
        settings["entry"] = index
    return Derivation("matmul", (left, right), tuple(steps), value, settings)


def _rule(
    result: str, plan: Plan, names: tuple[str, ...], shapes: tuple[tuple[int, ...], ...]
) -> Rule:
    """Return ``Cₛᵢⱼ = Σₖ AₛᵢₖBₛₖⱼ``; a stretched batch axis shows its one index, 1."""
    factors: list[Node] = []
    for name, labels, shape in zip(names, plan.inputs, shapes, strict=True):
        indices = tuple(
            1 if size == 1 and plan.sizes[x] > 1 else x
            for x, size in zip(labels, shape, strict=True)
        )
        factors.append(Indexed(Name(name), indices))
    lhs: Node = Indexed(Name(result), plan.output) if plan.output else Name(result)
    return Rule(lhs, (SumOver("k", 1, plan.sizes["k"], Product(tuple(factors))),))


def _batch_steps(
    a: str, batch_a: tuple[int, ...], b: str, batch_b: tuple[int, ...], batch: tuple[int, ...]
) -> list[Any]:
    """Return what the batch axes do: none, one side repeated, or both broadcast."""
    if not batch_a and not batch_b:
        return []
    if not batch_b or not batch_a:
        batched, single = (a, b) if batch_a else (b, a)
        shape = Dims(batch_a or batch_b)
        return [
            Condition("matmul_batch_one", {"batched": batched, "single": single, "batch": shape})
        ]
    steps: list[Any] = [
        Condition(
            "matmul_batch_both",
            {"a": a, "b": b, "batch_a": Dims(batch_a), "batch_b": Dims(batch_b)},
        )
    ]
    if batch_a != batch_b:
        steps.extend(axis_conditions(a, batch_a, b, batch_b))
    steps.append(Condition("matmul_batch_result", {"batch": Dims(batch)}))
    return steps
