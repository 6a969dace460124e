"""Drawing a :class:`~linsteps.derivation.picture.Picture` as SVG or PNG with matplotlib (optional).

Only placing: arrows for the vectors, an arc for θ, dashed lines for a projection.  The
output is deterministic: Agg canvas, a fixed SVG hash salt, no dates in the metadata.
"""

from __future__ import annotations

import base64
import io
import math
import re
from pathlib import Path
from typing import Any

from linsteps.derivation.picture import Drawing, Picture
from linsteps.errors import UsageError

SUFFIXES = {".svg": "svg", ".png": "png"}
COLOURS = ("#1f77b4", "#d62728", "#2ca02c")


def picture_format(path: str | Path) -> str:
    """Return ``svg`` or ``png`` from the file name, or raise a UsageError."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError("plot_suffix", path=str(path))
    return SUFFIXES[suffix]


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise UsageError("plot_needs_matplotlib") from None
    return matplotlib


def _unit(v: tuple[float, ...]) -> tuple[float, ...]:
    length = math.sqrt(sum(x * x for x in v))
    return tuple(x / length for x in v)


def _arc(picture: Picture, radius: float, steps: int = 40) -> list[tuple[float, ...]]:
    """Return points of the arc from the first vector's direction to the second's."""
    theta = picture.theta or 0.0
    a, b = _unit(picture.vectors[0][1]), _unit(picture.vectors[1][1])
    if math.sin(theta) < 1e-9:
        return []
    points = []
    for k in range(steps + 1):
        t = k / steps
        p = math.sin((1 - t) * theta) / math.sin(theta)
        q = math.sin(t * theta) / math.sin(theta)
        points.append(tuple(radius * (p * x + q * y) for x, y in zip(a, b, strict=True)))
    return points


def _label(name: str, v: tuple[float, ...]) -> str:
    return f"{name} = (" + ", ".join(f"{x:.3g}" for x in v) + ")"


def render_picture(picture: Picture, fmt: str) -> bytes:
    """Return the picture as SVG or PNG bytes."""
    matplotlib = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    settings = {"svg.hashsalt": "linsteps", "svg.fonttype": "path", "font.size": 10}
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(5, 5), dpi=100)
        FigureCanvasAgg(figure)
        three = picture.dims == 3
        axes: Any = figure.add_subplot(projection="3d") if three else figure.add_subplot()
        points: list[tuple[float, ...]] = [(0.0,) * picture.dims]
        for (name, v), colour in zip(picture.vectors, COLOURS, strict=False):
            points.append(v)
            if three:
                axes.quiver(0, 0, 0, *v, color=colour, arrow_length_ratio=0.08)
                axes.text(*v, " " + _label(name, v), color=colour)
            else:
                axes.annotate(
                    "",
                    xy=v,
                    xytext=(0, 0),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2},
                )
                axes.text(*v, " " + _label(name, v), color=colour)
        if picture.projection is not None:
            p, a = picture.projection, picture.vectors[0][1]
            points.append(p)
            if three:
                axes.plot(*zip((0, 0, 0), p, strict=True), color=COLOURS[2], lw=2.5)
                axes.plot(*zip(p, a, strict=True), color="grey", ls="--")
            else:
                axes.annotate(
                    "",
                    xy=p,
                    xytext=(0, 0),
                    arrowprops={"arrowstyle": "-|>", "color": COLOURS[2], "lw": 2.5},
                )
                axes.plot(*zip(p, a, strict=True), color="grey", ls="--")
            axes.text(*(x / 2 for x in p), _label("proj", p) + "\n", color=COLOURS[2], va="top")
        span = max(max(abs(x) for x in point) for point in points) or 1.0
        arc = _arc(
            picture, 0.25 * min(math.sqrt(sum(x * x for x in v)) for _, v in picture.vectors)
        )
        if arc:
            axes.plot(*zip(*arc, strict=True), color="black", lw=1)
            middle = arc[len(arc) // 2]
            axes.text(*(1.15 * x for x in middle), f"θ = {picture.theta_degrees}")
        lows = [min(0.0, *(pt[i] for pt in points)) - 0.15 * span for i in range(picture.dims)]
        highs = [max(0.0, *(pt[i] for pt in points)) + 0.15 * span for i in range(picture.dims)]
        axes.set_xlim(lows[0], highs[0])
        axes.set_ylim(lows[1], highs[1])
        if three:
            axes.set_zlim(lows[2], highs[2])
        else:
            axes.set_aspect("equal")
            axes.axhline(0, color="grey", lw=0.5)
            axes.axvline(0, color="grey", lw=0.5)
        axes.grid(True, alpha=0.3)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


# What an inline <svg> in HTML does without: the XML prolog, the document type, namespace
# declarations (the HTML parser supplies them) and the RDF metadata.
_SVG_PROLOG = re.compile(r"\A.*?(?=<svg[\s>])", re.S)
_SVG_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_SVG_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')


def inline_svg(data: bytes) -> str:
    """Return SVG bytes as an ``<svg>`` element to place inside an HTML page."""
    text = _SVG_PROLOG.sub("", data.decode("utf-8"), count=1)
    text = _SVG_METADATA.sub("", text, count=1)
    head, _, rest = text.partition(">")
    return _SVG_XMLNS.sub("", head) + ">" + rest.rstrip()


def data_uri(drawing: Drawing) -> str:
    """Return a PNG drawing as a ``data:`` URI (nothing to fetch)."""
    return "data:image/png;base64," + base64.b64encode(drawing.data).decode("ascii")
