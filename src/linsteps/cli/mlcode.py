"""The commands for NumPy and PyTorch code: ``shapes`` and ``why``.

(``--code numpy|torch`` on the explaining commands is the shared option ``code``.)
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from linsteps.cli.common import EXPLAINING, Viewed, run
from linsteps.cli.common import load as read
from linsteps.cli.options import Library, Shared, sharing


@sharing(*EXPLAINING)
def shapes(
    expression: Annotated[
        str, typer.Argument(help="A NumPy or PyTorch expression, e.g. 'x @ W.T + b'.")
    ],
    bindings: Annotated[
        list[str] | None,
        typer.Argument(help="The shape of each array: NAME=SHAPE, e.g. x=32x784 b=10."),
    ] = None,
    lib: Annotated[
        Library | None,
        typer.Option(
            "--lib",
            help="Whose rules and words: numpy or torch (default: as the code says, else torch).",
        ),
    ] = None,
    *,
    shared: Shared,
) -> None:
    """The shape of every sub-expression of NumPy/PyTorch code, read, never run.

    Where a shape does not fit: the rule broken with its sizes, the error the library raises,
    and the mends that fit.  Exit status: 0 every shape fits, 1 one does not, 2 unreadable.

    Example: linsteps shapes "x @ W.T + b" x=32x784 W=10x784 b=10
    """
    made: list[Any] = []

    def build() -> Viewed:
        from linsteps.learn.shape_view import render_report
        from linsteps.learn.shapes import shapes as read_shapes

        report = read_shapes(read(expression), bindings or [], None if lib is None else lib.value)
        made.append(report)
        return Viewed(report, render_report)

    run(build, shared)
    if made and not made[0].fits:
        raise typer.Exit(1)


@sharing(*EXPLAINING)
def why(
    message: Annotated[
        str, typer.Argument(help="A PyTorch or NumPy shape error, e.g. 'mat1 and mat2 shapes …'.")
    ],
    *,
    shared: Shared,
) -> None:
    """Explain a shape error of PyTorch or NumPy: the rule broken, the sizes, the mends.

    Example: linsteps why "mat1 and mat2 shapes cannot be multiplied (32x784 and 512x10)"
    """

    def build() -> Viewed:
        from linsteps.learn.shape_view import render_report
        from linsteps.learn.why import why as read_message

        return Viewed(read_message(read(message)), render_report)

    run(build, shared)
