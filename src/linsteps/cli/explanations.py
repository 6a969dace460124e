"""The explaining commands: one derivation each, in any format and language."""

from __future__ import annotations

from typing import Annotated

import typer

from linsteps.cli.common import (
    ColorOpt,
    DecimalsOpt,
    DimOpt,
    Format,
    FormatOpt,
    FullOpt,
    Lang,
    LangOpt,
    OutOpt,
    PlotOpt,
    StandaloneOpt,
    app,
    check_places,
    load,
    run,
    run_plotted,
)


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
