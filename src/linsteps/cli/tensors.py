"""The products as array code writes them: ``hadamard`` (NumPy's ``*`` with --broadcast),
``matmul`` (NumPy's ``@`` for operands of any rank) and ``einsum``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from linsteps.cli.common import explaining, load
from linsteps.cli.options import Shared

EntryOpt = Annotated[
    str | None,
    typer.Option("--entry", help="Explain one entry: i,j (1-based), i,j,k for a 3-D result."),
]


@explaining("decimals", "full", "dim", "code")
def hadamard(
    a: Annotated[str, typer.Argument(help="First matrix, vector or array.")],
    b: Annotated[str, typer.Argument(help="Second, same shape (or one that broadcasts).")],
    shape: Annotated[
        str | None, typer.Option("--shape", help="With bare names: generic MxN matrices.")
    ] = None,
    broadcast: Annotated[
        bool,
        typer.Option(
            "--broadcast", help="NumPy's a * b: broadcast the shapes first (1s stretched)."
        ),
    ] = False,
    *,
    shared: Shared,
) -> Any:
    """The Hadamard (element-wise) product (A∘B)ᵢⱼ = AᵢⱼBᵢⱼ: no sum, same shape.

    With --broadcast, NumPy's a * b: the shapes are aligned on the right and every axis of
    size 1 (or missing) is stretched, shown as a table, before the entries are multiplied.

    Example: linsteps hadamard "1 2; 3 4" "5 6; 7 8"
    """
    from linsteps import ops

    return ops.hadamard(load(a), load(b), shape=shape, broadcast=broadcast, **shared.settings)


@explaining("decimals", "full", "code")
def matmul(
    a: Annotated[str, typer.Argument(help="Left matrix (a vector is a row) or array.")],
    b: Annotated[str, typer.Argument(help="Right matrix (a vector is a column) or array.")],
    entry: EntryOpt = None,
    shape: Annotated[
        list[str] | None,
        typer.Option(
            "--shape",
            help="With bare names: MxN or 2x3x4 of A (repeat for B); letters (mxn): general form.",
        ),
    ] = None,
    *,
    shared: Shared,
) -> Any:
    """The matrix product AB: entry (i, j) is row i of A times column j of B.

    Arrays of rank 3 or more multiply as NumPy's a @ b: the last two axes as matrices, the
    axes before them broadcast as batch axes, a 1-D operand promoted and its axis removed.

    Example: linsteps matmul "1 2; 3 4" "5 6; 7 8"
    """
    from linsteps import ops

    shapes = shape or []
    return ops.matmul(
        load(a),
        load(b),
        shape=shapes[0] if shapes else None,
        shape_b=shapes[1] if len(shapes) > 1 else None,
        entry=entry,
        **shared.settings,
    )


@explaining("decimals", "full", "code")
def einsum(
    spec: Annotated[str, typer.Argument(help="Subscripts such as 'ij,jk->ik' (NumPy's rules).")],
    operands: Annotated[
        list[str], typer.Argument(help="One operand a term: '1 2; 3 4', '[[[1, 2]]]', @file, -.")
    ],
    entry: EntryOpt = None,
    shape: Annotated[
        list[str] | None,
        typer.Option(
            "--shape", help="With bare names: the shape of each operand in turn, e.g. 2x3x4."
        ),
    ] = None,
    *,
    shared: Shared,
) -> Any:
    """Einstein summation, as numpy.einsum computes it: the product it is, its entries.

    Each operand's axes get one letter; letters in the output (after ->) are kept, the others
    summed. Without ->, the letters that appear once are kept, in alphabetical order. ...
    stands for broadcast axes; a letter twice in one operand takes its diagonal.

    Example: linsteps einsum "ij,jk->ik" "1 2; 3 4" "5 6; 7 8"
    """
    from linsteps import ops

    return ops.einsum(
        spec,
        *(load(text) for text in operands),
        shapes=shape or (),
        entry=entry,
        **shared.settings,
    )
