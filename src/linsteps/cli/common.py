"""What the commands share at run time: reading operands, writing output, one-line errors.

Nothing here imports SymPy; the commands import the library when they run.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from linsteps.cli.options import Format, Shared, sharing
from linsteps.errors import LinstepsError, UsageError
from linsteps.reading.deadlines import closes_deadlines

#: The shared options of every explaining command; it asks for more by name.
EXPLAINING = ("fmt", "lang", "out", "color", "standalone")

_stdin_used = False


def load(text: str) -> str:
    """Return an operand's text: ``-`` reads standard input, ``@path`` a regular file, both
    bounded (:mod:`linsteps.reading.files`)."""
    from linsteps.reading.files import read_source

    global _stdin_used
    if text == "-":
        if _stdin_used:
            raise UsageError("stdin_twice")
        _stdin_used = True
    return read_source(text)


@dataclass(frozen=True)
class Viewed:
    """What the library lays out with a view function (a comparison, the concept cards)."""

    item: Any
    view: Callable[..., str]

    def render(self, fmt: str, lang: str, **settings: Any) -> str:
        return self.view(self.item, fmt, lang, **settings)


def explaining(*names: str) -> Callable[[Callable[..., Any]], Callable[..., None]]:
    """Make a command of a function that returns an explanation (anything with ``render``).

    The command takes the options of :data:`EXPLAINING` and ``names``, and renders what the
    function returns in the chosen format and language, to standard output or ``--out``.
    """

    def decorate(function: Callable[..., Any]) -> Callable[..., None]:
        @functools.wraps(function)
        def command(*args: Any, shared: Shared, **values: Any) -> None:
            run(lambda: function(*args, shared=shared, **values), shared)

        return sharing(*EXPLAINING, *names)(command)

    return decorate


def run(build: Callable[[], Any], shared: Shared) -> None:
    """Build an explanation and emit it, with its picture when ``--plot`` asks for one.

    Everything is checked and made before anything is written; library errors become one
    line on stderr and their exit status.
    """
    try:
        if shared.standalone and shared.fmt is not Format.latex:
            raise UsageError("standalone_format")
        check_outputs(shared.out, shared.plot)
        if shared.plot is None:
            emit(build(), shared)
            return
        from linsteps.derivation.picture import Drawing, picture_of
        from linsteps.output import write_atomic
        from linsteps.render.plot import picture_format, render_picture

        kind = picture_format(shared.plot)
        derivation = build()
        data = render_picture(picture_of(derivation), kind)
        emit(derivation, shared, Drawing(kind, data, relative_href(shared.plot, shared.out)))
        write_atomic(shared.plot, data)
    except LinstepsError as error:
        fail(error.message(shared.lang.value), error.exit_code)


def emit(derivation: Any, shared: Shared, picture: Any = None) -> None:
    """Render a derivation and print it or write it whole to ``--out``.

    ``picture`` (a Drawing from --plot) goes into the Markdown and HTML documents.
    """
    fmt, out, color = shared.fmt, shared.out, shared.color
    if color is None:
        color = out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    settings: dict[str, Any] = {"color": color} if fmt is Format.text else {}
    if shared.standalone:
        settings["standalone"] = True
    if picture is not None and fmt in (Format.markdown, Format.html):
        settings["picture"] = picture
    text = derivation.render(fmt.value, shared.lang.value, **settings)
    if shared.code is not None:  # --code: the program beside the explanation
        from linsteps.learn.code_view import with_program

        text = with_program(derivation, text, fmt.value, shared.lang.value, shared.code.value)
    from linsteps.output import write_atomic, write_stream

    if out is not None:
        write_atomic(out, text)
    else:
        write_stream(text)


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


@closes_deadlines  # the exit is decided: a limit passing now must not write a second line
def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit with ``code``; no deadline interrupts it."""
    line = " ".join(message.split())
    sys.stderr.write(f"linsteps: {line}\n")
    raise typer.Exit(code)
