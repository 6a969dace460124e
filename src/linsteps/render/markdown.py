"""The Markdown renderer: catalog prose and headings, mathematics in ``$…$`` and ``$$…$$``.

The mathematics uses only what GitHub, KaTeX, MathJax and pandoc all read: equations are
``\\begin{aligned}`` inside ``$$`` on lines of their own, inline formulas have no space inside
their dollars, no ``$`` ever appears inside a formula, and dollar signs, asterisks and other
Markdown characters of the prose are escaped.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from linsteps.derivation.steps import Derivation
from linsteps.i18n import translate
from linsteps.render.latex import (
    _choices,
    _default_settings,
    formatter_for,
    rows_tex,
)
from linsteps.render.latex_formatter import join_latex, latex_formula
from linsteps.render.layout import Block, LayoutBuilder, Span, checked_drawing, picture_alt
from linsteps.render.prose import prose_pieces
from linsteps.render.settings import resolve

# Markdown's own characters, escaped in prose; "--" is escaped so it is not made a dash.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>$#|~])")
_defaults = {k: v for k, v in _default_settings.items() if k != "standalone"} | {
    "picture": None,  # a Drawing (--plot): linked by its relative path
}


def escape_markdown(text: str) -> str:
    """Return prose with Markdown's special characters escaped."""
    return _MARKDOWN.sub(r"\\\1", text).replace("--", "\\-\\-")


def inline(tex: str) -> str:
    """Return a formula as inline math: ``$…$`` with no space just inside the dollars."""
    return "$" + " ".join(tex.split()) + "$"


def prose_markdown(text: str) -> str:
    """Return prose with its formulas (``cos θ = 1``, π) as inline math, the rest escaped:
    pandoc's PDF engine, pdflatex, cannot set θ or ≤ as text."""
    return spans_markdown((Span(text),))


def spans_markdown(spans: tuple[Span, ...]) -> str:
    """Return a sentence with inline formulas, the formulas of its prose too.

    Formulas that touch are one (``$a$$b$`` would open a display in pandoc).
    """
    pieces: list[tuple[bool, str]] = []
    for span in spans:
        found = (
            [(True, span.text)]
            if span.math
            else [
                (p.formula, latex_formula(p.text) if p.formula else p.text)
                for p in prose_pieces(span.text)
            ]
        )
        for math, text in found:
            if math and pieces and pieces[-1][0]:
                pieces[-1] = (True, join_latex(pieces[-1][1], text))
            else:
                pieces.append((math, text))
    return "".join(inline(text) if math else escape_markdown(text) for math, text in pieces)


class MarkdownRenderer:
    """Writes the layout of a derivation as Markdown."""

    def __init__(self, derivation: Derivation, lang: str, **given: Any) -> None:
        self.settings = resolve("markdown", _defaults, _choices, given, derivation.settings)
        self.derivation = derivation
        self.picture = checked_drawing(self.settings["picture"])
        self.lang = lang
        self.fmt = formatter_for(lang, {**_default_settings, **self.settings})
        self.layout = LayoutBuilder(derivation, lang, self.fmt, self.settings["terms_per_line"])

    def block(self, block: Block) -> str:
        """Return one block."""
        if block.kind == "title":
            return "## " + spans_markdown(block.spans)
        if block.kind == "equations":
            return "$$\n" + rows_tex(block.rows, self.fmt, "aligned") + "\n$$"
        text = spans_markdown(block.spans)
        if block.label:
            label = translate(self.lang, "format.label", label=block.label)
            text = f"*{prose_markdown(label)}* {text}"
        return text

    def image(self) -> list[str]:
        """Return the picture as an image linked by its relative path (nothing without one)."""
        if self.picture is None:
            return []
        alt = escape_markdown(picture_alt(self.derivation, self.lang))
        return [f"![{alt}]({quote(self.picture.href)})"]

    def render(self) -> str:
        """Return the whole derivation."""
        blocks = [self.block(b) for b in self.layout.build()] + self.image()
        return "\n\n".join(blocks) + "\n"


def render_markdown(derivation: Derivation, lang: str = "en", **settings: Any) -> str:
    """Return the derivation as Markdown."""
    return MarkdownRenderer(derivation, lang, **settings).render()
