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


def emit(
    derivation: Any,
    fmt: Format,
    lang: Lang,
    out: Path | None,
    color: bool | None,
    standalone: bool = False,
    picture: Any = None,
) -> None:
    """Render a derivation and print it or write it whole to ``out``.

    ``picture`` (a Drawing from --plot) goes into the Markdown and HTML documents.
    """
    if color is None:
        color = out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    settings: dict[str, Any] = {"color": color} if fmt is Format.text else {}
    if standalone:
        settings["standalone"] = True
    if picture is not None and fmt in (Format.markdown, Format.html):
        settings["picture"] = picture
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
    build: Callable[[], Any],
    fmt: Format,
    lang: Lang,
    out: Path | None,
    color: bool | None,
    standalone: bool = False,
) -> None:
    """Build a derivation and emit it; library errors become one line and exit status 2."""
    try:
        if standalone and fmt is not Format.latex:
            raise UsageError("standalone_format")
        emit(build(), fmt, lang, out, color, standalone)
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
        from linsteps.output import write_atomic
        from linsteps.picture import picture_of
        from linsteps.render.plot import picture_format, render_picture

        if standalone and fmt is not Format.latex:
            raise UsageError("standalone_format")
        from linsteps.picture import Drawing

        kind = picture_format(plot)
        derivation = build()
        data = render_picture(picture_of(derivation), kind)
        drawing = Drawing(kind, data, relative_href(plot, out))
        emit(derivation, fmt, lang, out, color, standalone, drawing)
        write_atomic(plot, data)
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)


def relative_href(target: Path, document: Path | None) -> str:
    """Return the path of ``target`` as a document beside ``document`` (or in the current
    directory, for standard output) links to it: relative, with forward slashes."""
    base = Path(document).parent if document is not None else Path()
    return Path(os.path.relpath(Path(target).absolute(), base.absolute())).as_posix()


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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
    )


@app.command()
def transpose(
    a: Annotated[str, typer.Argument(help="A matrix (a vector is read as a column).")],
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    out: OutOpt = None,
    color: ColorOpt = None,
    standalone: StandaloneOpt = False,
) -> None:
    """The transpose Aᵀ: rows become columns, (Aᵀ)ᵢⱼ = Aⱼᵢ.

    Example: linsteps transpose "1 2 3; 4 5 6"
    """
    from linsteps import ops

    run(
        lambda: ops.transpose(load(a), places=check_places(decimals)),
        fmt,
        lang,
        out,
        color,
        standalone,
    )


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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
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
    standalone: StandaloneOpt = False,
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
        standalone,
    )


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="First operand: a vector or a matrix.")],
    b: Annotated[str, typer.Argument(help="Second operand: a vector or a matrix.")],
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Expand one product into its full derivation (ab, dot …)."),
    ] = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    decimals: DecimalsOpt = 4,
    out: OutOpt = None,
    color: ColorOpt = None,
    standalone: StandaloneOpt = False,
) -> None:
    """Every product of two operands side by side: which are defined, their shapes, values.

    Two vectors: a·b, a∘b, abᵀ, aᵀb, cos θ. Two matrices: AB, BA, A∘B and the defined
    transposed products. A matrix and a vector: Ax, xᵀA, A∘x. Then what differs.

    Example: linsteps compare "[1, 2, 3]" "[4, 5, 6]"
    """
    from linsteps.compare import compare as build

    def made() -> Any:
        comparison = build(load(a), load(b), places=check_places(decimals))
        return comparison if explain is None else comparison.explain(explain)

    run(made, fmt, lang, out, color, standalone)


@app.command()
def guide(
    topic: Annotated[
        str | None, typer.Argument(help="A concept: dot, norm, cos, hadamard, matmul, outer …")
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Every concept card, one after another.")
    ] = False,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
    out: OutOpt = None,
    color: ColorOpt = None,
    standalone: StandaloneOpt = False,
) -> None:
    """Concept cards: definition, rule, when defined, meaning, uses in ML, common mistakes.

    Without a topic, the list of concepts. Each card ends with a small example computed live.
    With --all --format latex --standalone: a printable handout.

    Example: linsteps guide dot --lang zh --format latex
    """
    from linsteps.guide import guide_for

    run(lambda: guide_for(topic, all_), fmt, lang, out, color, standalone)


class SheetFormat(str, Enum):
    """Worksheet formats."""

    markdown = "markdown"
    latex = "latex"
    html = "html"


class Difficulty(str, Enum):
    """Worksheet difficulties."""

    easy = "easy"
    medium = "medium"
    hard = "hard"


class Solutions(str, Enum):
    """What follows the problems of a worksheet."""

    none = "none"
    answers = "answers"
    full = "full"


@app.command()
def worksheet(
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Seed of the problems (default: a new one, printed)."),
    ] = None,
    count: Annotated[int, typer.Option("--count", "-n", help="Number of problems.")] = 10,
    topics: Annotated[
        str | None,
        typer.Option(
            "--topics",
            help="Comma-separated: dot,norm,cos,angle,hadamard,matmul,shapes,products.",
        ),
    ] = None,
    difficulty: Annotated[
        Difficulty, typer.Option("--difficulty", help="Sizes and ranges of the numbers.")
    ] = Difficulty.medium,
    fmt: Annotated[
        SheetFormat, typer.Option("--format", "-f", help="markdown, latex or html.")
    ] = SheetFormat.markdown,
    lang: LangOpt = Lang.en,
    out: OutOpt = None,
    key: Annotated[
        Path | None, typer.Option("--key", help="Write the answer key (JSON) to this file.")
    ] = None,
    solutions: Annotated[
        Solutions,
        typer.Option("--solutions", help="After the problems: none, answers or full."),
    ] = Solutions.none,
    roster: Annotated[
        Path | None,
        typer.Option("--roster", help="Class list (CSV): one sheet per student."),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", help="With --roster: the folder of the students' sheets."),
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="A date printed on the sheet.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The sheet's title.")] = None,
) -> None:
    """A worksheet of seeded, hand-computable problems, with its answer key.

    The same options give the same bytes; without --seed a seed is chosen and printed on
    the sheet. With --roster and --out-dir: one version per student and one key for all.

    Example: linsteps worksheet --seed 7 --count 12 --topics dot,cos,matmul --key key.json
    """
    from linsteps.worksheet import Request, run_request

    request = Request(
        seed=seed,
        count=count,
        topics=topics,
        difficulty=difficulty.value,
        fmt=fmt.value,
        lang=lang.value,
        solutions=solutions.value,
        title=title,
        date=date,
        out=out,
        key=key,
        roster=roster,
        out_dir=out_dir,
    )
    try:
        text = run_request(request)
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)
    if text is not None:
        sys.stdout.write(text)


@app.command()
def check(
    operation: Annotated[
        str | None,
        typer.Argument(help="The operation (as its command: dot, matmul, linear, …) or shapes."),
    ] = None,
    operands: Annotated[
        list[str] | None, typer.Argument(help="Its operands, as for the operation's command.")
    ] = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", "-a", help='The answer to check ("undefined" if none exists).'),
    ] = None,
    key: Annotated[
        Path | None, typer.Option("--key", help="An answer key (JSON) to take the problem from.")
    ] = None,
    problem: Annotated[
        str | None, typer.Option("--problem", help="The problem id in the key.")
    ] = None,
    student: Annotated[
        str | None, typer.Option("--student", help="The student's version (roster keys).")
    ] = None,
    tolerance: Annotated[
        float, typer.Option("--tolerance", help="Relative tolerance for decimal answers.")
    ] = 1e-3,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds per comparison (0: no limit).")
    ] = 2.0,
    explain: Annotated[bool, typer.Option("--explain", help="Add the full derivation.")] = False,
    dim: DimOpt = None,
    shape: Annotated[
        list[str] | None, typer.Option("--shape", help="With bare names: MxN (repeat for B).")
    ] = None,
    entry: Annotated[
        str | None, typer.Option("--entry", help="matmul: the answer is entry i,j only.")
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="angle: the answer's unit, radians or degrees.")
    ] = None,
    complex_: Annotated[
        bool, typer.Option("--complex", help="dot: the complex inner product; i is √−1.")
    ] = False,
    no_scale: Annotated[
        bool, typer.Option("--no-scale", help="attention: scores not divided by √d_k.")
    ] = False,
    causal: Annotated[bool, typer.Option("--causal", help="attention: the causal mask.")] = False,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = Lang.en,
) -> None:
    """Check an answer: how it was read, correct or not, and which mistake it shows.

    Exit status: 0 correct, 1 incorrect or unverified, 2 an unreadable answer or operands.

    Example: linsteps check matmul "1 2; 3 4" "5 6; 7 8" --answer "5 12; 21 32"
    """
    try:
        from linsteps import checking

        if answer is None or (key is None) == (operation is None):
            raise UsageError("check_usage")
        if key is not None:
            from linsteps.answerkey import load_key

            if problem is None or operands:
                raise UsageError("check_usage")
            item = load_key(key).lookup(problem, student)
            task = item.problem()
        else:
            assert operation is not None
            shapes = shape or []
            options = {
                "dim": dim,
                "shape": shapes[0] if shapes else None,
                "shape_b": shapes[1] if len(shapes) > 1 else None,
                "entry": entry,
                "unit": unit,
                "complex": complex_ or None,
                "scale": False if no_scale else None,
                "causal": causal or None,
            }
            if unit not in (None, "radians", "degrees"):
                raise UsageError("check_usage")
            task = checking.Problem(
                operation,
                tuple(load(o) for o in operands or []),
                {k: v for k, v in options.items() if v or v is False},
            )
        verdict = checking.check_problem(
            task,
            load(answer),
            tolerance=checking.check_tolerance(tolerance),
            time_limit=time_limit or None,
        )
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)
        return
    from linsteps.render.verdict import render_verdict

    sys.stdout.write(render_verdict(verdict, fmt.value, lang.value, explain=explain))
    raise typer.Exit(0 if verdict.correct else 1)


@app.command()
def grade(
    key: Annotated[Path, typer.Argument(help="The answer key (JSON) written with the worksheet.")],
    answers: Annotated[
        Path, typer.Argument(help="The answers: CSV with a student column and one per problem.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report CSV here.")
    ] = None,
    feedback: Annotated[
        Path | None, typer.Option("--feedback", help="Write one Markdown file per student here.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes.")] = 1,
    tolerance: Annotated[
        float, typer.Option("--tolerance", help="Relative tolerance for decimal answers.")
    ] = 1e-3,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds per comparison (0: no limit).")
    ] = 2.0,
    lang: LangOpt = Lang.en,
) -> None:
    """Grade a class's CSV against an answer key: a report, feedback and a summary.

    Example: linsteps grade week3-key.json answers.csv --out report.csv --feedback feedback/
    """
    try:
        from linsteps.grading import Grading, Settings, progress_bar

        def warn(line: str) -> None:
            sys.stderr.write(" ".join(line.split()) + "\n")

        run_ = Grading(key, answers, Settings(tolerance, time_limit or None, lang.value), warn=warn)
        summary = run_.run(
            out=out,
            feedback=feedback,
            jobs=jobs,
            progress=progress_bar() if sys.stderr.isatty() else None,
        )
    except LinstepsError as error:
        fail(error.message(lang.value), error.exit_code)
        return
    from linsteps.i18n import translate

    text = summary.text(lang.value)
    if out is not None:
        text += translate(lang.value, "grade.summary_report", path=str(out)) + "\n"
    if feedback is not None:
        count = summary.feedback_files
        text += translate(lang.value, "grade.summary_feedback", path=str(feedback), count=count)
        text += "\n"
    sys.stdout.write(text)


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
