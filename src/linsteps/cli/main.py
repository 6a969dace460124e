"""The ``linsteps`` command line: a thin Typer layer over the library.

Importing this module does not import SymPy, nor any command: a run builds only the command
it runs, which imports the library when it runs, so ``linsteps --help`` and usage errors are
instant.
"""

from __future__ import annotations

import gc
import sys

import typer

from linsteps.cli.root import app


def _lang_of(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg in ("--lang", "-l") and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "en"


def _usage_error() -> type[Exception]:
    """Return the command-line parser's base error class (click's, wherever Typer keeps it)."""
    for klass in typer.BadParameter.__mro__:
        if klass.__name__ == "ClickException":
            return klass
    return typer.BadParameter


def _usage_text(error: Exception) -> tuple[str, str]:
    """Return a usage error's message and the command whose ``--help`` answers it.

    An unknown option's suggestions keep only real options: ``--help`` is always among them
    and corrects nothing.
    """
    possibilities = getattr(error, "possibilities", None)
    if possibilities:
        error.possibilities = [name for name in possibilities if name != "--help"]  # type: ignore[attr-defined]
    text = str(getattr(error, "format_message", error.__str__)())
    context = getattr(error, "ctx", None)
    command = str(getattr(context, "command_path", "") or "linsteps")
    return text, command


def main(argv: list[str] | None = None) -> None:
    """Run the command line; usage errors are one line on stderr and exit status 2."""
    args = sys.argv[1:] if argv is None else argv
    try:
        code = app(args=args, prog_name="linsteps", standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except _usage_error() as error:
        from linsteps.i18n import translate

        lang = _lang_of(args)
        lang = lang if lang in ("en", "zh") else "en"
        text, command = _usage_text(error)
        message = translate(lang, "error.usage", message=text, command=command)
        sys.stderr.write("linsteps: " + " ".join(message.split()) + "\n")
        code = 2
    except typer.Abort:
        sys.stderr.write("linsteps: interrupted\n")
        code = 130
    except KeyboardInterrupt:
        code = 130
    if argv is None:
        # Run as the program, the run is over: spare the interpreter the collection of every
        # object of SymPy and the library, one by one, as it exits (longer than a dot product).
        gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)
