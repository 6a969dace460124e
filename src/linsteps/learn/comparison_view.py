"""Rendering a :class:`~linsteps.learn.compare.Comparison`: one table, in every format.

:class:`TableBuilder` lays the comparison out once, as spans of text and formatted
mathematics (the same :class:`~linsteps.render.layout.Span` the derivation layouts use): a
title, the operands, a header, one line of cells per product, the reasons of the undefined
products and the remarks on what differs.  Each writer below only puts those pieces into its
syntax: an aligned text table (CJK-width aware), a Markdown pipe table, a LaTeX tabular, an
HTML table with MathML, or JSON.  Nothing here computes.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linsteps.derivation.node import Node
from linsteps.derivation.steps import Derivation
from linsteps.i18n import translate
from linsteps.render.formatter import NodeFormatter
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.layout import LayoutBuilder, Span
from linsteps.render.settings import resolve
from linsteps.render.text_formatter import TextFormatter

if TYPE_CHECKING:
    from linsteps.learn.compare import Comparison, Row

COLUMNS = ("product", "rule", "sizes", "result", "value")
_DEFAULTS: dict[str, dict[str, Any]] = {
    "text": {"color": False},
    "json": {},
    "markdown": {"hadamard": "circ", "vector": "plain"},
    "latex": {"hadamard": "circ", "vector": "plain", "standalone": False},
    "html": {"hadamard": "circ", "vector": "plain", "standalone": True},
}
_CHOICES = {"hadamard": ("circ", "odot"), "vector": ("plain", "bold", "arrow")}
Cell = tuple[Span, ...]


@dataclass(frozen=True)
class Table:
    """A comparison laid out: every piece is spans, or formatted mathematics."""

    title: Cell
    givens: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    reasons: tuple[Cell, ...]
    notes: tuple[Cell, ...]
    names: tuple[str, ...]


class TableBuilder:
    """Lays out a comparison with one node formatter."""

    def __init__(self, comparison: Comparison, lang: str, fmt: NodeFormatter) -> None:
        self.comparison = comparison
        self.lang = lang
        self.fmt = fmt
        carrier = Derivation("compare", comparison.inputs, (), None, comparison.settings)
        self.layout = LayoutBuilder(carrier, lang, fmt)

    def math(self, node: Node) -> Span:
        """Return a node as a formula span."""
        return Span(self.fmt.format(node), True)

    def message(self, key: str, params: dict[str, Any]) -> Cell:
        """Return a catalog message as spans, its nodes as mathematics."""
        return self.layout.spans(key, params, {})

    def value(self, row: Row) -> Cell:
        """Return the value cell: the result as its derivation shows it, ≈ a decimal."""
        if row.value is None:
            return (Span("—"),)
        text = self.fmt.format(row.value)
        if row.approx is not None:
            text += f" {self.fmt.symbols['approx']} {self.fmt.format(row.approx)}"
        return (Span(text, True),)

    def cells(self, row: Row) -> tuple[Cell, ...]:
        """Return the cells of one product."""
        kind = translate(self.lang, "compare.kind." + row.kind)
        how = translate(self.lang, "compare.how." + row.how)
        key, params = row.sizes
        shape = row.shape
        result = (
            self.message("compare.result." + shape[0], shape[1])
            if shape is not None
            else (Span(translate(self.lang, "compare.result.undefined")),)
        )
        return (
            (self.math(row.notation), Span(f" — {kind}")),
            (self.math(row.rule), Span(f": {how}")),
            self.message("compare.sizes." + key, params),
            result,
            self.value(row),
        )

    def reason(self, row: Row) -> Cell:
        """Return why a product is undefined: the engine's own error message."""
        assert row.reason is not None
        why = self.message("compare.why", {"expr": row.notation})
        separator = translate(self.lang, "compare.why_separator")
        return (*why, Span(separator + row.reason.message(self.lang)))

    def build(self) -> Table:
        """Return the whole table."""
        comparison = self.comparison
        a, b = comparison.inputs
        title = self.message("compare.title." + comparison.mode, {"a": a.node(), "b": b.node()})
        givens = tuple(
            f"{self.fmt.format(name)} {self.fmt.symbols['eq']} {self.fmt.format(value)}"
            for name, value in comparison.givens()
        )
        return Table(
            title,
            givens,
            tuple(translate(self.lang, "compare.head." + c) for c in COLUMNS),
            tuple(self.cells(row) for row in comparison.rows),
            tuple(self.reason(row) for row in comparison.rows if not row.defined),
            tuple(
                self.message("compare.note." + note.key, dict(note.params))
                for note in comparison.notes
            ),
            tuple(row.name for row in comparison.rows),
        )


# --- text ----------------------------------------------------------------------------------------


def _plain(cell: Cell) -> str:
    return "".join(span.text for span in cell)


def render_text(comparison: Comparison, lang: str, color: bool = False) -> str:
    """Return an aligned table of Unicode text; CJK characters count two columns."""
    from linsteps.render.text import BOLD, RESET, pad, width

    table = TableBuilder(
        comparison, lang, TextFormatter(lang, *_number_settings(comparison))
    ).build()
    lines = [(BOLD + _plain(table.title) + RESET) if color else _plain(table.title)]
    lines.append("  " + "    ".join(table.givens))
    lines.append("")
    grid = [list(table.header), *([_plain(c) for c in row] for row in table.rows)]
    widths = [max(width(row[j]) for row in grid) for j in range(len(COLUMNS))]
    for i, row in enumerate(grid):
        cells = [pad(text, widths[j]) for j, text in enumerate(row)]
        line = "  " + "   ".join(cells).rstrip()
        lines.append((BOLD + line + RESET) if color and i == 0 else line)
    for heading, items in (
        (translate(lang, "compare.reasons"), table.reasons),
        (translate(lang, "compare.differences"), table.notes),
    ):
        if items:
            lines.append("")
            lines.append(heading)
            lines.extend("  • " + _plain(item) for item in items)
    lines.append("")
    lines.append(translate(lang, "compare.explain_hint", names=", ".join(table.names)))
    return "\n".join(lines) + "\n"


def _number_settings(comparison: Comparison) -> tuple[bool, int]:
    settings = comparison.settings
    return bool(settings.get("decimal", False)), int(settings.get("places", 4))


# --- Markdown ------------------------------------------------------------------------------------


def render_markdown(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return a Markdown document: a pipe table whose formulas are ``$…$``."""
    from linsteps.render.latex import TexFormatter
    from linsteps.render.markdown import escape_markdown, inline

    fmt = TexFormatter(
        lang, *_number_settings(comparison), settings["hadamard"], settings["vector"]
    )
    table = TableBuilder(comparison, lang, fmt).build()

    def cell(spans: Cell) -> str:
        return "".join(inline(s.text) if s.math else escape_markdown(s.text) for s in spans)

    parts = ["## " + cell(table.title), "$$\n" + ",\\quad ".join(table.givens) + "\n$$"]
    lines = ["| " + " | ".join(escape_markdown(h) for h in table.header) + " |"]
    lines.append("|" + "---|" * len(table.header))
    lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows)
    parts.append("\n".join(lines))
    for heading, items in (
        (translate(lang, "compare.reasons"), table.reasons),
        (translate(lang, "compare.differences"), table.notes),
    ):
        if items:
            parts.append("### " + escape_markdown(heading))
            parts.append("\n".join("- " + cell(item) for item in items))
    return "\n\n".join(parts) + "\n"


# --- LaTeX ---------------------------------------------------------------------------------------

LATEX_COLUMNS = "p{0.19\\linewidth}p{0.25\\linewidth}p{0.17\\linewidth}p{0.11\\linewidth}l"


def latex_body(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return the comparison as a LaTeX snippet: a tabular between paragraphs (amsmath)."""
    from linsteps.render.latex import TexFormatter, prose, spans_tex

    fmt = TexFormatter(
        lang, *_number_settings(comparison), settings["hadamard"], settings["vector"]
    )
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
    ):
        if items:
            parts.append(f"\\noindent\\textbf{{{prose(heading)}}}")
            entries = "\n".join("  \\item " + spans_tex(item) for item in items)
            parts.append(f"\\begin{{itemize}}\n{entries}\n\\end{{itemize}}")
    return "\n\n".join(parts) + "\n"


def latex_document(body: str, lang: str) -> str:
    """Return a complete document around LaTeX snippets (xelatex for Chinese)."""
    if lang == "zh":
        head = ["% Compile with xelatex.", "\\documentclass{ctexart}"]
    else:
        head = [
            "\\documentclass{article}",
            "\\usepackage[utf8]{inputenc}",
            "\\usepackage[T1]{fontenc}",
            "\\usepackage{lmodern}",
        ]
    head += [
        "\\usepackage{amsmath}",
        "\\usepackage[a4paper,margin=2cm]{geometry}",
        "\\begin{document}",
    ]
    return "\n".join(head) + "\n\n" + body + "\n\\end{document}\n"


def render_latex(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return a LaTeX snippet, or a whole document when ``standalone``."""
    body = latex_body(comparison, lang, **settings)
    return latex_document(body, lang) if settings["standalone"] else body


# --- HTML ----------------------------------------------------------------------------------------

TABLE_STYLE = """\
.linsteps table.compare { border-collapse: collapse; margin: 0.6rem 0; }
.linsteps table.compare th, .linsteps table.compare td { border-bottom: 1px solid #ddd;
  padding: 0.35rem 0.6rem; text-align: left; vertical-align: middle; }
.linsteps table.compare th { font-weight: 600; border-bottom: 2px solid #888; }
.linsteps ul { padding-left: 1.25rem; }
.linsteps li { margin: 0.35rem 0; }
"""


def html_article(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return the comparison as an ``<article>`` with MathML."""
    from linsteps.render.html import math, spans_html
    from linsteps.render.mathml_formatter import MathMLFormatter

    decimal, places = _number_settings(comparison)
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
    ):
        if items:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
            entries = "\n".join(f"<li>{spans_html(item)}</li>" for item in items)
            parts.append(f"<ul>\n{entries}\n</ul>")
    blocks = "\n".join(parts)
    return f'<article class="linsteps" lang="{lang}">\n{blocks}\n</article>\n'


def html_page(title: str, articles: str, lang: str) -> str:
    """Return a whole page (no scripts, nothing fetched) around articles."""
    from linsteps.render.html import STYLE

    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{STYLE}{TABLE_STYLE}</style>\n</head>\n<body>\n{articles}</body>\n</html>\n"
    )


def render_html(comparison: Comparison, lang: str, **settings: Any) -> str:
    """Return a page (or a fragment when not ``standalone``)."""
    article = html_article(comparison, lang, **settings)
    if not settings["standalone"]:
        return f"<div>\n<style>\n{TABLE_STYLE}</style>\n{article}</div>\n"
    plain = TableBuilder(comparison, lang, TextFormatter(lang)).build()
    return html_page(_plain(plain.title), article, lang)


# --- JSON ----------------------------------------------------------------------------------------


def comparison_dict(comparison: Comparison, lang: str = "en") -> dict[str, Any]:
    """Return the comparison as JSON-ready data: rows with text and LaTeX forms."""
    decimal, places = _number_settings(comparison)
    text, latex = TextFormatter(lang, decimal, places), LatexFormatter(lang, decimal, places)
    table = TableBuilder(comparison, lang, text).build()

    def node(value: Node | None) -> dict[str, str] | None:
        if value is None:
            return None
        return {"text": text.format(value), "latex": latex.format(value)}

    rows = []
    for row, cells in zip(comparison.rows, table.rows, strict=True):
        key = row.sizes[0]
        reason = row.reason
        rows.append(
            {
                "name": row.name,
                "kind": row.kind,
                "operation": row.operation,
                "notation": node(row.notation),
                "rule": node(row.rule),
                "how": translate(lang, "compare.how." + row.how),
                "defined": row.defined,
                "sizes": {"key": key, "message": _plain(cells[2])},
                "reason": None
                if reason is None
                else {"key": reason.key, "params": reason.params, "message": reason.message(lang)},
                "result": None if row.shape is None else _plain(cells[3]),
                "value": None
                if row.derivation is None
                else {**(node(row.value) or {}), "sympy": str(row.result)},
                "approx": None if row.approx is None else text.format(row.approx),
            }
        )
    return {
        "version": 1,
        "command": "compare",
        "mode": comparison.mode,
        "lang": lang,
        "inputs": [
            {
                "name": op.name,
                "layout": op.layout,
                "shape": list(op.shape),
                "source": op.source,
                "sympy": str(op.value),
            }
            for op in comparison.inputs
        ],
        "rows": rows,
        "differences": [
            {"key": note.key, "message": _plain(cell)}
            for note, cell in zip(comparison.notes, table.notes, strict=True)
        ],
    }


def render_json(comparison: Comparison, lang: str) -> str:
    """Return the JSON of a comparison, indented, UTF-8."""
    return json.dumps(comparison_dict(comparison, lang), ensure_ascii=False, indent=2) + "\n"


def render_comparison(comparison: Comparison, fmt: str, lang: str, **given: Any) -> str:
    """Return ``comparison`` in ``fmt`` (text, json, markdown, latex, html) and ``lang``."""
    from linsteps.errors import UsageError

    if fmt not in _DEFAULTS:
        raise UsageError("bad_format", value=fmt, choices=", ".join(_DEFAULTS))
    settings = resolve(fmt, _DEFAULTS[fmt], _CHOICES, given, comparison.settings)
    if fmt == "text":
        return render_text(comparison, lang, bool(settings["color"]))
    if fmt == "json":
        return render_json(comparison, lang)
    if fmt == "markdown":
        return render_markdown(comparison, lang, **settings)
    if fmt == "latex":
        return render_latex(comparison, lang, **settings)
    return render_html(comparison, lang, **settings)
