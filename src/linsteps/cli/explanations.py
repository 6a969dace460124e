"""The explaining commands: one derivation each, in any format and language.

Each function names its operands and its own options and returns the derivation; the shared
options (format, language, decimals, output …) come from :func:`explaining`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from linsteps.cli import common
from linsteps.cli.common import load
from linsteps.cli.options import Shared

#: The shared options of the commands that explain vectors.
VECTORS = ("decimals", "full", "dim")


def explaining(*names: str) -> Callable[[Callable[..., Any]], Callable[..., None]]:
    """:func:`linsteps.cli.common.explaining`, with --code numpy|torch: the program beside it."""
    return common.explaining(*names, "code")


@explaining(*VECTORS, "plot")
def dot(
    a: Annotated[str, typer.Argument(help="First vector, e.g. '[1, 2, 3]'.")],
    b: Annotated[str, typer.Argument(help="Second vector, e.g. '4 5 6'.")],
    complex_: Annotated[
        bool,
        typer.Option(
            "--complex", help="i is the imaginary unit; the inner product ⟨a, b⟩ = Σ aᵢ·conj(bᵢ)."
        ),
    ] = False,
    *,
    shared: Shared,
) -> Any:
    """The dot (inner) product a·b = Σ aᵢbᵢ: multiply matching entries, then sum.

    With --complex, the inner product with conjugation ⟨a, b⟩ = Σ aᵢ·conj(bᵢ).

    Example: linsteps dot "[1, 2, 3]" "[4, 5, 6]"
    """
    from linsteps import ops

    return ops.dot(load(a), load(b), complex=complex_, **shared.settings)


@explaining(*VECTORS)
def norm(
    a: Annotated[str, typer.Argument(help="A vector, e.g. '[1, 2, 3]'.")],
    *,
    shared: Shared,
) -> Any:
    """The norm (length) ‖a‖ = √(a·a).

    Example: linsteps norm "[1, 2, 3]"
    """
    from linsteps import ops

    return ops.norm(load(a), **shared.settings)


@explaining(*VECTORS, "plot")
def cos(
    a: Annotated[str, typer.Argument(help="First vector (with --pairwise: a list of vectors).")],
    b: Annotated[str | None, typer.Argument(help="Second vector.")] = None,
    pairwise: Annotated[
        bool,
        typer.Option("--pairwise", help="A is a list of vectors: their cosine-similarity matrix."),
    ] = False,
    *,
    shared: Shared,
) -> Any:
    """The cosine of the angle, cos θ = a·b / (‖a‖‖b‖): cosine similarity.

    With --pairwise, the cosine-similarity matrix of the rows of one list of vectors.

    Example: linsteps cos "1 2 3" "4 5 6" --lang zh
    """
    from linsteps import ops

    first = load(a)
    return ops.cos(first, None if b is None else load(b), pairwise=pairwise, **shared.settings)


@explaining(*VECTORS, "plot")
def angle(
    a: Annotated[str, typer.Argument(help="First vector.")],
    b: Annotated[str, typer.Argument(help="Second vector.")],
    *,
    shared: Shared,
) -> Any:
    """The angle θ = arccos(a·b / (‖a‖‖b‖)), in radians and degrees.

    Example: linsteps angle "[1, 0]" "[1, 1]"
    """
    from linsteps import ops

    return ops.angle(load(a), load(b), **shared.settings)


@explaining("decimals", "full")
def outer(
    a: Annotated[str, typer.Argument(help="First vector (the column).")],
    b: Annotated[str, typer.Argument(help="Second vector (the row, transposed).")],
    *,
    shared: Shared,
) -> Any:
    """The outer product abᵀ: every aᵢbⱼ in an n×m matrix (not the inner product aᵀb).

    Example: linsteps outer "[1, 2]" "[3, 4, 5]"
    """
    from linsteps import ops

    return ops.outer(load(a), load(b), **shared.settings)


@explaining("decimals")
def transpose(
    a: Annotated[str, typer.Argument(help="A matrix (a vector is read as a column).")],
    *,
    shared: Shared,
) -> Any:
    """The transpose Aᵀ: rows become columns, (Aᵀ)ᵢⱼ = Aⱼᵢ.

    Example: linsteps transpose "1 2 3; 4 5 6"
    """
    from linsteps import ops

    return ops.transpose(load(a), **shared.settings)


@explaining("decimals", "full", "plot")
def project(
    a: Annotated[str, typer.Argument(help="The vector to project.")],
    b: Annotated[str, typer.Argument(help="The vector to project on (not zero).")],
    *,
    shared: Shared,
) -> Any:
    """The projection proj_b a = (a·b / b·b) b, and the part of a orthogonal to b.

    Example: linsteps project "[3, 4]" "[1, 0]"
    """
    from linsteps import ops

    return ops.project(load(a), load(b), **shared.settings)


@explaining("decimals", "full")
def linear(
    w: Annotated[str, typer.Argument(help="Weights W, out_features×in_features.")],
    x: Annotated[str, typer.Argument(help="Input x (a vector), or a batch X (one sample a row).")],
    b: Annotated[str | None, typer.Argument(help="Bias b, out_features entries.")] = None,
    *,
    shared: Shared,
) -> Any:
    """The linear (fully connected) layer y = Wx + b; a batch X as PyTorch does, XWᵀ + b.

    Example: linsteps linear "1 2; 3 4; 5 6" "[1, -1]" "[0, 1, 2]"
    """
    from linsteps import ops

    return ops.linear(load(w), load(x), None if b is None else load(b), **shared.settings)


@explaining("decimals", "full")
def attention(
    q: Annotated[str, typer.Argument(help="Queries Q, one per row (n×d_k).")],
    k: Annotated[str, typer.Argument(help="Keys K, one per row (m×d_k).")],
    v: Annotated[str | None, typer.Argument(help="Values V, one row per key (m×d_v).")] = None,
    no_scale: Annotated[
        bool, typer.Option("--no-scale", help="Do not divide the scores by √d_k.")
    ] = False,
    causal: Annotated[
        bool, typer.Option("--causal", help="Mask the scores above the diagonal (−∞, weight 0).")
    ] = False,
    heads: Annotated[
        int | None, typer.Option("--heads", help="Multi-head: split d_model into H heads.")
    ] = None,
    *,
    shared: Shared,
) -> Any:
    """Scaled dot-product attention softmax(QKᵀ/√d_k)·V, score by score and row by row.

    With --heads H: split into H heads, attention in each, the heads side by side.

    Example: linsteps attention "1 0; 0 1" "1 1; 0 1" "1 2; 3 4"
    """
    from linsteps import ops

    queries, keys = load(q), load(k)
    values = None if v is None else load(v)
    if heads is not None:
        return ops.multi_head_attention(
            queries, keys, values, heads=heads, scale=not no_scale, causal=causal, **shared.settings
        )
    return ops.attention(
        queries, keys, values, scale=not no_scale, causal=causal, **shared.settings
    )
