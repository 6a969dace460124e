"""The commands that set the products side by side and show the concept cards."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from linsteps.cli.common import Viewed, explaining, load
from linsteps.cli.options import Shared


@explaining("decimals")
def compare(
    a: Annotated[str, typer.Argument(help="First operand: a vector or a matrix.")],
    b: Annotated[str, typer.Argument(help="Second operand: a vector or a matrix.")],
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Expand one product into its full derivation: {products}."),
    ] = None,
    *,
    shared: Shared,
) -> Any:
    """Every product of two operands side by side: which are defined, their shapes, values.

    Two vectors: a·b, a∘b, abᵀ, aᵀb, cos θ. Two matrices: AB, BA, A∘B and the defined
    transposed products. A matrix and a vector: Ax, xᵀA, A∘x. Then what differs.

    Example: linsteps compare "[1, 2, 3]" "[4, 5, 6]"
    """
    from linsteps.learn.compare import compare as build
    from linsteps.learn.comparison_view import render_comparison

    comparison = build(load(a), load(b), **shared.settings)
    return Viewed(comparison, render_comparison) if explain is None else comparison.explain(explain)


@explaining()
def guide(
    topic: Annotated[
        str | None,
        typer.Argument(
            help="A concept: {concepts}; or any of its names, such as inner product or 点积."
        ),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Every concept card, one after another.")
    ] = False,
    *,
    shared: Shared,
) -> Any:
    """Concept cards: definition, rule, when defined, meaning, uses in ML, common mistakes.

    Without a topic, the list of concepts. Each card ends with a small example computed live.
    With --all --format latex --standalone: a printable handout.

    Example: linsteps guide dot --lang zh --format latex
    """
    from linsteps.learn.guide import guide_for
    from linsteps.learn.guide_view import render_guide

    return Viewed(guide_for(topic, all_), render_guide)
