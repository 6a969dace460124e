"""Rendering a :class:`~linsteps.learn.comparison.Comparison`: one table, in every format.

The table is laid out once (:mod:`linsteps.learn.comparison_table`); each writer below only puts
its pieces into its syntax: an aligned text table (CJK-width aware), a Markdown pipe table, a
LaTeX tabular, or an HTML table with MathML; JSON is :mod:`linsteps.learn.comparison_json`.
:func:`render_comparison` is the entry point.  Nothing here computes.
"""

from __future__ import annotations

import html
from typing import Any

from linsteps.i18n import translate
from linsteps.learn.comparison import Comparison
from linsteps.learn.comparison_json import render_json
from linsteps.learn.comparison_table import (
    COLUMNS,
    TableBuilder,
    number_settings,
    plain,
)
from linsteps.learn.documents import TABLE_STYLE, html_page, latex_document
from linsteps.reading.budget import bounded
from linsteps.render.settings import resolve
from linsteps.render.text_formatter import TextFormatter

_DEFAULTS: dict[str, dict[str, Any]] = {
    "text": {"color": False},
    "json": {},
    "markdown": {"hadamard": "circ", "vector": "plain"},
    "latex": {"hadamard": "circ", "vector": "plain", "standalone": False},
    "html": {"hadamard": "circ", "vector": "plain", "standalone": True},
}
_CHOICES = {"hadamard": ("circ", "odot"), "vector": ("plain", "bold", "arrow")}

# --- text ----------------------------------------------------------------------------------------


def render_text(comparison: Comparison, lang: str, color: bool = False) -> str:
    """Return an aligned table of Unicode text; CJK characters count two columns."""
    from linsteps.render.text import BOLD, RESET, pad, width

    table = TableBuilder(
        comparison, lang, TextFormatter(lang, *number_settings(comparison))
    ).build()
    lines = [(BOLD + plain(table.title) + RESET) if color else plain(table.title)]
    lines.append("  " + "    ".join(table.givens))
    lines.append("")
    grid = [list(table.header), *([plain(c) for c in row] for row in table.rows)]
    widths = [max(width(row[j]) for row in grid) for j in range(len(COLUMNS))]
    for i, row in enumerate(grid):
        cells = [pad(text, widths[j]) for j, text in enumerate(row)]
        line = "  " + "   ".join(cells).rstrip()
        lines.append((BOLD + line + RESET) if color and i == 0 else line)
    for heading, items in (
        (translate(lang, "compare.reasons"), table.reasons),
        (translate(lang, "compare.differences"), table.notes),
        (translate(lang, "compare.code"), table.code),
    ):
        if items:
            lines.append("")
            lines.append(heading)
            lines.extend("  • " + plain(item) for item in items)
    lines.append("")
    lines.append(translate(lang, "compare.explain_hint", names=", ".join(table.names)))
    return "\n".join(lines) + "\n"


# --- Markdown ------------------------------------------------------------------------------------


def render_markdown(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return a Markdown document: a pipe table whose formulas are ``$…$``."""
    from linsteps.render.latex import TexFormatter
    from linsteps.render.markdown import prose_markdown
    from linsteps.render.markdown import spans_markdown as cell

    fmt = TexFormatter(lang, *number_settings(comparison), settings["hadamard"], settings["vector"])
    table = TableBuilder(comparison, lang, fmt).build()
    parts = ["## " + cell(table.title), "$$\n" + ",\\quad ".join(table.givens) + "\n$$"]
    lines = ["| " + " | ".join(prose_markdown(h) for h in table.header) + " |"]
    lines.append("|" + "---|" * len(table.header))
    lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows)
    parts.append("\n".join(lines))
    for heading, items in (
        (translate(lang, "compare.reasons"), table.reasons),
        (translate(lang, "compare.differences"), table.notes),
        (translate(lang, "compare.code"), table.code),
    ):
        if items:
            parts.append("### " + prose_markdown(heading))
            parts.append("\n".join("- " + cell(item) for item in items))
    return "\n\n".join(parts) + "\n"


# --- LaTeX ---------------------------------------------------------------------------------------

LATEX_COLUMNS = "p{0.19\\linewidth}p{0.25\\linewidth}p{0.17\\linewidth}p{0.11\\linewidth}l"


def latex_body(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return the comparison as a LaTeX snippet: a tabular between paragraphs (amsmath)."""
    from linsteps.render.latex import TexFormatter, prose, spans_tex

    fmt = TexFormatter(lang, *number_settings(comparison), settings["hadamard"], settings["vector"])
    table = TableBuilder(comparison, lang, fmt).build()
    head = " & ".join(f"\\textbf{{{prose(h)}}}" for h in table.header)
    body = " \\\\\n".join(" & ".join(spans_tex(c) for c in row) for row in table.rows)
    parts = [
        f"\\noindent\\textbf{{{spans_tex(table.title)}}}",
        "\\[ " + ",\\quad ".join(table.givens) + " \\]",
        "{\\small\\noindent\\begin{tabular}{"
        + LATEX_COLUMNS
        + "}\n\\hline\n"
        + head
        + " \\\\\n\\hline\n"
        + body
        + " \\\\\n\\hline\n\\end{tabular}}",
    ]
    for heading, items in (
        (translate(lang, "compare.reasons"), table.reasons),
        (translate(lang, "compare.differences"), table.notes),
        (translate(lang, "compare.code"), table.code),
    ):
        if items:
            parts.append(f"\\noindent\\textbf{{{prose(heading)}}}")
            entries = "\n".join("  \\item " + spans_tex(item) for item in items)
            parts.append(f"\\begin{{itemize}}\n{entries}\n\\end{{itemize}}")
    return "\n\n".join(parts) + "\n"


def render_latex(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return a LaTeX snippet, or a whole document when ``standalone``."""
    body = latex_body(comparison, lang, **settings)
    return latex_document(body, lang) if settings["standalone"] else body


# --- HTML ----------------------------------------------------------------------------------------


def html_article(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return the comparison as an ``<article>`` with MathML."""
    from linsteps.render.html import math, spans_html
    from linsteps.render.mathml_formatter import MathMLFormatter

    decimal, places = number_settings(comparison)
    fmt = MathMLFormatter(lang, decimal, places, settings["hadamard"], settings["vector"])
    table = TableBuilder(comparison, lang, fmt).build()
    givens = f"<mo>,</mo>{fmt.symbols['quad']}".join(table.givens)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in table.header)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{spans_html(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    parts = [
        f"<h1>{spans_html(table.title)}</h1>",
        f'<div class="scroll">{math(givens, True)}</div>',
        f'<div class="scroll"><table class="compare">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table></div>",
    ]
    for heading, items in (
        (translate(lang, "compare.reasons"), table.reasons),
        (translate(lang, "compare.differences"), table.notes),
        (translate(lang, "compare.code"), table.code),
    ):
        if items:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
            entries = "\n".join(f"<li>{spans_html(item)}</li>" for item in items)
            parts.append(f"<ul>\n{entries}\n</ul>")
    blocks = "\n".join(parts)
    return f'<article class="linsteps" lang="{lang}">\n{blocks}\n</article>\n'


def render_html(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return a page (or a fragment when not ``standalone``)."""
    article = html_article(comparison, lang, **settings)
    if not settings["standalone"]:
        return f"<div>\n<style>\n{TABLE_STYLE}</style>\n{article}</div>\n"
    text_table = TableBuilder(comparison, lang, TextFormatter(lang)).build()
    return html_page(plain(text_table.title), article, lang)


# --- the entry point -----------------------------------------------------------------------------


@bounded
def render_comparison(
    comparison: Comparison, fmt: str = "text", lang: str = "en", **given: Any
) -> str:
    """Return ``comparison`` in ``fmt`` (text, json, markdown, latex, html) and ``lang``.

    ``given`` settings (``hadamard``, ``vector``, ``standalone``, ``color``) override the ones
    the comparison carries.
    """
    from linsteps.errors import UsageError

    if fmt not in _DEFAULTS:
        raise UsageError("bad_format", value=fmt, choices=", ".join(_DEFAULTS))
    carried = comparison.settings
    settings = resolve(fmt, _DEFAULTS[fmt], _CHOICES, {**carried, **given}, carried)
    if fmt == "text":
        return render_text(comparison, lang, bool(settings["color"]))
    if fmt == "json":
        return render_json(comparison, lang)
    if fmt == "markdown":
        return render_markdown(comparison, lang, **settings)
    if fmt == "latex":
        return render_latex(comparison, lang, **settings)
    return render_html(comparison, lang, **settings)


__all__ = ["html_article", "latex_body", "render_comparison"]
