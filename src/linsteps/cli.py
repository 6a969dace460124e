"""The ``linsteps`` command line: a thin Typer layer over the library.

Importing this module does not import SymPy: each command imports the library when it runs,
so ``linsteps --help`` and usage errors are instant.
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
from linsteps.errors import LinstepsError, UsageError

MAX_FILE = 1_000_000

app = typer.Typer(
    name="linsteps",
    help="Explain linear algebra step by step: dot, Hadamard and matrix products, norms, angles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    """Output formats."""

    text = "text"
    json = "json"


class Lang(str, Enum):
    """Languages of the explanation."""

    en = "en"
    zh = "zh"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
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
    Exit status: 0 done, 2 bad input or usage (one line on stderr).
    """


_stdin_used = False


def load(text: str) -> str:
    """Return an operand's text: ``-`` reads standard input, ``@path`` a file."""
    global _stdin_used
    if text == "-":
        if _stdin_used:
            raise UsageError("stdin_twice")
        _stdin_used = True
        return sys.stdin.read(MAX_FILE + 1)[: MAX_FILE + 1]
    if text.startswith("@") and len(text) > 1:
        path = Path(text[1:])
        try:
            if path.stat().st_size > MAX_FILE:
                raise UsageError("file_too_large", path=str(path), most=MAX_FILE)
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise UsageError("unreadable_file", path=str(path), reason="not UTF-8") from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise UsageError("unreadable_file", path=str(path), reason=reason) from None
    return text


def emit(derivation: Any, fmt: Format, lang: Lang, out: Path | None, color: bool | None) -> None:
    """Render a derivation and print it or write it whole to ``out``."""
    if color is None:
        color = out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    settings = {"color": color} if fmt is Format.text else {}
    text = derivation.render(fmt.value, lang.value, **settings)
    if out is not None:
        from linsteps.output import write_atomic

        write_atomic(out, text)
    else:
        sys.stdout.write(text)


def check_places(places: int) -> int:
    """Return ``places`` when it is a sensible number of decimal places."""
    if not 0 <= places <= 50:
        raise UsageError("bad_places", value=places)
    return places


def run(
    build: Callable[[], Any], fmt: Format, lang: Lang, out: Path | None, color: bool | None
) -> None:
    """Build a derivation and emit it; library errors become one line and exit status 2."""
    try:
        emit(build(), fmt, lang, out, color)
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)


def run_plotted(
    build: Callable[[], Any],
    fmt: Format,
    lang: Lang,
    out: Path | None,
    color: bool | None,
    plot: Path | None,
) -> None:
    """Like :func:`run`, and draw the picture to ``plot``: checked and drawn before any output."""
    if plot is None:
        run(build, fmt, lang, out, color)
        return
    try:
        from linsteps.output import write_atomic
        from linsteps.picture import picture_of
        from linsteps.render.plot import picture_format, render_picture

        kind = picture_format(plot)
        derivation = build()
        data = render_picture(picture_of(derivation), kind)
        emit(derivation, fmt, lang, out, color)
        write_atomic(plot, data)
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit with ``code``."""
    line = " ".join(message.split())
    sys.stderr.write(f"linsteps: {line}\n")
    raise typer.Exit(code)


@app.command()
def dot(
    a: Annotated[str, typer.Argument(help="First vector, e.g. '[1, 2, 3]'.")],
    b: Annotated[str, typer.Argument(help="Second vector, e.g. '4 5 6'.")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    dim: DimOpt = None,
    complex_: Annotated[
        bool,
        typer.Option(
            "--complex", help="i is the imaginary unit; the inner product ⟨a, b⟩ = Σ aᵢ·conj(bᵢ)."
        ),
    ] = False,
    plot: PlotOpt = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The dot (inner) product a·b = Σ aᵢbᵢ: multiply matching entries, then sum.

    With --complex, the inner product with conjugation ⟨a, b⟩ = Σ aᵢ·conj(bᵢ).

    Example: linsteps dot "[1, 2, 3]" "[4, 5, 6]"
    """
    from linsteps import ops

    run_plotted(
        lambda: ops.dot(
            load(a),
            load(b),
            dim=dim,
            places=check_places(decimals),
            full=full,
            complex=complex_,
        ),
        fmt,
        lang,
        out,
        color,
        plot,
    )


@app.command()
def norm(
    a: Annotated[str, typer.Argument(help="A vector, e.g. '[1, 2, 3]'.")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    dim: DimOpt = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The norm (length) ‖a‖ = √(a·a).

    Example: linsteps norm "[1, 2, 3]"
    """
    from linsteps import ops

    run(
        lambda: ops.norm(load(a), dim=dim, places=check_places(decimals), full=full),
        fmt,
        lang,
        out,
        color,
    )


@app.command()
def cos(
    a: Annotated[str, typer.Argument(help="First vector (with --pairwise: a list of vectors).")],
    b: Annotated[str | None, typer.Argument(help="Second vector.")] = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    dim: DimOpt = None,
    pairwise: Annotated[
        bool,
        typer.Option("--pairwise", help="A is a list of vectors: their cosine-similarity matrix."),
    ] = False,
    plot: PlotOpt = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The cosine of the angle, cos θ = a·b / (‖a‖‖b‖): cosine similarity.

    With --pairwise, the cosine-similarity matrix of the rows of one list of vectors.

    Example: linsteps cos "1 2 3" "4 5 6" --lang zh
    """
    from linsteps import ops

    run_plotted(
        lambda: ops.cos(
            load(a),
            None if b is None else load(b),
            dim=dim,
            places=check_places(decimals),
            full=full,
            pairwise=pairwise,
        ),
        fmt,
        lang,
        out,
        color,
        plot,
    )


@app.command()
def angle(
    a: Annotated[str, typer.Argument(help="First vector.")],
    b: Annotated[str, typer.Argument(help="Second vector.")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    dim: DimOpt = None,
    plot: PlotOpt = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The angle θ = arccos(a·b / (‖a‖‖b‖)), in radians and degrees.

    Example: linsteps angle "[1, 0]" "[1, 1]"
    """
    from linsteps import ops

    run_plotted(
        lambda: ops.angle(load(a), load(b), dim=dim, places=check_places(decimals), full=full),
        fmt,
        lang,
        out,
        color,
        plot,
    )


@app.command()
def hadamard(
    a: Annotated[str, typer.Argument(help="First matrix or vector.")],
    b: Annotated[str, typer.Argument(help="Second, of the same shape.")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    dim: DimOpt = None,
    shape: Annotated[
        str | None, typer.Option("--shape", help="With bare names: generic MxN matrices.")
    ] = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The Hadamard (element-wise) product (A∘B)ᵢⱼ = AᵢⱼBᵢⱼ: no sum, same shape.

    Example: linsteps hadamard "1 2; 3 4" "5 6; 7 8"
    """
    from linsteps import ops

    run(
        lambda: ops.hadamard(
            load(a), load(b), dim=dim, shape=shape, places=check_places(decimals), full=full
        ),
        fmt,
        lang,
        out,
        color,
    )


@app.command()
def matmul(
    a: Annotated[str, typer.Argument(help="Left matrix (a vector is read as a row).")],
    b: Annotated[str, typer.Argument(help="Right matrix (a vector is read as a column).")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    entry: Annotated[
        str | None, typer.Option("--entry", help="Explain one entry i,j (1-based).")
    ] = None,
    shape: Annotated[
        list[str] | None,
        typer.Option(
            "--shape", help="With bare names: MxN of A (repeat for B); letters (mxn): general form."
        ),
    ] = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The matrix product AB: entry (i, j) is row i of A times column j of B.

    Example: linsteps matmul "1 2; 3 4" "5 6; 7 8"
    """
    from linsteps import ops

    shapes = shape or []
    run(
        lambda: ops.matmul(
            load(a),
            load(b),
            shape=shapes[0] if shapes else None,
            shape_b=shapes[1] if len(shapes) > 1 else None,
            entry=entry,
            places=check_places(decimals),
            full=full,
        ),
        fmt,
        lang,
        out,
        color,
    )


@app.command()
def outer(
    a: Annotated[str, typer.Argument(help="First vector (the column).")],
    b: Annotated[str, typer.Argument(help="Second vector (the row, transposed).")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The outer product abᵀ: every aᵢbⱼ in an n×m matrix (not the inner product aᵀb).

    Example: linsteps outer "[1, 2]" "[3, 4, 5]"
    """
    from linsteps import ops

    run(
        lambda: ops.outer(load(a), load(b), places=check_places(decimals), full=full),
        fmt,
        lang,
        out,
        color,
    )


@app.command()
def transpose(
    a: Annotated[str, typer.Argument(help="A matrix (a vector is read as a column).")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The transpose Aᵀ: rows become columns, (Aᵀ)ᵢⱼ = Aⱼᵢ.

    Example: linsteps transpose "1 2 3; 4 5 6"
    """
    from linsteps import ops

    run(lambda: ops.transpose(load(a), places=check_places(decimals)), fmt, lang, out, color)


@app.command()
def project(
    a: Annotated[str, typer.Argument(help="The vector to project.")],
    b: Annotated[str, typer.Argument(help="The vector to project on (not zero).")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    plot: PlotOpt = None,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The projection proj_b a = (a·b / b·b) b, and the part of a orthogonal to b.

    Example: linsteps project "[3, 4]" "[1, 0]"
    """
    from linsteps import ops

    run_plotted(
        lambda: ops.project(load(a), load(b), places=check_places(decimals), full=full),
        fmt,
        lang,
        out,
        color,
        plot,
    )


@app.command()
def linear(
    w: Annotated[str, typer.Argument(help="Weights W, out_features×in_features.")],
    x: Annotated[str, typer.Argument(help="Input x (a vector), or a batch X (one sample a row).")],
    b: Annotated[str | None, typer.Argument(help="Bias b, out_features entries.")] = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """The linear (fully connected) layer y = Wx + b; a batch X as PyTorch does, XWᵀ + b.

    Example: linsteps linear "1 2; 3 4; 5 6" "[1, -1]" "[0, 1, 2]"
    """
    from linsteps import ops

    run(
        lambda: ops.linear(
            load(w),
            load(x),
            None if b is None else load(b),
            places=check_places(decimals),
            full=full,
        ),
        fmt,
        lang,
        out,
        color,
    )


@app.command()
def attention(
    q: Annotated[str, typer.Argument(help="Queries Q, one per row (n×d_k).")],
    k: Annotated[str, typer.Argument(help="Keys K, one per row (m×d_k).")],
    v: Annotated[str | None, typer.Argument(help="Values V, one row per key (m×d_v).")] = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    full: FullOpt = False,
    no_scale: Annotated[
        bool, typer.Option("--no-scale", help="Do not divide the scores by √d_k.")
    ] = False,
    causal: Annotated[
        bool, typer.Option("--causal", help="Mask the scores above the diagonal (−∞, weight 0).")
    ] = False,
    out: OutOpt = None,
    color: ColorOpt = None,
) -> None:
    """Scaled dot-product attention softmax(QKᵀ/√d_k)·V, score by score and row by row.

    Example: linsteps attention "1 0; 0 1" "1 1; 0 1" "1 2; 3 4"
    """
    from linsteps import ops

    run(
        lambda: ops.attention(
            load(q),
            load(k),
            None if v is None else load(v),
            scale=not no_scale,
            causal=causal,
            places=check_places(decimals),
            full=full,
        ),
        fmt,
        lang,
        out,
        color,
    )


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
        text = str(getattr(error, "format_message", error.__str__)())
        message = translate(lang, "error.usage", message=text)
        sys.stderr.write("linsteps: " + " ".join(message.split()) + "\n")
        code = 2
    except typer.Abort:
        sys.stderr.write("linsteps: interrupted\n")
        code = 130
    except KeyboardInterrupt:
        code = 130
    sys.exit(code if isinstance(code, int) else 0)
