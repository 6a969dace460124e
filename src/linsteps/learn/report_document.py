"""A small document of prose, inline code, tables and code blocks, written in every format.

The shape reports (``shapes``, ``why``) and the programs beside an explanation (``--code``)
are not derivations: they are made of sentences whose parameters are code (``x @ W.T``,
``(32, 784)``), tables of such cells, and code blocks.  :class:`Part` values hold them;
:func:`write` puts them in text (aligned, CJK-width aware), Markdown (inline code, pipe
tables, fenced blocks), LaTeX (``\\texttt``, ``tabular``, ``verbatim``) or HTML (``<code>``,
``<table>``, ``<pre>``).  Sentences come from the catalog through :func:`sentence`.  Nothing
here computes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from string import Formatter
from typing import Any

from linsteps.i18n import message_template

Piece = tuple[str, bool]  # text, and whether it is code
Pieces = tuple[Piece, ...]


@dataclass(frozen=True)
class Part:
    """One part: ``heading`` (pieces), ``paragraph`` (pieces), ``table`` (a header and rows
    of cells), ``code`` (a block, ``language`` python or text) or ``items`` (a heading and a
    bulleted list)."""

    kind: str
    pieces: Pieces = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[Pieces, ...], ...] = ()
    items: tuple[Pieces, ...] = ()
    code: str = ""
    language: str = "text"


def sentence(
    lang: str, key: str, params: dict[str, Any], code: frozenset[str] = frozenset()
) -> Pieces:
    """Return catalog message ``key`` as pieces: the parameters named in ``code`` are code."""
    template = message_template(lang, key, params)
    out: list[Piece] = []
    for literal, name, spec, _ in Formatter().parse(template):
        if literal:
            out.append((literal, False))
        if name is None:
            continue
        value = params.get(name, "{" + name + "}")
        out.append((format(value, spec or ""), name in code))
    return tuple(out)


def plain(pieces: Pieces) -> str:
    """Return the pieces as plain text."""
    return "".join(text for text, _ in pieces)


# --- text --------------------------------------------------------------------------------------


def write_text(parts: list[Part], color: bool = False) -> str:
    """Return the parts as Unicode text."""
    from linsteps.render.text import BOLD, RESET, pad, width

    lines: list[str] = []
    for part in parts:
        if part.kind == "heading":
            lines.append((BOLD + plain(part.pieces) + RESET) if color else plain(part.pieces))
        elif part.kind == "paragraph":
            lines.append(plain(part.pieces))
        elif part.kind == "table":
            grid = [[plain(cell) for cell in row] for row in part.rows]
            widths = [max(width(row[j]) for row in grid) for j in range(len(part.header))]
            lines.extend(
                "  " + "   ".join(pad(c, widths[j]) for j, c in enumerate(row)).rstrip()
                for row in grid
            )
        elif part.kind == "code":  # a program as it runs; a message indented
            indent = "" if part.language == "python" else "    "
            lines.extend((indent + line).rstrip() for line in part.code.splitlines())
        elif part.kind == "items":
            lines.append(plain(part.pieces))
            lines.extend("  • " + plain(item) for item in part.items)
    return "\n".join(lines) + "\n"


# --- Markdown ----------------------------------------------------------------------------------


def _markdown_pieces(pieces: Pieces) -> str:
    from linsteps.render.markdown import escape_markdown

    out = []
    for text, code in pieces:
        if code:
            fence = "``" if "`" in text else "`"
            pad = " " if text.startswith("`") or text.endswith("`") else ""
            out.append(f"{fence}{pad}{text}{pad}{fence}")
        else:
            out.append(escape_markdown(text))
    return "".join(out)


def write_markdown(parts: list[Part]) -> str:
    """Return the parts as Markdown."""
    blocks: list[str] = []
    for part in parts:
        if part.kind == "heading":
            blocks.append("## " + _markdown_pieces(part.pieces))
        elif part.kind == "paragraph":
            blocks.append(_markdown_pieces(part.pieces))
        elif part.kind == "table":
            from linsteps.render.markdown import escape_markdown

            lines = ["| " + " | ".join(escape_markdown(h) for h in part.header) + " |"]
            lines.append("|" + "---|" * len(part.header))
            lines.extend(
                "| " + " | ".join(_markdown_pieces(c).replace("|", "\\|") for c in row) + " |"
                for row in part.rows
            )
            blocks.append("\n".join(lines))
        elif part.kind == "code":
            fence = "````" if "```" in part.code else "```"
            blocks.append(f"{fence}{part.language}\n{part.code.rstrip()}\n{fence}")
        elif part.kind == "items":
            items = "\n".join("- " + _markdown_pieces(item) for item in part.items)
            blocks.append("### " + _markdown_pieces(part.pieces) + "\n\n" + items)
    return "\n\n".join(blocks) + "\n"


# --- LaTeX -------------------------------------------------------------------------------------


def _latex_pieces(pieces: Pieces) -> str:
    from linsteps.render.latex import escape_text, prose

    return "".join(f"\\texttt{{{escape_text(t)}}}" if code else prose(t) for t, code in pieces)


def write_latex(parts: list[Part]) -> str:
    """Return the parts as a LaTeX snippet (no packages beyond the article's own)."""
    from linsteps.render.latex import escape_text

    blocks: list[str] = []
    for part in parts:
        if part.kind == "heading":
            blocks.append(f"\\noindent\\textbf{{{_latex_pieces(part.pieces)}}}")
        elif part.kind == "paragraph":
            blocks.append("\\noindent " + _latex_pieces(part.pieces))
        elif part.kind == "table":
            head = " & ".join(f"\\textbf{{{escape_text(h)}}}" for h in part.header)
            body = " \\\\\n".join(" & ".join(_latex_pieces(c) for c in row) for row in part.rows)
            columns = "l" * (len(part.header) - 1) + "p{0.45\\linewidth}"
            blocks.append(
                f"{{\\small\\noindent\\begin{{tabular}}{{{columns}}}\n\\hline\n{head} \\\\\n"
                f"\\hline\n{body} \\\\\n\\hline\n\\end{{tabular}}}}"
            )
        elif part.kind == "code":
            blocks.append("\\begin{verbatim}\n" + part.code.rstrip() + "\n\\end{verbatim}")
        elif part.kind == "items":
            entries = "\n".join("  \\item " + _latex_pieces(item) for item in part.items)
            blocks.append(
                f"\\noindent\\textbf{{{_latex_pieces(part.pieces)}}}\n"
                f"\\begin{{itemize}}\n{entries}\n\\end{{itemize}}"
            )
    return "\n\n".join(blocks) + "\n"


# --- HTML --------------------------------------------------------------------------------------


def _html_pieces(pieces: Pieces) -> str:
    return "".join(
        f"<code>{html.escape(text)}</code>" if code else html.escape(text) for text, code in pieces
    )


def write_html(parts: list[Part]) -> str:
    """Return the parts as the inside of an ``<article>``."""
    blocks: list[str] = []
    for part in parts:
        if part.kind == "heading":
            blocks.append(f"<h1>{_html_pieces(part.pieces)}</h1>")
        elif part.kind == "paragraph":
            blocks.append(f"<p>{_html_pieces(part.pieces)}</p>")
        elif part.kind == "table":
            head = "".join(f"<th>{html.escape(h)}</th>" for h in part.header)
            rows = "\n".join(
                "<tr>" + "".join(f"<td>{_html_pieces(c)}</td>" for c in row) + "</tr>"
                for row in part.rows
            )
            blocks.append(
                f'<div class="scroll"><table class="compare">\n<thead><tr>{head}</tr></thead>\n'
                f"<tbody>\n{rows}\n</tbody>\n</table></div>"
            )
        elif part.kind == "code":
            language = f' class="language-{part.language}"'
            blocks.append(f"<pre><code{language}>{html.escape(part.code.rstrip())}</code></pre>")
        elif part.kind == "items":
            entries = "\n".join(f"<li>{_html_pieces(item)}</li>" for item in part.items)
            blocks.append(f"<h2>{_html_pieces(part.pieces)}</h2>\n<ul>\n{entries}\n</ul>")
    return "\n".join(blocks) + "\n"


def write(
    parts: list[Part], fmt: str, lang: str, standalone: bool = False, color: bool = False
) -> str:
    """Return the parts in ``fmt`` (text, markdown, latex, html); a whole LaTeX document when
    ``standalone``, and always a whole HTML page."""
    from linsteps.learn.documents import html_page, latex_document

    if fmt == "text":
        return write_text(parts, color)
    if fmt == "markdown":
        return write_markdown(parts)
    if fmt == "latex":
        body = write_latex(parts)
        return latex_document(body, lang) if standalone else body
    title = next((plain(p.pieces) for p in parts if p.kind == "heading"), "linsteps")
    article = f'<article class="linsteps" lang="{lang}">\n{write_html(parts)}</article>\n'
    return html_page(title, article, lang)


__all__ = [
    "Part",
    "Piece",
    "Pieces",
    "plain",
    "sentence",
    "write",
    "write_html",
    "write_latex",
    "write_markdown",
    "write_text",
]
