"""Rendering the concept cards of :mod:`linsteps.learn.guide` in every format.

:class:`CardLayout` lays a card out once with one node formatter: its title, its sections as
spans (catalog prose whose parameters are formulas), the rule as formatted equalities, the
mistakes with their checker codes, and the worked example (a derivation, rendered by the
derivation renderers of the same format).  Writers put the pieces into their syntax; nothing
here computes.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from linsteps.derivation.steps import Derivation
from linsteps.i18n import catalog, translate
from linsteps.learn.documents import html_page, latex_document
from linsteps.learn.guide import SECTIONS, Card, Guide, card_params
from linsteps.reading.budget import bounded
from linsteps.render.formatter import NodeFormatter
from linsteps.render.latex_formatter import LatexFormatter
from linsteps.render.layout import LayoutBuilder, Span
from linsteps.render.settings import resolve
from linsteps.render.text_formatter import TextFormatter

Spans = tuple[Span, ...]
_DEFAULTS: dict[str, dict[str, Any]] = {
    "text": {"color": False},
    "json": {},
    "markdown": {},
    "latex": {"standalone": False},
    "html": {"standalone": True},
}


@dataclass(frozen=True)
class CardView:
    """A card laid out: section ids with their spans, the rule, the mistakes, the example."""

    topic: str
    title: str
    summary: str
    sections: tuple[tuple[str, Spans], ...]
    rule: str
    mistakes: tuple[tuple[str, Spans], ...]
    example: Derivation


class CardLayout:
    """Lays out cards with one node formatter."""

    def __init__(self, lang: str, fmt: NodeFormatter) -> None:
        self.lang = lang
        self.fmt = fmt
        self.layout = LayoutBuilder(Derivation("guide", (), (), None), lang, fmt)

    def heading(self, section: str) -> str:
        """Return a section heading."""
        return translate(self.lang, "guide.section." + section)

    def view(self, card: Card) -> CardView:
        """Return the laid-out card; its example is derived by the engine now."""
        params = card_params(card)
        prefix = f"guide.{card.topic}."
        sections = tuple(
            (section, self.layout.spans(prefix + section, params, {}))
            for section in SECTIONS
            if section != "geometry" or card.geometry
        )
        lhs, forms = card.rule
        eq = f" {self.fmt.symbols['eq']} "
        rule = eq.join(self.fmt.format(node) for node in (lhs, *forms))
        mistakes = tuple(
            (code, self.layout.spans(f"{prefix}mistake.{code}", params, {}))
            for code in card.mistakes
        )
        return CardView(
            card.topic,
            translate(self.lang, prefix + "title"),
            translate(self.lang, prefix + "summary"),
            sections,
            rule,
            mistakes,
            card.derive(),
        )


def _plain(spans: Spans) -> str:
    return "".join(span.text for span in spans)


# --- text ----------------------------------------------------------------------------------------


def text_card(view: CardView, layout: CardLayout, color: bool) -> str:
    """Return one card as text."""
    from linsteps.render.text import BOLD, RESET

    def head(text: str) -> str:
        return f"{BOLD}{text}{RESET}" if color else text

    lines = [head(view.title)]
    for section, spans in view.sections[:1]:
        lines += ["  " + layout.heading(section), "    " + _plain(spans)]
    lines += ["  " + layout.heading("rule"), "    " + view.rule]
    for section, spans in view.sections[1:]:
        lines += ["  " + layout.heading(section), "    " + _plain(spans)]
    lines.append("  " + layout.heading("mistakes"))
    lines += [
        f"    • {_plain(s)}{translate(layout.lang, 'guide.code', code=c)}" for c, s in view.mistakes
    ]
    lines.append("  " + layout.heading("example"))
    example = view.example.to_text(layout.lang)
    lines += ["    " + line if line else "" for line in example.rstrip("\n").split("\n")]
    return "\n".join(lines) + "\n"


def text_listing(cards: tuple[Card, ...], lang: str) -> str:
    """Return the list of concepts as text."""
    from linsteps.render.text import pad, width

    rows = [(card.topic, translate(lang, f"guide.{card.topic}.title"), card) for card in cards]
    column = max(width(topic) for topic, _, _ in rows) + 2
    lines = [translate(lang, "guide.list.title")]
    for topic, title, card in rows:
        summary = translate(lang, f"guide.{card.topic}.summary")
        lines.append(f"  {pad(topic, column)}{title}: {summary}")
    lines += ["", translate(lang, "guide.list.hint")]
    return "\n".join(lines) + "\n"


# --- Markdown ------------------------------------------------------------------------------------


def markdown_card(view: CardView, layout: CardLayout) -> str:
    """Return one card as Markdown; the example is the derivation's own Markdown."""
    from linsteps.render.markdown import prose_markdown
    from linsteps.render.markdown import spans_markdown as spans

    parts = ["## " + prose_markdown(view.title)]
    for i, (section, items) in enumerate(view.sections):
        parts += ["### " + prose_markdown(layout.heading(section)), spans(items)]
        if i == 0:
            parts += ["### " + prose_markdown(layout.heading("rule")), f"$$\n{view.rule}\n$$"]
    parts.append("### " + prose_markdown(layout.heading("mistakes")))
    code = translate(layout.lang, "guide.code", code="\x00")
    parts.append(
        "\n".join(
            f"- {spans(s)}{prose_markdown(code).replace(chr(0), f'`{c}`')}"
            for c, s in view.mistakes
        )
    )
    parts.append("### " + prose_markdown(layout.heading("example")))
    example = view.example.render("markdown", layout.lang).rstrip("\n")
    parts.append(re.sub(r"^## ", "#### ", example, flags=re.M))
    return "\n\n".join(parts) + "\n"


def markdown_listing(cards: tuple[Card, ...], lang: str) -> str:
    """Return the list of concepts as Markdown."""
    from linsteps.render.markdown import prose_markdown

    items = [
        f"- `{card.topic}`: **{prose_markdown(translate(lang, f'guide.{card.topic}.title'))}**, "
        + prose_markdown(translate(lang, f"guide.{card.topic}.summary"))
        for card in cards
    ]
    title = prose_markdown(translate(lang, "guide.list.title"))
    hint = prose_markdown(translate(lang, "guide.list.hint"))
    return f"## {title}\n\n" + "\n".join(items) + f"\n\n{hint}\n"


# --- LaTeX ---------------------------------------------------------------------------------------


def latex_card(view: CardView, layout: CardLayout) -> str:
    """Return one card as a LaTeX snippet (amsmath); the example is the derivation's LaTeX."""
    from linsteps.render.latex import escape_text, prose, spans_tex

    parts = [f"\\section*{{{prose(view.title)}}}"]
    for i, (section, items) in enumerate(view.sections):
        parts += [f"\\subsection*{{{prose(layout.heading(section))}}}", spans_tex(items)]
        if i == 0:
            parts += [
                f"\\subsection*{{{prose(layout.heading('rule'))}}}",
                f"\\[ {view.rule} \\]",
            ]
    parts.append(f"\\subsection*{{{prose(layout.heading('mistakes'))}}}")
    code = translate(layout.lang, "guide.code", code="\x00")
    entries = "\n".join(
        f"  \\item {spans_tex(s)}" + prose(code).replace("\x00", f"\\texttt{{{escape_text(c)}}}")
        for c, s in view.mistakes
    )
    parts.append(f"\\begin{{itemize}}\n{entries}\n\\end{{itemize}}")
    parts.append(f"\\subsection*{{{prose(layout.heading('example'))}}}")
    parts.append(view.example.render("latex", layout.lang).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def latex_listing(cards: tuple[Card, ...], lang: str) -> str:
    """Return the list of concepts as LaTeX."""
    from linsteps.render.latex import escape_text, prose

    items = "\n".join(
        f"  \\item[\\texttt{{{escape_text(card.topic)}}}] "
        f"\\textbf{{{prose(translate(lang, f'guide.{card.topic}.title'))}}}: "
        + prose(translate(lang, f"guide.{card.topic}.summary"))
        for card in cards
    )
    title = prose(translate(lang, "guide.list.title"))
    hint = prose(translate(lang, "guide.list.hint"))
    return (
        f"\\section*{{{title}}}\n\n\\begin{{description}}\n{items}\n\\end{{description}}\n\n"
        f"{hint}\n"
    )


# --- HTML ----------------------------------------------------------------------------------------


def html_card(view: CardView, layout: CardLayout) -> str:
    """Return one card as an ``<article>`` with MathML; the example is the derivation's article."""
    from linsteps.render.html import HtmlRenderer, math, prose_html, spans_html

    parts = [f"<h1>{prose_html(view.title)}</h1>"]
    for i, (section, items) in enumerate(view.sections):
        parts += [f"<h2>{html.escape(layout.heading(section))}</h2>", f"<p>{spans_html(items)}</p>"]
        if i == 0:
            parts += [
                f"<h2>{html.escape(layout.heading('rule'))}</h2>",
                f'<div class="scroll">{math(view.rule, True)}</div>',
            ]
    parts.append(f"<h2>{html.escape(layout.heading('mistakes'))}</h2>")
    code = html.escape(translate(layout.lang, "guide.code", code="\x00"))
    entries = "\n".join(
        f"<li>{spans_html(s)}{code.replace(chr(0), f'<code>{html.escape(c)}</code>')}</li>"
        for c, s in view.mistakes
    )
    parts.append(f"<ul>\n{entries}\n</ul>")
    parts.append(f"<h2>{html.escape(layout.heading('example'))}</h2>")
    parts.append(HtmlRenderer(view.example, layout.lang).article().rstrip("\n"))
    body = "\n".join(parts)
    head = f'<article class="linsteps card" lang="{layout.lang}" id="{view.topic}">'
    return f"{head}\n{body}\n</article>\n"


def html_listing(cards: tuple[Card, ...], lang: str) -> str:
    """Return the list of concepts as an ``<article>``."""
    from linsteps.render.html import prose_html

    items = "\n".join(
        f"<li><code>{card.topic}</code> <strong>"
        f"{prose_html(translate(lang, f'guide.{card.topic}.title'))}</strong>: "
        f"{prose_html(translate(lang, f'guide.{card.topic}.summary'))}</li>"
        for card in cards
    )
    title = html.escape(translate(lang, "guide.list.title"))
    hint = html.escape(translate(lang, "guide.list.hint"))
    return (
        f'<article class="linsteps" lang="{lang}">\n<h1>{title}</h1>\n<ul>\n{items}\n</ul>\n'
        f"<p>{hint}</p>\n</article>\n"
    )


# --- JSON ----------------------------------------------------------------------------------------


def guide_dict(guide: Guide, lang: str = "en") -> dict[str, Any]:
    """Return the guide as JSON-ready data."""
    listing = [
        {
            "topic": card.topic,
            "aliases": list(card.aliases),
            "title": translate(lang, f"guide.{card.topic}.title"),
            "summary": translate(lang, f"guide.{card.topic}.summary"),
        }
        for card in guide.cards
    ]
    if guide.listing:
        return {"version": 1, "command": "guide", "lang": lang, "topics": listing}
    text = CardLayout(lang, TextFormatter(lang))
    latex = CardLayout(lang, LatexFormatter(lang))
    cards = []
    for card in guide.cards:
        view, tex = text.view(card), latex.view(card)
        cards.append(
            {
                "topic": card.topic,
                "title": view.title,
                "summary": view.summary,
                **{section: _plain(spans) for section, spans in view.sections},
                "rule": {"text": view.rule, "latex": tex.rule},
                "mistakes": [{"code": c, "message": _plain(s)} for c, s in view.mistakes],
                "example": view.example.to_dict(lang),
            }
        )
    return {"version": 1, "command": "guide", "lang": lang, "cards": cards}


# --- the dispatch --------------------------------------------------------------------------------


@bounded
def render_guide(guide: Guide, fmt: str = "text", lang: str = "en", **given: Any) -> str:
    """Return ``guide`` in ``fmt`` (text, json, markdown, latex, html) and ``lang``."""
    from linsteps.errors import UsageError

    if fmt not in _DEFAULTS:
        raise UsageError("bad_format", value=fmt, choices=", ".join(_DEFAULTS))
    settings = resolve(fmt, _DEFAULTS[fmt], {}, given, {})
    catalog(lang)
    if fmt == "json":
        return json.dumps(guide_dict(guide, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        if guide.listing:
            return text_listing(guide.cards, lang)
        layout = CardLayout(lang, TextFormatter(lang))
        color = bool(settings["color"])
        return "\n".join(text_card(layout.view(c), layout, color) for c in guide.cards)
    if fmt == "markdown":
        if guide.listing:
            return markdown_listing(guide.cards, lang)
        from linsteps.render.latex import TexFormatter

        layout = CardLayout(lang, TexFormatter(lang))
        return "\n".join(markdown_card(layout.view(c), layout) for c in guide.cards)
    if fmt == "latex":
        return _latex(guide, lang, bool(settings["standalone"]))
    return _html(guide, lang, bool(settings["standalone"]))


def _latex(guide: Guide, lang: str, standalone: bool) -> str:
    from linsteps.render.latex import TexFormatter, prose

    if guide.listing:
        body = latex_listing(guide.cards, lang)
    else:
        layout = CardLayout(lang, TexFormatter(lang))
        cards = [latex_card(layout.view(c), layout) for c in guide.cards]
        body = "\n\\clearpage\n\n".join(cards) if standalone else "\n".join(cards)
        if standalone and len(guide.cards) > 1:
            title = prose(translate(lang, "guide.handout.title"))
            body = f"\\begin{{center}}\\LARGE {title}\\end{{center}}\n\n" + body
    return latex_document(body, lang) if standalone else body


def _html(guide: Guide, lang: str, standalone: bool) -> str:
    from linsteps.render.mathml_formatter import MathMLFormatter

    if guide.listing:
        articles = html_listing(guide.cards, lang)
        title = translate(lang, "guide.list.title")
    else:
        layout = CardLayout(lang, MathMLFormatter(lang))
        articles = "".join(html_card(layout.view(c), layout) for c in guide.cards)
        title = (
            translate(lang, f"guide.{guide.cards[0].topic}.title")
            if len(guide.cards) == 1
            else translate(lang, "guide.handout.title")
        )
    if not standalone:
        return f"<div>\n{articles}</div>\n"
    return html_page(title, articles, lang)
