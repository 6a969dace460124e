"""The HTML renderer: a self-contained page with MathML, no scripts, no network fetches.

The page carries its ``lang``, is UTF-8, and has its stylesheet inline (readable on screen,
printable on paper).  Equations are rows of a table, aligned on their relation sign, each
side a ``<math>`` element; prose is paragraphs with inline ``<math>``.  With
``standalone=False`` it is a fragment (for Jupyter) with the same scoped style.
"""

from __future__ import annotations

import html
from typing import Any

from linsteps.derivation.steps import Derivation
from linsteps.i18n import translate
from linsteps.render.layout import (
    Block,
    LayoutBuilder,
    Row,
    Span,
    checked_drawing,
    picture_alt,
)
from linsteps.render.mathml_formatter import MathMLFormatter, mathml_formula
from linsteps.render.prose import prose_pieces
from linsteps.render.settings import resolve
from linsteps.render.text_formatter import TextFormatter

# Everything the HTML renderer can be told, with its default.
_default_settings: dict[str, Any] = {
    "hadamard": "circ",  # the Hadamard product symbol: circ (A∘B) or odot (A⊙B)
    "vector": "plain",  # vector names: plain a, bold 𝐚 or arrow a⃗
    "standalone": True,  # a whole page; False gives a fragment (Jupyter)
    "terms_per_line": 6,  # a longer sum is broken over several rows
    "picture": None,  # a Drawing (--plot): embedded in the page, SVG inline or PNG as data:
}
_choices: dict[str, tuple[str, ...]] = {
    "hadamard": ("circ", "odot"),
    "vector": ("plain", "bold", "arrow"),
}

STYLE = """\
.linsteps { font-family: "Latin Modern Roman", "STIX Two Text", Georgia, "Noto Serif CJK SC",
  "Noto Sans CJK SC", "Source Han Serif SC", serif; font-size: 1.0625rem; line-height: 1.55;
  color: #1b1b1b; background: #fff; max-width: 54rem; margin: 2rem auto; padding: 0 1.25rem; }
.linsteps math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", math;
  font-size: 1.08em; }
.linsteps h1 { font-size: 1.35rem; font-weight: 600; margin: 0 0 1rem; }
.linsteps .scroll { overflow-x: auto; overflow-y: hidden; margin: 0.6rem 0; padding: 0.1rem 0; }
.linsteps table.equations { border-collapse: collapse; }
.linsteps table.equations td { padding: 0.2rem 0.2rem; vertical-align: middle; }
.linsteps td.lhs { text-align: right; white-space: nowrap; }
.linsteps td.rhs { text-align: left; white-space: nowrap; }
.linsteps td.label { color: #5f6368; font-size: 0.9em; padding-left: 1.5rem; white-space: nowrap; }
.linsteps p { margin: 0.5rem 0; }
.linsteps p .label { font-style: italic; color: #5f6368; }
.linsteps p.result { border-left: 3px solid #2e7d32; padding-left: 0.75rem; }
.linsteps figure { margin: 1rem 0; }
.linsteps figure svg, .linsteps figure img { max-width: 100%; height: auto; }
.linsteps figcaption { color: #5f6368; font-size: 0.9em; }
@media print {
  .linsteps { max-width: none; margin: 0; padding: 0; color: #000; }
  .linsteps .scroll { overflow: visible; }
  .linsteps table, .linsteps p { break-inside: avoid; }
}
"""


def math(fragment: str, display: bool = False) -> str:
    """Return a ``<math>`` element around a MathML fragment (full-size fractions if ``display``)."""
    attributes = ' displaystyle="true"' if display else ""
    return f"<math{attributes}>{fragment}</math>"


def prose_html(text: str) -> str:
    """Return prose with its formulas (``cos θ = 1``, π) as inline MathML, the rest escaped."""
    return "".join(
        math(mathml_formula(p.text)) if p.formula else html.escape(p.text)
        for p in prose_pieces(text)
    )


def spans_html(spans: tuple[Span, ...]) -> str:
    """Return a sentence with inline MathML."""
    return "".join(math(s.text) if s.math else prose_html(s.text) for s in spans)


class HtmlRenderer:
    """Writes the layout of a derivation as HTML with MathML."""

    def __init__(self, derivation: Derivation, lang: str, **given: Any) -> None:
        self.settings = resolve("html", _default_settings, _choices, given, derivation.settings)
        self.derivation = derivation
        self.lang = lang
        self.fmt = MathMLFormatter(
            lang,
            bool(self.settings["decimal"]),
            int(self.settings["places"]),
            hadamard=self.settings["hadamard"],
            vector=self.settings["vector"],
        )
        self.layout = LayoutBuilder(derivation, lang, self.fmt, self.settings["terms_per_line"])
        self.picture = checked_drawing(self.settings["picture"])

    def figure(self) -> str:
        """Return the picture embedded in the page (SVG inline, PNG as a data: URI), or ''."""
        if self.picture is None:
            return ""
        from linsteps.render.plot import data_uri, inline_svg

        alt = html.escape(picture_alt(self.derivation, self.lang))
        if self.picture.kind == "svg":
            shown = inline_svg(self.picture.data).replace(
                "<svg", f'<svg role="img" aria-label="{alt}"', 1
            )
        else:
            shown = f'<img src="{data_uri(self.picture)}" alt="{alt}">'
        return f'\n<figure class="picture">{shown}<figcaption>{alt}</figcaption></figure>'

    def row(self, row: Row) -> str:
        """Return one equation row: lhs, relation and rhs, label."""
        if row.continued:
            rhs = self.fmt.symbols["quad"] + row.rhs
        else:
            rhs = (self.fmt.symbols[row.relation] if row.relation else "") + row.rhs
        lhs = math(row.lhs, True) if row.lhs else ""
        label = html.escape(row.label)
        return (
            f'<tr><td class="lhs">{lhs}</td><td class="rhs">{math(rhs, True)}</td>'
            f'<td class="label">{label}</td></tr>'
        )

    def block(self, block: Block) -> str:
        """Return one block."""
        if block.kind == "title":
            return f"<h1>{spans_html(block.spans)}</h1>"
        if block.kind == "equations":
            rows = "\n".join(self.row(r) for r in block.rows)
            return f'<div class="scroll"><table class="equations">\n{rows}\n</table></div>'
        text = spans_html(block.spans)
        if block.label:
            label = translate(self.lang, "format.label", label=block.label)
            text = f'<span class="label">{html.escape(label)}</span> {text}'
        return f'<p class="{block.role}">{text}</p>'

    def title(self) -> str:
        """Return the plain-text title of the page."""
        plain = TextFormatter(self.lang, self.fmt.decimal, self.fmt.places)
        spans = LayoutBuilder(self.derivation, self.lang, plain).title()
        return "".join(s.text for s in spans)

    def article(self) -> str:
        """Return the derivation as an ``<article>``."""
        blocks = "\n".join(self.block(b) for b in self.layout.build()) + self.figure()
        return f'<article class="linsteps" lang="{self.lang}">\n{blocks}\n</article>\n'

    def render(self) -> str:
        """Return a whole page, or a fragment when not ``standalone``."""
        if not self.settings["standalone"]:
            return f"<div>\n<style>\n{STYLE}</style>\n{self.article()}</div>\n"
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(self.title())}</title>\n"
            f"<style>\n{STYLE}</style>\n</head>\n<body>\n{self.article()}</body>\n</html>\n"
        )


def render_html(derivation: Derivation, lang: str = "en", **settings: Any) -> str:
    """Return the derivation as an HTML page with MathML."""
    return HtmlRenderer(derivation, lang, **settings).render()
