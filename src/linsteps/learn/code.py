"""The NumPy or PyTorch program that computes what a derivation computes, from the same operands.

:func:`program` writes a short script: the imports, each operand as an array (NumPy) or a
float64 tensor (PyTorch), the operation as each library spells it (``a @ b``, ``A * B``,
``np.outer``, ``F.linear``, a softmax by rows, the head split of multi-head attention) and one
``print`` of the result as nested lists.  The tests run every program with the real library
and compare what it prints with the derivation's exact result.
"""

from __future__ import annotations

from collections.abc import Callable

from linsteps.derivation.steps import Derivation
from linsteps.errors import UsageError
from linsteps.learn.code_writer import LIBRARIES, Writer


def _names(w: Writer) -> list[str]:
    return [op.name for op in w.derivation.inputs]


def _binary(numpy: str, torch: str) -> Callable[[Writer], None]:
    """A product of two operands written ``{a} @ {b}`` and so on."""

    def build(w: Writer) -> None:
        w.inputs()
        a, b = _names(w)
        w.lines.append("result = " + (torch if w.torch else numpy).format(a=a, b=b))

    return build


def _norm(w: Writer, name: str) -> str:
    return f"torch.linalg.vector_norm({name})" if w.torch else f"np.linalg.norm({name})"


def _one(w: Writer, expression: Callable[[str], str]) -> None:
    w.inputs()
    w.lines.append("result = " + expression(_names(w)[0]))


def _cos(w: Writer) -> None:
    w.inputs()
    names = _names(w)
    if len(names) == 1:  # the cosine-similarity matrix of the rows
        (x,) = names
        unit = (
            f"F.normalize({x}, dim=1)"
            if w.torch
            else f"{x} / np.linalg.norm({x}, axis=1, keepdims=True)"
        )
        w.lines += [f"unit = {unit}  # every row scaled to length 1", "result = unit @ unit.T"]
        return
    a, b = names
    if w.torch:
        w.lines.append(f"result = F.cosine_similarity({a}, {b}, dim=0)")
    else:
        w.lines.append(f"result = {a} @ {b} / ({_norm(w, a)} * {_norm(w, b)})")


def _angle(w: Writer) -> None:
    _cos(w)
    clip = "result.clamp(-1, 1)" if w.torch else "np.clip(result, -1, 1)"
    arccos = "torch.arccos" if w.torch else "np.arccos"
    w.lines.append(f"result = {arccos}({clip})  # radians; rounding may leave cos just past ±1")


def _transpose(w: Writer) -> None:
    (operand,) = w.derivation.inputs
    column = operand.layout == "vector"
    w.array(
        operand, column=column, comment="a column: 1-D arrays have no transpose" if column else ""
    )
    w.lines.append(f"result = {operand.name}.T")


def _project(w: Writer) -> None:
    w.inputs()
    a, b = _names(w)
    w.lines.append(f"result = ({a} @ {b}) / ({b} @ {b}) * {b}  # the part of {a} along {b}")


def _linear(w: Writer) -> None:
    w.inputs()
    names = _names(w)
    weight, x = names[0], names[1]
    bias = names[2] if len(names) > 2 else None
    if w.torch:
        args = f"{x}, {weight}" + (f", {bias}" if bias else "")
        w.lines.append(
            f"result = F.linear({args})  # {x} @ {weight}.T" + (f" + {bias}" if bias else "")
        )
        return
    batch = bool(w.derivation.settings.get("batch"))
    product = f"{x} @ {weight}.T" if batch else f"{weight} @ {x}"
    w.lines.append(f"result = {product}" + (f" + {bias}" if bias else ""))


def _softmax_lines(w: Writer, scores: str, causal: bool) -> None:
    if causal:
        if w.torch:
            mask = f"torch.ones_like({scores}, dtype=torch.bool).triu(1)"
            w.lines.append(f"{scores} = {scores}.masked_fill({mask}, float('-inf'))  # causal")
        else:
            keep = f"np.tril(np.ones({scores}.shape[-2:], dtype=bool))"
            w.lines.append(f"{scores} = np.where({keep}, {scores}, -np.inf)  # causal")
    if w.torch:
        w.lines.append(f"weights = torch.softmax({scores}, dim=-1)")
    else:
        w.lines += [
            f"weights = np.exp({scores} - {scores}.max(axis=-1, keepdims=True))",
            "weights = weights / weights.sum(axis=-1, keepdims=True)  # softmax by row",
        ]


def _attention(w: Writer) -> None:
    w.inputs()
    names = _names(w)
    q, k = names[0], names[1]
    settings = w.derivation.settings
    root = "math.sqrt" if w.torch else "np.sqrt"
    scale = f" / {root}({q}.shape[-1])" if settings.get("scale", True) else ""
    w.lines.append(f"scores = {q} @ {k}.T{scale}")
    _softmax_lines(w, "scores", bool(settings.get("causal")))
    w.lines.append(f"result = weights @ {names[2]}" if len(names) > 2 else "result = weights")


def _heads(w: Writer) -> None:
    w.inputs()
    names = _names(w)
    q, k = names[0], names[1]
    settings = w.derivation.settings
    heads = int(settings["heads"])
    w.lines += [
        f"H = {heads}",
        f"T, d_model = {q}.shape",
        f"S = {k}.shape[0]",
        "d_k = d_model // H",
    ]
    split = (
        ".view({rows}, H, {width}).transpose(0, 1)"
        if w.torch
        else ".reshape({rows}, H, {width}).transpose(1, 0, 2)"
    )
    w.lines.append(f"q = {q}{split.format(rows='T', width='d_k')}  # (H, T, d_k)")
    w.lines.append(f"k = {k}{split.format(rows='S', width='d_k')}  # (H, S, d_k)")
    swap = "k.transpose(-2, -1)" if w.torch else "k.transpose(0, 2, 1)"
    root = "math.sqrt" if w.torch else "np.sqrt"
    scale = f" / {root}(d_k)" if settings.get("scale", True) else ""
    w.lines.append(f"scores = q @ {swap}{scale}  # (H, T, S)")
    _softmax_lines(w, "scores", bool(settings.get("causal")))
    if len(names) > 2:
        v = names[2]
        w.lines.append(f"d_v = {v}.shape[1] // H")
        w.lines.append(f"v = {v}{split.format(rows='S', width='d_v')}  # (H, S, d_v)")
        w.lines.append("heads = weights @ v  # (H, T, d_v)")
        width = "H * d_v"
    else:
        w.lines.append("heads = weights  # (H, T, S)")
        width = "H * S"
    back = "heads.transpose(0, 1)" if w.torch else "heads.transpose(1, 0, 2)"
    w.lines.append(f"result = {back}.reshape(T, {width})  # the heads side by side")


def _einsum(w: Writer) -> None:
    from linsteps.derivation.node import walk
    from linsteps.derivation.steps import Heading
    from linsteps.derivation.tensor_nodes import Einsum

    specs = [
        node.spec
        for step in w.derivation.steps
        if isinstance(step, Heading)
        for node in walk(step.expression)
        if isinstance(node, Einsum)
    ]
    if not specs:
        raise UsageError("code_operation", operation="einsum")
    w.inputs()
    call = "torch.einsum" if w.torch else "np.einsum"
    w.lines.append(f"result = {call}({specs[0]!r}, {', '.join(_names(w))})")


BUILDERS: dict[str, Callable[[Writer], None]] = {
    "dot": _binary("{a} @ {b}", "torch.dot({a}, {b})"),
    "inner": _binary("np.vdot({b}, {a})  # conjugates b", "torch.vdot({b}, {a})  # conjugates b"),
    "norm": lambda w: _one(w, lambda name: _norm(w, name)),
    "cos": _cos,
    "angle": _angle,
    "hadamard": _binary("{a} * {b}", "{a} * {b}"),
    "matmul": _binary("{a} @ {b}", "{a} @ {b}"),
    "outer": _binary("np.outer({a}, {b})", "torch.outer({a}, {b})"),
    "transpose": _transpose,
    "project": _project,
    "linear": _linear,
    "attention": _attention,
    "attention_heads": _heads,
    "einsum": _einsum,
    "broadcast": _binary("{a} * {b}", "{a} * {b}"),
}


def program(derivation: Derivation, library: str) -> str:
    """Return a NumPy (``numpy``) or PyTorch (``torch``) program that prints the result of
    ``derivation``, computed from the same operands."""
    operation = getattr(derivation, "operation", None)
    build = BUILDERS.get(operation) if isinstance(operation, str) else None
    if build is None:
        raise UsageError("code_operation", operation=operation or type(derivation).__name__)
    writer = Writer(derivation, library)
    build(writer)
    return writer.text()


__all__ = ["BUILDERS", "LIBRARIES", "program"]
