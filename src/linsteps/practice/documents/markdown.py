"""A sheet in Markdown, with ``$…$`` and ``$$…$$`` math as the derivations' Markdown writes it."""

from __future__ import annotations

import re

from linsteps.derivation.steps import Derivation
from linsteps.practice.documents.layout import SheetWriter

_LINE = "_" * 30


class MarkdownWriter(SheetWriter):
    """Markdown with ``$…$`` and ``$$…$$`` math, as the derivations' Markdown writes it."""

    fmt = "markdown"

    def escape(self, text: str) -> str:
        from linsteps.render.markdown import prose_markdown

        return prose_markdown(text)

    def inline(self, math: str) -> str:
        from linsteps.render.markdown import inline

        return inline(math)

    def display(self, math: list[str]) -> str:
        return "$$\n" + ",\\quad ".join(math) + "\n$$"

    def document(self, body: list[str]) -> str:
        return "\n\n".join(body) + "\n"

    def heading(self, text: str, level: int) -> str:
        return "#" * level + " " + text

    def paragraph(self, text: str) -> str:
        return text

    def numbered(self, items: list[str]) -> str:
        return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))

    def problem(self, number: int, blocks: list[str]) -> str:
        return f"**{number}.** " + "\n\n".join(blocks)

    def new_page(self) -> str:
        return "---"

    def line_break(self) -> str:
        return "  \n"

    def blank(self) -> str:
        return _LINE

    def derivation(self, derivation: Derivation) -> str:
        # The derivation's title becomes a heading below "Problem n".
        text = derivation.render("markdown", self.lang).rstrip("\n")
        return re.sub(r"^## ", "#### ", text, flags=re.M)
