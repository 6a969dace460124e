"""What every command shares: the Typer app, common options, reading operands, writing output.

Nothing here imports SymPy; the commands import the library when they run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from linsteps import __version__
from linsteps.cli.bounds import BoundedGroup
from linsteps.cli.bounds import fail as fail  # re-exported for the command modules
from linsteps.errors import LinstepsError, UsageError

app = typer.Typer(
    name="linsteps",
    help="Explain linear algebra step by step: dot, Hadamard and matrix products, norms, angles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=BoundedGroup,
)


class Format(str, Enum):
    """Output formats."""

    text = "text"
    json = "json"
    latex = "latex"
    markdown = "markdown"
    html = "html"


class Lang(str, Enum):
    """Languages of the explanation."""

    en = "en"
    zh = "zh"


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: text, json, latex, markdown, html.")
]
StandaloneOpt = Annotated[
    bool,
    typer.Option(
        "--standalone", help="With --format latex: a complete document (xelatex for --lang zh)."
    ),
]
LangOpt = Annotated[Lang, typer.Option("--lang", "-l", help="Language: en or zh.")]
DecimalsOpt = Annotated[
    int, typer.Option("--decimals", "-d", help="Decimal places of approximations (0-50).")
]
FullOpt = Annotated[bool, typer.Option("--full", help="Show every step, even for large inputs.")]
DimOpt = Annotated[
    str | None,
    typer.Option(
        "--dim",
        help="With a bare name (a): a generic vector a₁…a_N; a letter (n): the general form.",
    ),
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write to this file (whole or not at all).")
]
PlotOpt = Annotated[
    Path | None,
    typer.Option("--plot", help="Also draw the vectors and θ to FILE.svg or FILE.png (2-D/3-D)."),
]
ColorOpt = Annotated[
    bool | None,
    typer.Option("--color/--no-color", help="Colour the text (default: when a terminal)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"linsteps {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Explain linear algebra step by step, exactly, in English or Chinese.

    Operands: [1, 2, 3] or "1 2 3"; matrices [[1, 2], [3, 4]] or "1 2; 3 4"; entries may be
    fractions, decimals, sqrt(2), pi and symbols. "-" reads stdin, "@file" reads a file.
    Every command is bounded: --time-limit (10 s), --memory-limit (2048 MB), --max-terms.
    Exit status: 0 done, 2 bad input, usage or a limit passed (one line on stderr).
    """


_stdin_used = False


def load(text: str) -> str:
    """Return an operand's text: ``-`` reads standard input, ``@path`` a file."""
    from linsteps.reading.files import read_source

    global _stdin_used
    if text == "-":
        if _stdin_used:
            raise UsageError("stdin_twice")
        _stdin_used = True
    return read_source(text)


def emit(
    derivation: Any,
    fmt: Format,
    lang: Lang,
    out: Path | None,
    color: bool | None,
    standalone: bool = False,
    picture: Any = None,
    view: Callable[..., str] | None = None,
) -> None:
    """Render a derivation and print it or write it whole to ``out``.

    ``picture`` (a Drawing from --plot) goes into the Markdown and HTML documents.  ``view``
    renders what is not a derivation (a comparison, the concept cards): ``view(it, fmt, lang)``.
    """
    if color is None:
        color = out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    settings: dict[str, Any] = {"color": color} if fmt is Format.text else {}
    if standalone:
        settings["standalone"] = True
    if picture is not None and fmt in (Format.markdown, Format.html):
        settings["picture"] = picture
    if view is None:
        text = derivation.render(fmt.value, lang.value, **settings)
    else:
        text = view(derivation, fmt.value, lang.value, **settings)
    from linsteps.output import write_atomic, write_stream

    if out is not None:
        write_atomic(out, text)
    else:
        write_stream(text)


def check_places(places: int) -> int:
    """Return ``places`` when it is a sensible number of decimal places."""
    if not 0 <= places <= 50:
        raise UsageError("bad_places", value=places)
    return places


def run(
    build: Callable[[], Any],
    fmt: Format,
    lang: Lang,
    out: Path | None,
    color: bool | None,
    standalone: bool = False,
    view: Callable[..., str] | None = None,
) -> None:
    """Build a derivation and emit it; library errors become one line and exit status 2.

    ``out`` is checked before the work begins."""
    try:
        if standalone and fmt is not Format.latex:
            raise UsageError("standalone_format")
        check_outputs(out)
        emit(build(), fmt, lang, out, color, standalone, view=view)
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)


def run_plotted(
    build: Callable[[], Any],
    fmt: Format,
    lang: Lang,
    out: Path | None,
    color: bool | None,
    plot: Path | None,
    standalone: bool = False,
) -> None:
    """Like :func:`run`, and draw the picture to ``plot``: checked and drawn before any output."""
    if plot is None:
        run(build, fmt, lang, out, color, standalone)
        return
    try:
        from linsteps.derivation.picture import picture_of
        from linsteps.output import write_atomic
        from linsteps.render.plot import picture_format, render_picture

        if standalone and fmt is not Format.latex:
            raise UsageError("standalone_format")
        from linsteps.derivation.picture import Drawing

        kind = picture_format(plot)
        check_outputs(out, plot)
        derivation = build()
        data = render_picture(picture_of(derivation), kind)
        drawing = Drawing(kind, data, relative_href(plot, out))
        emit(derivation, fmt, lang, out, color, standalone, drawing)
        write_atomic(plot, data)
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)


def check_outputs(*paths: Path | None) -> None:
    """Refuse, before the work, an output file that cannot be written or is not a regular file."""
    from linsteps.output import check_writable

    for path in paths:
        if path is not None:
            check_writable(path)


def relative_href(target: Path, document: Path | None) -> str:
    """Return the path of ``target`` as a document beside ``document`` (or in the current
    directory, for standard output) links to it: relative, with forward slashes."""
    base = Path(document).parent if document is not None else Path()
    return Path(os.path.relpath(Path(target).absolute(), base.absolute())).as_posix()
